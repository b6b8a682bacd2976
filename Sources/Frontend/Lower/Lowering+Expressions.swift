import IR
import VM

/// Expressions. `lowerExpr` returns where a value lives (a bind's value lives in its
/// block's template, maybe an ancestor of the current one); `lowerValue` returns it as an
/// argument usable in the current template (captured when it lives elsewhere).
extension Lowering {
    func lowerValue(_ e: Expr, _ env: Env, _ t: IRTemplate) -> IRRef {
        t.use(lowerExpr(e, env, t))
    }

    private func emit(_ t: IRTemplate, _ op: IROp, _ args: [IRRef], _ e: Expr, _ env: Env) -> Located {
        Located(t, t.append(IRValue(op, args, type: type(e, env), span: span(e.span))))
    }

    func constant(_ t: IRTemplate, _ value: Value, type: MclType?, at s: Span) -> Located {
        Located(t, t.append(IRValue(.constant(value), [], type: type, span: span(s))))
    }

    func lowerExpr(_ e: Expr, _ env: Env, _ t: IRTemplate) -> Located {
        switch e.kind {
        case .bool(let b): return constant(t, .bool(b), type: .bool, at: e.span)
        case .int(let i): return constant(t, .int(i), type: .int, at: e.span)
        case .float(let f): return constant(t, .float(f), type: .float, at: e.span)
        case .string(let s), .rawString(let s): return constant(t, .str(s), type: .str, at: e.span)
        case .interpolation(let parts):
            var references = (checked.resolved.interpolations[e.id] ?? []).makeIterator()
            var args: [IRRef] = []
            for part in parts {
                switch part {
                case .literal(let text): args.append(t.use(constant(t, .str(text), type: .str, at: e.span)))
                case .variable: args.append(t.use(variable(references.next()!, env, t, at: e.span)))
                }
            }
            return emit(t, .concat, args, e, env)
        case .list(let items):
            return emit(t, .makeList, items.map { lowerValue($0, env, t) }, e, env)
        case .map(let entries):
            return emit(t, .makeMap, entries.flatMap { [lowerValue($0.key, env, t), lowerValue($0.value, env, t)] }, e, env)
        case .struct(let entries):
            let structType = type(e, env) ?? .struct(entries.map { .init($0.name, .variant) })
            return emit(t, .makeStruct(structType), entries.map { lowerValue($0.value, env, t) }, e, env)
        case .variable:
            return variable(checked.resolved.references[e.id]!, env, t, at: e.span)
        case .call(_, let args):
            return lowerCall(e, args, env, t)
        case .callVariable(_, let args):
            return lowerCallVariable(e, args, env, t)
        case .callLambda(let lambda, let args):
            return inline(lambda, frame: env.frame.children[lambda.id]!, definition: env, args: args, callerEnv: env, t)
        case .lambda(let lambda):
            return closure(lambda, env, t)
        case .ifElse(let condition, let then, let otherwise):
            let c = lowerValue(condition, env, t)
            if isInfallible(then, env) && isInfallible(otherwise, env) {
                return emit(t, .select, [c, lowerValue(then, env, t), lowerValue(otherwise, env, t)], e, env)
            }
            let captures = CaptureList()
            let thenTemplate = ir.makeTemplate(fixedParams: [], parent: t, captures: captures)
            thenTemplate.result = lowerValue(then, env, thenTemplate)
            let elseTemplate = ir.makeTemplate(fixedParams: [], parent: t, captures: captures)
            elseTemplate.result = lowerValue(otherwise, env, elseTemplate)
            let branch = t.append(IRValue(.branch(then: thenTemplate.id, otherwise: elseTemplate.id), [c] + captures.values.map { t.use($0) },
                                          type: .bool, span: span(e.span)))
            return emit(t, .join, [branch], e, env)
        case .binary(let op, let left, let right):
            let operandType = type(left, env) ?? .int
            guard let (opcode, swapped) = op.opcode(for: operandType) else { preconditionFailure("operator \(op) on \(operandType)") }
            if opcode == .concat { return emit(t, .concat, [lowerValue(left, env, t), lowerValue(right, env, t)], e, env) }
            let l = lowerValue(left, env, t)
            let r = lowerValue(right, env, t)
            return emit(t, .binary(opcode), swapped ? [r, l] : [l, r], e, env)
        case .not(let operand):
            return emit(t, .not, [lowerValue(operand, env, t)], e, env)
        case .index(let container, let index):
            return emit(t, .binary(.index), [lowerValue(container, env, t), lowerValue(index, env, t)], e, env)
        case .field(let structure, let name):
            guard case .struct(let fields)? = type(structure, env), let n = fields.firstIndex(where: { $0.name == name }) else {
                preconditionFailure("field lookup on an unknown struct type")
            }
            return emit(t, .field(n), [lowerValue(structure, env, t)], e, env)
        case .optionalField(let structure, let name, let fallback):
            guard case .struct(let fields)? = type(structure, env), let n = fields.firstIndex(where: { $0.name == name }) else {
                return lowerExpr(fallback, env, t)  // decided at compile time: the struct type has no such field
            }
            return emit(t, .field(n), [lowerValue(structure, env, t)], e, env)
        case .except(let guarded, let fallback):
            let g = lowerValue(guarded, env, t)
            if isInfallible(fallback, env) {
                return emit(t, .catchError, [g, lowerValue(fallback, env, t)], e, env)
            }
            let template = ir.makeTemplate(fixedParams: [], parent: t)
            template.result = lowerValue(fallback, env, template)
            let structure = t.append(IRValue(.lazyExcept(template: template.id), [g] + template.captures.values.map { t.use($0) },
                                             type: type(e, env), span: span(e.span)))
            return emit(t, .join, [structure], e, env)
        }
    }

    /// What a variable reference names, in the instance its aliases select.
    func variable(_ reference: Reference, _ env: Env, _ t: IRTemplate, at s: Span) -> Located {
        switch reference.decl.kind {
        case .runtimeVariable(let v):
            return constant(t, v.value, type: v.value.mclType, at: s)
        case .hostname:
            let root = ir.templates[0]
            return Located(root, root.append(IRValue(.builtin(name: "_hostname", signature: .function(params: [], result: .str), pure: false),
                                                     [], type: .str, span: span(s))))
        case .bind(_, let bind):
            return bindValue(reference.decl, bind, self.env(for: reference, from: env))
        case .param, .loopVariable:
            let owner = self.env(for: reference, from: env)
            guard let value = owner.params[reference.decl.id]?.value else { preconditionFailure("unbound parameter while lowering") }
            return value
        default:
            preconditionFailure("`\(reference.decl.rendering)` is not a value")
        }
    }

    /// A lambda literal as a value: a template whose parameters are the lambda's, then the
    /// values it captures (copied into the function value when it is made).
    func closure(_ lambda: Lambda, _ env: Env, _ t: IRTemplate) -> Located {
        let frame = env.frame.children[lambda.id]!
        let functionType = checked.type(ofLambda: lambda, in: env.frame)
        guard case .function(let params, _)? = functionType else { preconditionFailure("untyped lambda") }
        let template = ir.makeTemplate(fixedParams: params.map(\.type), parent: t)
        template.functionType = functionType
        let lambdaEnv = Env(frame: frame, parent: env)
        for (i, decl) in frame.unit.params.enumerated() { lambdaEnv.params[decl.id] = (Located(template, .param(i)), false) }
        template.result = lowerValue(lambda.body, lambdaEnv, template)
        return Located(t, t.append(IRValue(.closure(template: template.id), template.captures.values.map { t.use($0) },
                                           type: template.functionType, span: span(lambda.span))))
    }
}

extension BinaryOperator {
    /// The opcode for this operator on operands of `type`, and whether the operands swap
    /// (`a > b` is `lessInt b, a`). nil when the operator does not apply to the type.
    func opcode(for type: MclType) -> (Opcode, swapped: Bool)? {
        switch (self, type) {
        case (.plus, .str): (.concat, false)
        case (.plus, .int): (.addInt, false)
        case (.plus, .float): (.addFloat, false)
        case (.minus, .int): (.subInt, false)
        case (.minus, .float): (.subFloat, false)
        case (.times, .int): (.mulInt, false)
        case (.times, .float): (.mulFloat, false)
        case (.divide, .int): (.divInt, false)
        case (.divide, .float): (.divFloat, false)
        case (.equal, _): (.equal, false)
        case (.notEqual, _): (.notEqual, false)
        case (.less, .int): (.lessInt, false)
        case (.less, .float): (.lessFloat, false)
        case (.lessEqual, .int): (.lessEqualInt, false)
        case (.lessEqual, .float): (.lessEqualFloat, false)
        case (.greater, .int): (.lessInt, true)
        case (.greater, .float): (.lessFloat, true)
        case (.greaterEqual, .int): (.lessEqualInt, true)
        case (.greaterEqual, .float): (.lessEqualFloat, true)
        case (.and, _): (.and, false)
        case (.or, _): (.or, false)
        case (.in, _): (.contains, false)
        default: nil
        }
    }
}
