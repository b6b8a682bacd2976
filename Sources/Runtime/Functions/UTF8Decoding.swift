/// UTF-8 decoding the way Go's `unicode/utf8` does it: a bad byte decodes as U+FFFD of
/// width 1, so scanning never stalls.
enum UTF8Decoding {
    /// The rune starting at `index` and its width in bytes (U+FFFD of width 1 for a byte that
    /// starts no valid sequence: truncated, overlong, a surrogate or past U+10FFFF).
    /// Precondition: `index` is a valid index of `bytes`.
    static func decode<Bytes: RandomAccessCollection>(_ bytes: Bytes, at index: Int) -> (rune: Int32, width: Int)
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let first = bytes[index]
        if first < 0x80 { return (Int32(first), 1) }
        let (length, initial): (Int, UInt32) =
            switch first {
            case 0xC2...0xDF: (2, UInt32(first & 0x1F))
            case 0xE0...0xEF: (3, UInt32(first & 0x0F))
            case 0xF0...0xF4: (4, UInt32(first & 0x07))
            default: (0, 0)
            }
        guard length > 0, index + length <= bytes.endIndex else { return (0xFFFD, 1) }
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
