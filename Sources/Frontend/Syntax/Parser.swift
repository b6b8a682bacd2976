import VM

/// A recursive-descent parser for the grammar of language.md §2, statements part.
/// Expressions are in `Parser+Expressions.swift`, types in `Parser+Types.swift`.
///
/// Layout is part of the grammar: every statement ends with a NEWLINE token, and
/// bracketed lists are either single-line (no trailing comma) or multi-line (a newline
/// after the opening bracket, one element per line, each followed by a comma).
/// The first error stops parsing; it is a `parse` diagnostic whose message reads like
/// upstream's (`parser: \`syntax error: unexpected INTEGER, expecting NEWLINE\``).
struct Parser {
    let tokens: [Token]
    let file: SourceFile
    let ids: NodeIDs
    var index = 0

    init(tokens: [Token], file: SourceFile, ids: NodeIDs) {
        self.tokens = tokens
        self.file = file
        self.ids = ids
    }

    /// Parses a whole file into its top-level block.
    static func parse(_ file: SourceFile, ids: NodeIDs) throws(Diagnostic) -> Block {
        let tokens = try Lexer.tokenize(file)
        var parser = Parser(tokens: tokens, file: file, ids: ids)
        let start = parser.current.span
        let stmts = try parser.parseBlockBody(until: .eof)
        return Block(stmts, span: start.through(parser.current.span), ids: ids)
    }

    // MARK: - Token helpers

    var current: Token { tokens[index] }
    var previous: Token { tokens[max(0, index - 1)] }

    func peek(_ offset: Int = 1) -> Token { tokens[min(index + offset, tokens.count - 1)] }

    func at(_ kind: TokenKind) -> Bool { current.kind == kind }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    mutating func accept(_ kind: TokenKind) -> Token? {
        at(kind) ? advance() : nil
    }

    @discardableResult
    mutating func expect(_ kind: TokenKind, _ alternatives: TokenKind...) throws(Diagnostic) -> Token {
        if at(kind) { return advance() }
        throw unexpected(expecting: [kind] + alternatives)
    }

    /// `syntax error: unexpected X, expecting A or B` at the current token (width 1), as upstream.
    func unexpected(expecting: [TokenKind] = []) -> Diagnostic {
        var detail = "syntax error: unexpected \(current.kind.displayName)"
        if !expecting.isEmpty, expecting.count <= 4 {
            detail += ", expecting " + expecting.map(\.displayName).joined(separator: " or ")
        }
        let s = current.span
        return Diagnostic(.parse, "parser: `\(detail)`", at: Span(file: Int(s.file), start: Int(s.start), end: Int(s.start) + 1))
    }

    /// A custom parse error pointing at the last consumed token (as upstream's custom messages do).
    func customError(_ kind: String, _ detail: String, at span: Span? = nil) -> Diagnostic {
        Diagnostic(.parse, "\(kind): `\(detail)`", at: span ?? previous.span)
    }

    mutating func skipNewlines() {
        while at(.newline) { advance() }
    }

    /// `IDENT | map | collect`: names of variables, parameters and dotted name components.
    mutating func expectPlainName() throws(Diagnostic) -> Token {
        switch current.kind {
        case .identifier, .mapKeyword, .collectKeyword: return advance()
        default: throw unexpected(expecting: [.mapKeyword, .identifier, .collectKeyword])
        }
    }

    /// `plain_name {"." plain_name}`.
    mutating func parseDottedName() throws(Diagnostic) -> DottedName {
        let first = try expectPlainName()
        var parts = [first.text]
        var span = first.span
        while at(.dot) {
            advance()
            let part = try expectPlainName()
            parts.append(part.text)
            span = span.through(part.span)
        }
        return DottedName(parts: parts, span: span)
    }

    /// A bracketed, comma-separated list in its single-line or multi-line form (§2.1 rule 2).
    /// `trailingComma`: a single-line list may end with a comma (only struct literals: the
    /// seed program schedule.mcl, which must work as written, has `struct{a => 1, b => 2,}`).
    mutating func parseList<T>(open: TokenKind, close: TokenKind, trailingComma: Bool = false,
                               element: (inout Parser) throws(Diagnostic) -> T) throws(Diagnostic) -> [T] {
        try expect(open)
        var items: [T] = []
        if at(.newline) {
            while true {
                skipNewlines()
                if accept(close) != nil { return items }
                items.append(try element(&self))
                try expect(.comma)
                try expect(.newline)
            }
        }
        if accept(close) != nil { return items }
        while true {
            items.append(try element(&self))
            if accept(.comma) == nil { break }
            if trailingComma, at(close) { break }
        }
        try expect(close, .comma)
        return items
    }

    // MARK: - Blocks and statements

    /// Statements up to (not including) `terminator`; each must end with a NEWLINE.
    mutating func parseBlockBody(until terminator: TokenKind) throws(Diagnostic) -> [Stmt] {
        var stmts: [Stmt] = []
        while true {
            skipNewlines()
            if at(terminator) { return stmts }
            stmts.append(try parseStatement())
            if !at(.newline) {
                throw unexpected(expecting: [.newline])
            }
        }
    }

    /// `{ statements }`.
    mutating func parseBlock() throws(Diagnostic) -> Block {
        let open = try expect(.openCurly)
        let stmts = try parseBlockBody(until: .closeCurly)
        let close = advance()
        return Block(stmts, span: open.span.through(close.span), ids: ids)
    }

    mutating func parseStatement() throws(Diagnostic) -> Stmt {
        let start = current.span
        let kind: Stmt.Kind
        switch current.kind {
        case .dollar: kind = .bind(try parseBind())
        case .ifKeyword: kind = try parseIfStatement()
        case .forKeyword, .forkvKeyword: kind = .loop(try parseLoop())
        case .funcKeyword: kind = .function(try parseFunctionDecl())
        case .classKeyword: kind = .class(try parseClass())
        case .includeKeyword: kind = .include(try parseInclude())
        case .importKeyword: kind = .import(try parseImport())
        case .panicKeyword:
            advance()
            let args = try parseArguments()
            guard args.count == 1 || args.count == 2 else {
                throw Diagnostic(.parse, "panic takes 1 or 2 arguments, got \(args.count)", at: start.through(previous.span))
            }
            kind = .panic(args)
        case .collectKeyword:
            advance()
            guard at(.identifier) else { throw unexpected(expecting: [.identifier]) }
            kind = .resource(try parseResource(isCollect: true))
        case .identifier: kind = .resource(try parseResource(isCollect: false))
        case .capitalizedIdentifier: kind = .edge(try parseEdge())
        default:
            throw unexpected()
        }
        return Stmt(kind, span: start.through(previous.span), ids: ids)
    }

    /// `$name [T] = expr`.
    mutating func parseBind() throws(Diagnostic) -> Bind {
        try expect(.dollar)
        let name = try expectPlainName()
        var annotation: TypeAnnotation?
        if !at(.equals) {
            if at(.eq) {
                // Upstream reports this after reading the whole `$x == value`, at its last token.
                advance()
                _ = try parseExpr()
                throw customError("additional equals in bind statement", "additional equals in bind statement")
            }
            annotation = try parseTypeAnnotation()
            if at(.newline) || at(.eof) { throw unexpected(expecting: [.equals]) }
        }
        try expect(.equals)
        let value = try parseExpr()
        if let annotation, let conflict = literalConflict(value, annotation.type) {
            throw customError("can't set return type in parser", "can't set return type in parser: \(conflict)")
        }
        return Bind(name: name.text, nameSpan: name.span, annotation: annotation, value: value)
    }

    /// `if cond { ... } [else { ... }]`; `else` must follow `}` on the same line.
    mutating func parseIfStatement() throws(Diagnostic) -> Stmt.Kind {
        try expect(.ifKeyword)
        let condition = try parseExpr()
        let then = try parseBlock()
        var otherwise: Block?
        if accept(.elseKeyword) != nil {
            otherwise = try parseBlock()
        }
        return .ifStmt(condition: condition, then: then, else: otherwise)
    }

    /// `for $i, $v in list { ... }` and `forkv $k, $v in map { ... }`.
    mutating func parseLoop() throws(Diagnostic) -> Loop {
        let isKeyValue = advance().kind == .forkvKeyword
        let first = try parseParam(allowType: false)
        try expect(.comma)
        let second = try parseParam(allowType: false)
        try expect(.inKeyword)
        let collection = try parseExpr()
        let body = try parseBlock()
        return Loop(isKeyValue: isKeyValue, first: first, second: second, collection: collection, body: body)
    }

    /// `$name [T]`.
    mutating func parseParam(allowType: Bool = true) throws(Diagnostic) -> Param {
        let dollar = try expect(.dollar)
        let name = try expectPlainName()
        var type: TypeAnnotation?
        if allowType, !at(.comma), !at(.closeParen), !at(.newline) {
            type = try parseTypeAnnotation()
        }
        return Param(name: name.text, type: type, span: dollar.span.through(previous.span))
    }

    mutating func parseParams() throws(Diagnostic) -> [Param] {
        try parseList(open: .openParen, close: .closeParen) { (p: inout Parser) throws(Diagnostic) in try p.parseParam() }
    }

    /// `func name(params) [T] { body }`.
    mutating func parseFunctionDecl() throws(Diagnostic) -> FunctionDecl {
        let start = try expect(.funcKeyword)
        guard at(.identifier) else { throw unexpected(expecting: [.identifier]) }
        let name = advance()
        let params = try parseParams()
        let result = at(.openCurly) ? nil : try parseTypeAnnotation()
        let body = try parseBodyExpr()
        return FunctionDecl(name: name.text, nameSpan: name.span, params: params, result: result, body: body,
                            span: start.span.through(previous.span))
    }

    /// `{ [NL...] expr [NL...] }`: the body of a function, lambda or if-expression branch.
    mutating func parseBodyExpr() throws(Diagnostic) -> Expr {
        try expect(.openCurly)
        skipNewlines()
        let body = try parseExpr()
        skipNewlines()
        try expect(.closeCurly)
        return body
    }

    /// `class name[:inner...] [(params)] { ... }`.
    mutating func parseClass() throws(Diagnostic) -> ClassDecl {
        let start = try expect(.classKeyword)
        guard at(.identifier) else { throw unexpected(expecting: [.identifier]) }
        var path = [advance().text]
        let nameStart = previous.span
        while accept(.colon) != nil {
            guard at(.identifier) else { throw unexpected(expecting: [.identifier]) }
            path.append(advance().text)
        }
        let nameSpan = nameStart.through(previous.span)
        let params = at(.openParen) ? try parseParams() : []
        let body = try parseBlock()
        return ClassDecl(path: path, nameSpan: nameSpan, params: params, body: body, span: start.span.through(previous.span))
    }

    /// `include name[(args)] [as alias]`.
    mutating func parseInclude() throws(Diagnostic) -> Include {
        try expect(.includeKeyword)
        let name = try parseDottedName()
        var args: [Expr] = []
        if at(.openParen) {
            args = try parseArguments()
        }
        var alias: String?
        var aliasSpan: Span?
        if accept(.asKeyword) != nil {
            guard at(.identifier) else { throw unexpected(expecting: [.identifier]) }
            let token = advance()
            alias = token.text
            aliasSpan = token.span
        }
        return Include(name: name, args: args, alias: alias, aliasSpan: aliasSpan)
    }

    /// `import "path" [as alias | as *]`.
    mutating func parseImport() throws(Diagnostic) -> Import {
        try expect(.importKeyword)
        let path = try expect(.string)
        var alias: String?
        if accept(.asKeyword) != nil {
            if accept(.multiply) != nil {
                alias = "*"
            } else {
                guard at(.identifier) else { throw unexpected(expecting: [.identifier, .multiply]) }
                alias = advance().text
            }
        }
        return Import(path: path.text, pathSpan: path.span, alias: alias)
    }
}
