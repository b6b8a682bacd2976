/// Go's template comparisons (`eq ne lt le gt ge` in `funcs.go`): basic kinds compare by
/// value (signed and unsigned integers with each other), other comparable values (structs,
/// nil) with `==`, slices and maps not at all.
enum TemplateComparison {
    /// Go's `basicKind` classes.
    private enum Kind { case invalid, bool, int, uint, float, string }

    private static func kind(_ value: GoValue) -> Kind {
        switch value {
        case .bool: .bool
        case .int(_, let type): type == .uint8 ? .uint : .int
        case .float: .float
        case .string: .string
        default: .invalid
        }
    }

    /// `eq a b`: one comparison of Go's `eq`.
    static func equal(_ a: GoValue, _ b: GoValue) throws(TemplateError) -> Bool {
        let (k1, k2) = (kind(a), kind(b))
        if k1 != k2 {
            if case .int(let x, _) = a, case .int(let y, _) = b { return x == y }  // int against uint
            if case .invalid = a { return false }
            if case .invalid = b { return false }
            throw TemplateError("incompatible types for comparison")
        }
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x, _), .int(let y, _)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        default: break
        }
        // Neither is of a basic kind.
        guard sameKind(a, b) || isInvalid(a) || isInvalid(b) else {
            throw TemplateError("non-comparable types \(try describe(a)): \(a.typeName), \(b.typeName): \(try GoFormatter.print(b))")
        }
        if isInvalid(a) || isInvalid(b) { return isInvalid(a) == isInvalid(b) }
        switch b {
        case .slice, .map: throw TemplateError("non-comparable type \(try describe(b)): \(b.typeName)")
        default: return a.goType == b.goType && a == b
        }
    }

    /// `lt a b`, defined for integers, floats and strings only.
    static func less(_ a: GoValue, _ b: GoValue) throws(TemplateError) -> Bool {
        let (k1, k2) = (kind(a), kind(b))
        if k1 == .invalid || k2 == .invalid { throw TemplateError("invalid type for comparison") }
        switch (a, b) {
        case (.int(let x, _), .int(let y, _)): return x < y
        case (.float(let x), .float(let y)): return x < y
        case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.bool, .bool): throw TemplateError("invalid type for comparison")
        default: throw TemplateError("incompatible types for comparison")
        }
    }

    /// `le a b`: `lt`, then `eq`.
    static func lessOrEqual(_ a: GoValue, _ b: GoValue) throws(TemplateError) -> Bool {
        if try less(a, b) { return true }
        return try equal(a, b)
    }

    private static func isInvalid(_ value: GoValue) -> Bool {
        if case .invalid = value { return true }
        return false
    }

    /// Go's `canCompare`: the same reflect kind (slice, map or struct).
    private static func sameKind(_ a: GoValue, _ b: GoValue) -> Bool {
        switch (a, b) {
        case (.slice, .slice), (.map, .map), (.structure, .structure): true
        default: false
        }
    }

    /// A value as Go's `%s` prints it in these messages.
    private static func describe(_ value: GoValue) throws(TemplateError) -> String {
        try GoFormatter.sprintf("%s", [value])
    }
}
