/// Go's `strings` algorithms on UTF-8 bytes: offsets and lengths count bytes, and matching
/// is bytewise (Swift's `String` comparisons use canonical equivalence, so `é` written with
/// a combining accent would equal the precomposed one; Go's never do).
extension ByteString {
    /// Go's `strings.Split`: the pieces between every occurrence of `separator`; an empty
    /// separator splits into UTF-8 characters (`""` gives `[]`); an empty text with a
    /// non-empty separator gives `[""]`.
    static func split(_ text: String, separator: String) -> [String] {
        let bytes = Array(text.utf8)
        let sep = Array(separator.utf8)
        if sep.isEmpty {
            let starts = runeStarts(bytes)
            return starts.indices.map { i in
                string(bytes[starts[i]..<(i + 1 < starts.count ? starts[i + 1] : bytes.count)])
            }
        }
        var pieces: [String] = []
        var start = 0
        while let match = index(of: sep, in: bytes, from: start) {
            pieces.append(string(bytes[start..<match]))
            start = match + sep.count
        }
        pieces.append(string(bytes[start...]))
        return pieces
    }

    /// Go's `strings.Count`: non-overlapping occurrences; an empty needle counts the UTF-8
    /// characters plus one.
    static func count(_ needle: String, in text: String) -> Int {
        let bytes = Array(text.utf8)
        let sep = Array(needle.utf8)
        if sep.isEmpty { return runeStarts(bytes).count + 1 }
        var count = 0
        var start = 0
        while let match = index(of: sep, in: bytes, from: start) {
            count += 1
            start = match + sep.count
        }
        return count
    }

    /// Go's `strings.Replace`: the first `limit` non-overlapping occurrences of `old`, left to
    /// right (all when `limit < 0`). An empty `old` matches before every UTF-8 character and
    /// at the end.
    static func replace(_ text: String, _ old: String, with new: String, limit: Int) -> String {
        if old == new || limit == 0 { return text }
        let bytes = Array(text.utf8)
        let oldBytes = Array(old.utf8)
        let matches = count(old, in: text)
        if matches == 0 { return text }
        let replacements = limit < 0 || matches < limit ? matches : limit
        var out: [UInt8] = []
        var start = 0
        for i in 0..<replacements {
            var match = start
            if oldBytes.isEmpty {
                if i > 0 { match += runeWidth(bytes, at: start) }
            } else {
                match = index(of: oldBytes, in: bytes, from: start) ?? bytes.count
            }
            out += bytes[start..<match]
            out += new.utf8
            start = match + oldBytes.count
        }
        out += bytes[start...]
        return string(out)
    }

    /// Go's `strings.Trim`, `TrimLeft` and `TrimRight` with a predicate on characters: drops
    /// leading and/or trailing characters for which `drop` is true.
    static func trim(_ text: String, left: Bool, right: Bool, _ drop: (Unicode.Scalar) -> Bool) -> String {
        var scalars = text.unicodeScalars[...]
        if left { while let first = scalars.first, drop(first) { scalars = scalars.dropFirst() } }
        if right { while let last = scalars.last, drop(last) { scalars = scalars.dropLast() } }
        return String(scalars)
    }

    /// Go's `strings.IndexAny` (or `LastIndexAny` with `last`): the byte offset of the first
    /// (last) character of `text` that occurs in `chars`, or -1.
    static func indexAny(_ text: String, _ chars: String, last: Bool = false) -> Int {
        let set = Set(chars.unicodeScalars)
        var offset = 0
        var found = -1
        for scalar in text.unicodeScalars {
            if set.contains(scalar) {
                found = offset
                if !last { break }
            }
            offset += UTF8.width(scalar)
        }
        return found
    }

    /// Go's `strings.Compare`: -1, 0 or 1, bytewise.
    static func compare(_ a: String, _ b: String) -> Int {
        if a.utf8.elementsEqual(b.utf8) { return 0 }
        return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
    }

    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }

    static func contains(_ text: String, _ needle: String) -> Bool {
        index(of: Array(needle.utf8), in: Array(text.utf8)) != nil
    }
}
