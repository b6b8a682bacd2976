/// What the compiler and the loader know about one builtin function: its stable name,
/// how calls of it are typed, and what kind of function it is. The Runtime's registry
/// holds one per function; the implementation itself stays in the Runtime.
public struct BuiltinDescriptor: Sendable {
    /// The core module path (`""` for top-level functions, `"fmt"`, `"golang/strings"`).
    public var module: String
    /// The function's name inside its module (`printf`, `to_upper`, `len`).
    public var name: String
    /// How a call site gets its monomorphic signature.
    public var typing: BuiltinTyping
    /// Purity and source of change (see `BuiltinKind`).
    public var kind: BuiltinKind
    /// One line for `mgmt functions` and the generated docs.
    public var summary: String
    /// Whether calls get the calling code's deploy base (`/`, `/mod1/`) as a hidden first
    /// `str` argument, which the compiler adds and the import's signature includes
    /// (spec/host-interface.md: `deploy.readfile` and the other deploy-tree readers).
    public var takesDeployBase: Bool

    public init(module: String, name: String, typing: BuiltinTyping, kind: BuiltinKind, summary: String = "",
                takesDeployBase: Bool = false) {
        self.module = module
        self.name = name
        self.typing = typing
        self.kind = kind
        self.summary = summary
        self.takesDeployBase = takesDeployBase
    }

    /// The stable qualified name used in `.mcb` import tables: `len`, `fmt.printf`,
    /// `golang/strings.to_upper`.
    public var qualifiedName: String { module.isEmpty ? name : module + "." + name }
}

/// How the signature of one call of a builtin is decided.
public enum BuiltinTyping: Sendable {
    /// One function type, possibly with `?N` scheme variables, instantiated per call site.
    case signature(MclType)
    /// Several function types; exactly one must fit each call site (`len` on str, list or map;
    /// `math.fortytwo` chosen by its result type).
    case overloads([MclType])
    /// The signature depends on the call site: the number of arguments and the values of
    /// arguments known at compile time (a `fmt.printf` format, a `decode_json` type string).
    /// The closure returns one or more candidate function types (exactly one must fit,
    /// as for `.overloads`) and throws `BuiltinInferenceError` for a call that can never work.
    case callSite(@Sendable (CallSite) throws -> [MclType])
}

/// What a `.callSite` typing sees of one call.
public struct CallSite: Sendable {
    /// Number of arguments written at the call.
    public var argumentCount: Int
    /// For each argument, its value when the compiler can compute it (literals, constant
    /// binds, pure builtins on them), else nil.
    public var constantArguments: [Value?]

    public init(argumentCount: Int, constantArguments: [Value?]) {
        self.argumentCount = argumentCount
        self.constantArguments = constantArguments
    }
}

/// A call that a builtin's typing rejects (`number of args (1) doesn't match format string verb count (2)`).
public struct BuiltinInferenceError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The kind of a builtin: when its value can change, and whether the compiler may
/// evaluate it ahead of time.
public enum BuiltinKind: String, Sendable, CaseIterable {
    /// Depends only on its arguments; may be folded at compile time and memoized.
    case pure
    /// Reads a fact fixed at start (argv, the binary path): a constant per process.
    case startup
    /// Reads host state when called; re-run when its arguments change; never folded.
    case host
    /// Emits new values by itself (clock, files, processes); first value at once.
    case stream
    /// Reads or watches the World (cluster store, local value store, scheduler).
    case world
    /// Builds sub-graphs from function values (`iter.map`); needs the VM's help.
    case higherOrder = "higher-order"
}
