import VM

/// The Go type of a template value, as Go's reflection would name it.
///
/// Templates see mcl values converted to Go (functions.md §7): `int` becomes `int64`, `str`
/// `string`, structs `map[string]interface {}` with title-cased keys (or a real Go struct
/// when used as a map key). Go's own `int` is what number constants and `len` produce, and
/// `uint8` what `index` of a string produces; the distinction matters for argument checks
/// (`wrong type for value; expected int64; got int`), `%T` and error texts.
indirect enum GoType: Sendable, Hashable, CustomStringConvertible {
    case bool
    case int
    case int64
    case uint8
    case float64
    case string
    /// `interface {}`: any value; the element type of title-cased struct maps.
    case interface
    case slice(GoType)
    case map(key: GoType, value: GoType)
    /// A Go struct (only struct map keys become one); fields in mcl order, title-cased.
    case structure([GoField])

    /// One field of a Go struct type.
    struct GoField: Sendable, Hashable {
        var name: String
        var type: GoType
    }

    /// The Go spelling (`[]string`, `map[string]interface {}`, `struct { A string; B int64 }`).
    var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .int64: "int64"
        case .uint8: "uint8"
        case .float64: "float64"
        case .string: "string"
        case .interface: "interface {}"
        case .slice(let element): "[]\(element)"
        case .map(let key, let value): "map[\(key)]\(value)"
        case .structure(let fields):
            fields.isEmpty ? "struct {}" : "struct { " + fields.map { "\($0.name) \($0.type)" }.joined(separator: "; ") + " }"
        }
    }

    /// Go's `canBeNil`: whether an untyped `nil` may stand for a value of this type.
    var canBeNil: Bool {
        switch self {
        case .interface, .slice, .map: true
        default: false
        }
    }

    /// The zero value of the type (`reflect.Zero`); the zero interface is the invalid value.
    var zero: GoValue {
        switch self {
        case .bool: .bool(false)
        case .int, .int64, .uint8: .int(0, self)
        case .float64: .float(0)
        case .string: .string("")
        case .interface: .invalid
        case .slice(let element): .slice([], element: element)
        case .map(let key, let value): .map(GoMap(key: key, value: value, entries: []))
        case .structure(let fields): .structure(GoStruct(fields: fields, values: fields.map(\.type.zero)))
        }
    }

    /// The Go type a template helper's mcl parameter or result type maps to, or nil for
    /// function types (which templates cannot pass). `asKey` selects the struct form used
    /// for map keys.
    init?(_ type: MclType, asKey: Bool = false) {
        switch type {
        case .bool: self = .bool
        case .str: self = .string
        case .int: self = .int64
        case .float: self = .float64
        case .variant, .typeVar: self = .interface
        case .function: return nil
        case .list(let element):
            guard let element = GoType(element) else { return nil }
            self = .slice(element)
        case .map(let key, let value):
            guard let key = GoType(key, asKey: true), let value = GoType(value) else { return nil }
            self = .map(key: key, value: value)
        case .struct(let fields):
            guard asKey else { self = .map(key: .string, value: .interface); return }
            var converted: [GoField] = []
            for field in fields {
                guard let type = GoType(field.type, asKey: true) else { return nil }
                converted.append(GoField(name: GoType.titleCase(field.name), type: type))
            }
            self = .structure(converted)
        }
    }

    /// Go's `strings.Title` on an mcl identifier: only the first letter changes, since `_`
    /// and digits do not start a new word (`raw_query` → `Raw_query`, `x1` → `X1`).
    static func titleCase(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }

    /// The more specific of two types inferred for elements of one container: an empty
    /// container's `interface {}` element gives way to a concrete one.
    func merged(with other: GoType) -> GoType {
        switch (self, other) {
        case (.interface, _): return other
        case (.slice(let a), .slice(let b)): return .slice(a.merged(with: b))
        case (.map(let k1, let v1), .map(let k2, let v2)): return .map(key: k1.merged(with: k2), value: v1.merged(with: v2))
        default: return self
        }
    }

    /// Go's `Type.AssignableTo` for the types templates meet: identical types, anything to
    /// `interface {}`. An empty container converted from mcl data has no element type of its
    /// own (mcl values do not carry one), so it is accepted by any slice or map type.
    static func isAssignable(_ value: GoValue, to type: GoType) -> Bool {
        if type == .interface { return true }
        switch (value, type) {
        case (.slice(let elements, _), .slice): if elements.isEmpty { return true }
        case (.map(let map), .map): if map.entries.isEmpty { return true }
        default: break
        }
        return value.goType == type
    }
}
