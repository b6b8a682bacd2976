import VM

/// A type variable: an index into a `TypeStore`.
public typealias TypeVar = Int32

/// The solved structure of a type variable's class.
enum Term: Equatable {
    case bool, str, int, float, variant
    case list(TypeVar)
    case map(TypeVar, TypeVar)
    case `struct`(names: [String], fields: [TypeVar])
    case function(names: [String], params: [TypeVar], result: TypeVar)

    var kindName: String {
        switch self {
        case .bool: "bool"
        case .str: "str"
        case .int: "int"
        case .float: "float"
        case .variant: "variant"
        case .list: "list"
        case .map: "map"
        case .struct: "struct"
        case .function: "func"
        }
    }
}

/// Why two types could not be made equal: upstream's wording (`type error: str != int`,
/// `struct fields differ`, `func arg count differs`), with the two innermost clashing types.
struct UnifyFailure: Error {
    var message: String
    /// The clashing kinds, expected first, when the clash is between two kinds.
    var kinds: (expected: String, found: String)?

    /// Upstream's wording for clashes found while applying a solution:
    /// `base kind does not match (bool != float)`.
    var baseKindMessage: String {
        kinds.map { "base kind does not match (\($0.expected) != \($0.found))" } ?? message
    }
}

/// Type variables in a union-find forest with union by rank (trees stay O(log n) deep, so
/// `find` needs no path compression and every change is a `link`), so a program's
/// constraints unify in near-linear time. Each class may carry a `Term`
/// (a known constructor whose children are variables). The occurs check is not done per
/// binding (that would be quadratic); `findCycle` checks the final solution once.
///
/// Every `unify` records its links in a trail: a failed unification is rolled back whole,
/// so errors describe the types as they were, and `canUnify` always rolls back.
///
/// A struct, so the checker pays one exclusivity check per operation rather than one per
/// array access.
struct TypeStore {
    private(set) var parent: [TypeVar] = []
    private var rank: [UInt8] = []
    private var terms: [Term?] = []
    /// Changes to undo when a trial ends: (variable, old parent, old rank, old term).
    /// Changes made by the current `unify`: (variable, old parent, old rank, old term).
    private var trail: [(TypeVar, TypeVar, UInt8, Term?)] = []

    var count: Int { parent.count }

    mutating func fresh() -> TypeVar {
        let v = TypeVar(parent.count)
        parent.append(v)
        rank.append(0)
        terms.append(nil)
        return v
    }

    mutating func make(_ term: Term) -> TypeVar {
        let v = fresh()
        terms[Int(v)] = term
        return v
    }

    /// The representative of `v`'s class, without changing the forest.
    func root(_ v: TypeVar) -> TypeVar {
        var x = v
        while parent[Int(x)] != x { x = parent[Int(x)] }
        return x
    }

    /// The representative of `v`'s class.
    func find(_ v: TypeVar) -> TypeVar { root(v) }

    /// The known structure of `v`, if any.
    func term(_ v: TypeVar) -> Term? { terms[Int(root(v))] }

    private mutating func record(_ v: TypeVar) {
        trail.append((v, parent[Int(v)], rank[Int(v)], terms[Int(v)]))
    }

    /// Makes `a` and `b` equal. On a clash, throws with the innermost pair of kinds,
    /// written `expected != found` (`a` is the expected side), and changes nothing.
    mutating func unify(_ a: TypeVar, _ b: TypeVar) throws(UnifyFailure) {
        trail.removeAll(keepingCapacity: true)
        do {
            try unifyRecorded(a, b)
        } catch {
            rollBack()
            throw error
        }
    }

    private mutating func unifyRecorded(_ a: TypeVar, _ b: TypeVar) throws(UnifyFailure) {
        var work: [(TypeVar, TypeVar)] = [(a, b)]
        while let (x, y) = work.popLast() {
            let rx = find(x)
            let ry = find(y)
            if rx == ry { continue }
            let tx = terms[Int(rx)]
            let ty = terms[Int(ry)]
            if let tx, let ty {
                try pushChildren(tx, ty, into: &work)
            }
            link(rx, ry, term: tx ?? ty)
        }
    }

    private mutating func rollBack() {
        for (v, p, r, t) in trail.reversed() {
            parent[Int(v)] = p
            rank[Int(v)] = r
            terms[Int(v)] = t
        }
        trail.removeAll(keepingCapacity: true)
    }

    private func pushChildren(_ tx: Term, _ ty: Term, into work: inout [(TypeVar, TypeVar)]) throws(UnifyFailure) {
        switch (tx, ty) {
        case (.bool, .bool), (.str, .str), (.int, .int), (.float, .float), (.variant, .variant): return
        case (.list(let e1), .list(let e2)): work.append((e1, e2))
        case (.map(let k1, let v1), .map(let k2, let v2)):
            work.append((v1, v2))
            work.append((k1, k2))
        case (.struct(let n1, let f1), .struct(let n2, let f2)):
            guard f1.count == f2.count else { throw UnifyFailure(message: "struct field count differs") }
            guard n1 == n2 else { throw UnifyFailure(message: "struct fields differ") }
            for (p, q) in zip(f1, f2).reversed() { work.append((p, q)) }
        case (.function(_, let p1, let r1), .function(_, let p2, let r2)):
            guard p1.count == p2.count else { throw UnifyFailure(message: "func arg count differs") }
            work.append((r1, r2))
            for (p, q) in zip(p1, p2).reversed() { work.append((p, q)) }
        default:
            throw UnifyFailure(message: "type error: \(tx.kindName) != \(ty.kindName)", kinds: (tx.kindName, ty.kindName))
        }
    }

    private mutating func link(_ rx: TypeVar, _ ry: TypeVar, term: Term?) {
        record(rx)
        record(ry)
        if rank[Int(rx)] < rank[Int(ry)] {
            parent[Int(rx)] = ry
            terms[Int(ry)] = term
        } else {
            parent[Int(ry)] = rx
            terms[Int(rx)] = term
            if rank[Int(rx)] == rank[Int(ry)] { rank[Int(rx)] += 1 }
        }
    }

    /// Whether `a` and `b` could be unified now, leaving the store unchanged.
    mutating func canUnify(_ a: TypeVar, _ b: TypeVar) -> Bool {
        trail.removeAll(keepingCapacity: true)
        defer { rollBack() }
        do {
            try unifyRecorded(a, b)
            return true
        } catch {
            return false
        }
    }

    // MARK: - Converting

    /// A variable holding `type`; scheme variables `?N` map through `schemeVars` (fresh per
    /// instantiation, filled on first use).
    mutating func from(_ type: MclType, schemeVars: inout [Int: TypeVar]) -> TypeVar {
        switch type {
        case .bool: return make(.bool)
        case .str: return make(.str)
        case .int: return make(.int)
        case .float: return make(.float)
        case .variant: return make(.variant)
        case .typeVar(let n):
            if let v = schemeVars[n] { return v }
            let v = fresh()
            schemeVars[n] = v
            return v
        case .list(let element): return make(.list(from(element, schemeVars: &schemeVars)))
        case .map(let key, let value):
            let k = from(key, schemeVars: &schemeVars)
            return make(.map(k, from(value, schemeVars: &schemeVars)))
        case .struct(let fields):
            return make(.struct(names: fields.map(\.name), fields: fields.map { from($0.type, schemeVars: &schemeVars) }))
        case .function(let params, let result):
            let p = params.map { from($0.type, schemeVars: &schemeVars) }
            return make(.function(names: params.map(\.name), params: p, result: from(result, schemeVars: &schemeVars)))
        }
    }

    mutating func from(_ type: MclType) -> TypeVar {
        var none: [Int: TypeVar] = [:]
        return from(type, schemeVars: &none)
    }

    /// The solved type of `v`, or nil when some part is still unknown. Must not be called
    /// on a cyclic solution (see `findCycle`).
    func resolved(_ v: TypeVar) -> MclType? {
        guard let term = term(v) else { return nil }
        switch term {
        case .bool: return .bool
        case .str: return .str
        case .int: return .int
        case .float: return .float
        case .variant: return .variant
        case .list(let e): return resolved(e).map { .list($0) }
        case .map(let k, let value):
            guard let key = resolved(k), let val = resolved(value) else { return nil }
            return .map(key: key, value: val)
        case .struct(let names, let fields):
            var out: [MclType.StructField] = []
            for (name, field) in zip(names, fields) {
                guard let t = resolved(field) else { return nil }
                out.append(.init(name, t))
            }
            return .struct(out)
        case .function(let names, let params, let result):
            var out: [MclType.FunctionParam] = []
            for (name, param) in zip(names, params) {
                guard let t = resolved(param) else { return nil }
                out.append(.init(name, t))
            }
            guard let r = resolved(result) else { return nil }
            return .function(params: out, result: r)
        }
    }

    /// The type of `v` for messages, with unknown parts as `?N`.
    func describe(_ v: TypeVar, depth: Int = 0) -> String {
        let r = root(v)
        guard depth < 12, let term = terms[Int(r)] else { return "?\(r)" }
        switch term {
        case .bool, .str, .int, .float, .variant: return term.kindName
        case .list(let e): return "[]" + describe(e, depth: depth + 1)
        case .map(let k, let value): return "map{\(describe(k, depth: depth + 1)): \(describe(value, depth: depth + 1))}"
        case .struct(let names, let fields):
            return "struct{" + zip(names, fields).map { "\($0) \(describe($1, depth: depth + 1))" }.joined(separator: "; ") + "}"
        case .function(let names, let params, let result):
            let list = zip(names, params).enumerated().map { i, pair in
                "\(pair.0.isEmpty ? String(i) : pair.0) \(describe(pair.1, depth: depth + 1))"
            }
            return "func(" + list.joined(separator: ", ") + ") " + describe(result, depth: depth + 1)
        }
    }

    /// A variable whose solution contains itself (`$f($f)`), or nil. Linear in the store.
    func findCycle() -> TypeVar? {
        // 0 = unvisited, 1 = on the current path, 2 = done.
        var state = [UInt8](repeating: 0, count: parent.count)
        var stack: [(node: TypeVar, next: Int)] = []
        for start in 0..<parent.count {
            let first = root(TypeVar(start))
            guard state[Int(first)] == 0 else { continue }
            state[Int(first)] = 1
            stack.append((first, 0))
            while let (node, index) = stack.last {
                if let c = child(of: node, index) {
                    stack[stack.count - 1].next += 1
                    let r = root(c)
                    if state[Int(r)] == 1 { return r }
                    if state[Int(r)] == 0 {
                        state[Int(r)] = 1
                        stack.append((r, 0))
                    }
                } else {
                    state[Int(node)] = 2
                    stack.removeLast()
                }
            }
        }
        return nil
    }

    /// The `index`th child variable of a root's term, or nil past the last (no allocation).
    private func child(of root: TypeVar, _ index: Int) -> TypeVar? {
        switch terms[Int(root)] {
        case .list(let e): return index == 0 ? e : nil
        case .map(let k, let v): return index == 0 ? k : (index == 1 ? v : nil)
        case .struct(_, let fields): return index < fields.count ? fields[index] : nil
        case .function(_, let params, let result):
            return index < params.count ? params[index] : (index == params.count ? result : nil)
        default: return nil
        }
    }

    /// Whether `v` is fully solved (no unknown part), memoized per root in `known`
    /// (1 = complete, 2 = not) so checking every expression stays linear. Needs an acyclic solution.
    func isComplete(_ v: TypeVar, known: inout [UInt8]) -> Bool {
        let r = root(v)
        if known[Int(r)] != 0 { return known[Int(r)] == 1 }
        var complete = terms[Int(r)] != nil
        var index = 0
        while complete, let c = child(of: r, index) {
            complete = isComplete(c, known: &known)
            index += 1
        }
        known[Int(r)] = complete ? 1 : 2
        return complete
    }
}
