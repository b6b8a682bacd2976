import VM

/// Go's string quoting and unquoting (`strconv.Quote`, `QuoteToASCII`, `QuoteToGraphic`,
/// `CanBackquote`, `Unquote`, `QuotedPrefix`).
///
/// Go quotes bytes, so an invalid UTF-8 byte becomes `\xNN`; a Swift string never holds
/// one, so that case cannot arise here. Unquoting `"\xff"` yields the byte 0xFF in Go; here
/// the result is a Swift string, so such a byte becomes U+FFFD (see `ByteString.value`).
extension Strconv {
    /// Go's `Quote` family (`QuoteToASCII` with `.ascii`, `QuoteToGraphic` with `.graphic`).
    static func quote(_ text: String, mode: GoQuoting.Mode = .printable) -> String { GoQuoting.quote(text, mode: mode) }

    static func isPrint(_ scalar: Unicode.Scalar) -> Bool { GoQuoting.isPrint(scalar) }


    /// Go's `CanBackquote`: a single-line string without control characters other than tab,
    /// without a backquote, DEL or a byte order mark.
    static func canBackquote(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar == "\u{FEFF}" { return false }
            if !scalar.isASCII { return true }
            return !(scalar.value < 0x20 && scalar != "\t") && scalar != "`" && scalar != "\u{7F}"
        }
    }

    /// Go's `unquote`: the literal at the start of `input` (`"…"`, `'…'` or a back-quoted
    /// raw string) and the rest. With `unescape` the value of the literal, else its source
    /// text. Nil when there is no valid literal (Go's `ErrSyntax`, `invalid syntax`).
    static func unquote(_ input: [UInt8], unescape: Bool) -> (literal: [UInt8], rest: ArraySlice<UInt8>)? {
        guard input.count >= 2 else { return nil }
        let quote = input[0]
        if quote == UInt8(ascii: "`") {
            guard let close = input[1...].firstIndex(of: quote) else { return nil }
            let body = input[1..<close].filter { $0 != UInt8(ascii: "\r") }  // raw strings drop CR
            return (unescape ? body : Array(input[...close]), input[(close + 1)...])
        }
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        var rest = input[1...]
        var value: [UInt8] = []
        while let first = rest.first, first != quote {
            guard first != UInt8(ascii: "\n"), let (bytes, tail) = unquoteChar(rest, quote: quote) else { return nil }
            value += bytes
            rest = tail
            if quote == UInt8(ascii: "'") { break }  // a character literal holds one character
        }
        guard rest.first == quote else { return nil }
        rest = rest.dropFirst()
        return (unescape ? value : Array(input[..<rest.startIndex]), rest)
    }

    /// Go's `UnquoteChar`: one possibly escaped character at the start of `s`, as UTF-8 bytes
    /// (`\xNN` and octal escapes give one raw byte), and the rest; nil on bad syntax.
    static func unquoteChar(_ s: ArraySlice<UInt8>, quote: UInt8) -> ([UInt8], ArraySlice<UInt8>)? {
        guard let first = s.first else { return nil }
        if first == quote { return nil }
        if first >= 0x80 {
            let width = ByteString.runeWidth(Array(s.prefix(4)), at: 0)
            return (Array(s.prefix(width)), s.dropFirst(width))
        }
        if first != UInt8(ascii: "\\") { return ([first], s.dropFirst()) }
        guard s.count >= 2 else { return nil }
        let escape = s[s.startIndex + 1]
        var tail = s.dropFirst(2)
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
            UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11, UInt8(ascii: "\\"): 92,
        ]
        if let byte = simple[escape] { return ([byte], tail) }
        switch escape {
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = escape == UInt8(ascii: "x") ? 2 : escape == UInt8(ascii: "u") ? 4 : 8
            guard tail.count >= digits, let value = UInt32(ByteString.string(tail.prefix(digits)), radix: 16),
                  tail.prefix(digits).allSatisfy({ isHexDigit($0) }) else { return nil }
            tail = tail.dropFirst(digits)
            if escape == UInt8(ascii: "x") { return ([UInt8(value)], tail) }
            guard let scalar = Unicode.Scalar(value) else { return nil }  // surrogate or above U+10FFFF
            return (Array(String(scalar).utf8), tail)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard tail.count >= 2 else { return nil }
            var value = UInt32(escape - UInt8(ascii: "0"))
            for digit in tail.prefix(2) {
                guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { return nil }
                value = value << 3 | UInt32(digit - UInt8(ascii: "0"))
            }
            guard value <= 255 else { return nil }
            return ([UInt8(value)], tail.dropFirst(2))
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard escape == quote else { return nil }  // `\'` only in '…', `\"` only in "…"
            return ([escape], tail)
        default:
            return nil
        }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lower(byte))
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
