import Foundation
import VM

/// A Go (RE2 syntax) regular expression, run by Foundation's `NSRegularExpression` (ICU).
///
/// The pattern is translated where the two syntaxes disagree on something common:
/// - RE2 refuses backreferences (`\1`), lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`) and atomic
///   groups (`(?>`); ICU accepts them, so they are rejected here with RE2's error.
/// - RE2 octal escapes (`\0`, `\12`, `\123`) become `\x{…}` (ICU reads `\12` as a backreference).
/// - `(?P<name>…)` becomes ICU's `(?<name>…)`.
/// - Without the `m` flag, RE2's `$` matches only at the very end; ICU's also before a final
///   newline, so it becomes `\z`. Without `s`, RE2's `.` excludes only `\n`; ICU's also
///   `\r`, U+0085, U+2028 and U+2029, so it becomes `[^\n]`. A flag set anywhere in the
///   pattern (`(?m)`, `(?s:…)`) turns the translation off for the whole pattern.
/// - In a class, a literal `[` or `&` is escaped (ICU reads nested sets and `&&`), as is a
///   `]` right after the opening bracket (RE2 takes `[]a]` as a class with `]`).
/// - A `{` that starts no repetition count is a literal in RE2, an error in ICU: escaped.
///
/// Remaining differences: `\b`, `\w` and `\s` are ASCII in RE2 and Unicode in ICU; the
/// `U` (ungreedy) flag is RE2-only and fails here; RE2's limit of 1000 repetitions and its
/// linear-time guarantee do not apply.
struct RE2Pattern {
    private let regex: NSRegularExpression

    /// Compiles `pattern`; a pattern RE2 or ICU rejects is a fatal error, as in upstream.
    init(_ pattern: String) throws(RuntimeError) {
        let translated = try RE2Pattern.translate(Array(pattern.unicodeScalars), original: pattern)
        do {
            regex = try NSRegularExpression(pattern: translated)
        } catch {
            throw RuntimeError("error parsing regexp: invalid pattern: `\(pattern)`")
        }
    }

    /// Whether some substring of `text` matches (unanchored, as Go's `MatchString`).
    func matches(in text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    private static func translate(_ p: [Unicode.Scalar], original: String) throws(RuntimeError) -> String {
        let flags = inlineFlags(p)
        var out = ""
        var i = 0
        var inClass = false
        var classStart = false  // just after `[` or `[^`
        func fail(_ code: String, _ culprit: String) -> RuntimeError {
            RuntimeError("error parsing regexp: \(code): `\(culprit)`")
        }
        while i < p.count {
            let c = p[i]
            if c == "\\" {
                guard i + 1 < p.count else { throw fail("trailing backslash at end of expression", "") }
                let e = p[i + 1]
                if let octal = octalDigit(e) {
                    let nextIsOctal = i + 2 < p.count && octalDigit(p[i + 2]) != nil
                    if e != "0" && !nextIsOctal { throw fail("invalid escape sequence", "\\\(e)") }  // a backreference
                    var value = octal
                    var j = i + 2
                    while j < i + 4, j < p.count, let digit = octalDigit(p[j]) { value = value * 8 + digit; j += 1 }
                    out += "\\x{" + String(value, radix: 16) + "}"
                    i = j
                } else if e == "8" || e == "9" {
                    throw fail("invalid escape sequence", "\\\(e)")
                } else {
                    out += "\\" + String(e)
                    i += 2
                }
                classStart = false
                continue
            }
            if inClass {
                if c == "[" && i + 1 < p.count && p[i + 1] == ":", let close = find(":]", in: p, from: i + 2) {
                    out += String(String.UnicodeScalarView(p[i..<close + 2]))  // a POSIX class `[:alpha:]`
                    i = close + 2
                } else {
                    if c == "]" && !classStart { inClass = false }
                    out += (c == "[" || c == "&" || c == "]" && classStart) ? "\\" + String(c) : String(c)
                    i += 1
                }
                classStart = false
                continue
            }
            switch c {
            case "[":
                inClass = true
                classStart = true
                out += "["
                i += 1
                if i < p.count && p[i] == "^" { out += "^"; i += 1 }
                continue
            case "(" where i + 1 < p.count && p[i + 1] == "?":
                let rest = String(String.UnicodeScalarView(p[(i + 2)...].prefix(3)))
                if rest.hasPrefix("P<") {
                    out += "(?<"
                    i += 4
                    continue
                }
                if rest.hasPrefix("=") || rest.hasPrefix("!") || rest.hasPrefix("<=") || rest.hasPrefix("<!")
                    || rest.hasPrefix(">") {
                    throw fail("invalid or unsupported Perl syntax", "(?" + String(rest.prefix(rest.hasPrefix("<") ? 2 : 1)))
                }
                out += "("
            case "$" where !flags.contains("m"): out += "\\z"
            case "." where !flags.contains("s"): out += "[^\\n]"
            case "{":
                if let close = repetitionEnd(p, from: i) {
                    out += String(String.UnicodeScalarView(p[i...close]))
                    i = close + 1
                    continue
                }
                out += "\\{"
            case "}": out += "\\}"
            default: out.unicodeScalars.append(c)
            }
            i += 1
        }
        return out
    }

    /// The letters of every inline flag group (`(?i)`, `(?sm:…)`, `(?-s)`).
    private static func inlineFlags(_ p: [Unicode.Scalar]) -> Set<Unicode.Scalar> {
        var flags = Set<Unicode.Scalar>()
        var i = 0
        while i + 2 < p.count {
            if p[i] == "\\" { i += 2; continue }
            if p[i] == "(" && p[i + 1] == "?" {
                var j = i + 2
                var letters = Set<Unicode.Scalar>()
                while j < p.count, "imsU-".unicodeScalars.contains(p[j]) { letters.insert(p[j]); j += 1 }
                if j < p.count, p[j] == ")" || p[j] == ":" { flags.formUnion(letters) }
            }
            i += 1
        }
        return flags
    }

    /// The index of the `}` closing a repetition `{n}`, `{n,}` or `{n,m}` at `start`, or nil.
    private static func repetitionEnd(_ p: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1
        var digits = 0
        while j < p.count, p[j].properties.numericType == .decimal, p[j].isASCII { j += 1; digits += 1 }
        guard digits > 0, j < p.count else { return nil }
        if p[j] == "," {
            j += 1
            while j < p.count, p[j].isASCII, p[j].properties.numericType == .decimal { j += 1 }
        }
        return j < p.count && p[j] == "}" ? j : nil
    }

    private static func find(_ needle: String, in p: [Unicode.Scalar], from start: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        guard start + n.count <= p.count else { return nil }
        return (start...(p.count - n.count)).first { p[$0..<$0 + n.count].elementsEqual(n) }
    }

    private static func octalDigit(_ c: Unicode.Scalar) -> Int? {
        ("0"..."7").contains(c) ? Int(c.value) - 0x30 : nil
    }
}
