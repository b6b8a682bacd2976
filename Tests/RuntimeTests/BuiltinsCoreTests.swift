import Testing
import VM
@testable import Runtime

/// Top-level functions, list/map/iter, and the coverage of the registry.
@Suite struct BuiltinsCoreTests {
    // MARK: Coverage

    /// Builtins of kind pure, startup or host that are not implemented as plain functions,
    /// each with its reason: see the doc comments of the `Builtins+*.swift` tables.
    static let elsewhere: Set<String> = [
        "golang.template",  // the template engine
        // The deploy file system and the caller's module directory come from the host.
        "deploy.abspath", "deploy.directory",
    ]

    @Test func everyFunctionBuiltinIsImplemented() {
        for builtin in Registry.builtins where [.pure, .startup, .host].contains(builtin.kind) {
            let name = builtin.qualifiedName
            // The provisioner's flags are the `mgmt provisioner` command line: the host provides them.
            if Self.elsewhere.contains(name) || builtin.module == "embedded/provisioner" { continue }
            #expect(Builtins.functions[name] != nil, "\(name) (\(builtin.kind)) has no implementation")
        }
    }

    @Test func onlyRegisteredFunctionBuiltinsAreImplemented() {
        let kinds = Dictionary(Registry.builtins.map { ($0.qualifiedName, $0.kind) }, uniquingKeysWith: { a, _ in a })
        for name in Builtins.functions.keys.sorted() {
            let kind = kinds[name]
            #expect(kind != nil, "\(name) is not in the registry")
            if let kind { #expect([.pure, .startup, .host].contains(kind), "\(name) is \(kind)") }
        }
    }

    @Test func tablesDoNotOverlap() {
        let total = Builtins.tables.map(\.count).reduce(0, +)
        #expect(Builtins.functions.count == total)
    }

    // MARK: Top level

    @Test func len() throws {
        #expect(try call("len", .str("héllo")) == .int(6))  // bytes
        #expect(try call("len", .str("")) == .int(0))
        #expect(try call("len", .list([.int(1), .int(2)])) == .int(2))
        #expect(try call("len", .list([])) == .int(0))
        #expect(try call("len", mapValue([(.str("a"), .int(1))])) == .int(1))
    }

    @Test func containsAndConcat() throws {
        #expect(try call("contains", .int(2), .list([.int(1), .int(2)])) == .bool(true))
        #expect(try call("contains", .str("x"), .list([])) == .bool(false))
        #expect(try call("contains", .list([.int(1)]), .list([.list([.int(1)])])) == .bool(true))  // deep equality
        #expect(try call("concat", .str("a"), .str("")) == .str("a"))
    }

    @Test func listLookup() throws {
        let list = strList("a", "b", "c")
        #expect(try call("list_lookup", list, .int(2)) == .str("c"))
        #expect(try call("list.lookup", list, .int(0)) == .str("a"))
        expectFailure("list_lookup", [list, .int(4)], #"list index not present, got: 4, len is: 3, in: ["a", "b", "c"]"#,
                      catchable: true)
        expectFailure("list_lookup", [list, .int(-1)], "list index negative, got: -1", catchable: true)
        expectFailure("list.lookup", [.list([]), .int(0)], "list index not present, got: 0, len is: 0, in: []",
                      catchable: true)
    }

    @Test func mapLookup() throws {
        let map = mapValue([(.int(42), .str("hello1"))])
        #expect(try call("map_lookup", map, .int(42)) == .str("hello1"))
        expectFailure("map_lookup", [map, .int(13)], #"map key not present, want: 13 in {42: "hello1"}"#, catchable: true)
        expectFailure("map.lookup", [mapValue([(.str("a"), .int(1))]), .str("b")],
                      #"map key not present, want: "b" in {"a": 1}"#, catchable: true)
    }

    @Test func panicIsFatal() throws {
        #expect(try call("panic", .bool(false)) == .bool(false))
        #expect(try call("panic", .str("")) == .bool(false))
        expectFailure("panic", [.bool(true)], "bool panic occurred")
        expectFailure("panic", [.str("oops")], "str panic occurred: oops")
        #expect(try call("panic_debug", .bool(false), .str("x")) == .bool(false))
        expectFailure("panic_debug", [.bool(true), .str("why")], "bool panic occurred: why")
    }

    /// `random1` is a stream (a string kept per call site while the length stays); its letters
    /// come from `randomLetters`.
    @Test func randomLetters() throws {
        let text = try Builtins.randomLetters(count: 64)
        #expect(text.utf8.count == 64)
        #expect(text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) })
        #expect(try Builtins.randomLetters(count: 0) == "")
        #expect(try Builtins.randomLetters(count: 64) != text)
        #expect(throws: RuntimeError.self) { try Builtins.randomLetters(count: -1) }
        #expect(throws: RuntimeError.self) { try Builtins.randomLetters(count: 65536) }
    }

    // MARK: list, map, iter

    @Test func listConcat() throws {
        #expect(try call("list.concat", .list([.int(1)]), .list([]), .list([.int(2), .int(3)]))
            == .list([.int(1), .int(2), .int(3)]))
        #expect(try call("list.concat", .list([])) == .list([]))
    }

    @Test func mapKeysAndValuesAreInKeyOrder() throws {
        let map = mapValue([(.str("b"), .int(2)), (.str("a"), .int(1)), (.str("c"), .int(3))])
        #expect(try call("map.keys", map) == strList("a", "b", "c"))
        #expect(try call("map.values", map) == .list([.int(1), .int(2), .int(3)]))
        #expect(try call("map.keys", mapValue([])) == .list([]))
    }

    @Test func flatten() throws {
        #expect(try call("iter.flatten", .list([.list([.int(1)]), .list([]), .list([.int(2), .int(3)])]))
            == .list([.int(1), .int(2), .int(3)]))
        #expect(try call("iter.flatten", .list([])) == .list([]))
    }

    @Test func range() throws {
        func ints(_ values: Int64...) -> Value { .list(values.map(Value.int)) }
        #expect(try call("iter.range", .int(3)) == ints(0, 1, 2))
        #expect(try call("iter.range", .int(0)) == ints())
        #expect(try call("iter.range", .int(-2)) == ints())
        #expect(try call("iter.range", .int(2), .int(5)) == ints(2, 3, 4))
        #expect(try call("iter.range", .int(5), .int(2)) == ints())
        #expect(try call("iter.range", .int(0), .int(-3), .int(-1)) == ints(0, -1, -2))
        #expect(try call("iter.range", .int(0), .int(10), .int(4)) == ints(0, 4, 8))
        #expect(try call("iter.range", .int(0), .int(3), .int(-1)) == ints())
        #expect(try call("iter.range", .int(Int64.max - 1), .int(Int64.max), .int(5)) == ints(Int64.max - 1))
        expectFailure("iter.range", [.int(0), .int(3), .int(0)], "step value cannot be 0")
    }
}
