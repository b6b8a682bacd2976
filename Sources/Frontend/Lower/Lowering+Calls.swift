import IR
import VM

/// Calls: builtins (instructions, sources or `iter` structures), `func`s and statically
/// known lambdas (inlined), and function values (applied at run time).
extension Lowering {
    /// `name(args)`: a builtin or a `func` statement.
    func lowerCall(_ call: Expr, _ args: [Expr], _ env: Env, _ t: IRTemplate) -> Located {
        let reference = checked.resolved.references[call.id]!
        switch reference.decl.kind {
        case .builtin(let builtin):
            var values = args.map { lowerValue($0, env, t) }
            var signature = env.frame.builtinCalls[call.id].flatMap { checked.types.resolved($0) }
                ?? .function(params: args.map { .init("", type($0, env) ?? .variant) }, result: type(call, env) ?? .variant)
            // The deploy-tree readers read relative to the calling code's deploy base, passed as
            // a hidden first argument (spec/host-interface.md).
            if builtin.takesDeployBase, case .function(let params, let result) = signature {
                let base = env.frame.unit.module.deployBase
                values.insert(t.use(constant(t, .str(base), type: .str, at: call.span)), at: 0)
                signature = .function(params: [.init("base", .str)] + params, result: result)
            }
            let op: IROp
            switch builtin.kind {
            case .pure: op = .builtin(name: builtin.qualifiedName, signature: signature, pure: true)
            case .startup, .host: op = .builtin(name: builtin.qualifiedName, signature: signature, pure: false)
            case .stream, .world: op = .source(name: builtin.qualifiedName, signature: signature)
            case .higherOrder:
                guard let operation = Self.iterateOperations[builtin.qualifiedName] else {
                    op = .builtin(name: builtin.qualifiedName, signature: signature, pure: false)
                    break
                }
                let structure = t.append(IRValue(.iterate(operation), values, type: type(call, env), span: span(call.span)))
                return Located(t, t.append(IRValue(.join, [structure], type: type(call, env), span: span(call.span))))
            }
            return Located(t, t.append(IRValue(op, values, type: type(call, env), span: span(call.span))))
        case .function(_, let function):
            let definition = self.env(for: reference, from: env)
            let frame = env.frame.children[call.id]!
            let callEnv = Env(frame: frame, parent: definition)
            bindArguments(args, to: callEnv, from: env, t)
            return lowerExpr(function.body, callEnv, t)
        default:
            preconditionFailure("calling `\(reference.decl.rendering)`")
        }
    }

    /// The higher-order builtins the VM runs as `iterate` structures.
    static let iterateOperations: [String: IterateOperation] = [
        "iter.map": .map, "iter.filter": .filter, "iter.reduce": .reduce, "iter.zip": .zip,
    ]

    /// `$f(args)`: inlined when `$f` is bound to a lambda literal, else applied at run time.
    func lowerCallVariable(_ call: Expr, _ args: [Expr], _ env: Env, _ t: IRTemplate) -> Located {
        let reference = checked.resolved.references[call.id]!
        if case .bind(_, let bind) = reference.decl.kind, case .lambda(let lambda) = bind.value.kind {
            let definition = self.env(for: reference, from: env)
            if let frame = definition.frame.children[lambda.id] {
                return inline(lambda, frame: frame, definition: definition, args: args, callerEnv: env, t)
            }
        }
        let function = t.use(variable(reference, env, t, at: call.span))
        let values = args.map { lowerValue($0, env, t) }
        let structure = t.append(IRValue(.apply, [function] + values, type: type(call, env), span: span(call.span)))
        return Located(t, t.append(IRValue(.join, [structure], type: type(call, env), span: span(call.span))))
    }

    /// A lambda's body lowered at its call site, its parameters bound to the arguments.
    func inline(_ lambda: Lambda, frame: Frame, definition: Env, args: [Expr], callerEnv: Env, _ t: IRTemplate) -> Located {
        let callEnv = Env(frame: frame, parent: definition)
        bindArguments(args, to: callEnv, from: callerEnv, t)
        return lowerExpr(lambda.body, callEnv, t)
    }

    /// Binds the parameters of `callee`'s unit to the arguments, in order, each lowered in
    /// `caller` into `t` (a `func` call, an inlined lambda, an include).
    func bindArguments(_ args: [Expr], to callee: Env, from caller: Env, _ t: IRTemplate) {
        for (decl, arg) in zip(callee.frame.unit.params, args) {
            callee.params[decl.id] = (lowerExpr(arg, caller, t), isInfallible(arg, caller))
        }
    }
}
