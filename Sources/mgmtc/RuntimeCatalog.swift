import Frontend
import Runtime

/// The compiler's view of the runtime: the Frontend's catalog over the Runtime's registry.
enum RuntimeCatalog {
    static let standard = TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds,
                                       variables: Registry.variables)
}
