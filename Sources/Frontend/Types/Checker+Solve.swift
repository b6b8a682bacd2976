import VM

/// Deferred constraints and the checks on the final solution.
extension Checker {
    /// Decides `constraint` now if it can be, else keeps it for later.
    func postpone(_ constraint: Deferred) throws(Diagnostic) {
        if try !resolve(constraint, immediate: true) { pending.append(constraint) }
    }

    /// Retries waiting constraints until none can be decided; any left are ambiguous.
    func solvePending() throws(Diagnostic) {
        var progress = true
        while progress, !pending.isEmpty {
            progress = false
            var waiting: [Deferred] = []
            for constraint in pending {
                if try resolve(constraint, immediate: false) { progress = true } else { waiting.append(constraint) }
            }
            pending = waiting
        }
        guard let first = pending.min(by: { $0.span.isBefore($1.span) }) else { return }
        switch first {
        case .overload(let call, let candidates, let name, let span):
            throw Diagnostic(.type, "expr: \(name) is ambiguous: \(store.describe(call))", at: span,
                             notes: ["it could be any of: " + candidates.map(\.description).joined(separator: ", ") + "; annotate a value to choose"])
        case .field(let structure, let name, _, _, let span):
            throw Diagnostic(.type, "expr: lookup of field `\(name)` is ambiguous: \(store.describe(structure))", at: span,
                             notes: ["the type of the struct is never known; annotate it"])
        }
    }

    /// Tries to decide one constraint: true when it is done (or failed with an error).
    /// `immediate`: the constraint was just made (a field lookup on a struct type already
    /// known then is an ordinary unification, as upstream does while gathering).
    func resolve(_ constraint: Deferred, immediate: Bool) throws(Diagnostic) -> Bool {
        switch constraint {
        case .overload(let call, let candidates, let name, let span):
            // Cheap first: candidates whose known constructors clash with the call's are out.
            var fitting = candidates.filter { couldMatch($0, call) }
            if fitting.count > 1 {
                fitting = fitting.filter { candidate in
                    let instance = store.from(candidate)
                    return store.canUnify(instance, call)
                }
            }
            if fitting.count == 1 {
                try unify(store.from(fitting[0]), call, Reason(span: span, what: name))
                return true
            }
            if fitting.isEmpty {
                // Report against the candidate that fits the most arguments, as a person would read it.
                let instances = candidates.map { store.from($0) }
                let best = instances.indices.max { bestArgumentMatch(instances[$0], call) < bestArgumentMatch(instances[$1], call) }!
                try unify(instances[best], call, Reason(span: span, what: "\(name) (`\(candidates[best])`)"))
                throw Diagnostic(.type, "no signature of \(name) fits: \(store.describe(call))", at: span)
            }
            return false
        case .field(let structure, let name, let result, let optional, let span):
            guard let term = store.term(structure) else { return false }
            let lookup = optional ? "_struct_lookup_optional" : "_struct_lookup"
            guard case .struct(let names, let fields) = term else {
                throw Diagnostic(.type, "type error: struct != \(term.kindName)", at: span,
                                 notes: ["`->\(name)` needs a struct, found \(store.describe(structure))"])
            }
            if let index = names.firstIndex(of: name) {
                if immediate {
                    try unify(result, fields[index], Reason(span: span, what: optional ? "the fallback of `->\(name) <|>`" : "the use of `->\(name)`"))
                    return true
                }
                do {
                    try store.unify(result, fields[index])
                } catch {
                    let detail = optional ? "non-optional arg must match return type" : "field \(name) type error"
                    throw Diagnostic(.type, "error setting type: func() { <built-in:\(lookup)> }, error: \(detail): \(error.baseKindMessage)",
                                     at: span, notes: ["the field `\(name)` is \(store.describe(fields[index])), used as \(store.describe(result))"])
                }
            } else if !optional {
                throw Diagnostic(.type, "error setting type: func() { <built-in:\(lookup)> }, error: field \(name) was not found in struct",
                                 at: span, notes: ["the struct is \(store.describe(structure))"])
            }
            return true
        }
    }

    /// Whether `type` could equal `v` as far as `v` is known, looking only at constructors
    /// (a necessary condition; shared scheme variables are left to a trial unification).
    func couldMatch(_ type: MclType, _ v: TypeVar) -> Bool {
        guard let term = store.term(v) else { return true }
        switch (type, term) {
        case (.typeVar, _): return true
        case (.bool, .bool), (.str, .str), (.int, .int), (.float, .float), (.variant, .variant): return true
        case (.list(let e), .list(let f)): return couldMatch(e, f)
        case (.map(let k, let value), .map(let k2, let value2)): return couldMatch(k, k2) && couldMatch(value, value2)
        case (.struct(let fields), .struct(let names, let vars)):
            return fields.map(\.name) == names && zip(fields, vars).allSatisfy { couldMatch($0.type, $1) }
        case (.function(let params, let result), .function(_, let vars, let r)):
            return params.count == vars.count && couldMatch(result, r) && zip(params, vars).allSatisfy { couldMatch($0.type, $1) }
        default: return false
        }
    }

    /// How many arguments of `call` fit `candidate` one by one (for choosing what to report).
    private func bestArgumentMatch(_ candidate: TypeVar, _ call: TypeVar) -> Int {
        guard case .function(_, let wanted, _) = store.term(candidate), case .function(_, let given, _) = store.term(call) else { return 0 }
        return zip(wanted, given).filter { store.canUnify($0, $1) }.count
    }

    /// The checks that need the whole solution: no cyclic type, every expression concrete,
    /// hashable map keys, comparable `==` operands.
    func finish() throws(Diagnostic) {
        if let cycle = store.findCycle() {
            throw Diagnostic(.type, "directly in the same set", at: span(ofType: cycle),
                             notes: ["this value's type would have to contain itself: \(store.describe(cycle))"])
        }
        var known = [UInt8](repeating: 0, count: store.count)
        var ambiguous: [Int: TypeVar] = [:]
        for frame in frames {
            for (id, t) in frame.expressions where !store.isComplete(t, known: &known) { ambiguous[id] = t }
        }
        if !ambiguous.isEmpty {
            let expressions = expressionsByID()
            let (id, t) = ambiguous.min { expressions[$0.key]!.span.isBefore(expressions[$1.key]!.span) }!
            throw Diagnostic(.type, "expr: \(expressions[id]!.upstreamRendering) is ambiguous: \(store.describe(t))",
                             at: expressions[id]!.span, notes: ["nothing decides this expression's type; annotate it"])
        }
        for (t, e) in mapLiterals {
            if case .map(let key, _)? = store.resolved(t), !key.isHashable {
                throw Diagnostic(.type, "error setting type: \(e.upstreamRendering), error: map key type \(key) is not hashable", at: e.span)
            }
        }
        for (t, e) in comparisons {
            if let operand = store.resolved(t), !operand.isComparable {
                throw Diagnostic(.type, "type error: cannot compare values of type \(operand) (they contain functions)", at: e.span)
            }
        }
    }

    /// Where a type variable comes from, for errors about it: a parameter, else an expression.
    private func span(ofType t: TypeVar) -> Span? {
        let root = store.root(t)
        var best: Span?
        for frame in frames {
            for (declID, v) in frame.values where store.root(v) == root {
                if let span = declSpans[declID], best == nil || span.isBefore(best!) { best = span }
            }
        }
        if best != nil { return best }
        let expressions = expressionsByID()
        for frame in frames {
            for (id, v) in frame.expressions where store.root(v) == root {
                if let span = expressions[id]?.span, best == nil || span.isBefore(best!) { best = span }
            }
        }
        return best
    }

    /// Every expression of the program and its modules, by id: built only when an error
    /// found after solving needs to point somewhere.
    private func expressionsByID() -> [Int: Expr] {
        var expressions: [Int: Expr] = [:]
        let walk = Walk(onExpr: { e in expressions[e.id] = e })
        for module in [program.program] + program.modules { try? walk.block(module.module.block) }
        return expressions
    }
}

extension Deferred {
    var span: Span {
        switch self {
        case .overload(_, _, _, let span), .field(_, _, _, _, let span): span
        }
    }
}
