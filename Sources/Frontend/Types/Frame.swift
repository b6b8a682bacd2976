/// One instance of a unit (see `Unit`): the program, a module, one `include` of a class,
/// one call of a `func`, one lambda literal, one loop body. It holds the types of the
/// instance's declarations and expressions, and the instances created inside it.
///
/// The frame tree is the typed, instantiated program: the lowering walks it to emit the
/// dataflow graph, so a class included twice or a `func` called twice is lowered twice
/// with each instance's own types.
public final class Frame: @unchecked Sendable {
    public let unit: Unit
    /// The frame of the definition site (lexical parent); nil for the program and modules.
    public let parent: Frame?
    /// Types of the binds, parameters and loop variables of this instance, by `Decl.id`.
    var values: [Int: TypeVar] = [:]
    /// Types of the expressions evaluated in this instance, by `Expr.id`.
    var expressions: [Int: TypeVar] = [:]
    /// Instances created here, by the id of what created them: include statements, calls
    /// of `func`s (the call expression), lambda literals, loop statements; a module imported
    /// inside a block is under the negated id of its unit.
    public internal(set) var children: [Int: Frame] = [:]
    /// The instantiated signature of each builtin call made here, by call expression id.
    var builtinCalls: [Int: TypeVar] = [:]
    /// The argument expressions of a class include or `func` call (and the frame they are
    /// evaluated in), by parameter `Decl.id`: what compile-time speculation looks through.
    var arguments: [Int: (Expr, Frame)] = [:]

    init(unit: Unit, parent: Frame?) {
        self.unit = unit
        self.parent = parent
    }

    /// The frame of `unit` on this frame's lexical chain, if any.
    func enclosing(_ unit: Unit) -> Frame? {
        var frame: Frame? = self
        while let f = frame {
            if f.unit === unit { return f }
            frame = f.parent
        }
        return nil
    }
}
