import Foundation

/// Go's per-rune Unicode rules for case and white space (`unicode.ToUpper`, `ToLower`,
/// `ToTitle`, `IsSpace`, `strings.EqualFold`), shared by the strings and golang/strings
/// builtins.
///
/// Go maps case with the *simple* mappings of UnicodeData (one rune to one rune: `ß` stays
/// `ß`), while Swift's `uppercased()` uses the full mappings (`ß` → `SS`). Swift exposes only
/// the full mappings per scalar, so a simple mapping is recovered from them: a one-scalar
/// full mapping is the simple one; where the full upper-case mapping has several scalars,
/// the simple one is the title-case mapping when that is one scalar (Greek with
/// ypogegrammeni: `ᾳ` → `ᾼ`), else there is none (`ß`, `ŉ`, ligatures). The only lower-case
/// mapping with several scalars is `İ` → `i̇`, whose simple mapping is its first scalar `i`.
enum TextCase {
    /// Go's `unicode.ToUpper`.
    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (0x61...0x7A).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0x20)! : scalar
        }
        return single(scalar.properties.uppercaseMapping) ?? single(scalar.properties.titlecaseMapping) ?? scalar
    }

    /// Go's `unicode.ToLower`.
    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            return (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0x20)! : scalar
        }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    /// Go's `unicode.ToTitle`.
    static func title(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII { return upper(scalar) }
        return single(scalar.properties.titlecaseMapping) ?? scalar
    }

    /// Go's `strings.Map` with a rune mapping.
    static func map(_ text: String, _ transform: (Unicode.Scalar) -> Unicode.Scalar) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { result.append(transform(scalar)) }
        return String(result)
    }

    /// Go's `unicode.IsSpace`: the Unicode White_Space property (ASCII `\t\n\v\f\r` and
    /// space, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F,
    /// U+3000; not U+200B or U+FEFF).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// Go's `strings.EqualFold`: equal under case folding, rune by rune. Go compares simple
    /// case-folding orbits; here each rune's full folding is compared (Foundation's), which
    /// puts the same runes together (`k`, `K`, the Kelvin sign; `ß` and `ẞ`; `σ`, `ς`, `Σ`)
    /// and keeps Turkish `ı` and `İ` apart from `i` and `I`, as Go does.
    static func equalFold(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { p, q in p == q || fold(p) == fold(q) }
    }

    private static func fold(_ scalar: Unicode.Scalar) -> String {
        String(scalar).folding(options: .caseInsensitive, locale: nil)
    }

    /// Go's `strings.Title` (deprecated upstream, kept by the generated wrappers): title-cases
    /// every rune that follows a separator. ASCII letters, digits and `_` are not separators;
    /// other letters and digits neither; then only white space is.
    static func titleWords(_ text: String) -> String {
        var previous: Unicode.Scalar = " "
        return map(text) { scalar in
            defer { previous = scalar }
            return isSeparator(previous) ? title(scalar) : scalar
        }
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let c = scalar.value
            let wordByte = (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || c == 0x5F
            return !wordByte
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return false
        default:
            return isSpace(scalar)
        }
    }

    /// The scalar of a one-scalar mapping, else nil.
    private static func single(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard let first = scalars.first, scalars.count == 1 else { return nil }
        return first
    }
}
