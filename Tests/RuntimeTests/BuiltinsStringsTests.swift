import Testing
import VM
@testable import Runtime

/// The strings module and `regexp.match`.
@Suite struct BuiltinsStringsTests {
    @Test func searching() throws {
        #expect(try call("strings.contains", .str("mgmt"), .str("gm")) == .bool(true))
        #expect(try call("strings.contains", .str("abc"), .str("")) == .bool(true))
        #expect(try call("strings.contains", .str(""), .str("a")) == .bool(false))
        // Bytewise: a decomposed é is not the precomposed one (Swift's == would say it is).
        #expect(try call("strings.contains", .str("e\u{301}"), .str("é")) == .bool(false))
        #expect(try call("strings.has_prefix", .str("mgmt"), .str("mg")) == .bool(true))
        #expect(try call("strings.has_suffix", .str("mgmt"), .str("mt")) == .bool(true))
        #expect(try call("strings.has_suffix", .str("t"), .str("mt")) == .bool(false))
    }

    @Test func split() throws {
        #expect(try call("strings.split", .str("a,b,,c"), .str(",")) == strList("a", "b", "", "c"))
        #expect(try call("strings.split", .str(""), .str(",")) == strList(""))
        #expect(try call("strings.split", .str("héllo"), .str("")) == strList("h", "é", "l", "l", "o"))
        #expect(try call("strings.split", .str(""), .str("")) == .list([]))
        #expect(try call("strings.split", .str("a--b"), .str("--")) == strList("a", "b"))
    }

    @Test func joinAndReplace() throws {
        #expect(try call("strings.join_nonempty", strList("a", "", "b", ""), .str("-")) == .str("a-b"))
        #expect(try call("strings.join_nonempty", .list([]), .str("-")) == .str(""))
        #expect(try call("strings.replace_all", .str("aaa"), .str("aa"), .str("b")) == .str("ba"))
        #expect(try call("strings.replace_all", .str("héllo"), .str(""), .str("-")) == .str("-h-é-l-l-o-"))
        #expect(try call("strings.replace_all", .str("abc"), .str("x"), .str("y")) == .str("abc"))
    }

    @Test func substr() throws {
        #expect(try call("strings.substr", .str("hello"), .int(1), .int(3)) == .str("el"))
        #expect(try call("strings.substr", .str("hello"), .int(0), .int(5)) == .str("hello"))
        #expect(try call("strings.substr", .str("hello"), .int(2), .int(2)) == .str(""))
        #expect(try call("strings.substr", .str("héllo"), .int(0), .int(3)) == .str("hé"))  // bytes
        for (low, high) in [(-1, 2), (3, 2), (0, 6)] {
            expectFailure("strings.substr", [.str("hello"), .int(Int64(low)), .int(Int64(high))], "low/high out of range",
                          catchable: true)
        }
    }

    @Test func padding() throws {
        #expect(try call("strings.left_pad", .str("abc"), .str("xy"), .int(6)) == .str("xyxyabc"))  // may overshoot
        #expect(try call("strings.right_pad", .str("abc"), .str("x"), .int(5)) == .str("abcxx"))
        #expect(try call("strings.left_pad", .str("abc"), .str("x"), .int(2)) == .str("abc"))
        #expect(try call("strings.left_pad", .str("abc"), .str(""), .int(3)) == .str("abc"))
        #expect(try call("strings.right_pad", .str("abc"), .str("x"), .int(-4)) == .str("abc"))
        // Upstream loops forever here.
        expectFailure("strings.left_pad", [.str("abc"), .str(""), .int(5)], "cannot pad with an empty string to length 5 (have 3)")
    }

    @Test func caseMappingIsGoSimpleMapping() throws {
        #expect(try call("strings.to_upper", .str("straße ǆ ᾳ ﬀ")) == .str("STRAßE Ǆ ᾼ ﬀ"))
        #expect(try call("strings.to_lower", .str("İSTANBUL ΣΑΣ")) == .str("istanbul σασ"))
        #expect(try call("strings.to_upper", .str("")) == .str(""))
    }

    @Test func trimSpaceIsUnicodeWhiteSpace() throws {
        #expect(try call("strings.trim_space", .str("\u{A0}\t hi \n\u{3000}")) == .str("hi"))
        #expect(try call("strings.trim_space", .str("\u{200B}hi\u{FEFF}")) == .str("\u{200B}hi\u{FEFF}"))
        #expect(try call("strings.trim_space", .str(" \u{85} ")) == .str(""))
    }

    @Test func regexpMatch() throws {
        #expect(try call("regexp.match", .str("(mgmt){2}"), .str("mgmtmgmtmgmt")) == .bool(true))
        #expect(try call("regexp.match", .str("^a+$"), .str("xaa")) == .bool(false))
        #expect(try call("regexp.match", .str(""), .str("")) == .bool(true))
        #expect(try call("regexp.match", .str("(?P<word>\\w+)"), .str("hi")) == .bool(true))
        #expect(try call("regexp.match", .str("\\101"), .str("A")) == .bool(true))  // RE2 octal escape
        #expect(try call("regexp.match", .str("[]a]"), .str("]")) == .bool(true))
        #expect(try call("regexp.match", .str("a{,2}"), .str("a{,2}")) == .bool(true))  // not a repetition in RE2
    }

    @Test func regexpFollowsRE2LineRules() throws {
        // RE2's `$` is the end of text without (?m); ICU's would also match before a final newline.
        #expect(try call("regexp.match", .str("a$"), .str("a\n")) == .bool(false))
        #expect(try call("regexp.match", .str("(?m)a$"), .str("a\nb")) == .bool(true))
        // RE2's `.` excludes only \n.
        #expect(try call("regexp.match", .str("a.b"), .str("a\rb")) == .bool(true))
        #expect(try call("regexp.match", .str("a.b"), .str("a\nb")) == .bool(false))
        #expect(try call("regexp.match", .str("(?s)a.b"), .str("a\nb")) == .bool(true))
    }

    @Test func invalidPatternsAreFatal() {
        expectFailure("regexp.match", [.str("(abc"), .str("abc")], "error parsing regexp: invalid pattern: `(abc`")
        expectFailure("regexp.match", [.str("(a)\\1"), .str("aa")], "error parsing regexp: invalid escape sequence: `\\1`")
        expectFailure("regexp.match", [.str("a(?=b)"), .str("ab")], "error parsing regexp: invalid or unsupported Perl syntax: `(?=`")
        expectFailure("regexp.match", [.str("a(?<!b)"), .str("ab")], "error parsing regexp: invalid or unsupported Perl syntax: `(?<`")
        expectFailure("regexp.match", [.str("a\\"), .str("a")], "error parsing regexp: trailing backslash at end of expression: ``")
    }
}
