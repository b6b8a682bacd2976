/// Go's `path` package, which `path/filepath` equals on Unix: lexical operations on
/// slash-separated paths, bytewise. Matching is in `GlobPattern`.
enum SlashPath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// Go's `Clean`: one slash between elements, no `.` elements, `..` resolved against the
    /// element before it (kept at the start of a relative path, dropped after the root), no
    /// trailing slash except for `/`; `""` gives `.`.
    static func clean(_ path: String) -> String {
        let p = Array(path.utf8)
        if p.isEmpty { return "." }
        let rooted = p[0] == slash
        var out: [UInt8] = rooted ? [slash] : []
        var r = rooted ? 1 : 0
        var dotdot = rooted ? 1 : 0  // where `..` may no longer back up
        while r < p.count {
            if p[r] == slash {
                r += 1
            } else if p[r] == dot && (r + 1 == p.count || p[r + 1] == slash) {
                r += 1
            } else if p[r] == dot && r + 1 < p.count && p[r + 1] == dot && (r + 2 == p.count || p[r + 2] == slash) {
                r += 2
                if out.count > dotdot {  // back up to the slash before the last element
                    var w = out.count - 1
                    while w > dotdot && out[w] != slash { w -= 1 }
                    out.removeSubrange(w...)
                } else if !rooted {
                    if !out.isEmpty { out.append(slash) }
                    out += [dot, dot]
                    dotdot = out.count
                }
            } else {
                if rooted && out.count != 1 || !rooted && !out.isEmpty { out.append(slash) }
                while r < p.count && p[r] != slash { out.append(p[r]); r += 1 }
            }
        }
        return out.isEmpty ? "." : ByteString.string(out)
    }

    /// Go's `Base`: the last element, trailing slashes removed; `""` gives `.`, all slashes `/`.
    static func base(_ path: String) -> String {
        if path.isEmpty { return "." }
        var p = Array(path.utf8)[...]
        while p.last == slash { p = p.dropLast() }
        if let last = p.lastIndex(of: slash) { p = p[(last + 1)...] }
        return p.isEmpty ? "/" : ByteString.string(p)
    }

    /// Go's `Dir`: everything but the last element, cleaned.
    static func dir(_ path: String) -> String {
        let p = Array(path.utf8)
        let cut = (p.lastIndex(of: slash) ?? -1) + 1
        return clean(ByteString.string(p[..<cut]))
    }

    /// Go's `Ext`: the suffix from the last `.` of the last element, or `""`.
    static func ext(_ path: String) -> String {
        let p = Array(path.utf8)
        var i = p.count - 1
        while i >= 0 && p[i] != slash {
            if p[i] == dot { return ByteString.string(p[i...]) }
            i -= 1
        }
        return ""
    }

    /// Go's `Join`: the non-empty elements joined by slashes and cleaned; `""` when all are empty.
    static func join(_ elements: [String]) -> String {
        guard let first = elements.firstIndex(where: { !$0.isEmpty }) else { return "" }
        return clean(elements[first...].joined(separator: "/"))
    }

    static func isAbs(_ path: String) -> Bool { path.utf8.first == slash }

    /// Go's `filepath.IsLocal` on Unix: relative, non-empty, and not escaping upwards
    /// (`..`, `../x`, `a/../..`).
    static func isLocal(_ path: String) -> Bool {
        if isAbs(path) || path.isEmpty { return false }
        var p = path
        if path.split(separator: "/", omittingEmptySubsequences: false).contains(where: { $0 == "." || $0 == ".." }) {
            p = clean(path)
        }
        return p != ".." && !p.hasPrefix("../")
    }

    /// Go's `filepath.Localize` on Unix: `path` itself when it is a valid `io/fs` path
    /// (unrooted, no empty, `.` or `..` elements except the whole path `.`) without NUL.
    static func localize(_ path: String) -> String? {
        let valid = path == "." || path.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
        return valid && !path.utf8.contains(0) ? path : nil
    }

    /// Go's `filepath.Rel`: a relative path that joined to `base` gives `target`, both
    /// cleaned first; nil (Go's `Rel: can't make <target> relative to <base>`) when one is
    /// absolute and the other not, or `base` needs a `..` that cannot be undone.
    static func rel(base basePath: String, target targetPath: String) -> String? {
        var base = clean(basePath)
        let target = clean(targetPath)
        if target == base { return "." }
        if base == "." { base = "" }
        let b = Array(base.utf8)
        let t = Array(target.utf8)
        if (b.first == slash) != (t.first == slash) { return nil }
        var (b0, bi, t0, ti) = (0, 0, 0, 0)
        while true {  // position b[b0..<bi] and t[t0..<ti] at the first differing elements
            while bi < b.count && b[bi] != slash { bi += 1 }
            while ti < t.count && t[ti] != slash { ti += 1 }
            if !b[b0..<bi].elementsEqual(t[t0..<ti]) { break }
            if bi < b.count { bi += 1 }
            if ti < t.count { ti += 1 }
            b0 = bi
            t0 = ti
            if b0 >= b.count && t0 >= t.count { break }
        }
        if b[b0..<bi].elementsEqual([dot, dot]) { return nil }
        if b0 != b.count {
            let ups = b[b0...].filter { $0 == slash }.count + 1
            var parts = Array(repeating: "..", count: ups)
            if t0 != t.count { parts.append(ByteString.string(t[t0...])) }
            return parts.joined(separator: "/")
        }
        return ByteString.string(t[t0...])
    }
}
