import Foundation
import VM

/// A Go (RE2 syntax) regular expression, run by Foundation's `NSRegularExpression` (ICU).
///
/// `Translator` rewrites the pattern where the two syntaxes disagree, so that patterns RE2
/// accepts mean the same and patterns it refuses fail:
/// - RE2 refuses backreferences (`\1`), lookaround (`(?=`, `(?!`, `(?<=`, `(?<!`), atomic
///   groups (`(?>`), flags other than `imsU`, a stray `\E`, and a quantifier on a quantifier
///   (`a**`, `a*+`, which ICU reads as possessive); these fail with RE2's messages.
/// - RE2 octal escapes (`\0`, `\12`, `\123`) become `\x{…}` (ICU reads `\12` as a
///   backreference); `\pL` becomes `\p{L}`; `(?P<name>…)` becomes `(?<name>…)`;
///   `\Q…\E` is expanded into escaped literals.
/// - `\d \s \w \b \B` and `[[:alpha:]]`-style classes are ASCII in RE2, Unicode in ICU:
///   they become explicit ASCII sets (and lookarounds for the boundaries).
/// - Without the `m` flag RE2's `$` matches only at the very end; ICU's also before a final
///   newline, so it becomes `\z`. ICU runs with Unix line separators, so `.`, `^` and `$`
///   treat only `\n` as a line end, as RE2 does.
/// - Assertions are wrapped in groups (RE2 allows `\b*`, ICU does not); in a class, `[`,
///   `&` and a leading `:` or `]` are escaped (ICU set syntax), and a `{` that starts no
///   repetition is a literal.
///
/// Remaining differences: the `U` (ungreedy) flag fails here; `(?i)` folds case with ICU's
/// full Unicode rules; RE2's repetition limit of 1000 and its linear-time guarantee do not
/// apply; error texts for syntax ICU alone rejects say `invalid pattern`.
struct RE2Pattern {
    private let regex: NSRegularExpression

    /// Compiles `pattern`; a pattern RE2 or ICU rejects is a fatal error, as in upstream.
    init(_ pattern: String) throws(RuntimeError) {
        var translator = Translator(pattern)
        var translated = try translator.translate()
        if translated.isEmpty { translated = "(?:)" }  // ICU refuses an empty pattern; RE2 matches everywhere
        do {
            regex = try NSRegularExpression(pattern: translated, options: [.useUnixLineSeparators])
        } catch {
            throw RuntimeError("error parsing regexp: invalid pattern: `\(pattern)`")
        }
    }

    /// Whether some substring of `text` matches (unanchored, as Go's `MatchString`).
    func matches(in text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
    }
}
