/// Go's `url.unescape`: percent-decoding with the checks of each URL part.
extension URLReference {
    /// The URL part being decoded; hosts and zones allow fewer characters.
    enum Part {
        case path, host, zone, userinfo, fragment
    }

    /// Decodes `%XX` escapes. Every `%` needs two hex digits; in a host only non-ASCII bytes
    /// (and `%25`) may be escaped and only host characters may appear raw; in a zone an
    /// escape may not produce a byte that a host could not hold.
    /// - Throws: Go's `invalid URL escape "%zz"` or `invalid character " " in host name`.
    static func unescape(_ s: [UInt8], mode: Part) throws(URLParseError) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            let byte = s[i]
            guard byte == UInt8(ascii: "%") else {
                if mode == .host || mode == .zone, byte < 0x80, shouldEscapeInHost(byte) {
                    throw URLParseError(message: "invalid character \(Strconv.quote(String(Unicode.Scalar(byte)))) in host name")
                }
                out.append(byte)
                i += 1
                continue
            }
            guard i + 2 < s.count, let high = ByteString.hexValue(s[i + 1]), let low = ByteString.hexValue(s[i + 2]) else {
                throw escapeError(Array(s[i...].prefix(3)))
            }
            let isPercent = high == 2 && low == 5
            if mode == .host && high < 8 && !isPercent { throw escapeError(Array(s[i..<i + 3])) }
            let value = high << 4 | low
            if mode == .zone && !isPercent && value != 0x20 && shouldEscapeInHost(value) {
                throw escapeError(Array(s[i..<i + 3]))
            }
            out.append(value)
            i += 3
        }
        return out
    }

    /// Go's `shouldEscape(c, encodeHost)`: true for bytes a host may not hold raw.
    private static func shouldEscapeInHost(_ byte: UInt8) -> Bool {
        if byte < 0x80, Character(Unicode.Scalar(byte)).isLetter || Character(Unicode.Scalar(byte)).isNumber {
            return false
        }
        return !"!$&'()*+,;=:[]<>\"-_.~".utf8.contains(byte)
    }

    private static func escapeError(_ bytes: [UInt8]) -> URLParseError {
        URLParseError(message: "invalid URL escape \(Strconv.quote(ByteString.string(bytes)))")
    }
}
