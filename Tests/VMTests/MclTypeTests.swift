import Testing
@testable import VM

/// Printing and parsing type strings (language.md §3).
@Suite struct MclTypeTests {
    static let printed: [(MclType, String)] = [
        (.bool, "bool"), (.str, "str"), (.int, "int"), (.float, "float"), (.variant, "variant"),
        (.list(.int), "[]int"),
        (.list(.list(.int)), "[][]int"),
        (.map(key: .str, value: .int), "map{str: int}"),
        (.struct([.init("a", .int), .init("b", .list(.str))]), "struct{a int; b []str}"),
        (.struct([]), "struct{}"),
        (.function(params: [.init("a", .int), .init("", .str)], result: .bool), "func(a int, 1 str) bool"),
        (.function(params: [], result: .str), "func() str"),
        (.function(params: [.init("", .int)], result: .function(params: [.init("x", .str)], result: .bool)), "func(0 int) func(x str) bool"),
        (.map(key: .str, value: .struct([.init("f", .map(key: .int, value: .float))])), "map{str: struct{f map{int: float}}}"),
        (.list(.typeVar(1)), "[]?1"),
    ]

    @Test(arguments: printed)
    func printing(_ type: MclType, _ text: String) {
        #expect(type.description == text)
    }

    @Test(arguments: printed)
    func parsingRoundTrips(_ type: MclType, _ text: String) throws {
        let parsed = try MclType(parsing: text)
        #expect(parsed == type)
        #expect(parsed.description == text)
    }

    @Test func parsingAcceptsOtherSpellings() throws {
        #expect(try MclType(parsing: "?1") == .typeVar(1))
        #expect(try MclType(parsing: "?12") == .typeVar(12))
        #expect(try MclType(parsing: "func($n int) str").description == "func(n int) str")
        #expect(try MclType(parsing: "func(int, str) bool").description == "func(0 int, 1 str) bool")
        #expect(try MclType(parsing: "struct{a int;}") == .struct([.init("a", .int)]))
        #expect(try MclType(parsing: "  map{ str :[]int }  ") == .map(key: .str, value: .list(.int)))
        #expect(try MclType(parsing: "func(a str, b []?1) map{str: ?2}") ==
            .function(params: [.init("a", .str), .init("b", .list(.typeVar(1)))], result: .map(key: .str, value: .typeVar(2))))
        // A parameter may be called like a type.
        #expect(try MclType(parsing: "func(str str) int").description == "func(str str) int")
    }

    static let garbage: [(String, Int)] = [
        ("", 0),
        ("wat", 0),
        ("[]wat", 2),
        ("int extra", 4),
        ("map{str int}", 8),
        ("struct{a}", 8),
        ("func(int", 8),
        ("?0", 2),
        ("?", 1),
        ("[]", 2),
    ]

    @Test(arguments: garbage)
    func parsingRejectsGarbage(_ text: String, _ offset: Int) {
        #expect(throws: MclType.ParseError.self, "\(text)") { try MclType(parsing: text) }
        do {
            _ = try MclType(parsing: text)
        } catch let error as MclType.ParseError {
            #expect(error.offset == offset, "\(text): \(error)")
            #expect(error.description.hasPrefix("bad type string at offset \(offset): "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func equalityIgnoresParameterNames() {
        let named = MclType.function(params: [.init("a", .int)], result: .str)
        let unnamed = MclType.function(params: [.init("", .int)], result: .str)
        #expect(named == unnamed)
        #expect(named.hashValue == unnamed.hashValue)
        // Struct field order matters.
        #expect(MclType.struct([.init("a", .int), .init("b", .str)]) != .struct([.init("b", .str), .init("a", .int)]))
        #expect(MclType.list(.int) != .list(.str))
    }

    @Test func kindNames() {
        let types: [MclType] = [.bool, .str, .int, .float, .list(.int), .map(key: .str, value: .int), .struct([]),
                                .function(params: [], result: .int), .variant]
        #expect(types.map(\.kindName) == ["bool", "str", "int", "float", "list", "map", "struct", "func", "variant"])
    }

    @Test func hashableAndComparable() {
        #expect(MclType.struct([.init("a", .int), .init("b", .str)]).isHashable)
        #expect(!MclType.list(.str).isHashable)
        #expect(!MclType.struct([.init("a", .list(.int))]).isHashable)
        #expect(!MclType.map(key: .str, value: .int).isHashable)
        #expect(MclType.list(.map(key: .str, value: .int)).isComparable)
        #expect(!MclType.list(.function(params: [], result: .int)).isComparable)
        #expect(!MclType.struct([.init("f", .function(params: [], result: .int))]).isComparable)
    }

    @Test func concreteness() {
        #expect(MclType.map(key: .str, value: .list(.int)).isConcrete)
        #expect(!MclType.map(key: .str, value: .list(.typeVar(1))).isConcrete)
        #expect(!MclType.function(params: [.init("", .typeVar(1))], result: .int).isConcrete)
    }
}
