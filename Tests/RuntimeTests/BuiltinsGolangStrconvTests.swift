import Testing
import VM
@testable import Runtime

/// `golang/strconv` and `golang/html`; expectations produced by Go.
@Suite struct BuiltinsGolangStrconvTests {
    @Test func quoting() throws {
        #expect(try call("golang/strconv.quote", .str("héllo\n\u{01}\u{A0}\u{2028}😀")) == .str(#""héllo\n\x01\u00a0\u2028😀""#))
        #expect(try call("golang/strconv.quote_to_ascii", .str("héllo😀")) == .str(#""h\u00e9llo\U0001f600""#))
        #expect(try call("golang/strconv.quote_to_graphic", .str("a\u{A0}\u{2028}")) == .str("\"a\u{A0}\\u2028\""))
        #expect(try call("golang/strconv.append_quote", .str("x="), .str("a\"b")) == .str(#"x="a\"b""#))
        #expect(try call("golang/strconv.append_quote_to_ascii", .str(""), .str("é")) == .str(#""\u00e9""#))
        #expect(try call("golang/strconv.append_quote_to_graphic", .str(">"), .str("\t")) == .str(#">"\t""#))
        #expect(try call("golang/strconv.can_backquote", .str("a`b")) == .bool(false))
        #expect(try call("golang/strconv.can_backquote", .str("a\tb")) == .bool(true))
        #expect(try call("golang/strconv.can_backquote", .str("a\nb")) == .bool(false))
        #expect(try call("golang/strconv.can_backquote", .str("\u{FEFF}")) == .bool(false))
    }

    @Test func unquoting() throws {
        #expect(try call("golang/strconv.unquote", .str(#""\x41\u00e9""#)) == .str("Aé"))
        #expect(try call("golang/strconv.unquote", .str("'a'")) == .str("a"))
        #expect(try call("golang/strconv.unquote", .str(#"'\''"#)) == .str("'"))
        #expect(try call("golang/strconv.unquote", .str("''")) == .str(""))  // Go accepts it
        #expect(try call("golang/strconv.unquote", .str("`a\\n`")) == .str("a\\n"))
        #expect(try call("golang/strconv.unquote", .str(#""\101\t""#)) == .str("A\t"))
        for bad in ["'ab'", #""a\'b""#, "`a\rb`x", #""abc"#, #""a"b"#, #""\400""#, "x", "", #""\z""#, "\"a\nb\""] {
            expectFailure("golang/strconv.unquote", [.str(bad)], "invalid syntax")
        }
        #expect(try call("golang/strconv.quoted_prefix", .str("`a\rb`x")) == .str("`a\rb`"))
        #expect(try call("golang/strconv.quoted_prefix", .str(#""a"b"#)) == .str(#""a""#))
        expectFailure("golang/strconv.quoted_prefix", [.str("abc")], "invalid syntax")
    }

    @Test func integers() throws {
        #expect(try call("golang/strconv.itoa", .int(-12)) == .str("-12"))
        #expect(try call("golang/strconv.format_int", .int(-255), .int(16)) == .str("-ff"))
        #expect(try call("golang/strconv.format_int", .int(35), .int(36)) == .str("z"))
        #expect(try call("golang/strconv.append_int", .str("n="), .int(5), .int(2)) == .str("n=101"))
        expectFailure("golang/strconv.format_int", [.int(1), .int(1)], "strconv: illegal AppendInt/FormatInt base")
        #expect(try call("golang/strconv.atoi", .str("-42")) == .int(-42))
        expectFailure("golang/strconv.atoi", [.str("12a")], #"strconv.Atoi: parsing "12a": invalid syntax"#)
        #expect(try call("golang/strconv.parse_int", .str("0x1f"), .int(0), .int(64)) == .int(31))
        #expect(try call("golang/strconv.parse_int", .str("0b101"), .int(0), .int(64)) == .int(5))
        #expect(try call("golang/strconv.parse_int", .str("017"), .int(0), .int(64)) == .int(15))
        #expect(try call("golang/strconv.parse_int", .str("0x_ff"), .int(0), .int(64)) == .int(255))
        #expect(try call("golang/strconv.parse_int", .str("-0x8000000000000000"), .int(0), .int(64)) == .int(.min))
        #expect(try call("golang/strconv.parse_int", .str("zz"), .int(36), .int(0)) == .int(1295))
        expectFailure("golang/strconv.parse_int", [.str("0x1f"), .int(16), .int(64)], #"strconv.ParseInt: parsing "0x1f": invalid syntax"#)
        expectFailure("golang/strconv.parse_int", [.str("128"), .int(10), .int(8)], #"strconv.ParseInt: parsing "128": value out of range"#)
        expectFailure("golang/strconv.parse_int", [.str("-129"), .int(10), .int(8)], #"strconv.ParseInt: parsing "-129": value out of range"#)
        expectFailure("golang/strconv.parse_int", [.str("12"), .int(1), .int(64)], #"strconv.ParseInt: parsing "12": invalid base 1"#)
        expectFailure("golang/strconv.parse_int", [.str("12"), .int(10), .int(65)], #"strconv.ParseInt: parsing "12": invalid bit size 65"#)
        expectFailure("golang/strconv.parse_int", [.str("_1"), .int(0), .int(64)], #"strconv.ParseInt: parsing "_1": invalid syntax"#)
    }

    @Test func floatsAndBools() throws {
        #expect(try call("golang/strconv.parse_float", .str("1.1"), .int(32)) == .float(1.100000023841858))
        #expect(try call("golang/strconv.parse_float", .str("1_23.50_0_0e+1_2"), .int(64)) == .float(1.235e14))
        expectFailure("golang/strconv.parse_float", [.str("3.4e39"), .int(32)], #"strconv.ParseFloat: parsing "3.4e39": value out of range"#)
        expectFailure("golang/strconv.parse_float", [.str("x"), .int(64)], #"strconv.ParseFloat: parsing "x": invalid syntax"#)
        #expect(try call("golang/strconv.parse_bool", .str("T")) == .bool(true))
        expectFailure("golang/strconv.parse_bool", [.str("on")], #"strconv.ParseBool: parsing "on": invalid syntax"#)
        #expect(try call("golang/strconv.format_bool", .bool(false)) == .str("false"))
        #expect(try call("golang/strconv.append_bool", .str("b:"), .bool(true)) == .str("b:true"))
    }

    @Test func html() throws {
        #expect(try call("golang/html.escape_string", .str(#"<a href="x">'&'</a>"#))
            == .str("&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;"))
        #expect(try call("golang/html.unescape_string", .str("&lt;&amp;&ampx &#225;&#xE1;&#x80;&#0;&notit; &notin; &NotEqualTilde; &zz; &#;"))
            == .str("<&&x áá€\u{FFFD}¬it; ∉ ≂̸ &zz; &#;"))
        #expect(try call("golang/html.unescape_string", .str("plain")) == .str("plain"))
        #expect(try call("golang/html.unescape_string", .str("&")) == .str("&"))
        #expect(HTMLEscaping.entities.count == 2231)
    }
}
