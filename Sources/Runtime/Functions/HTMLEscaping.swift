/// Go's `html.EscapeString` and `html.UnescapeString`.
enum HTMLEscaping {
    /// Escapes only `<`, `>`, `&`, `'` (as `&#39;`) and `"` (as `&#34;`).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&#34;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Decodes numeric references (`&#225;`, `&#xE1;`, Windows-1252 for 0x80–0x9F, U+FFFD
    /// for 0, surrogates and values past U+10FFFF) and named ones, taking the longest name
    /// that matches; a name of up to six letters may lack its `;` (`&ampx` → `&x`).
    /// Anything else is copied.
    static func unescape(_ text: String) -> String {
        let s = Array(text.utf8)
        guard s.contains(UInt8(ascii: "&")) else { return text }
        var out: [UInt8] = []
        var i = 0
        while i < s.count {
            guard s[i] == UInt8(ascii: "&") else {
                out.append(s[i])
                i += 1
                continue
            }
            let (decoded, consumed) = entity(s, at: i)
            out += decoded
            i += consumed
        }
        return ByteString.string(out)
    }

    /// Go's `unescapeEntity` without the attribute rules: the bytes the `&…` reference at
    /// `s[start]` stands for, and how many bytes it used.
    private static func entity(_ s: [UInt8], at start: Int) -> ([UInt8], Int) {
        let count = s.count - start  // the bytes from the `&` on
        func b(_ offset: Int) -> UInt8 { s[start + offset] }
        guard count > 1 else { return ([b(0)], 1) }
        var i = 1
        if b(1) == UInt8(ascii: "#") {
            guard count > 3 else { return ([b(0)], 1) }  // at least `&#.`
            i += 1
            let hex = b(i) == UInt8(ascii: "x") || b(i) == UInt8(ascii: "X")
            if hex { i += 1 }
            var x: Int32 = 0  // wraps on overflow, as Go's rune arithmetic
            while i < count {
                let c = b(i)
                i += 1
                if let digit = ByteString.hexValue(c), hex || digit < 10 {
                    x = x &* (hex ? 16 : 10) &+ Int32(digit)
                    continue
                }
                if c != UInt8(ascii: ";") { i -= 1 }
                break
            }
            guard i > 3 else { return ([b(0)], 1) }  // no digit
            let code: UInt32
            if (0x80...0x9F).contains(x) {
                code = windows1252[Int(x) - 0x80]
            } else if x <= 0 || (0xD800...0xDFFF).contains(x) || x > 0x10FFFF {
                code = 0xFFFD
            } else {
                code = UInt32(x)
            }
            return (utf8(code), i)
        }
        while i < count {
            let c = b(i)
            i += 1
            if c < 0x80 && (Character(Unicode.Scalar(c)).isLetter || Character(Unicode.Scalar(c)).isNumber) { continue }
            if c != UInt8(ascii: ";") { i -= 1 }
            break
        }
        let name = ByteString.string(s[start + 1..<start + i])
        if !name.isEmpty {
            if let codes = entities[name] { return (codes.flatMap(utf8), i) }
            for length in stride(from: min(name.utf8.count - 1, 6), to: 1, by: -1) {
                let prefix = ByteString.string(s[start + 1..<start + 1 + length])
                if let codes = entities[prefix], codes.count == 1 { return (utf8(codes[0]), length + 1) }
            }
        }
        return (Array(s[start..<start + i]), i)
    }

    /// The entity table, parsed once from `entityTable`.
    static let entities: [String: [UInt32]] = {
        var table: [String: [UInt32]] = [:]
        for entry in entityTable.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            table[String(entry[..<equals])] = entry[entry.index(after: equals)...].split(separator: ",").compactMap {
                UInt32($0, radix: 16)
            }
        }
        return table
    }()

    /// Code points for the C1 range 0x80–0x9F read as Windows-1252, as HTML5 does.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func utf8(_ code: UInt32) -> [UInt8] {
        Array(String(Unicode.Scalar(code) ?? "\u{FFFD}").utf8)
    }
}
