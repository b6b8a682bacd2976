import VM

/// Whether the signature a program was compiled with fits a builtin's typing in the
/// registry: the loader refuses a program that calls a builtin at a type it does not have.
enum SignatureMatching {
    static func fits(_ concrete: MclType, _ typing: BuiltinTyping) -> Bool {
        switch typing {
        case .signature(let scheme): return matches(scheme, concrete)
        case .overloads(let schemes): return schemes.contains { matches($0, concrete) }
        case .callSite(let rule):
            // Without the call's constants the rule gives its most general candidates.
            let site = CallSite(argumentCount: concrete.arity, constantArguments: Array(repeating: nil, count: concrete.arity))
            guard let candidates = try? rule(site) else { return false }
            return candidates.contains { matches($0, concrete) }
        }
    }

    /// Whether `concrete` is an instance of `scheme` (each `?N` stands for one type throughout).
    static func matches(_ scheme: MclType, _ concrete: MclType) -> Bool {
        var bindings: [Int: MclType] = [:]
        return matches(scheme, concrete, &bindings)
    }

    private static func matches(_ scheme: MclType, _ concrete: MclType, _ bindings: inout [Int: MclType]) -> Bool {
        switch (scheme, concrete) {
        case (.typeVar(let n), _):
            if let bound = bindings[n] { return bound == concrete }
            bindings[n] = concrete
            return true
        case (.variant, _): return true
        case (.bool, .bool), (.str, .str), (.int, .int), (.float, .float): return true
        case (.list(let a), .list(let b)): return matches(a, b, &bindings)
        case (.map(let k1, let v1), .map(let k2, let v2)): return matches(k1, k2, &bindings) && matches(v1, v2, &bindings)
        case (.struct(let a), .struct(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.name == $1.name && matches($0.type, $1.type, &bindings) }
        case (.function(let p1, let r1), .function(let p2, let r2)):
            return p1.count == p2.count && zip(p1, p2).allSatisfy { matches($0.type, $1.type, &bindings) } && matches(r1, r2, &bindings)
        default: return false
        }
    }
}
