/// Turns the bytes of one file into tokens (language.md §1).
///
/// Longest match wins and keywords beat identifiers of equal length. Newlines are tokens;
/// comments run from `#` to the end of the line and leave the newline. A `-` directly
/// followed by a digit belongs to the number (`5-3` is two numbers: a syntax error later).
/// Errors are `parse` diagnostics pointing at the offending byte.
struct Lexer {
    let file: SourceFile
    private let bytes: [UInt8]
    private var position = 0

    init(file: SourceFile) {
        self.file = file
        self.bytes = file.bytes
    }

    /// All tokens of the file, ending with one `.eof`.
    static func tokenize(_ file: SourceFile) throws(Diagnostic) -> [Token] {
        var lexer = Lexer(file: file)
        var tokens: [Token] = []
        tokens.reserveCapacity(file.bytes.count / 4)
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .eof { return tokens }
        }
    }

    private func span(_ start: Int, _ end: Int) -> Span { Span(file: file.id, start: start, end: end) }

    private func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func next() throws(Diagnostic) -> Token {
        skipSpaceAndComments()
        let start = position
        guard let byte = peek() else { return Token(kind: .eof, text: "", span: span(start, start)) }
        // Punctuation carries no text: only words, numbers and strings need it.
        func single(_ kind: TokenKind, _ length: Int = 1) -> Token {
            position += length
            return Token(kind: kind, text: "", span: span(start, position))
        }
        switch byte {
        case UInt8(ascii: "\n"): return single(.newline)
        case UInt8(ascii: "\r"):
            throw Diagnostic(.parse, "unrecognized carriage return", at: span(start, start + 1))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return lexWord(start, capitalized: false)
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return lexWord(start, capitalized: true)
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return try lexNumber(start)
        case UInt8(ascii: "\""): return try lexString(start)
        case UInt8(ascii: "{"): return single(.openCurly)
        case UInt8(ascii: "}"): return single(.closeCurly)
        case UInt8(ascii: "("): return single(.openParen)
        case UInt8(ascii: ")"): return single(.closeParen)
        case UInt8(ascii: "["): return single(.openBrack)
        case UInt8(ascii: "]"): return single(.closeBrack)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: ":"): return single(.colon)
        case UInt8(ascii: ";"): return single(.semicolon)
        case UInt8(ascii: "$"): return single(.dollar)
        case UInt8(ascii: "."): return single(.dot)
        case UInt8(ascii: "+"): return single(.plus)
        case UInt8(ascii: "*"): return single(.multiply)
        case UInt8(ascii: "/"): return single(.divide)
        case UInt8(ascii: "="):
            if peek(1) == UInt8(ascii: ">") { return single(.rocket, 2) }
            if peek(1) == UInt8(ascii: "=") { return single(.eq, 2) }
            return single(.equals)
        case UInt8(ascii: "-"):
            if peek(1) == UInt8(ascii: ">") { return single(.arrow, 2) }
            if let digit = peek(1), digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") { return try lexNumber(start) }
            return single(.minus)
        case UInt8(ascii: "!") where peek(1) == UInt8(ascii: "="): return single(.neq, 2)
        case UInt8(ascii: "?") where peek(1) == UInt8(ascii: ":"): return single(.elvis, 2)
        case UInt8(ascii: "<"):
            if peek(1) == UInt8(ascii: "|"), peek(2) == UInt8(ascii: ">") { return single(.except, 3) }
            if peek(1) == UInt8(ascii: "=") { return single(.lte, 2) }
            return single(.lt)
        case UInt8(ascii: ">"):
            if peek(1) == UInt8(ascii: "=") { return single(.gte, 2) }
            return single(.gt)
        default:
            // Show the whole character, even when it is several bytes of UTF-8.
            var end = start + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            throw Diagnostic(.parse, "unrecognized: `\(text(start, end))`", at: span(start, end))
        }
    }

    private mutating func skipSpaceAndComments() {
        while let byte = peek() {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                while let c = peek(), c != UInt8(ascii: "\n") { position += 1 }
            } else {
                return
            }
        }
    }

    /// `[a-z]([a-z0-9_]*[a-z0-9])?` (or capitalized, then lowercased): a trailing `_` is
    /// not part of the word, so `foo_` lexes as `foo` followed by an unrecognized `_`.
    private mutating func lexWord(_ start: Int, capitalized: Bool) -> Token {
        position += 1
        while let byte = peek(), isLowerWordByte(byte) { position += 1 }
        while position > start + 1, bytes[position - 1] == UInt8(ascii: "_") { position -= 1 }
        let word = text(start, position)
        let s = span(start, position)
        if capitalized { return Token(kind: .capitalizedIdentifier, text: word.lowercased(), span: s) }
        return Token(kind: TokenKind.keywords[word] ?? .identifier, text: word, span: s)
    }

    private func isLowerWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_")
    }

    private func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// `-?[0-9]+` or `-?[0-9]+\.[0-9]+`; overflow is a parse error.
    private mutating func lexNumber(_ start: Int) throws(Diagnostic) -> Token {
        if peek() == UInt8(ascii: "-") { position += 1 }
        while isDigit(peek()) { position += 1 }
        var kind = TokenKind.integer
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            kind = .float
            position += 1
            while isDigit(peek()) { position += 1 }
        }
        let digits = text(start, position)
        let s = span(start, position)
        if kind == .integer, Int64(digits) == nil {
            throw Diagnostic(.parse, "integer: overflow: `\(digits)`", at: s)
        }
        if kind == .float, let value = Double(digits), value.isInfinite {
            throw Diagnostic(.parse, "float: overflow", at: s)
        }
        return Token(kind: kind, text: digits, span: s)
    }

    /// A double-quoted string; a backslash skips the next byte. Escapes and interpolation
    /// are processed later (`Interpolate`), so `text` is the raw body.
    private mutating func lexString(_ start: Int) throws(Diagnostic) -> Token {
        position += 1
        while let byte = peek() {
            if byte == UInt8(ascii: "\\") {
                position += 2
            } else if byte == UInt8(ascii: "\"") {
                position += 1
                let body = text(start + 1, position - 1)
                return Token(kind: .string, text: body, span: span(start, position))
            } else {
                position += 1
            }
        }
        throw Diagnostic(.parse, "unterminated string", at: span(start, min(start + 1, bytes.count)))
    }
}
