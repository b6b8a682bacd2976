@_exported import VM

/// The dataflow IR: templates of SSA values (each defined once, in an order where every
/// argument comes first). The lowering (Frontend `Lower`) builds it from the typed,
/// instantiated program; passes simplify it; `Codegen` groups values into VM nodes and
/// writes their bodies as bytecode.
public final class IRProgram {
    /// Template 0 is the program; others are branches, loop bodies, lambdas, fallbacks.
    public internal(set) var templates: [IRTemplate] = []
    /// Display paths of the source files.
    public var files: [String] = []
    /// Source spans, referenced by index from values.
    public var spans: [SourceSpan] = []

    public init() {}

    /// A new template; `fixedParams` come first (loop index and element, lambda params),
    /// captured values are appended as parameters while its body is lowered.
    public func makeTemplate(fixedParams: [MclType], parent: IRTemplate?, captures: CaptureList? = nil) -> IRTemplate {
        let template = IRTemplate(id: templates.count, fixedParams: fixedParams, parent: parent, captures: captures ?? CaptureList())
        templates.append(template)
        return template
    }
}

/// An argument of an IR value: a parameter of its template or an earlier value.
public enum IRRef: Hashable, Sendable, CustomStringConvertible {
    case param(Int)
    case value(Int)

    public var description: String {
        switch self {
        case .param(let i): "%p\(i)"
        case .value(let i): "%\(i)"
        }
    }
}

/// A value living in a given template (what the lowering's environments hold).
public struct Located: Hashable {
    public let template: IRTemplate
    public let ref: IRRef

    public init(_ template: IRTemplate, _ ref: IRRef) {
        self.template = template
        self.ref = ref
    }

    public static func == (a: Located, b: Located) -> Bool { a.template === b.template && a.ref == b.ref }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(template))
        hasher.combine(ref)
    }
}

/// The outer values a template reads, in parameter order after its fixed parameters.
/// Branch templates of one `if` share one list, so both take the same arguments.
public final class CaptureList {
    public private(set) var values: [Located] = []
    private var index: [Located: Int] = [:]

    public init() {}

    /// The position of `value` in the list, added if new.
    func position(of value: Located) -> Int {
        if let i = index[value] { return i }
        index[value] = values.count
        values.append(value)
        return values.count - 1
    }

    /// Forgets every captured value (for a template that is never instantiated).
    func removeAll() {
        values.removeAll()
        index.removeAll()
    }

    /// Rewrites every captured value in place (after a pass moved or merged values);
    /// positions, and so the templates' parameters, do not change.
    func remap(_ transform: (Located) -> Located) {
        values = values.map(transform)
        index = [:]
        for (i, value) in values.enumerated() where index[value] == nil { index[value] = i }
    }
}

public final class IRTemplate {
    public let id: Int
    public let fixedParams: [MclType]
    /// The lexically enclosing template: captured values come from it (or its ancestors).
    public let parent: IRTemplate?
    public let captures: CaptureList
    public internal(set) var values: [IRValue] = []
    /// Values that are statements (resources, edges, asserts, if statements, loops): kept
    /// by dead-code elimination whatever uses them.
    public internal(set) var outputs: [Int] = []
    /// The template's value (if-expression branches, fallbacks, lambdas).
    public var result: IRRef?
    /// For a lambda, its function type.
    public var functionType: MclType?

    init(id: Int, fixedParams: [MclType], parent: IRTemplate?, captures: CaptureList) {
        self.id = id
        self.fixedParams = fixedParams
        self.parent = parent
        self.captures = captures
    }

    public var paramCount: Int { fixedParams.count + captures.values.count }

    /// Appends a value and returns its reference.
    @discardableResult
    public func append(_ value: IRValue, output: Bool = false) -> IRRef {
        values.append(value)
        if output { outputs.append(values.count - 1) }
        return .value(values.count - 1)
    }

    /// `value` as seen from this template: itself if it lives here, else a parameter that
    /// captures it (the instantiating structure passes it in).
    public func use(_ value: Located) -> IRRef {
        if value.template === self { return value.ref }
        return .param(fixedParams.count + captures.position(of: value))
    }

    /// Replaces the values and outputs (used by passes).
    func replace(values: [IRValue], outputs: [Int], result: IRRef?) {
        self.values = values
        self.outputs = outputs
        self.result = result
    }
}

/// One SSA value.
public struct IRValue: Hashable {
    public var op: IROp
    public var args: [IRRef]
    /// The value's type; nil for statements that have none.
    public var type: MclType?
    /// Index into `IRProgram.spans`.
    public var span: Int

    public init(_ op: IROp, _ args: [IRRef], type: MclType?, span: Int) {
        self.op = op
        self.args = args
        self.type = type
        self.span = span
    }
}

/// What an IR value computes.
public enum IROp: Hashable {
    case constant(Value)
    /// A builtin computing a value from its arguments (kinds pure, startup, host).
    case builtin(name: String, signature: MclType, pure: Bool)
    /// A stream or world builtin: its own node, restarted when its arguments change.
    case source(name: String, signature: MclType)
    /// An operator opcode (`addInt` ... `contains`, `index`) on two arguments.
    case binary(Opcode)
    case not
    /// Joins its string arguments.
    case concat
    case makeList
    /// Arguments: key, value, key, value ...
    case makeMap
    case makeStruct(MclType)
    /// Field number n of the struct argument.
    case field(Int)
    /// Arguments: condition, then, else; both sides are computed (they cannot fail).
    case select
    /// Arguments: guarded, fallback; the fallback replaces a catchable error of the guarded
    /// value (the fallback cannot fail).
    case catchError
    /// A function value of lambda template `template`; arguments: the captured values.
    case closure(template: Int)
    /// Argument 0 is the condition, the rest the templates' captures.
    case branch(then: Int, otherwise: Int?)
    /// Argument 0 is the list or map, the rest the template's captures.
    case loop(template: Int, keyValue: Bool)
    /// Argument 0 is a function value, the rest its arguments.
    case apply
    /// Argument 0 is the guarded value, the rest the fallback template's captures.
    case lazyExcept(template: Int)
    /// `iter.*`: lists then the function (reduce: initial value first when given).
    case iterate(IterateOperation)
    /// The result of a branch, apply, lazy except or iterate value (argument 0).
    case join
    /// A resource statement; arguments: the name, then each entry's condition (if any) and value.
    case resource(kind: String, collect: Bool, entries: [ResourceEntrySpec])
    /// An edge statement; arguments: the names of its halves.
    case edge(halves: [EdgeHalfSpec])
    /// A `panic` statement; argument: the panic builtin's result.
    case assert

    /// Values with a structure of their own become separate VM nodes.
    public var isStructure: Bool {
        switch self {
        case .branch, .loop, .apply, .lazyExcept, .iterate: true
        default: false
        }
    }

    /// Whether the value is a statement (a root for dead-code elimination).
    public var isStatement: Bool {
        switch self {
        case .resource, .edge, .assert: true
        default: false
        }
    }

    /// Pure: same arguments, same value, no effect; may be folded, shared and removed.
    public var isPure: Bool {
        switch self {
        case .constant, .binary, .not, .concat, .makeList, .makeMap, .makeStruct, .field, .select, .catchError, .closure:
            return true
        case .builtin(_, _, let pure): return pure
        default: return false
        }
    }
}
