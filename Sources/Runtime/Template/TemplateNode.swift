import VM

/// The parse tree of a template (Go's `text/template/parse` nodes).
///
/// `pos` is always a byte offset into the template text; execution errors turn it into
/// `template:LINE:COL`. Each node's `description` is Go's `String()`, which execution
/// errors quote as `at <…>`.
indirect enum TemplateNode: Sendable, CustomStringConvertible {
    case text(pos: Int, String)
    case action(pos: Int, TemplatePipe)
    case ifNode(TemplateBranch)
    case range(TemplateBranch)
    case with(TemplateBranch)
    /// `{{template "name" pipeline}}` (also what `{{block}}` leaves in place).
    case template(pos: Int, name: String, pipe: TemplatePipe?)
    case breakNode(pos: Int)
    case continueNode(pos: Int)
    case list(TemplateList)

    var pos: Int {
        switch self {
        case .text(let pos, _), .action(let pos, _), .template(let pos, _, _),
             .breakNode(let pos), .continueNode(let pos):
            pos
        case .ifNode(let branch), .range(let branch), .with(let branch): branch.pos
        case .list(let list): list.pos
        }
    }

    var description: String {
        switch self {
        case .text(_, let text): text
        case .action(_, let pipe): "{{\(pipe)}}"
        case .ifNode(let branch): branch.description(keyword: "if")
        case .range(let branch): branch.description(keyword: "range")
        case .with(let branch): branch.description(keyword: "with")
        case .template(_, let name, let pipe):
            "{{template \(GoQuoting.quote(name))" + (pipe.map { " \($0)" } ?? "") + "}}"
        case .breakNode: "{{break}}"
        case .continueNode: "{{continue}}"
        case .list(let list): list.description
        }
    }
}

/// A sequence of nodes: a template body or a branch of `if`, `range`, `with`.
struct TemplateList: Sendable, CustomStringConvertible {
    var pos: Int
    var nodes: [TemplateNode] = []

    var description: String { nodes.map(\.description).joined() }

    /// Go's `IsEmptyTree`: only white space (and comments, which leave no node).
    var isEmpty: Bool {
        nodes.allSatisfy { node in
            switch node {
            case .text(_, let text): text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
            case .list(let list): list.isEmpty
            default: false
            }
        }
    }
}

/// The shared shape of `if`, `range` and `with`.
struct TemplateBranch: Sendable {
    var pos: Int
    var pipe: TemplatePipe
    var list: TemplateList
    var elseList: TemplateList?

    func description(keyword: String) -> String {
        "{{\(keyword) \(pipe)}}\(list)" + (elseList.map { "{{else}}\($0)" } ?? "") + "{{end}}"
    }
}

/// A pipeline: optional variable declarations (`$x :=`) or assignments (`$x =`), then
/// commands joined by `|`.
struct TemplatePipe: Sendable, CustomStringConvertible {
    var pos: Int
    var isAssign = false
    var decl: [TemplateVariable] = []
    var cmds: [TemplateCommand] = []

    var description: String {
        let declared = decl.isEmpty ? "" : decl.map(\.description).joined(separator: ", ") + " := "
        return declared + cmds.map(\.description).joined(separator: " | ")
    }
}

/// A variable reference with optional field chain: `$`, `$x`, `$x.A.B`.
struct TemplateVariable: Sendable, CustomStringConvertible {
    var pos: Int
    var idents: [String]
    var description: String { idents.joined(separator: ".") }
}

/// One command of a pipeline: an operand followed by arguments.
struct TemplateCommand: Sendable, CustomStringConvertible {
    var pos: Int
    var args: [TemplateOperand] = []

    var description: String {
        args.map { arg in
            if case .pipe(let pipe) = arg { return "(\(pipe))" }
            return arg.description
        }.joined(separator: " ")
    }
}

/// An operand: a constant, `.`, a field chain, a variable, a function name, a
/// parenthesized pipeline, or a field chain on one of those (`(f x).A`).
indirect enum TemplateOperand: Sendable, CustomStringConvertible {
    case field(pos: Int, idents: [String])
    case variable(TemplateVariable)
    case identifier(pos: Int, name: String)
    case dot(pos: Int)
    case nilConstant(pos: Int)
    case bool(pos: Int, Bool)
    case number(TemplateNumber)
    /// A string constant with its source spelling (`quoted`) and its value.
    case string(pos: Int, quoted: String, text: String)
    case pipe(TemplatePipe)
    case chain(pos: Int, node: TemplateOperand, fields: [String])

    var pos: Int {
        switch self {
        case .field(let pos, _), .identifier(let pos, _), .dot(let pos), .nilConstant(let pos),
             .bool(let pos, _), .string(let pos, _, _), .chain(let pos, _, _):
            pos
        case .variable(let variable): variable.pos
        case .number(let number): number.pos
        case .pipe(let pipe): pipe.pos
        }
    }

    var description: String {
        switch self {
        case .field(_, let idents): idents.map { "." + $0 }.joined()
        case .variable(let variable): variable.description
        case .identifier(_, let name): name
        case .dot: "."
        case .nilConstant: "nil"
        case .bool(_, let value): value ? "true" : "false"
        case .number(let number): number.text
        case .string(_, let quoted, _): quoted
        case .pipe(let pipe): pipe.description
        case .chain(_, let node, let fields):
            (node.isPipe ? "(\(node))" : node.description) + fields.map { "." + $0 }.joined()
        }
    }

    var isPipe: Bool {
        if case .pipe = self { return true }
        return false
    }
}
