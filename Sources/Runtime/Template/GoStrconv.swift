/// UTF-8 decoding the way Go's `unicode/utf8` does it: a bad byte decodes as U+FFFD of
/// width 1, so scanning never stalls.
enum UTF8Decoding {
    /// The rune starting at `index` and its width in bytes. Precondition: `index < bytes.count`.
    static func decode(_ bytes: [UInt8], at index: Int) -> (rune: Int32, width: Int) {
        let first = bytes[index]
        if first < 0x80 { return (Int32(first), 1) }
        let (length, initial): (Int, UInt32) =
            switch first {
            case 0xC2...0xDF: (2, UInt32(first & 0x1F))
            case 0xE0...0xEF: (3, UInt32(first & 0x0F))
            case 0xF0...0xF4: (4, UInt32(first & 0x07))
            default: (0, 0)
            }
        guard length > 0, index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = initial
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Reject overlong forms, surrogates and values past U+10FFFF.
        let minimum: UInt32 = length == 3 ? 0x800 : (length == 4 ? 0x10000 : 0x80)
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return (0xFFFD, 1) }
        return (Int32(value), length)
    }

    /// The rune ending just before `end` and its width. Precondition: `end > 0`.
    static func decodeLast(_ bytes: [UInt8], before end: Int) -> (rune: Int32, width: Int) {
        var start = end - 1
        while start > max(0, end - 4), bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let (rune, width) = decode(bytes, at: start)
        return start + width == end ? (rune, width) : (0xFFFD, 1)
    }
}

/// The parts of Go's `strconv` that template literals need: `Unquote` and `UnquoteChar`.
enum GoStrconv {
    /// Go's `strconv.Unquote` for `"…"`, `` `…` `` and `'…'` literals; nil on a syntax error
    /// (Go's `invalid syntax`). A `\x`/octal escape that is not valid UTF-8 becomes U+FFFD.
    static func unquote(_ literal: String) -> String? {
        let bytes = Array(literal.utf8)
        guard bytes.count >= 2, let quote = bytes.first, quote == bytes.last else { return nil }
        let body = Array(bytes[1..<bytes.count - 1])
        if quote == UInt8(ascii: "`") {
            guard !body.contains(quote) else { return nil }
            return String(decoding: body.filter { $0 != 0x0D }, as: UTF8.self)
        }
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        if quote == UInt8(ascii: "\""), body.contains(0x0A) { return nil }
        var output: [UInt8] = []
        var index = 0
        var runes = 0
        while index < body.count {
            guard let (value, isByte, next) = unquoteChar(body, at: index, quote: quote) else { return nil }
            if isByte {
                output.append(UInt8(value))
            } else if let scalar = Unicode.Scalar(value) {
                output += Array(String(Character(scalar)).utf8)
            } else {
                output += [0xEF, 0xBF, 0xBD]  // U+FFFD
            }
            index = next
            runes += 1
        }
        if quote == UInt8(ascii: "'") && runes != 1 { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes one (possibly escaped) character of a quoted literal at `index`: its value,
    /// whether that is a raw byte (`\xNN`, octal) rather than a rune, and the index after it;
    /// nil on a syntax error. A bare `quote` is an error.
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
        let simple: [UInt8: UInt32] = [
            UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
            UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11, UInt8(ascii: "\\"): 92,
        ]
        if let value = simple[escape] { return (value, false, index + 2) }
        switch escape {
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escape == UInt8(ascii: "x") ? 2 : (escape == UInt8(ascii: "u") ? 4 : 8)
            guard index + 2 + count <= s.count,
                  s[index + 2..<index + 2 + count].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
                  let value = UInt32(String(decoding: s[index + 2..<index + 2 + count], as: UTF8.self), radix: 16)
            else { return nil }
            if escape == UInt8(ascii: "x") { return (value, true, index + 2 + count) }
            guard Unicode.Scalar(value) != nil else { return nil }
            return (value, false, index + 2 + count)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard index + 4 <= s.count else { return nil }
            var value: UInt32 = 0
            for digit in s[index + 1..<index + 4] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { return nil }
                value = value * 8 + UInt32(digit - UInt8(ascii: "0"))
            }
            guard value <= 255 else { return nil }
            return (value, true, index + 4)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            guard escape == quote else { return nil }
            return (UInt32(escape), false, index + 2)
        default:
            return nil
        }
    }
}
