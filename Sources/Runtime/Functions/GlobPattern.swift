/// Go's `path.Match` (and `filepath.Match` on Unix): shell globs over bytes with `*` (any
/// run without `/`), `?` (one character but `/`), `[…]`/`[^…]` classes with ranges, and `\`
/// escapes. A malformed pattern is Go's `ErrBadPattern`, `syntax error in pattern`, even
/// when the name fails to match earlier (the rest of the pattern is still checked).
enum GlobPattern {
    struct BadPattern: Error, Equatable {
        var message: String { "syntax error in pattern" }
    }

    private static let slash = UInt8(ascii: "/")

    static func match(_ patternText: String, _ nameText: String) throws(BadPattern) -> Bool {
        var pattern = Array(patternText.utf8)[...]
        var name = Array(nameText.utf8)[...]
        patterns: while !pattern.isEmpty {
            let (star, chunk, rest) = scanChunk(pattern)
            pattern = rest
            if star && chunk.isEmpty { return !name.contains(slash) }  // a trailing `*`
            // Match the chunk here; the last chunk must consume the whole name.
            let (tail, ok) = try matchChunk(chunk, name)
            if ok && (tail.isEmpty || !pattern.isEmpty) {
                name = tail
                continue
            }
            if star {  // try after skipping 1, 2, … bytes, never a `/`
                var i = name.startIndex
                while i < name.endIndex && name[i] != slash {
                    let (tail, ok) = try matchChunk(chunk, name[(i + 1)...])
                    if ok && !(pattern.isEmpty && !tail.isEmpty) {
                        name = tail
                        continue patterns
                    }
                    i += 1
                }
            }
            // No match: still report a malformed rest of the pattern.
            while !pattern.isEmpty {
                let (_, chunk, rest) = scanChunk(pattern)
                pattern = rest
                _ = try matchChunk(chunk, [][...])
            }
            return false
        }
        return name.isEmpty
    }

    /// Go's `scanChunk`: leading stars, then the text up to the next star outside a class.
    private static func scanChunk(_ pattern: ArraySlice<UInt8>) -> (Bool, ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var p = pattern
        var star = false
        while p.first == UInt8(ascii: "*") { p = p.dropFirst(); star = true }
        var inRange = false
        var i = p.startIndex
        scan: while i < p.endIndex {
            switch p[i] {
            case UInt8(ascii: "\\"): if i + 1 < p.endIndex { i += 1 }
            case UInt8(ascii: "["): inRange = true
            case UInt8(ascii: "]"): inRange = false
            case UInt8(ascii: "*"): if !inRange { break scan }
            default: break
            }
            i += 1
        }
        return (star, p[..<i], p[i...])
    }

    /// Go's `matchChunk`: matches `chunk` (no stars) at the start of `s`; returns the rest
    /// of `s` and whether it matched. After a failure the chunk is still checked for syntax.
    private static func matchChunk(_ chunk: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) throws(BadPattern)
        -> (ArraySlice<UInt8>, Bool) {
        var chunk = chunk
        var s = s
        var failed = false
        while let c = chunk.first {
            if !failed && s.isEmpty { failed = true }
            switch c {
            case UInt8(ascii: "["):
                var r: UInt32 = 0
                if !failed { (r, s) = decodeRune(s) }
                chunk = chunk.dropFirst()
                var negated = false
                if chunk.first == UInt8(ascii: "^") { negated = true; chunk = chunk.dropFirst() }
                var matched = false
                var ranges = 0
                while true {
                    if chunk.first == UInt8(ascii: "]") && ranges > 0 { chunk = chunk.dropFirst(); break }
                    let low: UInt32
                    (low, chunk) = try escapedRune(chunk)
                    var high = low
                    if chunk.first == UInt8(ascii: "-") { (high, chunk) = try escapedRune(chunk.dropFirst()) }
                    if low <= r && r <= high { matched = true }
                    ranges += 1
                }
                if matched == negated { failed = true }
            case UInt8(ascii: "?"):
                if !failed {
                    if s.first == slash { failed = true }
                    s = decodeRune(s).1
                }
                chunk = chunk.dropFirst()
            default:
                if c == UInt8(ascii: "\\") {
                    chunk = chunk.dropFirst()
                    if chunk.isEmpty { throw BadPattern() }
                }
                if !failed {
                    if chunk.first != s.first { failed = true }
                    s = s.dropFirst()
                }
                chunk = chunk.dropFirst()
            }
        }
        return failed ? ([][...], false) : (s, true)
    }

    /// Go's `getEsc`: one possibly escaped character of a class; an empty chunk, a leading
    /// `-` or `]`, or a class that ends right after it is malformed.
    private static func escapedRune(_ chunk: ArraySlice<UInt8>) throws(BadPattern) -> (UInt32, ArraySlice<UInt8>) {
        var chunk = chunk
        guard let first = chunk.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "]") else { throw BadPattern() }
        if first == UInt8(ascii: "\\") {
            chunk = chunk.dropFirst()
            if chunk.isEmpty { throw BadPattern() }
        }
        let (rune, rest) = decodeRune(chunk)
        if rest.isEmpty { throw BadPattern() }
        return (rune, rest)
    }

    /// The code point at the start of `s` and the rest (Go's `utf8.DecodeRune`; 0 when empty).
    private static func decodeRune(_ s: ArraySlice<UInt8>) -> (UInt32, ArraySlice<UInt8>) {
        guard !s.isEmpty else { return (0, s) }
        let (rune, width) = UTF8Decoding.decode(s, at: s.startIndex)
        return (UInt32(rune), s.dropFirst(width))
    }
}
