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

    /// Go's `CanBackquote`: a single-line string without control characters other than tab,
    /// without a backquote, DEL or a byte order mark.
    static func canBackquote(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            if scalar == "\u{FEFF}" { return false }
            if !scalar.isASCII { return true }
            return !(scalar.value < 0x20 && scalar != "\t") && scalar != "`" && scalar != "\u{7F}"
        }
    }

    /// Go's `Unquote` of a whole literal (`"…"`, `'…'` or a back-quoted raw string): its
    /// value, nil on a syntax error or text after the literal. A `\x`/octal escape that is
    /// not valid UTF-8 becomes U+FFFD.
    static func unquote(_ literal: String) -> String? {
        guard let (value, rest) = unquote(Array(literal.utf8), unescape: true), rest.isEmpty else { return nil }
        return ByteString.string(value)
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
        var index = 1
        var value: [UInt8] = []
        while index < input.count, input[index] != quote {
            guard input[index] != UInt8(ascii: "\n"),
                  let (character, isByte, next) = unquoteChar(input, at: index, quote: quote) else { return nil }
            if isByte {
                value.append(UInt8(character))
            } else if input[index] != UInt8(ascii: "\\") {
                value += input[index..<next]  // an unescaped character as written
            } else {
                value += Array(String(Unicode.Scalar(character) ?? "\u{FFFD}").utf8)
            }
            index = next
            if quote == UInt8(ascii: "'") { break }  // a character literal holds one character
        }
        guard index < input.count, input[index] == quote else { return nil }
        return (unescape ? value : Array(input[...index]), input[(index + 1)...])
    }

    /// Go's `UnquoteChar`: the (possibly escaped) character of a quoted literal at `index`: its
    /// value, whether that is a raw byte (`\xNN`, octal) rather than a rune, and the index
    /// after it; nil on a syntax error. A bare `quote` is an error. A byte that starts no
    /// valid UTF-8 sequence is U+FFFD of width 1.
    static func unquoteChar(_ s: [UInt8], at index: Int, quote: UInt8) -> (value: UInt32, isByte: Bool, next: Int)? {
        let c = s[index]
        if c == quote { return nil }
        if c >= 0x80 {
            let (rune, width) = UTF8Decoding.decode(s, at: index)
            return (UInt32(rune), false, index + width)
        }
        if c != UInt8(ascii: "\\") { return (UInt32(c), false, index + 1) }
        guard index + 1 < s.count else { return nil }
        let escape = s[index + 1]
        switch escape {
        case UInt8(ascii: "a"): return (7, false, index + 2)
        case UInt8(ascii: "b"): return (8, false, index + 2)
        case UInt8(ascii: "f"): return (12, false, index + 2)
        case UInt8(ascii: "n"): return (10, false, index + 2)
        case UInt8(ascii: "r"): return (13, false, index + 2)
        case UInt8(ascii: "t"): return (9, false, index + 2)
        case UInt8(ascii: "v"): return (11, false, index + 2)
        case UInt8(ascii: "\\"): return (92, false, index + 2)
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escape == UInt8(ascii: "x") ? 2 : (escape == UInt8(ascii: "u") ? 4 : 8)
            guard index + 2 + count <= s.count else { return nil }
            var value: UInt32 = 0
            for byte in s[index + 2..<index + 2 + count] {
                guard let digit = ByteString.hexValue(byte) else { return nil }
                value = value << 4 | UInt32(digit)
            }
            if escape == UInt8(ascii: "x") { return (value, true, index + 2 + count) }
            guard Unicode.Scalar(value) != nil else { return nil }  // surrogate or above U+10FFFF
            return (value, false, index + 2 + count)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard index + 4 <= s.count else { return nil }
            var value: UInt32 = 0
            for digit in s[index + 1..<index + 4] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { return nil }
                value = value << 3 | UInt32(digit - UInt8(ascii: "0"))
            }
            guard value <= 255 else { return nil }
            return (value, true, index + 4)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard escape == quote else { return nil }  // `\'` only in '…', `\"` only in "…"
            return (UInt32(escape), false, index + 2)
        default:
            return nil
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
