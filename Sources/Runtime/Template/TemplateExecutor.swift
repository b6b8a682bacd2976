import VM

/// Executes parsed templates (a port of Go's `text/template/exec.go`, with option
/// `missingkey=error` and no methods: template data never has any).
///
/// Like Go's `state`, it remembers the node being evaluated, so an error reads
/// `template: template:1:3: executing "template" at <.Missing>: …`.
struct TemplateExecutor {
    /// How deeply `{{template}}` calls may nest. Go allows 100000 on its growable stacks;
    /// here each level costs a few KB of a fixed thread stack (about 9 KB in debug builds).
    static let maxExecDepth = 100

    /// Something that can be the current node of an error message.
    enum NodeRef {
        case node(TemplateNode)
        case pipe(TemplatePipe)
        case command(TemplateCommand)
        case operand(TemplateOperand)

        var pos: Int {
            switch self {
            case .node(let node): node.pos
            case .pipe(let pipe): pipe.pos
            case .command(let command): command.pos
            case .operand(let operand): operand.pos
            }
        }

        var description: String {
            switch self {
            case .node(let node): node.description
            case .pipe(let pipe): pipe.description
            case .command(let command): command.description
            case .operand(let operand): operand.description
            }
        }
    }

    /// How a walk ended: normally, or at `{{break}}`/`{{continue}}` of the innermost range.
    enum Flow { case normal, breakLoop, continueLoop }

    private let text: [UInt8]
    let trees: TemplateTrees
    let functions: [String: TemplateFunction]
    /// The template being executed, for "executing %q".
    private var name = TemplateParser.parseName
    private var node: NodeRef?
    /// The variable stack; `$` is at the bottom.
    var vars: [(name: String, value: GoValue)] = []
    private var depth = 0
    private var output = ""

    init(text: String, trees: TemplateTrees, functions: [String: TemplateFunction]) {
        self.text = Array(text.utf8)
        self.trees = trees
        self.functions = functions
    }

    /// Runs the template `name` with `dot` as both `.` and `$`, returning the output.
    mutating func execute(name: String, dot: GoValue) throws(TemplateError) -> String {
        self.name = name
        vars = [("$", dot)]
        guard let root = trees.byName[name] else {
            throw error("\(GoQuoting.quote(name)) is an incomplete or empty template")
        }
        _ = try walk(dot, .list(root))
        return output
    }

    // MARK: State

    mutating func at(_ ref: NodeRef) { node = ref }

    /// An execution error at the current node (Go's `state.errorf`).
    func error(_ message: String) -> TemplateError {
        guard let node else { return TemplateError("template: \(name): \(message)") }
        let prefix = text[..<min(node.pos, text.count)]
        let lineStart = (prefix.lastIndex(of: 0x0A) ?? -1) + 1
        let line = 1 + prefix.lazy.filter { $0 == 0x0A }.count
        let location = "\(TemplateParser.parseName):\(line):\(node.pos - lineStart)"
        return TemplateError("template: \(location): executing \(GoQuoting.quote(name)) at <\(node.description)>: \(message)")
    }

    func varValue(_ name: String) throws(TemplateError) -> GoValue {
        guard let entry = vars.last(where: { $0.name == name }) else { throw error("undefined variable: \(name)") }
        return entry.value
    }

    /// Overwrites the innermost variable called `name` (an assignment `$x = …`).
    mutating func setVar(_ name: String, _ value: GoValue) throws(TemplateError) {
        guard let index = vars.lastIndex(where: { $0.name == name }) else { throw error("undefined variable: \(name)") }
        vars[index].value = value
    }

    // MARK: Walking

    /// Executes `node` with `dot`, appending to the output. Kept small (the work is in
    /// non-inlined helpers): template calls recurse through it, and its frame size bounds
    /// how deep they can go on a thread's stack.
    mutating func walk(_ dot: GoValue, _ node: TemplateNode) throws(TemplateError) -> Flow {
        at(.node(node))
        // Dispatch on the case alone: binding payloads here would grow this recursive frame.
        switch node {
        case .action: try walkAction(dot, node)
        case .breakNode: return .breakLoop
        case .continueNode: return .continueLoop
        case .ifNode, .with: return try walkIfOrWith(dot, node)
        case .list: return try walkList(dot, node)
        case .range: try walkRange(dot, node)
        case .template: try walkTemplate(dot, node)
        case .text(_, let text): output += text
        }
        return .normal
    }

    @inline(never)
    private mutating func walkList(_ dot: GoValue, _ node: TemplateNode) throws(TemplateError) -> Flow {
        guard case .list(let list) = node else { return .normal }
        for child in list.nodes {
            let flow = try walk(dot, child)
            if flow != .normal { return flow }
        }
        return .normal
    }

    /// Evaluates an action and prints its value (`<no value>` for nil); an action that
    /// declares variables prints nothing, and its variables live until the enclosing `{{end}}`.
    @inline(never)
    private mutating func walkAction(_ dot: GoValue, _ node: TemplateNode) throws(TemplateError) {
        guard case .action(_, let pipe) = node else { return }
        let value = try evalPipeline(dot, pipe)
        guard pipe.decl.isEmpty else { return }
        at(.node(node))
        output += try value == .invalid ? "<no value>" : GoFormatter.print(value)
    }

    @inline(never)
    private mutating func walkIfOrWith(_ dot: GoValue, _ node: TemplateNode) throws(TemplateError) -> Flow {
        let (branch, setsDot): (TemplateBranch, Bool)
        switch node {
        case .ifNode(let ifBranch): (branch, setsDot) = (ifBranch, false)
        case .with(let withBranch): (branch, setsDot) = (withBranch, true)
        default: return .normal
        }
        let mark = vars.count
        defer { vars.removeSubrange(mark...) }
        let value = try evalPipeline(dot, branch.pipe)
        if value.isTrue { return try walkList(setsDot ? value : dot, .list(branch.list)) }
        if let elseList = branch.elseList { return try walkList(dot, .list(elseList)) }
        return .normal
    }

    /// `range` over a slice (index, element), a map (key, value in sorted key order) or an
    /// integer n (0..<n, one variable at most); nil or empty runs the `else` list.
    @inline(never)
    private mutating func walkRange(_ dot: GoValue, _ node: TemplateNode) throws(TemplateError) {
        guard case .range(let branch) = node else { return }
        at(.node(node))
        let outerMark = vars.count
        defer { vars.removeSubrange(outerMark...) }
        let value = try evalPipeline(dot, branch.pipe)
        let mark = vars.count
        var items: [(index: GoValue, element: GoValue)] = []
        switch value {
        case .slice(let elements, _): items = elements.enumerated().map { (.int(Int64($0.offset), .int), $0.element) }
        case .map(let map): items = map.entries.map { ($0.key, $0.value) }
        case .int(let count, let type):
            if branch.pipe.decl.count > 1 {
                throw error("can't use \(try GoFormatter.print(value)) to iterate over more than one variable")
            }
            items = count > 0 ? (0..<count).map { (.invalid, .int($0, type)) } : []
        case .invalid: break  // a nil value acts like an empty one
        default: throw error("range can't iterate over \(try GoFormatter.print(value))")
        }
        for item in items {
            try setRangeVariables(branch.pipe, index: item.index, element: item.element, mark: mark)
            let flow = try walk(item.element, .list(branch.list))
            vars.removeSubrange(mark...)
            if flow == .breakLoop { return }
        }
        if items.isEmpty, let elseList = branch.elseList { _ = try walk(dot, .list(elseList)) }
    }

    /// Sets the range variables for one iteration: declared ones sit on top of the stack
    /// (element topmost), assigned ones (`range $i, $v = …`) are looked up by name.
    private mutating func setRangeVariables(_ pipe: TemplatePipe, index: GoValue, element: GoValue, mark: Int) throws(TemplateError) {
        guard !pipe.decl.isEmpty else { return }
        if pipe.isAssign {
            if pipe.decl.count > 1 {
                try setVar(pipe.decl[0].idents[0], index)
                try setVar(pipe.decl[1].idents[0], element)
            } else {
                try setVar(pipe.decl[0].idents[0], element)
            }
            return
        }
        vars[mark - 1].value = element
        if pipe.decl.count > 1 { vars[mark - 2].value = index }
    }

    /// `{{template "name" pipeline}}`: runs the named template with the pipeline's value as
    /// its `.` and `$`; no variables are inherited.
    @inline(never)
    private mutating func walkTemplate(_ dot: GoValue, _ node: TemplateNode) throws(TemplateError) {
        guard case .template(_, let called, let pipe) = node else { return }
        at(.node(node))
        guard let root = trees.byName[called] else { throw error("template \(GoQuoting.quote(called)) not defined") }
        if depth == TemplateExecutor.maxExecDepth {
            throw error("exceeded maximum template depth (\(TemplateExecutor.maxExecDepth))")
        }
        var newDot = GoValue.invalid
        if let pipe { newDot = try evalPipeline(dot, pipe) }
        let saved = (name, vars, depth)
        (name, vars, depth) = (called, [("$", newDot)], depth + 1)
        defer { (name, vars, depth) = saved }
        _ = try walkList(newDot, .list(root))
    }
}
