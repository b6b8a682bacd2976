import Testing
@testable import Frontend
import VM

// Helpers for the frontend pass tests: lexing and parsing strings without touching the
// disk, a compact text rendering of the AST, and lookups into checked programs.

/// A one-file `SourceMap` holding `source` as `/main.mcl`.
func sourceFile(_ source: String) -> SourceFile {
    SourceMap().add(path: "/test/main.mcl", displayPath: "/main.mcl", bytes: Array(source.utf8))
}

/// The tokens of `source` without the final `.eof`.
func lex(_ source: String) throws(Diagnostic) -> [Token] {
    Array(try Lexer.tokenize(sourceFile(source)).dropLast())
}

/// The lexer's diagnostic for `source`, or nil when it lexes.
func lexError(_ source: String) -> Diagnostic? {
    do {
        _ = try Lexer.tokenize(sourceFile(source))
        return nil
    } catch {
        return error
    }
}

/// `source` parsed (no interpolation or validation): the top-level block.
func parse(_ source: String) throws(Diagnostic) -> Block {
    try Parser.parse(sourceFile(source), ids: NodeIDs())
}

/// The parser's (or lexer's) diagnostic for `source`, or nil when it parses.
func parseError(_ source: String) -> Diagnostic? {
    do {
        _ = try parse(source)
        return nil
    } catch {
        return error
    }
}

/// The rendered top-level statements of `source`, one string per statement.
func parsed(_ source: String) throws(Diagnostic) -> [String] {
    try parse(source).stmts.map(render)
}

/// The expression `text`, parsed as the value of a bind (`$e = text`).
func parseExpr(_ text: String) throws(Diagnostic) -> Expr {
    let block = try parse("$e = \(text)\n")
    guard block.stmts.count == 1, case .bind(let bind) = block.stmts[0].kind else {
        throw Diagnostic(.parse, "test helper: not one bind", at: nil)
    }
    return bind.value
}

/// The rendering of the expression `text` (see `render(_: Expr)`), or the parse error's message.
func shape(_ text: String) -> String {
    do {
        return render(try parseExpr(text))
    } catch {
        return "error: \(error.message)"
    }
}

// MARK: - Rendering the AST

/// A compact, unambiguous rendering of an expression: operators in prefix form with
/// parentheses (`(+ 1 (* 2 3))`), `(-> s f)` for a field, `(->? s f d)` for an optional
/// field, `(index a i)`, `(if c a b)`, raw strings in quotes, processed ones as `s"…"`.
func render(_ e: Expr) -> String {
    render(e.kind)
}

/// See `render(_: Expr)`.
func render(_ kind: Expr.Kind) -> String {
    func list(_ items: [Expr]) -> String { items.map(render).joined(separator: ", ") }
    switch kind {
    case .bool(let b): return b ? "true" : "false"
    case .int(let i): return String(i)
    case .float(let f): return "\(f)"
    case .rawString(let s): return "\"\(s)\""
    case .string(let s): return "s\"\(s)\""
    case .interpolation(let parts):
        return "(interp " + parts.map { part in
            switch part {
            case .literal(let text): return "\"\(text)\""
            case .variable(let name): return "$\(name)"
            }
        }.joined(separator: " ") + ")"
    case .list(let items): return "[\(list(items))]"
    case .map(let entries): return "{" + entries.map { "\(render($0.key)): \(render($0.value))" }.joined(separator: ", ") + "}"
    case .struct(let entries): return "struct{" + entries.map { "\($0.name): \(render($0.value))" }.joined(separator: "; ") + "}"
    case .variable(let name): return "$\(name)"
    case .call(let name, let args): return "\(name)(\(list(args)))"
    case .callVariable(let name, let args): return "$\(name)(\(list(args)))"
    case .callLambda(let lambda, let args): return "(\(render(lambda)))(\(list(args)))"
    case .lambda(let lambda): return render(lambda)
    case .ifElse(let condition, let then, let otherwise): return "(if \(render(condition)) \(render(then)) \(render(otherwise)))"
    case .binary(let op, let left, let right): return "(\(op.rawValue) \(render(left)) \(render(right)))"
    case .not(let operand): return "(not \(render(operand)))"
    case .index(let container, let index): return "(index \(render(container)) \(render(index)))"
    case .field(let structure, let name): return "(-> \(render(structure)) \(name))"
    case .optionalField(let structure, let name, let fallback): return "(->? \(render(structure)) \(name) \(render(fallback)))"
    case .except(let left, let right): return "(<|> \(render(left)) \(render(right)))"
    }
}

/// `func($a, $b int) str body`.
func render(_ lambda: Lambda) -> String {
    "func(\(render(lambda.params)))\(lambda.result.map { " \($0.type)" } ?? "") \(render(lambda.body))"
}

/// `$a, $b int`.
func render(_ params: [Param]) -> String {
    params.map { "$\($0.name)" + ($0.type.map { " \($0.type)" } ?? "") }.joined(separator: ", ")
}

/// A statement on one line: `$x []str = ["a"]`, `res file "/a" {content => "x"}`,
/// `edge Test["a"] -> Test["b"]`, `if $c {…} else {…}`, `class a($p) {…}`, and so on.
func render(_ stmt: Stmt) -> String {
    switch stmt.kind {
    case .bind(let bind):
        return "$\(bind.name)" + (bind.annotation.map { " \($0.type)" } ?? "") + " = \(render(bind.value))"
    case .resource(let resource):
        let prefix = resource.isCollect ? "collect " : "res "
        return prefix + "\(resource.kind) \(render(resource.name)) {" + resource.entries.map(render).joined(separator: ", ") + "}"
    case .edge(let halves):
        return "edge " + halves.map(render).joined(separator: " -> ")
    case .ifStmt(let condition, let then, let otherwise):
        return "if \(render(condition)) \(render(then))" + (otherwise.map { " else \(render($0))" } ?? "")
    case .loop(let loop):
        return (loop.isKeyValue ? "forkv" : "for") + " $\(loop.first.name), $\(loop.second.name) in \(render(loop.collection)) \(render(loop.body))"
    case .function(let f):
        return "func \(f.name)(\(render(f.params)))" + (f.result.map { " \($0.type)" } ?? "") + " \(render(f.body))"
    case .class(let c):
        return "class \(c.path.joined(separator: ":"))(\(render(c.params))) \(render(c.body))"
    case .include(let include):
        return "include \(include.name)(" + include.args.map(render).joined(separator: ", ") + ")" + (include.alias.map { " as \($0)" } ?? "")
    case .import(let imp):
        return "import \"\(imp.path)\"" + (imp.alias.map { " as \($0)" } ?? "")
    case .panic(let args):
        return "panic(" + args.map(render).joined(separator: ", ") + ")"
    }
}

/// `{stmt; stmt}`.
func render(_ block: Block) -> String {
    "{" + block.stmts.map(render).joined(separator: "; ") + "}"
}

/// `name => [cond ?: ]value`, `Meta:p => v`, `Meta => v`, `Before => Kind[name]`.
func render(_ entry: ResourceEntry) -> String {
    let condition = entry.condition.map { "\(render($0)) ?: " } ?? ""
    switch entry.kind {
    case .param(let name): return "\(name) => \(condition)\(render(entry.value!))"
    case .meta(let name): return "Meta:\(name) => \(condition)\(render(entry.value!))"
    case .metaStruct: return "Meta => \(condition)\(render(entry.value!))"
    case .edge(let property, let half): return "\(property.rawValue.capitalized) => \(condition)\(render(half))"
    }
}

/// `Kind[name]` or `Kind[name].field`, the kind as stored (lower case).
func render(_ half: EdgeHalf) -> String {
    "\(half.kind)[\(render(half.name))]" + (half.field.map { ".\($0)" } ?? "")
}

/// The source text a span covers.
func text(of span: Span, in source: String) -> String {
    String(decoding: Array(source.utf8)[Int(span.start)..<Int(span.end)], as: UTF8.self)
}

// MARK: - Checked programs

/// Checks `source` (plus `files`), expecting it to pass; records an issue with the
/// rendered error and returns nil when it does not.
func checked(_ source: String, files: [String: String] = [:],
             sourceLocation: SourceLocation = #_sourceLocation) throws -> CheckedProgram? {
    let (result, sources) = try TestProgram(source, files: files).check()
    switch result {
    case .success(let program): return program
    case .failure(let error):
        Issue.record("expected the program to pass:\n\(error.rendered(with: sources))", sourceLocation: sourceLocation)
        return nil
    }
}

/// The solved type of the top-level bind `$name` of the main program (nil when the bind
/// is unknown or was never typed because nothing uses it).
func bindType(_ name: String, in program: CheckedProgram) -> MclType? {
    guard let decl = program.resolved.program.scope.variables[name],
          let variable = program.root.values[decl.id] else { return nil }
    return program.types.resolved(variable)
}

/// The stage `source` fails at, or nil when it passes every static check.
func failingStage(_ source: String, files: [String: String] = [:]) throws -> Stage? {
    try diagnostic(source, files: files)?.stage
}

/// Every expression under `block`, in walk order (statements before their parts).
func expressions(in block: Block) -> [Expr] {
    var found: [Expr] = []
    try? Walk(onExpr: { found.append($0) }).block(block)
    return found
}
