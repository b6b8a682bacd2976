import Testing
import VM
@testable import Runtime

/// The convert module, with Go's parse grammars and error texts.
@Suite struct BuiltinsConvertTests {
    @Test func bools() throws {
        #expect(try call("convert.format_bool", .bool(true)) == .str("true"))
        for text in ["1", "t", "T", "TRUE", "true", "True"] { #expect(try call("convert.parse_bool", .str(text)) == .bool(true)) }
        for text in ["0", "f", "F", "FALSE", "false", "False"] { #expect(try call("convert.parse_bool", .str(text)) == .bool(false)) }
        expectFailure("convert.parse_bool", [.str("yes")], #"strconv.ParseBool: parsing "yes": invalid syntax"#, catchable: true)
        expectFailure("convert.parse_bool", [.str("")], #"strconv.ParseBool: parsing "": invalid syntax"#, catchable: true)
    }

    @Test func strToInt() throws {
        #expect(try call("convert.str_to_int", .str("-42")) == .int(-42))
        #expect(try call("convert.str_to_int", .str("+7")) == .int(7))
        #expect(try call("convert.str_to_int", .str("9223372036854775807")) == .int(.max))
        #expect(try call("convert.str_to_int", .str("-9223372036854775808")) == .int(.min))
        expectFailure("convert.str_to_int", [.str("x")], #"strconv.ParseInt: parsing "x": invalid syntax"#, catchable: true)
        expectFailure("convert.str_to_int", [.str(" 1")], #"strconv.ParseInt: parsing " 1": invalid syntax"#, catchable: true)
        expectFailure("convert.str_to_int", [.str("1_000")], #"strconv.ParseInt: parsing "1_000": invalid syntax"#,
                      catchable: true)
        expectFailure("convert.str_to_int", [.str("9223372036854775808")],
                      #"strconv.ParseInt: parsing "9223372036854775808": value out of range"#, catchable: true)
        expectFailure("convert.str_to_int", [.str("-")], #"strconv.ParseInt: parsing "-": invalid syntax"#, catchable: true)
    }

    @Test func strToFloat() throws {
        #expect(try call("convert.str_to_float", .str("3.25")) == .float(3.25))
        #expect(try call("convert.str_to_float", .str("-1e3")) == .float(-1000))
        #expect(try call("convert.str_to_float", .str("0x1p-2")) == .float(0.25))
        #expect(try call("convert.str_to_float", .str("1_000.5")) == .float(1000.5))
        #expect(try call("convert.str_to_float", .str(".5")) == .float(0.5))
        #expect(try call("convert.str_to_float", .str("Infinity")) == .float(.infinity))
        #expect(try call("convert.str_to_float", .str("-inf")) == .float(-.infinity))
        #expect(try call("convert.str_to_float", .str("1e-400")) == .float(0))  // underflow is not an error
        guard case .float(let nan) = try call("convert.str_to_float", .str("NaN")) else { Issue.record("NaN"); return }
        #expect(nan.isNaN)
        for bad in ["", "+nan", "1e", "0x1", "1__0", "_1", "1_", "infx", ".", "1.5.2"] {
            expectFailure("convert.str_to_float", [.str(bad)], "strconv.ParseFloat: parsing \(Strconv.quote(bad)): invalid syntax",
                          catchable: true)
        }
        expectFailure("convert.str_to_float", [.str("1e400")], #"strconv.ParseFloat: parsing "1e400": value out of range"#,
                      catchable: true)
    }

    @Test func numbers() throws {
        #expect(try call("convert.to_float", .int(-3)) == .float(-3))
        #expect(try call("convert.to_float", .int(9007199254740993)) == .float(9007199254740992))  // rounds above 2^53
        #expect(try call("convert.to_int", .float(7.8)) == .int(7))
        #expect(try call("convert.to_int", .float(-7.8)) == .int(-7))
        #expect(try call("convert.to_int", .float(.nan)) == .int(.min))  // x86-64's answer, kept
        #expect(try call("convert.to_int", .float(1e300)) == .int(.min))
        #expect(try call("convert.int_to_str", .int(-37)) == .str("-37"))
    }
}
