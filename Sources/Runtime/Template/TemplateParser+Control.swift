import VM

/// The structure of a template: top level, actions, control keywords, operands.
extension TemplateParser {
    /// What an action parses to: a node, or the `{{end}}`/`{{else}}` that closes a list.
    enum Parsed {
        case node(TemplateNode)
        case end(pos: Int)
        case elseNode(pos: Int)

        var description: String {
            switch self {
            case .node(let node): node.description
            case .end: "{{end}}"
            case .elseNode: "{{else}}"
            }
        }
    }

    /// Parses the whole text (Go's `Tree.parse` + `add`): the top-level list, with
    /// `{{define}}` bodies parsed as separate trees.
    func parseTopLevel() throws(TemplateError) {
        var root = TemplateList(pos: peek().pos)
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delim = next()
                if nextNonSpace().kind == .define {
                    let definition = TemplateParser(name: "definition", stream: stream, trees: trees, isFunction: isFunction)
                    try definition.parseDefinition()
                    continue
                }
                backup2(delim)
            }
            switch try textOrAction() {
            case .node(let node): root.nodes.append(node)
            case let closing: throw error("unexpected \(closing.description)")
            }
        }
        try add(root)
    }

    /// `{{define "name"}} itemList {{end}}`; the keyword is already read.
    private func parseDefinition() throws(TemplateError) {
        let context = "define clause"
        name = try parseTemplateName(nextNonSpace(), context)
        _ = try expect(.rightDelim, context)
        let (root, end) = try itemList()
        guard case .end = end else { throw error("unexpected \(end.description) in \(context)") }
        try add(root)
    }

    /// Records this tree under its name; an empty body never replaces another.
    private func add(_ root: TemplateList) throws(TemplateError) {
        guard let existing = trees.byName[name], !existing.isEmpty else {
            trees.byName[name] = root
            return
        }
        if !root.isEmpty { throw error("template: multiple definition of template \(GoQuoting.quote(name))") }
    }

    /// `textOrAction*` up to `{{end}}` or `{{else}}`, which is returned separately.
    func itemList() throws(TemplateError) -> (TemplateList, Parsed) {
        var list = TemplateList(pos: peekNonSpace().pos)
        while peekNonSpace().kind != .eof {
            let parsed = try textOrAction()
            guard case .node(let node) = parsed else { return (list, parsed) }
            list.nodes.append(node)
        }
        throw error("unexpected EOF")
    }

    private func textOrAction() throws(TemplateError) -> Parsed {
        let item = nextNonSpace()
        switch item.kind {
        case .text: return .node(.text(pos: item.pos, item.text))
        case .leftDelim:
            actionLine = item.line
            defer { actionLine = 0 }
            return try action()
        default: throw unexpected(item, "input")
        }
    }

    /// A control structure or a pipeline; the `{{` is already read.
    private func action() throws(TemplateError) -> Parsed {
        let item = nextNonSpace()
        switch item.kind {
        case .block: return .node(try blockControl())
        case .breakKeyword, .continueKeyword:
            let word = item.kind == .breakKeyword ? "{{break}}" : "{{continue}}"
            let closing = nextNonSpace()
            if closing.kind != .rightDelim { throw unexpected(closing, word) }
            if rangeDepth == 0 { throw error("\(word) outside {{range}}") }
            return .node(item.kind == .breakKeyword ? .breakNode(pos: item.pos) : .continueNode(pos: item.pos))
        case .elseKeyword:
            // `{{else if …}}` and `{{else with …}}` leave the keyword pending.
            let following = peekNonSpace()
            if following.kind == .ifKeyword || following.kind == .with { return .elseNode(pos: following.pos) }
            let closing = try expect(.rightDelim, "else")
            return .elseNode(pos: closing.pos)
        case .end: return .end(pos: try expect(.rightDelim, "end").pos)
        case .ifKeyword: return .node(.ifNode(try parseControl("if")))
        case .range: return .node(.range(try parseControl("range")))
        case .template: return .node(try templateControl())
        case .with: return .node(.with(try parseControl("with")))
        default: break
        }
        backup()
        let first = peek()
        // Variables declared here persist until the enclosing {{end}}.
        return .node(.action(pos: first.pos, try pipeline("command", end: .rightDelim)))
    }

    /// `{{if|range|with pipeline}} itemList ({{else}} itemList)? {{end}}`, where `if` takes
    /// `{{else if …}}` and `with` takes `{{else with …}}` (one `{{end}}` closes the chain).
    private func parseControl(_ context: String) throws(TemplateError) -> TemplateBranch {
        let mark = vars.count
        defer { vars.removeSubrange(mark...) }
        let pipe = try pipeline(context, end: .rightDelim)
        if context == "range" { rangeDepth += 1 }
        let (list, closing) = try itemList()
        if context == "range" { rangeDepth -= 1 }
        var elseList: TemplateList?
        if case .elseNode(let pos) = closing {
            let chained: TemplateToken.Kind? = context == "if" ? .ifKeyword : (context == "with" ? .with : nil)
            if let chained, peek().kind == chained {
                _ = next()
                let inner = try parseControl(context)
                elseList = TemplateList(pos: pos, nodes: [context == "if" ? .ifNode(inner) : .with(inner)])
            } else {
                let (otherwise, end) = try itemList()
                guard case .end = end else { throw error("expected end; found \(end.description)") }
                elseList = otherwise
            }
        }
        return TemplateBranch(pos: pipe.pos, pipe: pipe, list: list, elseList: elseList)
    }

    /// `{{template "name" pipeline?}}`.
    private func templateControl() throws(TemplateError) -> TemplateNode {
        let context = "template clause"
        let item = nextNonSpace()
        let templateName = try parseTemplateName(item, context)
        var pipe: TemplatePipe?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipe = try pipeline(context, end: .rightDelim)
        }
        return .template(pos: item.pos, name: templateName, pipe: pipe)
    }

    /// `{{block "name" pipeline}} itemList {{end}}`: defines the template and calls it.
    private func blockControl() throws(TemplateError) -> TemplateNode {
        let context = "block clause"
        let item = nextNonSpace()
        let blockName = try parseTemplateName(item, context)
        let pipe = try pipeline(context, end: .rightDelim)
        let block = TemplateParser(name: blockName, stream: stream, trees: trees, isFunction: isFunction)
        let (root, end) = try block.itemList()
        guard case .end = end else { throw error("unexpected \(end.description) in \(context)") }
        try block.add(root)
        return .template(pos: item.pos, name: blockName, pipe: pipe)
    }

    private func parseTemplateName(_ item: TemplateToken, _ context: String) throws(TemplateError) -> String {
        guard item.kind == .string || item.kind == .rawString else { throw unexpected(item, context) }
        guard let text = Strconv.unquote(item.text) else { throw error("invalid syntax") }
        return text
    }
}
