import VM

/// Allocates node ids, unique within one compilation (all files), so passes can keep
/// per-node side tables in dictionaries or arrays.
public final class NodeIDs: @unchecked Sendable {
    // Used by one compilation on one thread.
    private(set) var count = 0
    public init() {}
    func next() -> Int {
        count += 1
        return count - 1
    }
}

/// An expression node. The AST is plain data: each pass (`Interpolate`, `Resolve`,
/// `Unify`, ...) lives in its own file and walks it.
public final class Expr: @unchecked Sendable {
    public let id: Int
    public let span: Span
    /// Mutable only so that `Interpolate` can replace raw strings in place.
    public internal(set) var kind: Kind

    init(_ kind: Kind, span: Span, ids: NodeIDs) {
        self.id = ids.next()
        self.kind = kind
        self.span = span
    }

    public indirect enum Kind {
        case bool(Bool)
        case int(Int64)
        case float(Double)
        /// A string literal as written, before escapes and interpolation (parser output).
        case rawString(String)
        /// A string with escapes processed and no interpolation.
        case string(String)
        /// `"a${x}b"`: literal pieces and variable references, joined at run time; type `str`.
        case interpolation([InterpolationPart])
        case list([Expr])
        case map([MapEntry])
        case `struct`([StructEntry])
        /// `$a` or `$alias.sub.a`.
        case variable(DottedName)
        /// `name(args)` or `alias.name(args)`: a `func` statement or a builtin.
        case call(DottedName, [Expr])
        /// `$f(args)`: a function-valued variable.
        case callVariable(DottedName, [Expr])
        /// `func(...) {...}(args)`: an immediately applied lambda.
        case callLambda(Lambda, [Expr])
        case lambda(Lambda)
        /// `if c { a } else { b }`.
        case ifElse(condition: Expr, then: Expr, else: Expr)
        case binary(BinaryOperator, Expr, Expr)
        case not(Expr)
        /// `a[i]`: list index or map key.
        case index(Expr, Expr)
        /// `s->f`.
        case field(Expr, name: String)
        /// `s->f <|> d`: the field if the struct type has it, else `d` (decided at compile time).
        case optionalField(Expr, name: String, default: Expr)
        /// `a <|> b`: `b` when `a` fails with a catchable error.
        case except(Expr, Expr)
    }
}

/// A piece of an interpolated string.
public enum InterpolationPart: Sendable {
    case literal(String)
    case variable(DottedName)
}

/// `key => value` in a map literal.
public struct MapEntry {
    public var key: Expr
    public var value: Expr
}

/// `name => value` in a struct literal.
public struct StructEntry {
    public var name: String
    public var nameSpan: Span
    public var value: Expr
}

/// A possibly dotted name (`printf`, `fmt.printf`, `i1.i0.x`) with its span.
public struct DottedName: Sendable, Hashable, CustomStringConvertible {
    public var parts: [String]
    public var span: Span
    public var description: String { parts.joined(separator: ".") }
}

/// Binary operators, spelled as in mcl.
public enum BinaryOperator: String, Sendable {
    case plus = "+", minus = "-", times = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="
    case and, or
    /// `a in l`: list membership (`contains(a, l)`).
    case `in`
}

/// `func($a, $b T) R { body }`: a lambda value.
public final class Lambda: @unchecked Sendable {
    public let id: Int
    public let params: [Param]
    public let result: TypeAnnotation?
    public let body: Expr
    public let span: Span

    init(params: [Param], result: TypeAnnotation?, body: Expr, span: Span, ids: NodeIDs) {
        self.id = ids.next()
        self.params = params
        self.result = result
        self.body = body
        self.span = span
    }
}

/// `$name` or `$name T` in a parameter list.
public struct Param: Sendable {
    public var name: String
    public var type: TypeAnnotation?
    public var span: Span
}

/// A written type with its span.
public struct TypeAnnotation: Sendable {
    public var type: MclType
    public var span: Span
}
