/// A compiled program in memory: what `MCBWriter` writes and `MCBReader` reads back
/// (spec/mcb.md). Everything is indexed by position; nothing is looked up by name at run
/// time apart from the imports, which the loader resolves against the host once.
public struct Program: Sendable, Equatable {
    /// The type table: node value types and struct layouts (`makeStruct`).
    public var types: [MclType] = []
    /// The constant pool (`loadConst`).
    public var constants: [Value] = []
    /// Builtins the program calls, by stable name and instantiated signature.
    public var builtins: [BuiltinImport] = []
    /// Resource kinds the program declares, with the params it sets.
    public var kinds: [KindImport] = []
    /// Display paths of the source files (`/main.mcl`), for spans.
    public var files: [String] = []
    public var spans: [SourceSpan] = []
    /// Template 0 is the program; the others are instantiated at run time.
    public var templates: [Template] = []
    /// Every template's nodes, one template after the other.
    public var nodes: [NodeSpec] = []
    /// The instruction words of every body.
    public var code: [UInt32] = []
    /// `(word, span)` pairs sorted by word: the span of the instructions from `word` on.
    public var instructionSpans: [InstructionSpan] = []
    /// Error handlers of every body (`Body.firstHandler` indexes here).
    public var handlers: [Handler] = []

    public init() {}
}

public struct BuiltinImport: Sendable, Equatable {
    /// Qualified name: `len`, `fmt.printf`, `golang/strings.to_upper`.
    public var name: String
    /// The function type of this program's calls (scheme variables instantiated).
    public var signature: MclType
    public init(name: String, signature: MclType) { self.name = name; self.signature = signature }
}

public struct KindImport: Sendable, Equatable {
    public var kind: String
    /// The params the program sets, with the types it was compiled against.
    public var params: [Param]
    public struct Param: Sendable, Equatable {
        public var name: String
        public var type: MclType
        public init(name: String, type: MclType) { self.name = name; self.type = type }
    }
    public init(kind: String, params: [Param]) { self.kind = kind; self.params = params }
}

/// A source range: file index into `Program.files`, 1-based lines and columns, the end
/// column just past the last character (upstream's byline).
public struct SourceSpan: Sendable, Equatable {
    public var file: Int
    public var line1: Int, column1: Int, line2: Int, column2: Int
    public init(file: Int, line1: Int, column1: Int, line2: Int, column2: Int) {
        self.file = file
        self.line1 = line1
        self.column1 = column1
        self.line2 = line2
        self.column2 = column2
    }
}

public struct InstructionSpan: Sendable, Equatable {
    public var word: Int
    public var span: Int
    public init(word: Int, span: Int) { self.word = word; self.span = span }
}

/// A catchable-error handler of a body: errors raised at words `from..<to` (relative to the
/// body's first word) continue at `target`.
public struct Handler: Sendable, Equatable {
    public var from: Int, to: Int, target: Int
    public init(from: Int, to: Int, target: Int) { self.from = from; self.to = to; self.target = target }
}

/// A template: a dataflow graph with parameters, instantiated by the program start (template
/// 0), branches, loops, applications and lazy fallbacks.
public struct Template: Sendable, Equatable {
    public var paramCount: Int
    public var firstNode: Int
    public var nodeCount: Int
    /// The node (or parameter) whose value is the template's value, for templates that
    /// compute one (branches of if-expressions, fallbacks, lambdas).
    public var result: NodeRef?
    /// The greatest node height in the template (params are 0).
    public var maxHeight: Int
    /// For a lambda's template, its function type (index into `Program.types`): what the
    /// function values it makes print as.
    public var functionType: Int?
    public init(paramCount: Int, firstNode: Int, nodeCount: Int, result: NodeRef?, maxHeight: Int, functionType: Int? = nil) {
        self.paramCount = paramCount
        self.firstNode = firstNode
        self.nodeCount = nodeCount
        self.result = result
        self.maxHeight = maxHeight
        self.functionType = functionType
    }
}

/// An input of a node: a parameter of its template or another node of the same template.
public struct NodeRef: Sendable, Hashable {
    public var raw: UInt32
    public static func param(_ index: Int) -> NodeRef { NodeRef(raw: UInt32(index) | 0x8000_0000) }
    public static func node(_ index: Int) -> NodeRef { NodeRef(raw: UInt32(index)) }
    public var isParam: Bool { raw & 0x8000_0000 != 0 }
    /// The parameter number, or the node's index relative to its template's first node.
    public var index: Int { Int(raw & 0x7FFF_FFFF) }
    public init(raw: UInt32) { self.raw = raw }
}

/// The code of a node: `wordCount` words from `firstWord`, using `registerCount` registers.
public struct Body: Sendable, Equatable {
    public var firstWord: Int, wordCount: Int, registerCount: Int
    public var firstHandler: Int, handlerCount: Int
    public init(firstWord: Int, wordCount: Int, registerCount: Int, firstHandler: Int, handlerCount: Int) {
        self.firstWord = firstWord
        self.wordCount = wordCount
        self.registerCount = registerCount
        self.firstHandler = firstHandler
        self.handlerCount = handlerCount
    }
}

/// One node of a template (spec/mcb.md, "Nodes").
public struct NodeSpec: Sendable, Equatable {
    public var kind: NodeKind
    /// 1 + the greatest height of the inputs; parameters are 0.
    public var height: Int
    /// Index into `Program.spans`.
    public var span: Int
    /// Index into `Program.types` of the node's value type, if it has a value.
    public var type: Int?
    public var inputs: [NodeRef]
    public var body: Body?
    public init(kind: NodeKind, height: Int, span: Int, type: Int?, inputs: [NodeRef], body: Body?) {
        self.kind = kind
        self.height = height
        self.span = span
        self.type = type
        self.inputs = inputs
        self.body = body
    }
}

public enum NodeKind: Sendable, Equatable {
    /// value := body(inputs).
    case compute
    /// A stream builtin started with the input values.
    case source(builtin: Int)
    /// Input 0 is the condition; instantiates `then` or `otherwise` with `arguments`.
    case branch(then: Int, otherwise: Int?, arguments: [NodeRef])
    /// Input 0 is the list (map); one instance of `template` per element (key).
    case loop(template: Int, keyValue: Bool, arguments: [NodeRef])
    /// Input 0 is a function value; inputs 1... are its arguments.
    case apply
    /// Input 0 is the guarded value; `template` is instantiated while it fails.
    case except(template: Int, arguments: [NodeRef])
    /// Input 0 is a branch, apply, except or iterate node: value := its current result.
    case join
    /// Body returns the name then each entry's (condition and) value.
    case resource(kind: Int, collect: Bool, entries: [ResourceEntrySpec])
    /// Body returns the list of the halves' names.
    case edge(halves: [EdgeHalfSpec])
    /// `iter.map`, `filter`, `reduce`, `zip`: one application per element.
    case iterate(IterateOperation)
    /// Body calls `panic`; observed so that a true panic stops the program.
    case assert
}

public struct ResourceEntrySpec: Sendable, Hashable {
    public enum Kind: UInt8, Sendable { case param, meta, metaStruct, edge }
    public var kind: Kind
    public var hasCondition: Bool
    /// The param or metaparam name; for edges the property (`before`, `depend`, `notify`, `listen`).
    public var name: String
    /// For edges: the kind of the other end.
    public var targetKind: String?
    public init(kind: Kind, hasCondition: Bool, name: String, targetKind: String? = nil) {
        self.kind = kind
        self.hasCondition = hasCondition
        self.name = name
        self.targetKind = targetKind
    }
}

public struct EdgeHalfSpec: Sendable, Hashable {
    public var kind: String
    /// The send (first half) or receive (second half) key of a send/recv edge.
    public var field: String?
    public init(kind: String, field: String?) { self.kind = kind; self.field = field }
}

public enum IterateOperation: UInt8, Sendable {
    case map, filter, reduce, zip
}
