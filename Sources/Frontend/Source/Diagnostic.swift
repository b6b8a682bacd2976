/// The phase of compilation (or execution) that rejected a program. The CLI prints it as
/// `error: STAGE: message`; the conformance suite judges only the stage.
public enum Stage: String, Sendable {
    /// Lexing, parsing, string escapes and interpolation, structural checks after parsing.
    case parse
    /// Imports, name resolution, ordering and recursion, class and include rules.
    case scope
    /// Type unification and the checks that need types.
    case type
    /// Anything that fails while the program runs.
    case runtime
}

/// One error in a program: its stage, a message, and the source span it is about.
public struct Diagnostic: Error, Sendable {
    public var stage: Stage
    /// The reason, without position: `type error: str != int`.
    public var message: String
    /// Where the error is; nil only for errors about no particular source (a missing file).
    public var span: Span?
    /// Extra lines shown after the excerpt: what the types belong to, hints.
    public var notes: [String]

    public init(_ stage: Stage, _ message: String, at span: Span?, notes: [String] = []) {
        self.stage = stage
        self.message = message
        self.span = span
        self.notes = notes
    }
}

extension Diagnostic {
    /// The error as a person reads it:
    ///
    ///     error: type: /srv/prog/main.mcl:2:16: type error: str != bool
    ///       --> /main.mcl @ 2:16-2:36
    ///        |
    ///      2 | 	anotherstr => "hello world" + true + "\n",
    ///        | 	              ^^^^^^^^^^^^^^^^^^^^
    ///        = expected str (the left operand of `+`), found bool
    ///
    /// The first line is the one scripts read (`error: STAGE: ...`); it always carries
    /// `file:line:col` when there is a span.
    public func rendered(with sources: SourceMap) -> String {
        guard let span else { return "error: \(stage.rawValue): \(message)\n" + notes.map { "  = \($0)\n" }.joined() }
        var out = "error: \(stage.rawValue): \(sources.position(span)): \(message)\n"
        out += excerpt(span, sources: sources)
        for note in notes { out += "   = \(note)\n" }
        return out
    }

    /// The source lines of the span with a caret line under the spanned columns. A span over
    /// several lines shows its first and last line, marked `^ from here ...` and `^ ... to here`.
    func excerpt(_ span: Span, sources: SourceMap) -> String {
        let file = sources[Int(span.file)]
        let (l1, c1) = file.location(of: Int(span.start))
        let (l2, c2) = sources.endLocation(span)
        let gutter = String(repeating: " ", count: String(l2).count)
        var out = "\(gutter) --> \(sources.byline(span))\n\(gutter) |\n"
        func caretLine(_ text: String, from column: Int, count: Int, suffix: String = "") -> String {
            // Keep the line's tabs so the caret lines up under a tab-indented source line.
            let prefix = text.unicodeScalars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            return "\(gutter) | \(prefix)\(String(repeating: "^", count: max(1, count)))\(suffix)\n"
        }
        func numbered(_ line: Int) -> String {
            let number = String(line)
            return String(repeating: " ", count: gutter.count - number.count) + number
        }
        let first = file.lineText(l1)
        out += "\(numbered(l1)) | \(first)\n"
        if l1 == l2 {
            out += caretLine(first, from: c1, count: c2 - c1)
        } else {
            out += caretLine(first, from: c1, count: 1, suffix: " from here ...")
            let last = file.lineText(l2)
            out += "\(numbered(l2)) | \(last)\n"
            out += caretLine(last, from: max(1, c2 - 1), count: 1, suffix: " ... to here")
        }
        return out
    }
}
