/// The token list shared by a template and the trees defined inside it (`{{define}}`,
/// `{{block}}`), which each read on from where the previous reader stopped, as Go's trees
/// share one lexer.
final class TemplateTokenStream {
    private let tokens: [TemplateToken]
    private var index = 0

    init(_ tokens: [TemplateToken]) { self.tokens = tokens }

    /// The next token; past the end (after an error token) Go's closed channel yields a zero
    /// item, which is an empty error token.
    func next() -> TemplateToken {
        guard index < tokens.count else { return TemplateToken(kind: .error, pos: 0, text: "", line: 0) }
        defer { index += 1 }
        return tokens[index]
    }
}

/// Parses one template tree, a port of Go's `parse.Tree` (`parse/parse.go`): same grammar,
/// same three-token look-ahead, same error texts (`template: template:1: …`).
///
/// Named trees (the top level is `template`) are collected in `trees`, shared with the
/// parsers of nested definitions.
final class TemplateParser {
    /// The name of this tree (changed by `{{define "name"}}`).
    var name: String
    /// Which identifiers are functions (Go's funcs check at parse time).
    let isFunction: (String) -> Bool
    let stream: TemplateTokenStream
    /// Every tree parsed so far, by name.
    var trees: TemplateTrees
    private var token: [TemplateToken] = Array(repeating: TemplateToken(kind: .eof, pos: 0, text: "", line: 0), count: 3)
    private var peekCount = 0
    /// Variables in scope (`$` always).
    var vars: [String] = ["$"]
    var rangeDepth = 0
    /// The line of the `{{` of the action being parsed, 0 outside actions.
    var actionLine = 0

    /// The name that parse errors mention (Go's `ParseName`); always the top level's.
    static let parseName = "template"

    init(name: String, stream: TemplateTokenStream, trees: TemplateTrees, isFunction: @escaping (String) -> Bool) {
        self.name = name
        self.stream = stream
        self.trees = trees
        self.isFunction = isFunction
    }

    // MARK: Token look-ahead (Go's next, backup, backup2, backup3, peek)

    func next() -> TemplateToken {
        if peekCount > 0 {
            peekCount -= 1
        } else {
            token[0] = stream.next()
        }
        return token[peekCount]
    }

    func backup() { peekCount += 1 }

    /// Backs up two tokens; the zeroth is already there.
    func backup2(_ t1: TemplateToken) {
        token[1] = t1
        peekCount = 2
    }

    /// Backs up three tokens (given in reverse order: pushing back).
    func backup3(_ t2: TemplateToken, _ t1: TemplateToken) {
        token[1] = t1
        token[2] = t2
        peekCount = 3
    }

    func peek() -> TemplateToken {
        if peekCount > 0 { return token[peekCount - 1] }
        peekCount = 1
        token[0] = stream.next()
        return token[0]
    }

    func nextNonSpace() -> TemplateToken {
        var item = next()
        while item.kind == .space { item = next() }
        return item
    }

    func peekNonSpace() -> TemplateToken {
        let item = nextNonSpace()
        backup()
        return item
    }

    // MARK: Errors

    /// A parse error at the line of the most recently read token.
    func error(_ message: String) -> TemplateError {
        TemplateError("template: \(TemplateParser.parseName):\(token[0].line): \(message)")
    }

    func expect(_ expected: TemplateToken.Kind, _ context: String) throws(TemplateError) -> TemplateToken {
        let item = nextNonSpace()
        if item.kind != expected { throw unexpected(item, context) }
        return item
    }

    /// The error for an unexpected token; a lexer error token carries its own message.
    func unexpected(_ item: TemplateToken, _ context: String) -> TemplateError {
        guard item.kind == .error else { return error("unexpected \(item.description) in \(context)") }
        var extra = ""
        if actionLine != 0 && actionLine != item.line {
            extra = item.text.hasSuffix(" action")
                ? " started at \(TemplateParser.parseName):\(actionLine)"  // avoid "action in action"
                : " in action started at \(TemplateParser.parseName):\(actionLine)"
        }
        return error(item.description + extra)
    }

    // MARK: Pipelines and commands

    /// `declarations? command ('|' command)*` up to the `end` token (`}}` or `)`).
    func pipeline(_ context: String, end: TemplateToken.Kind) throws(TemplateError) -> TemplatePipe {
        let first = peekNonSpace()
        var pipe = TemplatePipe(pos: first.pos)
        try declarations(&pipe, context)
        while true {
            let item = nextNonSpace()
            switch item.kind {
            case end:
                try checkPipeline(pipe, context)
                return pipe
            case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword,
                 .rawString, .string, .variable, .leftParen:
                backup()
                pipe.cmds.append(try command())
            default:
                throw unexpected(item, context)
            }
        }
    }

    /// Reads `$x :=`, `$x =` or (in `range`) `$i, $v :=`, with the look-ahead Go needs to tell
    /// a declaration from a variable used as an argument (`$x foo`).
    private func declarations(_ pipe: inout TemplatePipe, _ context: String) throws(TemplateError) {
        while true {
            let v = peekNonSpace()
            guard v.kind == .variable else { return }
            _ = next()
            let tokenAfterVariable = peek()
            let following = peekNonSpace()
            if following.kind == .assign || following.kind == .declare {
                pipe.isAssign = following.kind == .assign
                _ = nextNonSpace()
                pipe.decl.append(TemplateVariable(pos: v.pos, text: v.text))
                vars.append(v.text)
                return
            } else if following.kind == .char && following.text == "," {
                _ = nextNonSpace()
                pipe.decl.append(TemplateVariable(pos: v.pos, text: v.text))
                vars.append(v.text)
                if context == "range" && pipe.decl.count < 2 {
                    switch peekNonSpace().kind {
                    case .variable, .rightDelim, .rightParen: continue  // the second range variable
                    default: throw error("range can only initialize variables")
                    }
                }
                throw error("too many declarations in \(context)")
            } else if tokenAfterVariable.kind == .space {
                backup3(v, tokenAfterVariable)
            } else {
                backup2(v)
            }
            return
        }
    }

    private func checkPipeline(_ pipe: TemplatePipe, _ context: String) throws(TemplateError) {
        if pipe.cmds.isEmpty { throw error("missing value for \(context)") }
        for (i, command) in pipe.cmds.enumerated().dropFirst() {
            switch command.args[0] {
            case .bool, .dot, .nilConstant, .number, .string:
                throw error("non executable command in pipeline stage \(i + 1)")
            default: continue
            }
        }
    }

    /// `operand (space operand)*`, consuming a trailing `|` but not the closing delimiter.
    private func command() throws(TemplateError) -> TemplateCommand {
        var command = TemplateCommand(pos: peekNonSpace().pos)
        loop: while true {
            _ = peekNonSpace()  // skip leading spaces
            if let operand = try operand() { command.args.append(operand) }
            let item = next()
            switch item.kind {
            case .space: continue loop
            case .rightDelim, .rightParen: backup()
            case .pipe: break
            default: throw unexpected(item, "operand")
            }
            break loop
        }
        if command.args.isEmpty { throw error("empty command") }
        return command
    }
}

/// The named trees of a template, shared by the parsers of nested definitions.
final class TemplateTrees {
    var byName: [String: TemplateList] = [:]
}
