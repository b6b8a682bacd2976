import VM

/// The escapers behind `html`, `js` and `urlquery` (Go's `HTMLEscapeString`,
/// `JSEscapeString`, `url.QueryEscape`).
enum TemplateEscaping {
    /// `"` `'` `&` `<` `>` as entities (`html.EscapeString`), NUL as U+FFFD.
    static func html(_ s: String) -> String {
        HTMLEscaping.escape(String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 })))
    }

    /// Backslash escapes for `\ ' "`, `\uXXXX` for `< > & =`, control and unprintable runes.
    static func js(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\"": out += "\\\""
            case "<", ">", "&", "=": out += unicodeEscape(scalar)
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x80 && !GoQuoting.isPrint(scalar)) {
                    out += unicodeEscape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Query-component escaping: `A-Z a-z 0-9 - _ . ~` kept, space as `+`, other bytes `%XX`.
    static func urlQuery(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "): out += "+"
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
