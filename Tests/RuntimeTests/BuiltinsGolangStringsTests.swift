import Testing
import VM
@testable import Runtime

/// `golang/strings`; expectations produced by Go's `strings` package.
@Suite struct BuiltinsGolangStringsTests {
    private func str(_ name: String, _ args: Value...) throws -> Value {
        let body = try #require(Builtins.functions["golang/strings." + name], "no golang/strings.\(name)")
        return try body(args)
    }

    @Test func searching() throws {
        #expect(try str("count", .str("cheese"), .str("e")) == .int(3))
        #expect(try str("count", .str("five"), .str("")) == .int(5))
        #expect(try str("index", .str("chicken"), .str("ken")) == .int(4))
        #expect(try str("index", .str("chicken"), .str("dmr")) == .int(-1))
        #expect(try str("last_index", .str("go gopher"), .str("go")) == .int(3))
        #expect(try str("last_index", .str("abc"), .str("")) == .int(3))
        #expect(try str("index_any", .str("golang"), .str("ny")) == .int(4))
        #expect(try str("index_any", .str("héllo"), .str("l")) == .int(3))  // bytes
        #expect(try str("index_any", .str("x"), .str("")) == .int(-1))
        #expect(try str("last_index_any", .str("golang"), .str("go")) == .int(5))
        #expect(try str("contains_any", .str("failure"), .str("ui")) == .bool(true))
        #expect(try str("contains_any", .str(""), .str("")) == .bool(false))
        #expect(try str("contains", .str("seafood"), .str("foo")) == .bool(true))
        #expect(try str("has_prefix", .str("Gopher"), .str("Go")) == .bool(true))
        #expect(try str("has_suffix", .str("Amigo"), .str("go")) == .bool(true))
    }

    @Test func comparing() throws {
        #expect(try str("compare", .str("a"), .str("b")) == .int(-1))
        #expect(try str("compare", .str("b"), .str("a")) == .int(1))
        #expect(try str("compare", .str("a"), .str("a")) == .int(0))
        #expect(try str("compare", .str("é"), .str("z")) == .int(1))  // bytewise
        #expect(try str("equal_fold", .str("Go"), .str("GO")) == .bool(true))
        #expect(try str("equal_fold", .str("Kelvin"), .str("\u{212A}elvin")) == .bool(true))
        #expect(try str("equal_fold", .str("σς"), .str("ΣΣ")) == .bool(true))
        #expect(try str("equal_fold", .str("Straße"), .str("STRASSE")) == .bool(false))
    }

    @Test func building() throws {
        #expect(try str("clone", .str("x")) == .str("x"))
        #expect(try str("join", strList("a", "b", "c"), .str(", ")) == .str("a, b, c"))
        #expect(try str("join", .list([]), .str(",")) == .str(""))
        #expect(try str("repeat", .str("na"), .int(3)) == .str("nanana"))
        #expect(try str("repeat", .str("x"), .int(0)) == .str(""))
        expectFailure("golang/strings.repeat", [.str("x"), .int(-1)], "strings: negative Repeat count")
        expectFailure("golang/strings.repeat", [.str("xx"), .int(.max)], "strings: Repeat count causes overflow")
        #expect(try str("replace", .str("aaaa"), .str("a"), .str("b"), .int(2)) == .str("bbaa"))
        #expect(try str("replace", .str("aaaa"), .str("a"), .str("b"), .int(-1)) == .str("bbbb"))
        #expect(try str("replace", .str("aaaa"), .str("a"), .str("b"), .int(0)) == .str("aaaa"))
        #expect(try str("replace", .str("héllo"), .str(""), .str("-"), .int(2)) == .str("-h-éllo"))
        #expect(try str("replace_all", .str("oink oink"), .str("k"), .str("ky")) == .str("oinky oinky"))
        #expect(try str("to_valid_utf_8", .str("ok"), .str("?")) == .str("ok"))
    }

    @Test func caseMapping() throws {
        #expect(try str("title", .str("hello wOrld_x 1st élan-vital ñ")) == .str("Hello WOrld_x 1st Élan-Vital Ñ"))
        #expect(try str("to_upper", .str("straße ǆ ᾳ ﬀ")) == .str("STRAßE Ǆ ᾼ ﬀ"))
        #expect(try str("to_lower", .str("İSTANBUL ΣΑΣ")) == .str("istanbul σασ"))
        #expect(try str("to_title", .str("ǆ ß a")) == .str("ǅ ß A"))
    }

    @Test func trimming() throws {
        #expect(try str("trim", .str("  !!hi!! "), .str(" !")) == .str("hi"))
        #expect(try str("trim", .str("abc"), .str("")) == .str("abc"))
        #expect(try str("trim_left", .str("xxhixx"), .str("x")) == .str("hixx"))
        #expect(try str("trim_right", .str("xxhixx"), .str("x")) == .str("xxhi"))
        #expect(try str("trim_prefix", .str("prefix-x"), .str("prefix-")) == .str("x"))
        #expect(try str("trim_prefix", .str("x"), .str("y")) == .str("x"))
        #expect(try str("trim_suffix", .str("a.go"), .str(".go")) == .str("a"))
        #expect(try str("trim_space", .str("\u{A0}\t hi \u{2028}\u{200B}")) == .str("hi \u{2028}\u{200B}"))
    }
}
