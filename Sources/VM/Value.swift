/// A run-time mcl value.
///
/// Maps keep their entries sorted by key (the order of `Value.ordering`), so equal maps
/// are equal arrays, printing needs no sort, and lookups are binary searches.
/// Structs keep their fields in type order.
public enum Value: Sendable, Hashable {
    case bool(Bool)
    case str(String)
    case int(Int64)
    case float(Double)
    case list([Value])
    case map(MapValue)
    case `struct`(StructValue)
    /// A lambda value: the template of its body and the values it captured.
    case function(FunctionValue)

    /// A lambda value. Two function values are equal when they run the same template with
    /// equal captures (so an unchanged closure does not rebuild what applies it).
    public struct FunctionValue: Sendable, Hashable {
        public var template: Int
        public var captures: [Value]
        /// The function's type, for printing.
        public var type: MclType
        public init(template: Int, captures: [Value], type: MclType) {
            self.template = template
            self.captures = captures
            self.type = type
        }
    }

    /// The map entries of a `map` value, sorted by key, keys unique.
    public struct MapValue: Sendable, Hashable {
        public private(set) var keys: [Value]
        public private(set) var values: [Value]

        /// Builds a map from pairs in any order; a later pair wins over an earlier equal key.
        public init<S: Sequence>(pairs: S) where S.Element == (Value, Value) {
            var indexed = Array(pairs.enumerated())
            indexed.sort { a, b in
                let order = Value.ordering(a.element.0, b.element.0)
                return order != 0 ? order < 0 : a.offset < b.offset
            }
            var keys: [Value] = []
            var values: [Value] = []
            keys.reserveCapacity(indexed.count)
            values.reserveCapacity(indexed.count)
            for (_, pair) in indexed {
                if let last = keys.last, last == pair.0 {
                    values[values.count - 1] = pair.1
                } else {
                    keys.append(pair.0)
                    values.append(pair.1)
                }
            }
            self.keys = keys
            self.values = values
        }

        public var count: Int { keys.count }

        /// The value for `key`, or nil. O(log n).
        public subscript(key: Value) -> Value? {
            var low = 0
            var high = keys.count
            while low < high {
                let mid = (low + high) / 2
                let order = Value.ordering(keys[mid], key)
                if order == 0 { return values[mid] }
                if order < 0 { low = mid + 1 } else { high = mid }
            }
            return nil
        }
    }

    /// The fields of a `struct` value, in the order of its type.
    public struct StructValue: Sendable, Hashable {
        public var names: [String]
        public var values: [Value]
        public init(names: [String], values: [Value]) {
            precondition(names.count == values.count, "a struct needs one value per field")
            self.names = names
            self.values = values
        }

        /// The value of field `name`, or nil when the struct has no such field.
        public subscript(name: String) -> Value? {
            names.firstIndex(of: name).map { values[$0] }
        }
    }

    /// Heap bytes behind the value (string and container storage), an estimate.
    public var heapBytes: Int {
        switch self {
        case .bool, .int, .float: return 0
        case .str(let s): return s.utf8.count > 15 ? s.utf8.count + 32 : 0  // short strings are inline
        case .list(let items): return 32 + items.count * MemoryLayout<Value>.stride + items.reduce(0) { $0 + $1.heapBytes }
        case .map(let map): return 64 + map.count * 2 * MemoryLayout<Value>.stride + (map.keys + map.values).reduce(0) { $0 + $1.heapBytes }
        case .struct(let s): return 64 + s.values.count * (MemoryLayout<Value>.stride + 16) + s.values.reduce(0) { $0 + $1.heapBytes }
        case .function(let f): return 32 + f.captures.reduce(0) { $0 + MemoryLayout<Value>.stride + $1.heapBytes }
        }
    }

    /// The kind name, as `MclType.kindName` spells it (`str`, `list`, `func`...).
    public var kindName: String {
        switch self {
        case .bool: "bool"
        case .str: "str"
        case .int: "int"
        case .float: "float"
        case .list: "list"
        case .map: "map"
        case .struct: "struct"
        case .function: "func"
        }
    }

    /// A total order used for map keys and for printing maps: by kind first
    /// (bool < int < float < str < list < map < struct), then by value; `false` < `true`,
    /// numbers numerically, strings bytewise, lists and maps element by element, structs
    /// by their printed form.
    /// Returns a negative number, zero or a positive number.
    public static func ordering(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.int(let x), .int(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.float(let x), .float(let y)):
            if x == y || (x.isNaN && y.isNaN) { return 0 }
            if x.isNaN { return -1 }
            if y.isNaN { return 1 }
            return x < y ? -1 : 1
        case (.str(let x), .str(let y)):
            return x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        case (.list(let x), .list(let y)): return orderElements(x, y)
        case (.map(let x), .map(let y)):
            let keys = orderElements(x.keys, y.keys)
            return keys != 0 ? keys : orderElements(x.values, y.values)
        case (.struct, .struct):
            // language.md §3: struct keys sort by their printed form.
            let (x, y) = (a.description, b.description)
            return x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        case (.function(let x), .function(let y)):
            return x.template != y.template ? (x.template < y.template ? -1 : 1) : orderElements(x.captures, y.captures)
        default: return a.kindRank - b.kindRank
        }
    }

    private static func orderElements(_ x: [Value], _ y: [Value]) -> Int {
        for (p, q) in zip(x, y) {
            let order = ordering(p, q)
            if order != 0 { return order }
        }
        return x.count - y.count
    }

    private var kindRank: Int {
        switch self {
        case .bool: 0
        case .int: 1
        case .float: 2
        case .str: 3
        case .list: 4
        case .map: 5
        case .struct: 6
        case .function: 7
        }
    }
}
