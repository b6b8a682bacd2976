/// Whether an expression can never fail nor wait on a stream: such `if` branches are both
/// computed and selected in one node body, and such `<|>` fallbacks are inline handlers;
/// anything else becomes a template instantiated only when needed (language.md §5.2: the
/// branch not taken never runs).
extension Lowering {
    func isInfallible(_ e: Expr, _ env: Env) -> Bool {
        switch e.kind {
        case .bool, .int, .float, .string, .rawString, .lambda: return true
        case .interpolation:
            return (checked.resolved.interpolations[e.id] ?? []).allSatisfy { isInfallible($0, env) }
        case .list(let items): return items.allSatisfy { isInfallible($0, env) }
        case .map(let entries): return entries.allSatisfy { isInfallible($0.key, env) && isInfallible($0.value, env) }
        case .struct(let entries): return entries.allSatisfy { isInfallible($0.value, env) }
        case .variable: return checked.resolved.references[e.id].map { isInfallible($0, env) } ?? false
        case .ifElse(let c, let a, let b): return isInfallible(c, env) && isInfallible(a, env) && isInfallible(b, env)
        case .binary(let op, let left, let right):
            return op != .divide && isInfallible(left, env) && isInfallible(right, env)
        case .not(let operand), .field(let operand, _): return isInfallible(operand, env)
        case .optionalField(let operand, _, let fallback): return isInfallible(operand, env) && isInfallible(fallback, env)
        case .except(_, let fallback): return isInfallible(fallback, env)
        case .call, .callVariable, .callLambda, .index: return false
        }
    }

    /// Whether what a reference names can never fail (memoized per instance for binds).
    private func isInfallible(_ reference: Reference, _ env: Env) -> Bool {
        switch reference.decl.kind {
        case .runtimeVariable, .hostname: return true
        case .bind(_, let bind):
            let owner = self.env(for: reference, from: env)
            let key = ObjectIdentifier(owner.frame)
            if let known = infallibleBinds[key]?[reference.decl.id] { return known }
            infallibleBinds[key, default: [:]][reference.decl.id] = false  // no cycles exist; stay safe anyway
            let result = isInfallible(bind.value, owner)
            infallibleBinds[key, default: [:]][reference.decl.id] = result
            return result
        case .param, .loopVariable:
            return self.env(for: reference, from: env).params[reference.decl.id]?.infallible ?? false
        default:
            return false
        }
    }
}
