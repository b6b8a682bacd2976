/// An mcl type: the language's `bool str int float`, lists, maps, ordered structs,
/// functions and `variant`, plus numbered type variables (`?1`) that appear only in
/// the signatures of polymorphic builtins (a scheme, instantiated afresh per call site).
///
/// Struct types are ordered: `struct{a int; b str}` differs from `struct{b str; a int}`.
/// Function parameter names are kept for printing but never compared.
public indirect enum MclType: Sendable, CustomStringConvertible {
    case bool
    case str
    case int
    case float
    case list(MclType)
    case map(key: MclType, value: MclType)
    case `struct`([StructField])
    case function(params: [FunctionParam], result: MclType)
    /// Any type: only useful for dynamically typed resource params (`value.any`).
    case variant
    /// A scheme variable `?N` (N ≥ 1) in a builtin signature.
    case typeVar(Int)

    /// One field of a struct type.
    public struct StructField: Sendable, Hashable {
        public var name: String
        public var type: MclType
        public init(_ name: String, _ type: MclType) { self.name = name; self.type = type }
    }

    /// One parameter of a function type; `name` is empty when the position is unnamed.
    public struct FunctionParam: Sendable, Hashable {
        public var name: String
        public var type: MclType
        public init(_ name: String, _ type: MclType) { self.name = name; self.type = type }
    }

    /// The kind name used in type errors (`type error: str != list`).
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
        case .variant: "variant"
        case .typeVar(let n): "?\(n)"
        }
    }

    /// The type string in mcl syntax: `[]int`, `map{str: int}`, `struct{a int; b []str}`,
    /// `func(a int, 1 str) bool` (unnamed parameters print as their position).
    public var description: String {
        switch self {
        case .bool, .str, .int, .float, .variant, .typeVar: return kindName
        case .list(let element): return "[]\(element)"
        case .map(let key, let value): return "map{\(key): \(value)}"
        case .struct(let fields):
            return "struct{" + fields.map { "\($0.name) \($0.type)" }.joined(separator: "; ") + "}"
        case .function(let params, let result):
            let list = params.enumerated().map { index, param in
                "\(param.name.isEmpty ? String(index) : param.name) \(param.type)"
            }
            return "func(" + list.joined(separator: ", ") + ") \(result)"
        }
    }

    /// The number of parameters of a function type (0 for other types).
    public var arity: Int {
        if case .function(let params, _) = self { return params.count }
        return 0
    }

    /// True when the type mentions no scheme variable.
    public var isConcrete: Bool {
        switch self {
        case .bool, .str, .int, .float, .variant: true
        case .typeVar: false
        case .list(let element): element.isConcrete
        case .map(let key, let value): key.isConcrete && value.isConcrete
        case .struct(let fields): fields.allSatisfy { $0.type.isConcrete }
        case .function(let params, let result): params.allSatisfy { $0.type.isConcrete } && result.isConcrete
        }
    }

    /// True when values of this type may be map keys: scalars and structs of them.
    public var isHashable: Bool {
        switch self {
        case .bool, .str, .int, .float: true
        case .struct(let fields): fields.allSatisfy { $0.type.isHashable }
        case .list, .map, .function, .variant, .typeVar: false
        }
    }

    /// True when `==` is defined: any type without a function inside.
    public var isComparable: Bool {
        switch self {
        case .bool, .str, .int, .float, .variant, .typeVar: true
        case .list(let element): element.isComparable
        case .map(let key, let value): key.isComparable && value.isComparable
        case .struct(let fields): fields.allSatisfy { $0.type.isComparable }
        case .function: false
        }
    }
}

extension MclType: Hashable {
    /// Structural equality; function parameter names are ignored.
    public static func == (lhs: MclType, rhs: MclType) -> Bool {
        switch (lhs, rhs) {
        case (.bool, .bool), (.str, .str), (.int, .int), (.float, .float), (.variant, .variant): return true
        case (.typeVar(let a), .typeVar(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let k1, let v1), .map(let k2, let v2)): return k1 == k2 && v1 == v2
        case (.struct(let a), .struct(let b)): return a == b
        case (.function(let p1, let r1), .function(let p2, let r2)):
            return r1 == r2 && p1.count == p2.count && zip(p1, p2).allSatisfy { $0.type == $1.type }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kindName)
        switch self {
        case .list(let element): hasher.combine(element)
        case .map(let key, let value): hasher.combine(key); hasher.combine(value)
        case .struct(let fields): hasher.combine(fields)
        case .function(let params, let result):
            for param in params { hasher.combine(param.type) }
            hasher.combine(result)
        default: break
        }
    }
}
