import VM

/// `fmt.printf`: mcl's small sprintf (functions.md, fmt).
extension Builtins {
    static let fmt: [String: BuiltinFunction] = [
        "fmt.printf": { args throws(RuntimeError) in .str(try printf(args)) },
    ]

    /// Formats `args[1...]` with the format `args[0]`: verbs `%s %q %d %f %t %v %T`, `%%`
    /// for a percent sign, no flags, width or precision.
    ///
    /// With a constant format the compiler has already checked verbs, count and types; the
    /// checks here serve formats computed at run time, with upstream's fatal messages:
    /// `invalid format string at N`, `more specifiers (N) than values (M)`,
    /// `unexpected type: base kind does not match (str != int)`. Surplus values are ignored
    /// and a lone trailing `%` is dropped (both by `FormatString`).
    ///
    /// Literal text is copied as UTF-8. Upstream copies it byte by byte as Latin-1 code
    /// points, so `printf("café %d", 1)` yields `cafÃ© 1`; that mangling is accidental, no
    /// corpus case depends on it, and it is deliberately not reproduced.
    static func printf(_ args: [Value]) throws(RuntimeError) -> String {
        let text = try args.str(0)
        let format: FormatString
        do {
            format = try FormatString(parsing: text)
        } catch {
            throw RuntimeError(error.description)
        }
        let verbCount = format.verbs.count
        guard verbCount <= args.count - 1 else {
            throw RuntimeError("more specifiers (\(verbCount)) than values (\(args.count - 1))")
        }
        var out = ""
        var next = 1
        for piece in format.pieces {
            switch piece {
            case .literal(let literal):
                out += literal
            case .verb(let verb):
                out += try formatted(args[next], verb)
                next += 1
            }
        }
        return out
    }

    /// One value printed by one verb. Floats print as mcl prints them (`Value.formatFloat`:
    /// shortest round-trip digits, never an exponent), `%v` of a container in mcl literal
    /// style with nested strings quoted.
    private static func formatted(_ value: Value, _ verb: FormatString.Verb) throws(RuntimeError) -> String {
        if let type = verb.argumentType, value.kindName != type.kindName {
            // Value kind first: corpus graph/convert0 expects `str != int` for `%d` given a str.
            throw RuntimeError("unexpected type: base kind does not match (\(value.kindName) != \(type.kindName))")
        }
        switch (verb, value) {
        case (.string, .str(let s)): return s
        case (.quoted, .str(let s)): return Value.goQuote(s)
        case (.decimal, .int(let i)): return String(i)
        case (.float, .float(let f)): return Value.formatFloat(f)
        case (.bool, .bool(let b)): return b ? "true" : "false"
        case (.value, _): return value.rawDescription
        case (.type, _): return value.inferredType.description
        default: throw RuntimeError("unexpected type: \(value.kindName) for %\(verb.rawValue)")
        }
    }
}

extension Value {
    /// The mcl type of this value, derived from the value alone, for `%T`.
    ///
    /// The VM passes builtins values, not types, although the signature of each call site is
    /// known at load time. So an element type comes from the elements: the first one whose
    /// type is fully known (`[]int` for `[1, 2]`). An empty list or map has no element to
    /// look at and prints its element type as `variant` (`[]variant` where upstream prints
    /// the declared `[]int`). Function values carry their type.
    var inferredType: MclType {
        switch self {
        case .bool: .bool
        case .str: .str
        case .int: .int
        case .float: .float
        case .list(let elements): .list(Value.commonType(of: elements))
        case .map(let map): .map(key: Value.commonType(of: map.keys), value: Value.commonType(of: map.values))
        case .struct(let value):
            .struct(zip(value.names, value.values).map { MclType.StructField($0, $1.inferredType) })
        case .function(let function): function.type
        }
    }

    /// The type shared by `values`: the first one not hiding an empty container, else the
    /// first one, else `variant`.
    private static func commonType(of values: [Value]) -> MclType {
        var fallback: MclType?
        for value in values {
            let type = value.inferredType
            if !type.mentionsVariant { return type }
            if fallback == nil { fallback = type }
        }
        return fallback ?? .variant
    }
}

extension MclType {
    /// True when `variant` appears anywhere in the type.
    fileprivate var mentionsVariant: Bool {
        switch self {
        case .variant: true
        case .bool, .str, .int, .float, .typeVar: false
        case .list(let element): element.mentionsVariant
        case .map(let key, let value): key.mentionsVariant || value.mentionsVariant
        case .struct(let fields): fields.contains { $0.type.mentionsVariant }
        case .function(let params, let result): params.contains { $0.type.mentionsVariant } || result.mentionsVariant
        }
    }
}
