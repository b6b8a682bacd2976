import VM

extension Registry {
    /// Computes a pure builtin on known arguments at compile time (the compiler's
    /// `BuiltinFolder`); nil when the builtin is not pure, not implemented, or fails (the
    /// error then happens at run time, with its position, where `<|>` may catch it).
    public static func fold(name: String, signature: MclType, args: [Value]) -> Value? {
        guard builtinsByName[name]?.kind == .pure else { return nil }
        if case .function(let body)? = SignatureSpecific.binding(name, signature: signature) { return try? body(args) }
        guard let body = Builtins.functions[name] else { return nil }
        return try? body(args)
    }
}
