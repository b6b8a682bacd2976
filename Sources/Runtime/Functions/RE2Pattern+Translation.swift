import VM

/// Rewrites an RE2 pattern into ICU syntax with the same meaning (see `RE2Pattern`).
extension RE2Pattern {
    struct Translator {
        private let p: [Unicode.Scalar]
        private var i = 0
        private var out = ""
        /// The `m` flag in the current group and in each enclosing one.
        private var multiline = false
        private var scopes: [Bool] = []
        /// Whether something precedes that a quantifier may repeat.
        private var canRepeat = false
        /// The last item was a quantifier (and whether it already has its lazy `?`).
        private var afterQuantifier: (lazy: Bool, start: Int)?

        init(_ pattern: String) { p = Array(pattern.unicodeScalars) }

        static let word = "0-9A-Za-z_"

        mutating func translate() throws(RuntimeError) -> String {
            while i < p.count {
                let c = p[i]
                if c == "*" || c == "+" || c == "?" {
                    try quantifier(length: 1)
                    continue
                }
                if c == "{", let close = repetitionEnd(from: i) {
                    try quantifier(length: close - i + 1)
                    continue
                }
                afterQuantifier = nil
                switch c {
                case "\\": try escape()
                case "[": try characterClass()
                case "(": try group()
                case ")":
                    multiline = scopes.popLast() ?? multiline
                    out += ")"
                    i += 1
                    canRepeat = true
                case "|":
                    out += "|"
                    i += 1
                    canRepeat = false
                // Assertions are wrapped so that RE2's `^*` or `$+` stay valid for ICU.
                case "^": emit("(?:^)", length: 1)
                case "$": emit(multiline ? "(?:$)" : "(?:\\z)", length: 1)  // RE2's `$` is the very end without `m`
                case "{", "}": emit("\\" + String(c), length: 1)  // a brace that starts no repetition is a literal
                default: emit(String(c), length: 1)
                }
            }
            return out
        }

        private mutating func emit(_ text: String, length: Int) {
            out += text
            i += length
            canRepeat = true
        }

        /// `*`, `+`, `?` or `{n,m}` (length characters at `i`). A second quantifier is RE2's
        /// error, except one `?` making the first lazy.
        private mutating func quantifier(length: Int) throws(RuntimeError) {
            let text = String(String.UnicodeScalarView(p[i..<i + length]))
            if let previous = afterQuantifier {
                guard text == "?", !previous.lazy else {
                    throw failure("invalid nested repetition operator", from: previous.start, to: i + length)
                }
                afterQuantifier = (true, previous.start)
            } else {
                guard canRepeat else { throw failure("missing argument to repetition operator", from: i, to: i + length) }
                afterQuantifier = (false, i)
            }
            out += text
            i += length
        }

        private mutating func escape() throws(RuntimeError) {
            guard i + 1 < p.count else { throw failure("trailing backslash at end of expression", from: i, to: i) }
            let e = p[i + 1]
            switch e {
            case "Q":  // literal text up to `\E` or the end
                i += 2
                while i < p.count && !(p[i] == "\\" && i + 1 < p.count && p[i + 1] == "E") {
                    out += RE2Pattern.literal(p[i])
                    i += 1
                }
                if i < p.count { i += 2 }
                canRepeat = true
            case "E", "Z", "8", "9": throw failure("invalid escape sequence", from: i, to: i + 2)
            case "C": emit("[\\x{0}-\\x{10FFFF}]", length: 2)  // any byte in RE2; any character here
            case "A": emit("(?:\\A)", length: 2)
            case "z": emit("(?:\\z)", length: 2)
            // RE2's word boundaries and classes are ASCII; ICU's are Unicode.
            case "b": emit("(?:(?<=[\(Self.word)])(?![\(Self.word)])|(?<![\(Self.word)])(?=[\(Self.word)]))", length: 2)
            case "B": emit("(?:(?<=[\(Self.word)])(?=[\(Self.word)])|(?<![\(Self.word)])(?![\(Self.word)]))", length: 2)
            case "d", "D", "s", "S", "w", "W":
                emit("[" + (e.properties.isUppercase ? "^" : "") + RE2Pattern.perlClass(e) + "]", length: 2)
            default:
                let (text, length) = try escapeInClassOrNot()
                emit(text, length: length)
            }
        }

        /// Escapes with the same meaning inside and outside classes: octal, `\p`, and the rest.
        private func escapeInClassOrNot() throws(RuntimeError) -> (String, Int) {
            let e = p[i + 1]
            if let octal = RE2Pattern.octalDigit(e) {
                let nextIsOctal = i + 2 < p.count && RE2Pattern.octalDigit(p[i + 2]) != nil
                if e != "0" && !nextIsOctal { throw failure("invalid escape sequence", from: i, to: i + 2) }  // a backreference
                var value = octal
                var j = i + 2
                while j < i + 4, j < p.count, let digit = RE2Pattern.octalDigit(p[j]) { value = value * 8 + digit; j += 1 }
                return ("\\x{" + String(value, radix: 16) + "}", j - i)
            }
            if e == "p" || e == "P" {  // `\pL`, `\p{Greek}`, `\p{^Greek}`
                guard i + 2 < p.count else { throw failure("invalid character class range", from: i, to: i + 2) }
                var negated = e == "P"
                if p[i + 2] != "{" { return ("\\\(negated ? "P" : "p"){\(p[i + 2])}", 3) }
                guard let close = p[(i + 2)...].firstIndex(of: "}") else {
                    throw failure("invalid character class range", from: i, to: p.count)
                }
                var name = String(String.UnicodeScalarView(p[(i + 3)..<close]))
                if name.hasPrefix("^") { negated.toggle(); name.removeFirst() }
                return ("\\\(negated ? "P" : "p"){\(name)}", close - i + 1)
            }
            // RE2 takes escaped ASCII punctuation literally and knows only these letters.
            guard e.isASCII, !e.properties.isAlphabetic && !("0"..."9").contains(e) || "afnrtvx".unicodeScalars.contains(e) else {
                throw failure("invalid escape sequence", from: i, to: i + 2)
            }
            return ("\\" + String(e), 2)
        }

        /// A bracket class; `[:alpha:]` names inside are RE2's ASCII classes.
        private mutating func characterClass() throws(RuntimeError) {
            out += "["
            i += 1
            if i < p.count && p[i] == "^" { out += "^"; i += 1 }
            var first = true
            while i < p.count && (p[i] != "]" || first) {
                let c = p[i]
                if c == "[" && i + 1 < p.count && p[i + 1] == ":", let close = find(":]", from: i + 2) {
                    var name = String(String.UnicodeScalarView(p[(i + 2)..<close]))
                    let negated = name.hasPrefix("^")
                    if negated { name.removeFirst() }
                    guard let set = RE2Pattern.posixClasses[name] else {
                        throw failure("invalid character class range", from: i, to: close + 2)
                    }
                    out += negated ? "[^\(set)]" : set
                    i = close + 2
                } else if c == "\\" && i + 1 < p.count && "dDsSwW".unicodeScalars.contains(p[i + 1]) {
                    let e = p[i + 1]
                    let set = RE2Pattern.perlClass(e)
                    out += e.properties.isUppercase ? "[^\(set)]" : set
                    i += 2
                } else if c == "\\" {
                    guard i + 1 < p.count else { throw failure("trailing backslash at end of expression", from: i, to: i) }
                    let (text, length) = try escapeInClassOrNot()
                    out += text
                    i += length
                } else {
                    // ICU reads `[` as a nested set, `&&` as intersection and a leading `:` as a
                    // POSIX name; RE2 reads them (and a leading `]`) as literals.
                    out += "[&:]".unicodeScalars.contains(c) || (c == "]" && first) ? "\\" + String(c) : String(c)
                    i += 1
                }
                first = false
            }
            guard i < p.count else { throw failure("missing closing ]", from: 0, to: p.count) }
            out += "]"
            i += 1
            canRepeat = true
        }

        /// `(`, `(?:`, `(?P<name>`, `(?<name>` or a flag group `(?i)`, `(?s-m:`.
        private mutating func group() throws(RuntimeError) {
            guard i + 1 < p.count, p[i + 1] == "?" else {
                scopes.append(multiline)
                out += "("
                i += 1
                canRepeat = false
                return
            }
            var j = i + 2
            if j < p.count, p[j] == "P" || p[j] == "<", !(p[j] == "<" && j + 1 < p.count && "=!".unicodeScalars.contains(p[j + 1])) {
                if p[j] == "P" { j += 1 }
                guard j < p.count, p[j] == "<", let close = p[j...].firstIndex(of: ">") else {
                    throw failure("invalid named capture", from: i, to: p.count)
                }
                scopes.append(multiline)
                out += "(?<" + String(String.UnicodeScalarView(p[(j + 1)..<close])) + ">"
                i = close + 1
                canRepeat = false
                return
            }
            var flags = ""
            var setsMultiline = multiline
            var negative = false
            var sawFlag = false
            while j < p.count, "imsU-".unicodeScalars.contains(p[j]) {
                let f = p[j]
                if f == "-" {
                    if negative { break }
                    negative = true
                    sawFlag = false
                } else {
                    if f == "U" { throw failure("the U (ungreedy) flag is not supported here", from: i, to: j + 1) }
                    if f == "m" { setsMultiline = !negative }
                    sawFlag = true
                }
                flags.unicodeScalars.append(f)
                j += 1
            }
            guard j < p.count, p[j] == ")" || p[j] == ":", !(negative && !sawFlag) else {
                throw failure("invalid or unsupported Perl syntax", from: i, to: min(j + 1, p.count))
            }
            if p[j] == ":" {
                scopes.append(multiline)
                out += "(?\(flags):"
                canRepeat = false
            } else if !flags.isEmpty {
                out += "(?\(flags))"
            }
            multiline = setsMultiline
            i = j + 1
        }

        /// The index of the `}` closing a repetition `{n}`, `{n,}` or `{n,m}` at `start`.
        private func repetitionEnd(from start: Int) -> Int? {
            var j = start + 1
            let digitsStart = j
            while j < p.count, ("0"..."9").contains(p[j]) { j += 1 }
            guard j > digitsStart, j < p.count else { return nil }
            if p[j] == "," {
                j += 1
                while j < p.count, ("0"..."9").contains(p[j]) { j += 1 }
            }
            return j < p.count && p[j] == "}" ? j : nil
        }

        private func find(_ needle: String, from start: Int) -> Int? {
            let n = Array(needle.unicodeScalars)
            guard start + n.count <= p.count else { return nil }
            return (start...(p.count - n.count)).first { p[$0..<$0 + n.count].elementsEqual(n) }
        }

        /// RE2's error text: `error parsing regexp: <code>: `<culprit>``.
        private func failure(_ code: String, from start: Int, to end: Int) -> RuntimeError {
            let culprit = String(String.UnicodeScalarView(p[min(start, p.count)..<min(max(start, end), p.count)]))
            return RuntimeError("error parsing regexp: \(code): `\(culprit)`")
        }
    }

    /// RE2's ASCII Perl classes, as ICU set contents.
    static func perlClass(_ letter: Unicode.Scalar) -> String {
        switch letter {
        case "d", "D": "0-9"
        case "s", "S": "\\t\\n\\f\\r\\x{20}"
        default: Translator.word
        }
    }

    /// RE2's POSIX classes (ASCII only), as ICU set contents.
    static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7F}", "blank": "\\t\\x{20}",
        "cntrl": "\\x{0}-\\x{1F}\\x{7F}", "digit": "0-9", "graph": "\\x{21}-\\x{7E}", "lower": "a-z",
        "print": "\\x{20}-\\x{7E}", "punct": "\\x{21}-\\x{2F}\\x{3A}-\\x{40}\\x{5B}-\\x{60}\\x{7B}-\\x{7E}",
        "space": "\\t\\n\\x{0B}\\f\\r\\x{20}", "upper": "A-Z", "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
    ]

    /// A character matched literally: ASCII punctuation escaped, letters, digits and
    /// non-ASCII kept (escaping a letter would change its meaning).
    static func literal(_ c: Unicode.Scalar) -> String {
        guard c.isASCII, !c.properties.isAlphabetic, !("0"..."9").contains(c) else { return String(c) }
        return c.value < 0x20 || c.value == 0x7F || c == " " ? "\\x{\(String(c.value, radix: 16))}" : "\\" + String(c)
    }

    static func octalDigit(_ c: Unicode.Scalar) -> Int? {
        ("0"..."7").contains(c) ? Int(c.value) - 0x30 : nil
    }
}
