/// The result of `Resolve`: every name bound to its declaration, and the units of
/// instantiation, keyed by node ids. Read by `Unify` and by the lowering.
public final class ResolvedProgram: @unchecked Sendable {
    /// The entry module's unit and scope.
    public let program: ResolvedModule
    /// Every local module the program imports (directly or not), in load order.
    public internal(set) var modules: [ResolvedModule] = []
    /// `.variable`, `.callVariable` and `.call` expressions → what they name.
    public internal(set) var references: [Int: Reference] = [:]
    /// `.interpolation` expressions → one reference per variable part, in order.
    public internal(set) var interpolations: [Int: [Reference]] = [:]
    /// `include` statements → the class they instantiate.
    public internal(set) var includes: [Int: Reference] = [:]
    /// Bind, func, class and include-as statements → their declaration.
    public internal(set) var declarations: [Int: Decl] = [:]
    /// Units by the id of what opens them: class, func and loop statements, lambdas.
    public internal(set) var units: [Int: Unit] = [:]

    init(program: ResolvedModule) {
        self.program = program
    }
}
