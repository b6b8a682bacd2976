/// A value as Go's `text/template` sees it: the `reflect.Value` of the converted data.
///
/// `invalid` is Go's zero `reflect.Value`: a missing value, an untyped `nil` or a nil
/// interface (actions print it as `<no value>`, `print` as `<nil>`). Interfaces are never
/// kept: a value read out of an `interface {}` slot is its concrete value, as Go's
/// evaluator digs it out before use.
indirect enum GoValue: Sendable, Equatable {
    case invalid
    case bool(Bool)
    /// An integer of type `int`, `int64` or `uint8` (the GoType says which).
    case int(Int64, GoType)
    case float(Double)
    case string(String)
    case slice([GoValue], element: GoType)
    case map(GoMap)
    case structure(GoStruct)

    /// The value's Go type; nil for `invalid`.
    var goType: GoType? {
        switch self {
        case .invalid: nil
        case .bool: .bool
        case .int(_, let type): type
        case .float: .float64
        case .string: .string
        case .slice(_, let element): .slice(element)
        case .map(let map): .map(key: map.keyType, value: map.valueType)
        case .structure(let value): .structure(value.fields)
        }
    }

    /// The type name used in error texts, `<nil>` for `invalid`.
    var typeName: String { goType?.description ?? "<nil>" }

    /// Go's truth (`isTrue`): false for the zero value of the type, structs always true.
    var isTrue: Bool {
        switch self {
        case .invalid: false
        case .bool(let b): b
        case .int(let i, _): i != 0
        case .float(let f): f != 0
        case .string(let s): !s.isEmpty
        case .slice(let elements, _): !elements.isEmpty
        case .map(let map): !map.entries.isEmpty
        case .structure: true
        }
    }
}

/// A Go map: typed keys and values, entries kept in `fmtsort` order (the order `range`
/// and printing use), keys unique.
struct GoMap: Sendable, Equatable {
    var keyType: GoType
    var valueType: GoType
    private(set) var entries: [(key: GoValue, value: GoValue)]

    /// Builds a map from entries in any order; they are sorted with `GoMap.compare`.
    init(key: GoType, value: GoType, entries: [(key: GoValue, value: GoValue)]) {
        keyType = key
        valueType = value
        self.entries = entries.sorted { GoMap.compare($0.key, $1.key) < 0 }
    }

    /// The value stored under `key` (Go's `MapIndex`), or nil. Keys compare with Go's `==`,
    /// so a NaN key is never found. O(log n).
    subscript(key: GoValue) -> GoValue? {
        var low = 0
        var high = entries.count
        while low < high {
            let mid = (low + high) / 2
            let order = GoMap.compare(entries[mid].key, key)
            if order == 0 { return entries[mid].key == key ? entries[mid].value : nil }
            if order < 0 { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// Go's `internal/fmtsort` order for keys of one type: numbers numerically (NaN first),
    /// strings bytewise, `false` before `true`, structs field by field.
    static func compare(_ a: GoValue, _ b: GoValue) -> Int {
        switch (a, b) {
        case (.int(let x, _), .int(let y, _)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.float(let x), .float(let y)):
            if x < y { return -1 }
            if x > y { return 1 }
            if x == y { return 0 }
            if x.isNaN && y.isNaN { return 0 }
            return x.isNaN ? -1 : 1
        case (.string(let x), .string(let y)):
            return x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.structure(let x), .structure(let y)):
            for (p, q) in zip(x.values, y.values) {
                let order = compare(p, q)
                if order != 0 { return order }
            }
            return 0
        default: return -1  // keys of one map share a type; like fmtsort, never claim equality
        }
    }

    static func == (lhs: GoMap, rhs: GoMap) -> Bool {
        lhs.keyType == rhs.keyType && lhs.valueType == rhs.valueType && lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// A Go struct value: title-cased fields in mcl order (only struct map keys become one).
struct GoStruct: Sendable, Equatable {
    var fields: [GoType.GoField]
    var values: [GoValue]

    /// The value of the field called `name` (case-sensitive, as Go's `FieldByName`), or nil.
    subscript(name: String) -> GoValue? {
        fields.firstIndex { $0.name == name }.map { values[$0] }
    }
}
