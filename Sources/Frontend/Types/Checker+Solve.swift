import VM

/// Deferred constraints and the checks on the final solution.
extension Checker {
    /// Decides `constraint` now if it can be, else keeps it for later.
    func postpone(_ constraint: Deferred) throws(Diagnostic) {
        if try !resolve(constraint) { pending.append(constraint) }
    }

    /// Retries waiting constraints until none can be decided; any left are ambiguous.
    func solvePending() throws(Diagnostic) {
        var progress = true
        while progress, !pending.isEmpty {
            progress = false
            var waiting: [Deferred] = []
            for constraint in pending {
                if try resolve(constraint) { progress = true } else { waiting.append(constraint) }
            }
            pending = waiting
        }
        guard let first = pending.min(by: { isEarlier($0.span, $1.span) }) else { return }
        switch first {
        case .overload(let call, _, let shown, let name, let span):
            throw Diagnostic(.type, "expr: \(name) is ambiguous: \(store.describe(call))", at: span,
                             notes: ["it could be any of: " + shown.map(\.description).joined(separator: ", ") + "; annotate a value to choose"])
        case .field(let structure, let name, _, _, let span):
            throw Diagnostic(.type, "expr: lookup of field `\(name)` is ambiguous: \(store.describe(structure))", at: span,
                             notes: ["the type of the struct is never known; annotate it"])
        }
    }

    /// Tries to decide one constraint: true when it is done (or failed with an error).
    func resolve(_ constraint: Deferred) throws(Diagnostic) -> Bool {
        switch constraint {
        case .overload(let call, let candidates, let shown, let name, let span):
            let fitting = candidates.indices.filter { store.canUnify(candidates[$0], call) }
            if fitting.count == 1 {
                try unify(candidates[fitting[0]], call, Reason(span: span, what: name))
                return true
            }
            if fitting.isEmpty {
                // Report against the candidate that fits the most arguments, as a person would read it.
                let best = candidates.indices.max { bestArgumentMatch(candidates[$0], call) < bestArgumentMatch(candidates[$1], call) }!
                try unify(candidates[best], call, Reason(span: span, what: "\(name) (`\(shown[best])`)"))
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
                do {
                    try store.unify(result, fields[index])
                } catch {
                    let detail = optional ? "non-optional arg must match return type" : "field \(name) type error"
                    throw Diagnostic(.type, "error setting type: func() { <built-in:\(lookup)> }, error: \(detail): \(error.message)",
                                     at: span, notes: ["the field `\(name)` is \(store.describe(fields[index])), used as \(store.describe(result))"])
                }
            } else if !optional {
                throw Diagnostic(.type, "error setting type: func() { <built-in:\(lookup)> }, error: field \(name) was not found in struct",
                                 at: span, notes: ["the struct is \(store.describe(structure))"])
            }
            return true
        }
    }

    /// How many arguments of `call` fit `candidate` one by one (for choosing what to report).
    private func bestArgumentMatch(_ candidate: TypeVar, _ call: TypeVar) -> Int {
        guard case .function(_, let wanted, _) = store.term(candidate), case .function(_, let given, _) = store.term(call) else { return 0 }
        return zip(wanted, given).filter { store.canUnify($0, $1) }.count
    }

    func isEarlier(_ a: Span, _ b: Span) -> Bool { (a.file, a.start) < (b.file, b.start) }

    /// The checks that need the whole solution: no cyclic type, every expression concrete,
    /// hashable map keys, comparable `==` operands.
    func finish() throws(Diagnostic) {
        if let cycle = store.findCycle() {
            throw Diagnostic(.type, "directly in the same set", at: span(ofType: cycle),
                             notes: ["this value's type would have to contain itself: \(store.describe(cycle))"])
        }
        var ambiguous: (Span, TypeVar)?
        for frame in frames {
            for (id, t) in frame.expressions where store.resolved(t) == nil {
                guard let span = expressionSpans[id] else { continue }
                if ambiguous == nil || isEarlier(span, ambiguous!.0) { ambiguous = (span, t) }
            }
        }
        if let (span, t) = ambiguous {
            throw Diagnostic(.type, "expr: is ambiguous: \(store.describe(t))", at: span,
                             notes: ["nothing decides this expression's type; annotate it"])
        }
        for (t, e) in mapLiterals {
            if case .map(let key, _)? = store.resolved(t), !key.isHashable {
                throw Diagnostic(.type, "error setting type: map(...), error: map key type \(key) is not hashable", at: e.span)
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
        let root = store.find(t)
        var best: Span?
        for frame in frames {
            for (declID, v) in frame.values where store.find(v) == root {
                if let span = declSpans[declID], best == nil || isEarlier(span, best!) { best = span }
            }
        }
        if best != nil { return best }
        for frame in frames {
            for (id, v) in frame.expressions where store.find(v) == root {
                if let span = expressionSpans[id], best == nil || isEarlier(span, best!) { best = span }
            }
        }
        return best
    }
}

extension Deferred {
    var span: Span {
        switch self {
        case .overload(_, _, _, _, let span), .field(_, _, _, _, let span): span
        }
    }
}
