import VM

/// What the compiler needs to know about the runtime: the builtin functions of each core
/// module with their typing, the resource kinds with their parameter types, and the
/// predeclared variables. The Frontend declares it; the Runtime's registry fills it (the
/// CLIs build a `TableCatalog` from `Registry`), so the Frontend never imports the Runtime.
public protocol Catalog: Sendable {
    /// Whether `import "path"` names a core module.
    func hasModule(_ path: String) -> Bool
    /// A builtin of a module (`""` for top-level functions).
    func builtin(module: String, name: String) -> BuiltinDescriptor?
    /// A predeclared variable of a module (`""` for global ones such as `const.res.file.state.exists`).
    func variable(module: String, name: String) -> VariableDescriptor?
    /// A resource kind by its mcl name.
    func resourceKind(_ kind: String) -> ResourceKindDescriptor?
}

/// A `Catalog` over plain tables, indexed once.
public struct TableCatalog: Catalog {
    private let builtins: [String: [String: BuiltinDescriptor]]
    private let variables: [String: [String: VariableDescriptor]]
    private let kinds: [String: ResourceKindDescriptor]

    public init(builtins: [BuiltinDescriptor], resourceKinds: [ResourceKindDescriptor], variables: [VariableDescriptor]) {
        var byModule: [String: [String: BuiltinDescriptor]] = [:]
        for builtin in builtins { byModule[builtin.module, default: [:]][builtin.name] = builtin }
        var variablesByModule: [String: [String: VariableDescriptor]] = [:]
        for variable in variables { variablesByModule[variable.module, default: [:]][variable.name] = variable }
        self.builtins = byModule
        self.variables = variablesByModule
        self.kinds = Dictionary(resourceKinds.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func hasModule(_ path: String) -> Bool {
        !path.isEmpty && (builtins[path] != nil || variables[path] != nil)
    }

    public func builtin(module: String, name: String) -> BuiltinDescriptor? { builtins[module]?[name] }

    public func variable(module: String, name: String) -> VariableDescriptor? { variables[module]?[name] }

    public func resourceKind(_ kind: String) -> ResourceKindDescriptor? { kinds[kind] }
}
