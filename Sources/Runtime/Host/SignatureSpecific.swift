import VM

/// Builtins whose implementation depends on the type a call site uses: the result type
/// decides what to return (`math.fortytwo` as int or float, `decode_json`'s result).
enum SignatureSpecific {
    static func binding(_ name: String, signature: MclType) -> BuiltinBinding? {
        guard case .function(_, let result) = signature else { return nil }
        switch name {
        case "math.fortytwo":
            let value: Value = result == .float ? .float(42) : .int(42)
            return .function { _ in value }
        case "encoding.decode_json", "encoding.decode_json_flexible":
            // The result type is this call's: the one-argument form has no type string.
            let flexible = name.hasSuffix("flexible")
            return .function { args throws(RuntimeError) in
                guard case .str(let text)? = args.first else { throw RuntimeError("internal error: decode_json needs its text") }
                return try Builtins.decodeJSON(text, as: result, flexible: flexible)
            }
        default:
            return nil
        }
    }

    /// The zero value of a type: `""`, `0`, `false`, empty containers, a struct of zeros.
    static func zero(of type: MclType) -> Value {
        switch type {
        case .bool: .bool(false)
        case .str: .str("")
        case .int: .int(0)
        case .float: .float(0)
        case .list: .list([])
        case .map: .map(.init(pairs: []))
        case .struct(let fields): .struct(.init(names: fields.map(\.name), values: fields.map { zero(of: $0.type) }))
        default: .str("")
        }
    }
}
