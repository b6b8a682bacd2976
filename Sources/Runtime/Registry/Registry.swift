import VM

/// The Runtime's registry: every builtin function, resource kind and predeclared variable
/// the runtime knows, with the signatures and parameter types the compiler checks programs
/// against (see ../shared/reference/functions.md and resources.md).
///
/// The data lives in one file per module family (`Registry+Text.swift`,
/// `Registry+CoreResources.swift`…) as tables of type strings; the properties below parse
/// them once, on first use. A bad type string stops the process there with a message naming
/// it (`RegistryTests.everyTypeStringParses` checks each string on its own).
public enum Registry {
    /// Every builtin function: top-level ones (`module == ""`) first, then module by module,
    /// in the order of the tables.
    /// Not included: the operators (`_operator`) and `_lookup`, `_struct_lookup`,
    /// `_struct_lookup_optional`, which the compiler handles itself.
    public static let builtins: [BuiltinDescriptor] = builtinEntries.map { entry in
        do {
            return try entry.descriptor()
        } catch {
            preconditionFailure("bad signature of builtin `\(entry.module).\(entry.name)`: \(error)")
        }
    }

    /// Every resource kind, core kinds first, then extended, then platform ones.
    public static let resourceKinds: [ResourceKindDescriptor] = resourceKindEntries.map { entry in
        do {
            return try entry.descriptor()
        } catch {
            preconditionFailure("bad parameter type in resource kind `\(entry.kind)`: \(error)")
        }
    }

    /// Builtins by qualified name (the first one, should a name appear twice).
    public static let builtinsByName: [String: BuiltinDescriptor] =
        Dictionary(builtins.map { ($0.qualifiedName, $0) }, uniquingKeysWith: { first, _ in first })

    /// Resource kinds by name.
    public static let kindsByName: [String: ResourceKindDescriptor] =
        Dictionary(resourceKinds.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })

    /// The table rows behind `builtins`.
    static let builtinEntries: [BuiltinEntry] =
        coreBuiltins + textBuiltins + systemBuiltins + worldBuiltins
        + testBuiltins + provisionerBuiltins + golangBuiltins + golangMathBuiltins + golangSystemBuiltins

    /// The table rows behind `resourceKinds`.
    static let resourceKindEntries: [ResourceKindEntry] =
        coreResources + extendedResources + httpResources + platformResources
}
