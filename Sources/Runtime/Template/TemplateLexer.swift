import VM

/// One token of a template (Go's `parse.item`).
struct TemplateToken: Sendable, Equatable {
    /// Token kinds in Go's order; the keywords come after `keyword`.
    enum Kind: Int, Sendable, Comparable {
        case error, bool, char, charConstant, complex, assign, declare, eof
        case field, identifier, leftDelim, leftParen, number, pipe, rawString, rightDelim
        case rightParen, space, string, text, variable
        case keyword, block, breakKeyword, continueKeyword, dot, define, elseKeyword, end
        case ifKeyword, nilKeyword, range, template, with

        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    var kind: Kind
    /// Byte offset in the template text.
    var pos: Int
    var text: String
    /// 1-based line of the token's start.
    var line: Int

    /// Go's `item.String()`, used in "unexpected …" parse errors: `EOF`, the error text,
    /// `<if>` for keywords, else the Go-quoted text (cut to 10 characters and `...`).
    var description: String {
        switch kind {
        case .eof: return "EOF"
        case .error: return text
        default:
            if kind > .keyword { return "<\(text)>" }
            let scalars = text.unicodeScalars
            if scalars.count > 10 {
                var prefix = String.UnicodeScalarView()
                prefix.append(contentsOf: scalars.prefix(10))
                return GoQuoting.quote(String(prefix)) + "..."
            }
            return GoQuoting.quote(text)
        }
    }

    static let keywords: [String: Kind] = [
        ".": .dot, "block": .block, "break": .breakKeyword, "continue": .continueKeyword,
        "define": .define, "else": .elseKeyword, "end": .end, "if": .ifKeyword, "range": .range,
        "nil": .nilKeyword, "template": .template, "with": .with,
    ]
}

/// Go's `text/template` lexer (`parse/lex.go`), run to completion up front: the token list
/// ends with `eof` or with the first `error` token. Positions are UTF-8 byte offsets.
///
/// Trim markers are handled here, as in Go: `{{- ` drops the white space before the action,
/// ` -}}` the white space after it; comments `{{/* */}}` produce no token.
struct TemplateLexer {
    let input: [UInt8]
    /// Whether `break`/`continue` are keywords (not shadowed by a function of that name).
    let breakOK: Bool
    let continueOK: Bool
    var pos = 0
    var start = 0
    var atEOF = false
    var parenDepth = 0
    var line = 1
    var startLine = 1
    var tokens: [TemplateToken] = []

    /// The lexer states of Go's state machine; `nil` from a step ends the scan.
    enum State { case text, leftDelim, comment, rightDelim, insideAction, space, identifier, field, variable, char, number, quote, rawQuote }

    /// Scans `text` completely. O(n).
    static func tokens(of text: String, breakOK: Bool = true, continueOK: Bool = true) -> [TemplateToken] {
        var lexer = TemplateLexer(input: Array(text.utf8), breakOK: breakOK, continueOK: continueOK)
        var state: State? = .text
        while let current = state { state = lexer.step(current) }
        return lexer.tokens
    }

    private init(input: [UInt8], breakOK: Bool, continueOK: Bool) {
        self.input = input
        self.breakOK = breakOK
        self.continueOK = continueOK
    }

    // MARK: Input primitives (Go's next, peek, backup, emit, ignore, accept)

    static let eof: Int32 = -1

    /// The next rune (as a scalar value, U+FFFD for bad UTF-8), or `eof`.
    mutating func next() -> Int32 {
        guard pos < input.count else { atEOF = true; return TemplateLexer.eof }
        let (rune, width) = UTF8Decoding.decode(input, at: pos)
        pos += width
        if rune == 0x0A { line += 1 }
        return rune
    }

    mutating func peek() -> Int32 {
        let rune = next()
        backup()
        return rune
    }

    /// Steps back one rune; a no-op once the end was reached, as in Go.
    mutating func backup() {
        guard !atEOF, pos > 0 else { return }
        let (rune, width) = UTF8Decoding.decodeLast(input, before: pos)
        pos -= width
        if rune == 0x0A { line -= 1 }
    }

    mutating func emit(_ kind: TemplateToken.Kind) {
        tokens.append(TemplateToken(kind: kind, pos: start, text: slice(start, pos), line: startLine))
        start = pos
        startLine = line
    }

    mutating func ignore() {
        addLines(in: start..<pos)
        start = pos
        startLine = line
    }

    mutating func accept(_ valid: String) -> Bool {
        let rune = next()
        if rune >= 0, let scalar = Unicode.Scalar(UInt32(rune)), valid.unicodeScalars.contains(scalar) { return true }
        backup()
        return false
    }

    mutating func acceptRun(_ valid: String) {
        while accept(valid) {}
    }

    /// Emits an error token and stops the scan.
    mutating func errorf(_ message: String) -> State? {
        tokens.append(TemplateToken(kind: .error, pos: start, text: message, line: startLine))
        return nil
    }

    func slice(_ from: Int, _ to: Int) -> String { String(decoding: input[from..<to], as: UTF8.self) }

    func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
        guard index >= 0, index <= input.count else { return false }
        return prefix.withUTF8Buffer { input[index...].starts(with: $0) }
    }

    func byte(at index: Int) -> UInt8? { index < input.count ? input[index] : nil }

    /// `-` followed by an ASCII space: `{{- `.
    func hasLeftTrimMarker(at index: Int) -> Bool {
        guard let marker = byte(at: index), let space = byte(at: index + 1) else { return false }
        return marker == UInt8(ascii: "-") && TemplateLexer.isSpace(Int32(space))
    }

    /// An ASCII space followed by `-`: ` -}}`.
    func hasRightTrimMarker(at index: Int) -> Bool {
        guard let space = byte(at: index), let marker = byte(at: index + 1) else { return false }
        return TemplateLexer.isSpace(Int32(space)) && marker == UInt8(ascii: "-")
    }

    /// Whether the input at `pos` is a right delimiter, and whether it has a trim marker.
    func atRightDelim() -> (delim: Bool, trimSpaces: Bool) {
        if hasRightTrimMarker(at: pos) && hasPrefix("}}", at: pos + 2) { return (true, true) }
        return (hasPrefix("}}", at: pos), false)
    }

    /// Go's `atTerminator`: whether the input may end an identifier here.
    mutating func atTerminator() -> Bool {
        let rune = peek()
        if TemplateLexer.isSpace(rune) { return true }
        switch rune {
        case TemplateLexer.eof, 0x2E, 0x2C, 0x7C, 0x3A, 0x29, 0x28: return true  // . , | : ) (
        default: return hasPrefix("}}", at: pos)
        }
    }

    /// Counts the newlines of `input[range]` into `line`.
    mutating func addLines(in range: Range<Int>) { line += input[range].lazy.filter { $0 == 0x0A }.count }

    static func isSpace(_ rune: Int32) -> Bool { rune == 0x20 || rune == 0x09 || rune == 0x0D || rune == 0x0A }

    /// Go's `isAlphaNumeric`: `_`, a Unicode letter or a decimal digit.
    static func isAlphaNumeric(_ rune: Int32) -> Bool {
        guard rune >= 0, let scalar = Unicode.Scalar(UInt32(rune)) else { return false }
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }
}
