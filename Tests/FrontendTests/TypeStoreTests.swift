import Testing
@testable import Frontend
import VM

/// The message `store.unify(a, b)` fails with, or nil when it succeeds.
private func clash(_ store: inout TypeStore, _ a: TypeVar, _ b: TypeVar) -> String? {
    do {
        try store.unify(a, b)
        return nil
    } catch {
        return error.message
    }
}

/// The message unifying two written types fails with, or nil when they unify.
private func clash(_ a: MclType, _ b: MclType) -> String? {
    var store = TypeStore()
    let x = store.from(a)
    let y = store.from(b)
    return clash(&store, x, y)
}

/// Union-find unification (language.md §4.7): solving, clash messages, trial unification,
/// the occurs check and completeness.
@Suite struct TypeStoreTests {
    @Test func unifyingAVariableSolvesIt() throws {
        var store = TypeStore()
        let v = store.fresh()
        #expect(store.term(v) == nil)
        #expect(store.resolved(v) == nil)
        let int = store.make(.int)
        try store.unify(v, int)
        #expect(store.term(v) == .int)
        #expect(store.resolved(v) == .int)
    }

    @Test func unificationIsTransitive() throws {
        var store = TypeStore()
        let a = store.fresh(), b = store.fresh(), c = store.fresh()
        try store.unify(a, b)
        try store.unify(c, b)
        #expect(store.root(a) == store.root(c))
        let list = store.from(.list(.str))
        try store.unify(list, c)
        #expect(store.resolved(a) == .list(.str))
        let (rootA, rootB) = (store.find(a), store.find(b))
        #expect(rootA == rootB)
    }

    @Test func childrenUnify() throws {
        var store = TypeStore()
        let element = store.fresh()
        let key = store.fresh()
        let list = store.make(.list(element))
        let map = store.make(.map(key, element))
        let floats = store.from(.list(.float))
        try store.unify(list, floats)
        let bools = store.from(.map(key: .bool, value: .float))
        try store.unify(map, bools)
        #expect(store.resolved(map) == .map(key: .bool, value: .float))
        #expect(store.resolved(key) == .bool)
        let (param, result) = (store.fresh(), store.fresh())
        let f = store.make(.function(names: ["x"], params: [param], result: result))
        let named = store.from(.function(params: [.init("y", .str)], result: .int))
        try store.unify(f, named)
        // Parameter names do not matter.
        #expect(store.resolved(f) == .function(params: [.init("", .str)], result: .int))
    }

    @Test func schemeVariablesAreSharedWithinOneInstantiation() throws {
        var store = TypeStore()
        var schemeVars: [Int: TypeVar] = [:]
        let f = store.from(.function(params: [.init("a", .typeVar(1))], result: .list(.typeVar(1))), schemeVars: &schemeVars)
        let g = store.from(.function(params: [.init("a", .typeVar(1))], result: .list(.typeVar(1))))
        let ints = store.from(.function(params: [.init("", .int)], result: .list(.int)))
        try store.unify(ints, f)
        #expect(store.resolved(try #require(schemeVars[1])) == .int)
        // A separate instantiation is unaffected.
        #expect(store.resolved(g) == nil)
        let strs = store.from(.function(params: [.init("", .str)], result: .list(.str)))
        try store.unify(strs, g)
        #expect(store.resolved(g) == .function(params: [.init("", .str)], result: .list(.str)))
    }

    @Test func clashMessages() {
        #expect(clash(.str, .int) == "type error: str != int")
        #expect(clash(.int, .str) == "type error: int != str")
        #expect(clash(.list(.int), .str) == "type error: list != str")
        #expect(clash(.bool, .function(params: [], result: .bool)) == "type error: bool != func")
        #expect(clash(.map(key: .str, value: .int), .map(key: .str, value: .bool)) == "type error: int != bool")
        // The innermost clashing pair is reported.
        #expect(clash(.list(.list(.int)), .list(.list(.str))) == "type error: int != str")
        #expect(clash(.struct([.init("a", .int)]), .struct([.init("b", .int)])) == "struct fields differ")
        #expect(clash(.struct([.init("a", .int), .init("b", .int)]), .struct([.init("b", .int), .init("a", .int)])) == "struct fields differ")
        #expect(clash(.struct([.init("a", .int)]), .struct([.init("a", .int), .init("b", .int)])) == "struct field count differs")
        #expect(clash(.struct([.init("a", .int)]), .struct([.init("a", .str)])) == "type error: int != str")
        #expect(clash(.function(params: [.init("", .int)], result: .int), .function(params: [], result: .int)) == "func arg count differs")
        #expect(clash(.function(params: [.init("", .int)], result: .int), .function(params: [.init("", .int)], result: .str)) == "type error: int != str")
        #expect(clash(.variant, .int) == "type error: variant != int")
        #expect(clash(.struct([]), .struct([])) == nil)
        #expect(clash(.variant, .variant) == nil)
    }

    @Test func canUnifyLeavesTheStoreUnchanged() throws {
        var store = TypeStore()
        let v = store.fresh()
        let int = store.make(.int)
        let fits = store.canUnify(v, int)
        #expect(fits)
        #expect(store.term(v) == nil)
        #expect(store.root(v) != store.root(int))

        // A trial that fails half-way rolls back the part that succeeded.
        let field = store.fresh()
        let str = store.make(.str)
        let partial = store.make(.struct(names: ["a", "b"], fields: [field, str]))
        let other = store.from(.struct([.init("a", .int), .init("b", .int)]))
        let parentsBefore = store.parent
        let partialFits = store.canUnify(partial, other)
        #expect(!partialFits)
        #expect(store.term(field) == nil)
        #expect(store.parent == parentsBefore)

        // After a successful trial, a real unify still works and sticks.
        let fitsAgain = store.canUnify(v, int)
        #expect(fitsAgain)
        try store.unify(v, int)
        #expect(store.term(v) == .int)
        let strFits = store.canUnify(v, str)
        #expect(!strFits)
        #expect(store.term(v) == .int)
    }

    @Test func findCycle() throws {
        var store = TypeStore()
        let a = store.fresh()
        let int = store.make(.int)
        let list = store.make(.list(int))
        #expect(store.findCycle() == nil)
        try store.unify(a, list)
        #expect(store.findCycle() == nil)
        // `?b = func(?b) ?r` contains itself (what `$f($f)` produces).
        let b = store.fresh()
        let r = store.fresh()
        let f = store.make(.function(names: [""], params: [b], result: r))
        try store.unify(b, f)
        let cycle = try #require(store.findCycle())
        #expect(store.root(cycle) == store.root(b))
    }

    @Test func indirectCycle() throws {
        var store = TypeStore()
        let a = store.fresh(), b = store.fresh()
        let str = store.make(.str)
        let map = store.make(.map(str, b))
        try store.unify(a, map)
        let list = store.make(.list(a))
        try store.unify(b, list)
        #expect(store.findCycle() != nil)
    }

    @Test func isComplete() throws {
        var store = TypeStore()
        let unknown = store.fresh()
        let partial = store.make(.list(unknown))
        let complete = store.from(.map(key: .str, value: .list(.int)))
        var known = [UInt8](repeating: 0, count: store.count)
        #expect(!store.isComplete(unknown, known: &known))
        #expect(!store.isComplete(partial, known: &known))
        #expect(store.isComplete(complete, known: &known))
        let bool = store.make(.bool)
        try store.unify(unknown, bool)
        known = [UInt8](repeating: 0, count: store.count)
        #expect(store.isComplete(partial, known: &known))
        #expect(store.isComplete(unknown, known: &known))
        let (int, hole) = (store.make(.int), store.fresh())
        let deep = store.make(.function(names: ["", ""], params: [int, hole], result: int))
        known = [UInt8](repeating: 0, count: store.count)
        #expect(!store.isComplete(deep, known: &known))
    }

    @Test func describe() throws {
        var store = TypeStore()
        let unknown = store.fresh()
        let list = store.make(.list(unknown))
        #expect(store.describe(list) == "[]?\(store.root(unknown))")
        let s = store.from(.struct([.init("a", .int), .init("b", .list(.str))]))
        #expect(store.describe(s) == "struct{a int; b []str}")
        let (int, str, bool) = (store.make(.int), store.make(.str), store.make(.bool))
        let f = store.make(.function(names: ["x", ""], params: [int, str], result: bool))
        #expect(store.describe(f) == "func(x int, 1 str) bool")
    }
}
