/// A statement node.
public final class Stmt: @unchecked Sendable {
    public let id: Int
    public let span: Span
    public let kind: Kind

    init(_ kind: Kind, span: Span, ids: NodeIDs) {
        self.id = ids.next()
        self.kind = kind
        self.span = span
    }

    public enum Kind {
        /// `$x [T] = e`.
        case bind(Bind)
        /// `kind name { entries }`, or with `collect` in front.
        case resource(Resource)
        /// `A[a] -> B[b] -> ...` or `A[a].out -> B[b].in`.
        case edge([EdgeHalf])
        /// `if c { ... } else { ... }`.
        case ifStmt(condition: Expr, then: Block, else: Block?)
        /// `for $i, $v in list { ... }` (`isKeyValue` false) or `forkv $k, $v in map { ... }`.
        case loop(Loop)
        /// `func name(params) [T] { body }`.
        case function(FunctionDecl)
        /// `class name(params) { ... }`.
        case `class`(ClassDecl)
        /// `include name(args) [as alias]`.
        case include(Include)
        /// `import "path" [as alias | as *]`.
        case `import`(Import)
        /// `panic(x)` or `panic(x, msg)`.
        case panic([Expr])
    }
}

/// A `{ ... }` list of statements: the program, a module, a class body, a branch, a loop body.
public final class Block: @unchecked Sendable {
    public let id: Int
    public internal(set) var stmts: [Stmt]
    public let span: Span

    init(_ stmts: [Stmt], span: Span, ids: NodeIDs) {
        self.id = ids.next()
        self.stmts = stmts
        self.span = span
    }
}

public struct Bind {
    public var name: String
    public var nameSpan: Span
    public var annotation: TypeAnnotation?
    public var value: Expr
}

public struct Resource {
    /// The kind as written in lower case with colons (`http:server:ui:input`).
    public var kind: String
    public var kindSpan: Span
    public var name: Expr
    public var entries: [ResourceEntry]
    /// `collect kind name { ... }`: rebuild exported resources instead of declaring one.
    public var isCollect: Bool
}

/// One `... ,` entry in a resource body, with its optional `cond ?:` guard.
public struct ResourceEntry {
    public enum Kind {
        /// `param => value`.
        case param(String)
        /// `Before/Depend/Notify/Listen => Kind[name]`.
        case edge(EdgeProperty, EdgeHalf)
        /// `Meta:prop => value`.
        case meta(String)
        /// `Meta => struct{...}`: all metaparams at once.
        case metaStruct
    }
    public var kind: Kind
    public var condition: Expr?
    /// The value; for `.edge` entries this is nil (the half holds the name).
    public var value: Expr?
    /// The whole entry, for diagnostics.
    public var span: Span
    /// The entry's key (`param`, `Meta:prop`, `Before`), for diagnostics.
    public var keySpan: Span
}

/// The edge properties a resource body may set.
public enum EdgeProperty: String, Sendable {
    case before, depend, notify, listen
}

/// `Kind[name]` or `Kind[name].field` in an edge.
public struct EdgeHalf {
    /// The kind in lower case (`Http:Server` → `http:server`).
    public var kind: String
    public var name: Expr
    /// The send or receive field of a send/recv edge.
    public var field: String?
    public var span: Span
}

public struct Loop {
    public var isKeyValue: Bool
    public var first: Param
    public var second: Param
    public var collection: Expr
    public var body: Block
}

public final class FunctionDecl: @unchecked Sendable {
    public let name: String
    public let nameSpan: Span
    public let params: [Param]
    public let result: TypeAnnotation?
    public let body: Expr
    public let span: Span

    init(name: String, nameSpan: Span, params: [Param], result: TypeAnnotation?, body: Expr, span: Span) {
        self.name = name
        self.nameSpan = nameSpan
        self.params = params
        self.result = result
        self.body = body
        self.span = span
    }
}

public final class ClassDecl: @unchecked Sendable {
    /// The name; a nested definition `class a:b` keeps `["a", "b"]` until `Interpolate`
    /// moves it into class `a` as `b`.
    public internal(set) var path: [String]
    public let nameSpan: Span
    public let params: [Param]
    public let body: Block
    public let span: Span

    init(path: [String], nameSpan: Span, params: [Param], body: Block, span: Span) {
        self.path = path
        self.nameSpan = nameSpan
        self.params = params
        self.body = body
        self.span = span
    }

    public var name: String { path.last ?? "" }
}

public struct Include {
    public var name: DottedName
    public var args: [Expr]
    public var alias: String?
    public var aliasSpan: Span?
}

public struct Import {
    /// The path string, verbatim (no escapes processed).
    public var path: String
    public var pathSpan: Span
    /// nil: the default alias; `"*"`: flatten into the importing scope.
    public var alias: String?
}
