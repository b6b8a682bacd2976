/// The semantics of mcl's operators on values: the single definition the interpreter, the
/// IR's constant folding and the compiler's speculation all use.
public enum Operators {
    /// A binary opcode (`addInt` ... `or`, `index`, `contains`) on two values. Throws a
    /// catchable `RuntimeError` for division by zero or a missing index or key; nil when the
    /// values do not have the operand types (a compiler bug or a corrupt program).
    @inline(__always)
    public static func binary(_ op: Opcode, _ x: Value, _ y: Value) throws(RuntimeError) -> Value? {
        switch (op, x, y) {
        case (.addInt, .int(let a), .int(let b)): return .int(a &+ b)
        case (.subInt, .int(let a), .int(let b)): return .int(a &- b)
        case (.mulInt, .int(let a), .int(let b)): return .int(a &* b)
        case (.divInt, .int(let a), .int(let b)):
            guard b != 0 else { throw .catchable("can't divide by zero") }
            return .float(Double(a) / Double(b))
        case (.addFloat, .float(let a), .float(let b)): return .float(a + b)
        case (.subFloat, .float(let a), .float(let b)): return .float(a - b)
        case (.mulFloat, .float(let a), .float(let b)): return .float(a * b)
        case (.divFloat, .float(let a), .float(let b)):
            guard b != 0 else { throw .catchable("can't divide by zero") }
            return .float(a / b)
        case (.equal, _, _): return .bool(x == y)
        case (.notEqual, _, _): return .bool(x != y)
        case (.lessInt, .int(let a), .int(let b)): return .bool(a < b)
        case (.lessEqualInt, .int(let a), .int(let b)): return .bool(a <= b)
        case (.lessFloat, .float(let a), .float(let b)): return .bool(a < b)
        case (.lessEqualFloat, .float(let a), .float(let b)): return .bool(a <= b)
        case (.and, .bool(let a), .bool(let b)): return .bool(a && b)
        case (.or, .bool(let a), .bool(let b)): return .bool(a || b)
        case (.contains, _, .list(let items)): return .bool(items.contains(x))
        case (.index, .list(let items), .int(let i)):
            if i < 0 { throw .catchable("list index negative, got: \(i)") }
            guard i < items.count else { throw .catchable("list index not present, got: \(i), len is: \(items.count), in: \(x)") }
            return items[Int(i)]
        case (.index, .map(let map), _):
            guard let v = map[y] else { throw .catchable("map key not present, want: \(y) in \(x)") }
            return v
        default:
            return nil
        }
    }

    /// The strings of `parts` joined; nil if one is not a str.
    public static func concat<C: Collection>(_ parts: C) -> Value? where C.Element == Value {
        var out = ""
        for part in parts {
            guard case .str(let s) = part else { return nil }
            out += s
        }
        return .str(out)
    }
}
