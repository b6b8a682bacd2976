/// The names visible in one block: its own declarations, then its flattened (`as *`)
/// imports, then the enclosing scope's. Four namespaces: variables, functions, classes
/// and aliases (import and include-as names).
final class Scope {
    let parent: Scope?
    let unit: Unit?
    var variables: [String: Decl] = [:]
    var functions: [String: Decl] = [:]
    var classes: [String: Decl] = [:]
    var aliases: [String: Decl] = [:]
    /// `import ... as *` sources, in source order (a later one overrides an earlier one).
    var flattened: [Decl] = []
    /// The import path each alias came from, for duplicate-import errors.
    var importPaths: Set<String> = []

    init(parent: Scope?, unit: Unit?) {
        self.parent = parent
        self.unit = unit
    }
}

/// The namespaces a lookup can search.
enum Namespace {
    case variable, function, `class`

    var noun: String {
        switch self {
        case .variable: "var"
        case .function: "func"
        case .class: "class"
        }
    }
}

/// A local module after `Resolve`: its top scope is what `$alias.name` reaches.
public final class ResolvedModule: @unchecked Sendable {
    public let module: Module
    public let unit: Unit
    let scope: Scope
    /// The import string that first named it (for messages).
    let importName: String

    init(module: Module, unit: Unit, scope: Scope, importName: String) {
        self.module = module
        self.unit = unit
        self.scope = scope
        self.importName = importName
    }
}
