import VM

/// Calls of builtins and `func`s, operators, includes, and overload constraints.
extension Checker {
    /// `name(args)`: a builtin (typed from the catalog) or a `func` statement (its body is
    /// checked afresh for this call, which makes funcs polymorphic).
    func inferCall(_ call: Expr, name: DottedName, args: [Expr], in frame: Frame) throws(Diagnostic) -> TypeVar {
        let reference = program.references[call.id]!
        switch reference.decl.kind {
        case .builtin(let builtin):
            return try inferBuiltinCall(call, builtin, args: args, in: frame)
        case .function(let stmt, let function):
            let definition = try instance(of: reference, from: frame)
            let unit = program.units[stmt.id]!
            let body = makeFrame(unit, parent: definition)
            frame.children[call.id] = body
            let params = bindParams(unit, function.params, in: body)
            for (decl, arg) in zip(unit.params, args) { body.arguments[decl.id] = (arg, frame) }
            let result = try infer(function.body, in: body)
            if let annotation = function.result {
                try unify(type(annotation.type), result, Reason(span: annotation.span, what: "the declared result of `\(function.name)`"))
            }
            guard params.count == args.count else {
                throw Diagnostic(.type, "func arg count differs", at: call.span,
                                 notes: ["`\(function.name)` takes \(params.count) arguments, this call passes \(args.count)"])
            }
            for (index, (param, arg)) in zip(params, args).enumerated() {
                try unify(param, try infer(arg, in: frame),
                          Reason(span: arg.span, what: "parameter \(index + 1) (`$\(function.params[index].name)`) of `\(function.name)`"))
            }
            return result
        default:
            throw Diagnostic(.type, "internal error: `\(name)` is not a function", at: call.span)
        }
    }

    /// A builtin call: the candidates of its typing, instantiated for this call.
    func inferBuiltinCall(_ call: Expr, _ builtin: BuiltinDescriptor, args: [Expr], in frame: Frame) throws(Diagnostic) -> TypeVar {
        // The call-site rule runs before the arguments are typed, as upstream's inference
        // checks run while constraints are gathered: its error wins over theirs.
        let candidates: [MclType]
        switch builtin.typing {
        case .signature(let t): candidates = [t]
        case .overloads(let ts): candidates = ts
        case .callSite(let rule):
            let site = CallSite(argumentCount: args.count, constantArguments: args.map { constantValue($0, in: frame) })
            do {
                candidates = try rule(site)
            } catch {
                throw Diagnostic(.type, "func `\(builtin.name)` infer error: \(error)", at: call.span)
            }
        }
        var argTypes: [TypeVar] = []
        for arg in args { argTypes.append(try infer(arg, in: frame)) }
        let result = store.fresh()
        let callType = store.make(.function(names: args.map { _ in "" }, params: argTypes, result: result))
        frame.builtinCalls[call.id] = callType
        let fitting = candidates.filter { $0.arity == args.count }
        guard !fitting.isEmpty else {
            let most = candidates.map(\.arity).max() ?? 0
            if args.count > most {
                throw Diagnostic(.type, "error getting arg name #\(most) for func `\(builtin.qualifiedName)`: index \(most) exceeds arg length of \(most)",
                                 at: call.span, notes: ["`\(builtin.qualifiedName)` takes \(Self.arities(candidates)) arguments, this call passes \(args.count)"])
            }
            throw Diagnostic(.type, "func `\(builtin.qualifiedName)` expects \(Self.arities(candidates)) args but got \(args.count)", at: call.span)
        }
        try constrain(callType, candidates: fitting, name: builtin.qualifiedName, span: call.span)
        return result
    }

    private static func arities(_ candidates: [MclType]) -> String {
        Array(Set(candidates.map(\.arity))).sorted().map(String.init).joined(separator: " or ")
    }

    /// `call` must equal one of `candidates`: decided now when it can be, else deferred.
    func constrain(_ call: TypeVar, candidates: [MclType], name: String, span: Span) throws(Diagnostic) {
        if candidates.count == 1 {
            try unify(store.from(candidates[0]), call, Reason(span: span, what: "`\(name)`"))
            return
        }
        try postpone(.overload(call: call, candidates: candidates, name: name, span: span))
    }

    /// The operators of language.md §4.7; all share one deferred-overload mechanism.
    func inferOperator(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ e: Expr, in frame: Frame) throws(Diagnostic) -> TypeVar {
        let l = try infer(left, in: frame)
        let r = try infer(right, in: frame)
        let result = store.fresh()
        let call = store.make(.function(names: ["a", "b"], params: [l, r], result: result))
        if op == .equal || op == .notEqual { comparisons.append((l, e)) }
        try constrain(call, candidates: Self.operatorSignatures(op), name: "operator `\(op.rawValue)`", span: e.span)
        return result
    }

    static func operatorSignatures(_ op: BinaryOperator) -> [MclType] {
        func binary(_ a: MclType, _ result: MclType) -> MclType {
            .function(params: [.init("a", a), .init("b", a)], result: result)
        }
        switch op {
        case .plus: return [binary(.str, .str), binary(.int, .int), binary(.float, .float)]
        case .minus, .times: return [binary(.int, .int), binary(.float, .float)]
        case .divide: return [binary(.int, .float), binary(.float, .float)]
        case .less, .greater, .lessEqual, .greaterEqual: return [binary(.int, .bool), binary(.float, .bool)]
        case .equal, .notEqual: return [binary(.typeVar(1), .bool)]
        case .and, .or: return [binary(.bool, .bool)]
        case .in: return [.function(params: [.init("needle", .typeVar(1)), .init("haystack", .list(.typeVar(1)))], result: .bool)]
        }
    }

    /// The instance of the class an `include` statement names, created on first use (an
    /// include alias may be used before its statement is checked) and checked at once.
    func instantiate(include stmt: Stmt, _ include: Include, in frame: Frame) throws(Diagnostic) -> Frame {
        if let existing = frame.children[stmt.id] { return existing }
        guard let target = program.includes[stmt.id], case .class(let classStmt, let classDecl) = target.decl.kind,
              let unit = program.units[classStmt.id] else {
            throw Diagnostic(.type, "internal error: unresolved include", at: stmt.span)
        }
        let definition = try instance(of: target, from: frame)
        let body = makeFrame(unit, parent: definition)
        frame.children[stmt.id] = body
        let params = bindParams(unit, classDecl.params, in: body)
        for (decl, arg) in zip(unit.params, include.args) { body.arguments[decl.id] = (arg, frame) }
        for (index, (param, arg)) in zip(params, include.args).enumerated() {
            try unify(param, try infer(arg, in: frame),
                      Reason(span: arg.span, what: "parameter `$\(classDecl.params[index].name)` of class `\(classDecl.name)`"))
        }
        try check(classDecl.body, in: body)
        return body
    }
}
