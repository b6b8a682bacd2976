import VM

/// Type checking by unification (upstream's `errUnify`, stage `type`), language.md §4.7.
///
/// The checker instantiates the program as it goes: each `include` gets a frame with the
/// class's parameters, each call of a `func` a frame with fresh parameter types (so funcs
/// are polymorphic per call site), each lambda literal one frame (so a lambda value has
/// one type). Binds are typed on first use, once per instance: unused binds, funcs and
/// classes are never type-checked, as upstream.
///
/// Constraints that need more information (overloaded builtins and operators, field
/// lookups on structs whose type is not known yet) wait in `pending` and are retried
/// until nothing changes; then the solution must be complete and acyclic.
final class Checker {
    let program: ResolvedProgram
    let catalog: Catalog
    let sources: SourceMap
    var store = TypeStore()
    /// The single instance of the program and of each module, by unit id.
    var moduleFrames: [Int: Frame] = [:]
    var pending: [Deferred] = []
    /// Every frame, in creation order, for the final checks.
    var frames: [Frame] = []
    /// Map literals to check for hashable key types once solved: (frame, expression).
    var mapLiterals: [(TypeVar, Expr)] = []
    /// `==`/`!=` operand types to check for comparability once solved.
    var comparisons: [(TypeVar, Expr)] = []
    /// Spans of parameters and loop variables, for errors found after solving.
    var declSpans: [Int: Span] = [:]
    /// Constant values computed for binds, per frame and decl (compile-time speculation).
    var constants: [ObjectIdentifier: [Int: Value?]] = [:]

    /// Why two types must be equal: where, and what the expected side belongs to.
    struct Reason {
        var span: Span
        var what: String
        /// The call passed (found, expected): upstream words some clashes found-side first
        /// (`str != list` for a resource name that must be a list); the note stays right.
        var foundFirst = false
    }

    init(program: ResolvedProgram, catalog: Catalog, sources: SourceMap) {
        self.program = program
        self.catalog = catalog
        self.sources = sources
    }

    /// Checks the program; returns the root frame of the instantiated, typed program.
    func run() throws(Diagnostic) -> Frame {
        let root = moduleFrame(program.program.unit)
        try check(program.program.module.block, in: root)
        try solvePending()
        try finish()
        return root
    }

    func makeFrame(_ unit: Unit, parent: Frame?) -> Frame {
        let frame = Frame(unit: unit, parent: parent)
        frames.append(frame)
        return frame
    }

    /// The one frame of the program or a module.
    func moduleFrame(_ unit: Unit) -> Frame {
        if let frame = moduleFrames[unit.id] { return frame }
        let frame = makeFrame(unit, parent: nil)
        moduleFrames[unit.id] = frame
        return frame
    }

    /// Makes `expected` and `found` equal, or fails with a `type` diagnostic at the reason's
    /// span naming both types and what the expected one belongs to.
    func unify(_ expected: TypeVar, _ found: TypeVar, _ reason: @autoclosure () -> Reason) throws(Diagnostic) {
        do {
            try store.unify(expected, found)
        } catch {
            let why = reason()
            let (wanted, got) = why.foundFirst ? (found, expected) : (expected, found)
            throw Diagnostic(.type, error.message, at: why.span,
                             notes: ["expected \(store.describe(wanted)) for \(why.what), found \(store.describe(got))"])
        }
    }

    /// A variable of a known type.
    func type(_ t: MclType) -> TypeVar { store.from(t) }
}

/// A constraint that waits for more information.
enum Deferred {
    /// A call of an overloaded builtin or operator: `call` (a function type built from the
    /// argument types and a fresh result) must equal exactly one of `candidates`.
    case overload(call: TypeVar, candidates: [MclType], name: String, span: Span)
    /// `s->f` (optional: `s->f <|> d`): once `s` is a known struct, tie `result` to the field.
    case field(structure: TypeVar, name: String, result: TypeVar, optional: Bool, span: Span)
}
