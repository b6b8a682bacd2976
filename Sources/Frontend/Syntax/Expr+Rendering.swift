import VM

extension Expr {
    /// Upstream's debug rendering of an expression, which some of its messages embed:
    /// `map(var(a): str("x"), var(b): int(1))`, `bool(true)`, `list(...)`, `struct(f: ...; g: ...)`,
    /// `call:name(...)`.
    var upstreamRendering: String {
        switch kind {
        case .bool(let b): return "bool(\(b))"
        case .int(let i): return "int(\(i))"
        case .float(let f): return "float(\(Value.formatFloat(f)))"
        case .string(let s), .rawString(let s): return "str(\(Value.goQuote(s)))"
        case .variable(let name): return "var(\(name))"
        case .list(let items): return "list(" + items.map(\.upstreamRendering).joined(separator: ", ") + ")"
        case .map(let entries):
            return "map(" + entries.map { "\($0.key.upstreamRendering): \($0.value.upstreamRendering)" }.joined(separator: ", ") + ")"
        case .struct(let entries):
            return "struct(" + entries.map { "\($0.name): \($0.value.upstreamRendering)" }.joined(separator: "; ") + ")"
        case .call(let name, let args):
            return "call:\(name)(" + args.map(\.upstreamRendering).joined(separator: ", ") + ")"
        default:
            return "expr"
        }
    }
}
