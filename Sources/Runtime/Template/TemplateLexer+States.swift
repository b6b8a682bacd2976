import VM

/// The states of the template lexer, one method per Go state function (`lexText`, …).
extension TemplateLexer {
    /// Runs one state and returns the next, or nil when the scan is over.
    mutating func step(_ state: State) -> State? {
        switch state {
        case .text: lexText()
        case .leftDelim: lexLeftDelim()
        case .comment: lexComment()
        case .rightDelim: lexRightDelim()
        case .insideAction: lexInsideAction()
        case .space: lexSpace()
        case .identifier: lexIdentifier()
        case .field: lexFieldOrVariable(.field)
        case .variable: atTerminator() ? emitAndContinue(.variable) : lexFieldOrVariable(.variable)
        case .char: lexQuoted(close: 0x27, kind: .charConstant, error: "unterminated character constant")
        case .number: lexNumber()
        case .quote: lexQuoted(close: 0x22, kind: .string, error: "unterminated quoted string")
        case .rawQuote: lexRawQuote()
        }
    }

    private mutating func emitAndContinue(_ kind: TemplateToken.Kind) -> State? {
        emit(kind)
        return .insideAction
    }

    /// Scans text up to `{{`, trimming trailing white space before a `{{- `.
    private mutating func lexText() -> State? {
        if let offset = ByteString.index(of: TemplateLexer.leftDelimiter, in: input, from: pos) {
            pos = offset
            var trimLength = 0
            if hasLeftTrimMarker(at: pos + 2) {
                var end = pos
                while end > start, TemplateLexer.isSpace(Int32(input[end - 1])) { end -= 1 }
                trimLength = pos - end
            }
            pos -= trimLength
            if pos > start {
                addLines(in: start..<pos)
                emit(.text)
            }
            pos += trimLength
            ignore()
            return .leftDelim
        }
        pos = input.count
        if pos > start {
            addLines(in: start..<pos)
            emit(.text)
        }
        emit(.eof)
        return nil
    }

    private static let leftDelimiter = Array("{{".utf8)
    private static let commentEnd = Array("*/".utf8)

    /// The number of ASCII spaces starting at `index`.
    private func leftTrimLength(at index: Int) -> Int {
        var end = index
        while end < input.count, TemplateLexer.isSpace(Int32(input[end])) { end += 1 }
        return end - index
    }

    private mutating func lexLeftDelim() -> State? {
        pos += 2
        let afterMarker = hasLeftTrimMarker(at: pos) ? 2 : 0
        if hasPrefix("/*", at: pos + afterMarker) {
            pos += afterMarker
            ignore()
            return .comment
        }
        emit(.leftDelim)
        pos += afterMarker
        ignore()
        parenDepth = 0
        return .insideAction
    }

    private mutating func lexComment() -> State? {
        pos += 2
        guard let end = ByteString.index(of: TemplateLexer.commentEnd, in: input, from: pos) else { return errorf("unclosed comment") }
        pos = end + 2
        let (delim, trimSpace) = atRightDelim()
        guard delim else { return errorf("comment ends before closing delimiter") }
        if trimSpace { pos += 2 }
        pos += 2
        if trimSpace { pos += leftTrimLength(at: pos) }
        ignore()
        return .text
    }

    private mutating func lexRightDelim() -> State? {
        let trimSpace = hasRightTrimMarker(at: pos)
        if trimSpace {
            pos += 2
            ignore()
        }
        pos += 2
        emit(.rightDelim)
        if trimSpace {
            pos += leftTrimLength(at: pos)
            ignore()
        }
        return .text
    }

    private mutating func lexInsideAction() -> State? {
        if atRightDelim().delim {
            return parenDepth == 0 ? .rightDelim : errorf("unclosed left paren")
        }
        let r = next()
        switch r {
        case TemplateLexer.eof: return errorf("unclosed action")
        case _ where TemplateLexer.isSpace(r):
            backup()  // put the space back in case we have " -}}"
            return .space
        case 0x3D: emit(.assign)  // =
        case 0x3A:  // :
            guard next() == 0x3D else { return errorf("expected :=") }
            emit(.declare)
        case 0x7C: emit(.pipe)
        case 0x22: return .quote
        case 0x60: return .rawQuote
        case 0x24: return .variable
        case 0x27: return .char
        case 0x2E where pos < input.count && !(0x30...0x39).contains(input[pos]):
            return .field  // ".field"; a '.' before a digit starts a number
        case 0x2B, 0x2D, 0x2E, 0x30...0x39:
            backup()
            return .number
        case _ where TemplateLexer.isAlphaNumeric(r):
            backup()
            return .identifier
        case 0x28:
            emit(.leftParen)
            parenDepth += 1
        case 0x29:
            emit(.rightParen)
            parenDepth -= 1
            if parenDepth < 0 { return errorf("unexpected right paren \(TemplateLexer.unicodeDescription(r))") }
        case 0x20...0x7E: emit(.char)
        default: return errorf("unrecognized character in action: \(TemplateLexer.unicodeDescription(r))")
        }
        return .insideAction
    }

    /// Scans a run of spaces, taking care of a trim-marked right delimiter (` -}}`).
    private mutating func lexSpace() -> State? {
        var numSpaces = 0
        while TemplateLexer.isSpace(peek()) {
            _ = next()
            numSpaces += 1
        }
        if hasRightTrimMarker(at: pos - 1) && hasPrefix("}}", at: pos + 1) {
            backup()  // before the space
            if numSpaces == 1 { return .rightDelim }
        }
        emit(.space)
        return .insideAction
    }

    private mutating func lexIdentifier() -> State? {
        var r = next()
        while TemplateLexer.isAlphaNumeric(r) { r = next() }
        backup()
        let word = slice(start, pos)
        guard atTerminator() else { return errorf("bad character \(TemplateLexer.unicodeDescription(r))") }
        if let keyword = TemplateToken.keywords[word], keyword > .keyword {
            let shadowed = (keyword == .breakKeyword && !breakOK) || (keyword == .continueKeyword && !continueOK)
            emit(shadowed ? .identifier : keyword)
        } else if word == "true" || word == "false" {
            emit(.bool)
        } else {
            emit(.identifier)
        }
        return .insideAction
    }

    /// Scans `.Alphanumeric` or `$Alphanumeric`; the `.` or `$` is already consumed.
    private mutating func lexFieldOrVariable(_ kind: TemplateToken.Kind) -> State? {
        if atTerminator() { return emitAndContinue(kind == .variable ? .variable : .dot) }
        var r = next()
        while TemplateLexer.isAlphaNumeric(r) { r = next() }
        backup()
        guard atTerminator() else { return errorf("bad character \(TemplateLexer.unicodeDescription(r))") }
        return emitAndContinue(kind)
    }

    /// Scans a quoted string or character constant (escapes checked by the parser).
    private mutating func lexQuoted(close: Int32, kind: TemplateToken.Kind, error: String) -> State? {
        while true {
            var r = next()
            if r == 0x5C {  // backslash: the next rune is escaped unless it ends the line
                r = next()
                if r != TemplateLexer.eof && r != 0x0A { continue }
                return errorf(error)
            }
            if r == TemplateLexer.eof || r == 0x0A { return errorf(error) }
            if r == close { break }
        }
        return emitAndContinue(kind)
    }

    private mutating func lexRawQuote() -> State? {
        while true {
            let r = next()
            if r == TemplateLexer.eof { return errorf("unterminated raw quoted string") }
            if r == 0x60 { break }
        }
        return emitAndContinue(.rawString)
    }

    /// Scans a number (decimal, hex, octal, binary, float, imaginary or `1+2i` complex). Like
    /// Go it accepts some invalid forms (`089`); the parser rejects them.
    private mutating func lexNumber() -> State? {
        guard scanNumber() else { return errorf("bad number syntax: \(GoQuoting.quote(slice(start, pos)))") }
        let sign = peek()
        if sign == 0x2B || sign == 0x2D {
            guard scanNumber(), input[pos - 1] == UInt8(ascii: "i") else {
                return errorf("bad number syntax: \(GoQuoting.quote(slice(start, pos)))")
            }
            return emitAndContinue(.complex)
        }
        return emitAndContinue(.number)
    }

    private mutating func scanNumber() -> Bool {
        _ = accept("+-")
        var digits = "0123456789_"
        if accept("0") {
            if accept("xX") {
                digits = "0123456789abcdefABCDEF_"
            } else if accept("oO") {
                digits = "01234567_"
            } else if accept("bB") {
                digits = "01_"
            }
        }
        acceptRun(digits)
        if accept(".") { acceptRun(digits) }
        if digits.count == 11 && accept("eE") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        if digits.count == 23 && accept("pP") {
            _ = accept("+-")
            acceptRun("0123456789_")
        }
        _ = accept("i")
        if TemplateLexer.isAlphaNumeric(peek()) {
            _ = next()
            return false
        }
        return true
    }

    /// Go's `%#U`: `U+0024 '$'` (the quoted character only when printable).
    static func unicodeDescription(_ rune: Int32) -> String {
        GoFormatter.unicodeNotation(UInt64(UInt32(bitPattern: rune)), sharp: true)
    }
}
