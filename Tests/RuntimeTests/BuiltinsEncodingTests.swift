import Testing
import VM
@testable import Runtime

/// base64 and JSON decoding.
@Suite struct BuiltinsEncodingTests {
    @Test func base64() throws {
        #expect(try call("encoding.base64_encode", .str("hello")) == .str("aGVsbG8="))
        #expect(try call("encoding.base64_encode", .str("")) == .str(""))
        #expect(try call("encoding.base64_decode", .str("aGVsbG8=")) == .str("hello"))
        #expect(try call("encoding.base64_decode", .str("aGVs\nbG8=\r\n")) == .str("hello"))  // CR and LF skipped
        #expect(try call("encoding.base64_decode", .str("")) == .str(""))
    }

    /// Offsets checked against Go's `base64.StdEncoding.DecodeString`.
    @Test func base64ErrorsAreFatalWithGoOffsets() {
        expectFailure("encoding.base64_decode", [.str("QQ")], "illegal base64 data at input byte 0")
        expectFailure("encoding.base64_decode", [.str("QQ=")], "illegal base64 data at input byte 3")
        expectFailure("encoding.base64_decode", [.str("QQ==x")], "illegal base64 data at input byte 4")
        expectFailure("encoding.base64_decode", [.str("Q!==")], "illegal base64 data at input byte 1")
        expectFailure("encoding.base64_decode", [.str("QUI=QUI=")], "illegal base64 data at input byte 4")
        expectFailure("encoding.base64_decode", [.str("Q===")], "illegal base64 data at input byte 1")
    }

    @Test func decodeJSONWithTypeString() throws {
        #expect(try call("encoding.decode_json", .str(#"{"a": 1, "b": 2}"#), .str("map{str: int}"))
            == mapValue([(.str("a"), .int(1)), (.str("b"), .int(2))]))
        #expect(try call("encoding.decode_json", .str(" [1.5, 2] trailing"), .str("[]float")) == .list([.float(1.5), .float(2)]))
        #expect(try call("encoding.decode_json", .str(#""a\u00e9\ud83d\ude00\n""#), .str("str")) == .str("aé😀\n"))
        #expect(try call("encoding.decode_json", .str(#"{"name": "x", "count": 3}"#), .str("struct{name str; count int}"))
            == structValue(["name": .str("x"), "count": .int(3)]))
        #expect(try call("encoding.decode_json", .str("true"), .str("bool")) == .bool(true))
        #expect(try call("encoding.decode_json", .str(#"{"a": 1, "a": 2}"#), .str("map{str: int}"))
            == mapValue([(.str("a"), .int(2))]))  // a later duplicate wins
    }

    @Test func decodeJSONFlexible() throws {
        let type = MclType.struct([.init("name", .str), .init("tags", .list(.str)), .init("port", .int)])
        #expect(try Builtins.decodeJSON(#"{"name": "x", "extra": true}"#, as: type, flexible: true)
            == structValue(["name": .str("x"), "tags": .list([]), "port": .int(0)]))
        #expect(try call("encoding.decode_json_flexible", .str("{}"), .str("struct{a bool; b map{str: float}}"))
            == structValue(["a": .bool(false), "b": mapValue([])]))
    }

    @Test func decodeJSONErrorsAreFatal() {
        expectFailure("encoding.decode_json", [.str("1.0"), .str("int")], "cannot decode JSON number 1.0 as int")
        expectFailure("encoding.decode_json", [.str("1e3"), .str("int")], "cannot decode JSON number 1e3 as int")
        expectFailure("encoding.decode_json", [.str("9223372036854775808"), .str("int")],
                      "cannot decode JSON number 9223372036854775808 as int")
        expectFailure("encoding.decode_json", [.str(#"{"a": 1}"#), .str("struct{a int; b int}")],
                      "cannot decode JSON object as struct{a int; b int}: missing field `b`")
        expectFailure("encoding.decode_json", [.str(#"{"a": 1, "c": 2}"#), .str("struct{a int}")],
                      "cannot decode JSON object as struct{a int}: unknown field `c`")
        expectFailure("encoding.decode_json", [.str(#"{"1": 1}"#), .str("map{int: int}")],
                      "cannot decode a JSON object as map{int: int}: map keys must be str")
        expectFailure("encoding.decode_json", [.str("null"), .str("str")], "cannot decode JSON null as str")
        expectFailure("encoding.decode_json", [.str(#"["a", 1]"#), .str("[]str")], "cannot decode JSON number as str at [1]")
        expectFailure("encoding.decode_json", [.str(""), .str("str")], "could not decode JSON: EOF")
        expectFailure("encoding.decode_json", [.str("[1,]"), .str("[]int")],
                      "could not decode JSON: invalid character ']' looking for beginning of value")
        expectFailure("encoding.decode_json", [.str(#"{"a" 1}"#), .str("map{str: int}")],
                      "could not decode JSON: invalid character '1' after object key")
        expectFailure("encoding.decode_json", [.str("[1, 2"), .str("[]int")], "could not decode JSON: unexpected EOF")
        expectFailure("encoding.decode_json", [.str(String(repeating: "[", count: 1001)), .str("[]int")],
                      "could not decode JSON: exceeded max depth")  // bounded recursion
        expectFailure("encoding.decode_json", [.str("1"), .str("func() int")], "cannot decode JSON as func() int")
        #expect(throws: RuntimeError.self) { try call("encoding.decode_json", .str("1"), .str("map{str")) }
    }

    @Test func oneArgumentFormNeedsTheResultType() {
        expectFailure("encoding.decode_json", [.str("1")],
                      "decode_json needs the result type; this build passes it only in the two-argument form")
        expectFailure("encoding.decode_json_flexible", [.str("1")],
                      "decode_json_flexible needs the result type; this build passes it only in the two-argument form")
    }
}
