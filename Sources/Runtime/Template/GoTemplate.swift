import VM

/// A function callable inside templates: its mcl parameter types (for converting template
/// constants, e.g. an untyped number literal to int or float) and its body.
struct TemplateFunction: Sendable {
    var params: [MclType]
    var result: MclType
    var call: @Sendable ([Value]) throws(RuntimeError) -> Value
}

/// An error inside the template engine: the text Go's `text/template` would report.
struct TemplateError: Error, Sendable, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// Go's `text/template`, natively: what `golang.template` renders (functions.md §7).
///
/// The template is named `template` and runs with `missingkey=error`; the data is converted
/// from mcl as §7 describes (struct fields title-cased). Errors carry Go's texts, prefixed
/// the way upstream wraps them (`template: parse error: …`, `template: execution error: …`).
enum GoTemplate {
    /// Renders `template` with `data` (nil = no second argument: `.` is nil) and `functions`
    /// (name → function, e.g. "datetime_print", "golang_strings_join") on top of Go's builtins.
    /// Errors are `RuntimeError`s with Go's texts (fatal, not catchable).
    static func render(_ template: String, data: Value?, functions: [String: TemplateFunction]) throws(RuntimeError) -> String {
        let trees: TemplateTrees
        do {
            trees = try parse(template, functions: functions)
        } catch {
            throw RuntimeError("template: parse error: \(error.message)")
        }
        do {
            let dot = try data.map { value throws(TemplateError) in try GoValue(converting: value) } ?? .invalid
            var executor = TemplateExecutor(text: template, trees: trees, functions: functions)
            return try executor.execute(name: TemplateParser.parseName, dot: dot)
        } catch {
            throw RuntimeError("template: execution error: \(error.message)")
        }
    }

    /// Parses `text` and the templates it defines. An identifier must name a builtin or one
    /// of `functions`; `break`/`continue` are keywords unless a function takes the name.
    static func parse(_ text: String, functions: [String: TemplateFunction]) throws(TemplateError) -> TemplateTrees {
        let tokens = TemplateLexer.tokens(
            of: text, breakOK: functions["break"] == nil, continueOK: functions["continue"] == nil)
        let trees = TemplateTrees()
        let parser = TemplateParser(
            name: TemplateParser.parseName, stream: TemplateTokenStream(tokens), trees: trees,
            isFunction: { functions[$0] != nil || TemplateBuiltin(rawValue: $0) != nil })
        try parser.parseTopLevel()
        return trees
    }
}
