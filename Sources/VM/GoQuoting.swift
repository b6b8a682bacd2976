/// Go's string quoting (`strconv.Quote`, `QuoteToASCII`, `QuoteToGraphic`, and `%q`): the one
/// implementation mcl value printing, the `golang/strconv` builtins and the template engine use.
public enum GoQuoting {
    /// Which characters stay literal.
    public enum Mode: Sendable {
        /// Printable characters (`Quote`, `%q`).
        case printable
        /// Printable ASCII only (`QuoteToASCII`, `%+q`).
        case ascii
        /// Printable characters and the Unicode spaces Go calls graphic (`QuoteToGraphic`).
        case graphic
    }

    /// `delimiter`-quoted `s`: `\a \b \f \n \r \t \v`, the delimiter and `\` escaped, other
    /// characters `mode` does not keep as `\xNN` (controls), `\uNNNN` or `\UNNNNNNNN`.
    /// (Go quotes bytes, so an invalid UTF-8 byte gives `\xNN`; a Swift string has none.)
    public static func quote(_ s: String, delimiter: Unicode.Scalar = "\"", mode: Mode = .printable) -> String {
        var out = String(Character(delimiter))
        for scalar in s.unicodeScalars {
            if scalar == delimiter || scalar == "\\" {
                out += "\\" + String(Character(scalar))
                continue
            }
            let keep: Bool = switch mode {
            case .printable: isPrint(scalar)
            case .ascii: scalar.isASCII && isPrint(scalar)
            case .graphic: isPrint(scalar) || isGraphicSpace(scalar)
            }
            if keep {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                let value = scalar.value
                let (prefix, width) = value < 0x20 || value == 0x7F ? ("\\x", 2) : (value < 0x10000 ? ("\\u", 4) : ("\\U", 8))
                let digits = String(value, radix: 16)
                out += prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
            }
        }
        return out + String(Character(delimiter))
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    public static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// The non-ASCII spaces Go's `IsGraphic` adds to `IsPrint` (category Zs).
    public static func isGraphicSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar != " " && scalar.properties.generalCategory == .spaceSeparator
    }
}
