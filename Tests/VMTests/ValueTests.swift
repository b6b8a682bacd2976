import Testing
@testable import VM

/// A map value from pairs, in the given order.
private func map(_ pairs: [(Value, Value)]) -> Value {
    .map(.init(pairs: pairs))
}

/// Printing values (language.md §3), their total order, and map construction.
@Suite struct ValueTests {
    static let floats: [(Double, String)] = [
        (42, "42"), (13.0, "13"), (3.14, "3.14"), (0.0001, "0.0001"), (1e21, "1000000000000000000000"),
        (1e-7, "0.0000001"), (123456789.125, "123456789.125"), (0.1 + 0.2, "0.30000000000000004"),
        (-2.5, "-2.5"), (0, "0"), (-0.0, "-0"), (100, "100"), (1.5e300, "15" + String(repeating: "0", count: 299)),
        (.nan, "NaN"), (.infinity, "+Inf"), (-.infinity, "-Inf"),
    ]

    @Test(arguments: floats)
    func floatPrinting(_ value: Double, _ text: String) {
        #expect(Value.float(value).description == text)
        #expect(Value.formatFloat(value) == text)
    }

    @Test func scalars() {
        #expect(Value.bool(true).description == "true")
        #expect(Value.bool(false).description == "false")
        #expect(Value.int(-37).description == "-37")
        #expect(Value.int(Int64.min).description == "-9223372036854775808")
    }

    static let strings: [(String, String)] = [
        ("", #""""#),
        ("plain", #""plain""#),
        ("a \"b\"\n", #""a \"b\"\n""#),
        ("tab\there", #""tab\there""#),
        ("back\\slash", #""back\\slash""#),
        ("\u{07}\u{08}\u{0C}\r\u{0B}", #""\a\b\f\r\v""#),
        ("\u{01}x\u{1F}\u{7F}", #""\x01x\x1f\x7f""#),
        ("café 日本 ✓", "\"café 日本 ✓\""),
        ("\u{85}\u{AD}\u{E000}", #""\u0085\u00ad\ue000""#),
        ("\u{10FFFD}", #""\U0010fffd""#),
        ("$ {} # '", "\"$ {} # '\""),
    ]

    @Test(arguments: strings)
    func stringsAreGoQuoted(_ value: String, _ text: String) {
        #expect(Value.str(value).description == text)
    }

    @Test func rawDescription() {
        #expect(Value.str("a\"b").rawDescription == "a\"b")
        #expect(Value.list([.str("a")]).rawDescription == "[\"a\"]")
    }

    @Test func containers() {
        #expect(Value.list([]).description == "[]")
        #expect(Value.list([.str("a"), .str("b")]).description == "[\"a\", \"b\"]")
        #expect(Value.list([.int(1), .int(2)]).description == "[1, 2]")
        #expect(Value.list([.list([.float(1.5)]), .list([])]).description == "[[1.5], []]")
        #expect(map([]).description == "{}")
        #expect(Value.struct(.init(names: [], values: [])).description == "struct{}")
        #expect(Value.struct(.init(names: ["port", "tls"], values: [.int(8080), .bool(false)])).description == "struct{port: 8080; tls: false}")
        #expect(Value.struct(.init(names: ["b", "a"], values: [.str("x"), .list([.int(1)])])).description == "struct{b: \"x\"; a: [1]}")
    }

    @Test func mapsPrintSortedByKey() {
        #expect(map([(.int(7), .str("y")), (.int(1), .str("x"))]).description == "{1: \"x\", 7: \"y\"}")
        #expect(map([(.int(10), .int(0)), (.int(9), .int(0)), (.int(-1), .int(0))]).description == "{-1: 0, 9: 0, 10: 0}")
        #expect(map([(.str("b"), .int(2)), (.str("B"), .int(1)), (.str("a"), .int(3))]).description == "{\"B\": 1, \"a\": 3, \"b\": 2}")
        #expect(map([(.bool(true), .int(1)), (.bool(false), .int(0))]).description == "{false: 0, true: 1}")
        #expect(map([(.float(2.5), .int(1)), (.float(-1), .int(0))]).description == "{-1: 0, 2.5: 1}")
        #expect(map([(.str("k"), map([(.int(2), .bool(true)), (.int(1), .bool(false))]))]).description == "{\"k\": {1: false, 2: true}}")
    }

    /// language.md §3: struct keys sort by their printed form (`a: 10` before `a: 9`).
    @Test func structKeysSortByPrintedForm() {
        func key(_ n: Int64) -> Value { .struct(.init(names: ["a"], values: [.int(n)])) }
        #expect(map([(key(9), .int(1)), (key(10), .int(2))]).description == "{struct{a: 10}: 2, struct{a: 9}: 1}")
    }

    @Test func mapConstructionKeepsTheLaterValueOfARepeatedKey() {
        let value = Value.MapValue(pairs: [(.str("web"), .int(80)), (.str("db"), .int(5432)), (.str("web"), .int(81))])
        #expect(value.count == 2)
        #expect(value[.str("web")] == .int(81))
        #expect(value[.str("db")] == .int(5432))
        #expect(value[.str("nope")] == nil)
        #expect(Value.map(value).description == "{\"db\": 5432, \"web\": 81}")
    }

    @Test func equalMapsFromDifferentOrders() {
        let a = map([(.int(1), .str("a")), (.int(2), .str("b"))])
        let b = map([(.int(2), .str("b")), (.int(1), .str("a"))])
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func structFieldLookup() {
        let value = Value.StructValue(names: ["a", "b"], values: [.int(1), .str("x")])
        #expect(value["b"] == .str("x"))
        #expect(value["c"] == nil)
    }

    @Test func ordering() {
        func sign(_ a: Value, _ b: Value) -> Int { Value.ordering(a, b).signum() }
        #expect(sign(.bool(false), .bool(true)) == -1)
        #expect(sign(.bool(true), .bool(true)) == 0)
        #expect(sign(.int(9), .int(10)) == -1)
        #expect(sign(.int(-5), .int(3)) == -1)
        #expect(sign(.float(2.5), .float(10)) == -1)
        #expect(sign(.float(.nan), .float(.nan)) == 0)
        // Strings compare bytewise: upper case before lower case, prefixes first.
        #expect(sign(.str("B"), .str("a")) == -1)
        #expect(sign(.str("a"), .str("ab")) == -1)
        #expect(sign(.str("é"), .str("z")) == 1)
        #expect(sign(.list([.int(1), .int(2)]), .list([.int(1), .int(3)])) == -1)
        #expect(sign(.list([.int(1)]), .list([.int(1), .int(0)])) == -1)
        #expect(sign(.list([]), .list([])) == 0)
        // Kinds order: bool < int < float < str < list < map < struct.
        let kinds: [Value] = [.bool(true), .int(0), .float(0), .str(""), .list([]), map([]), .struct(.init(names: [], values: []))]
        for (i, a) in kinds.enumerated() {
            for (j, b) in kinds.enumerated() {
                #expect(sign(a, b) == (i < j ? -1 : (i == j ? 0 : 1)), "\(a) vs \(b)")
            }
        }
    }

    @Test func orderingIsAntisymmetric() {
        let values: [Value] = [.int(3), .int(-3), .str("x"), .str("X"), .float(0.5), .bool(false),
                               .list([.str("a")]), .list([.str("a"), .str("b")])]
        for a in values {
            for b in values {
                #expect(Value.ordering(a, b).signum() == -Value.ordering(b, a).signum(), "\(a) vs \(b)")
            }
        }
    }
}
