/// Go's `os.Expand`: `$name` and `${name}` replaced by a mapping, as `os.ExpandEnv` does.
enum ShellExpansion {
    /// Replaces `$var` (letters, digits, `_`), `${var}`, and the one-character special names
    /// `$*`, `$#`, `$$`, `$@`, `$!`, `$?`, `$-`, `$0`…`$9` (also braced). A `$` followed by
    /// nothing usable stays; bad syntax (`${}`, an unclosed `${`) is dropped, as in Go.
    static func expand(_ text: String, _ mapping: (String) -> String) -> String {
        let s = Array(text.utf8)
        var out: [UInt8] = []
        var copied = 0  // bytes before this index are already in `out`
        var j = 0
        while j < s.count {
            if s[j] == UInt8(ascii: "$") && j + 1 < s.count {
                out += s[copied..<j]
                let (name, width) = shellName(s[(j + 1)...])
                if name.isEmpty && width > 0 {
                    // Invalid syntax: the characters are eaten.
                } else if name.isEmpty {
                    out.append(s[j])  // `$` not followed by a name stays
                } else {
                    out += mapping(name).utf8
                }
                j += width
                copied = j + 1
            }
            j += 1
        }
        if copied == 0 { return text }
        out += s[min(copied, s.count)...]
        return ByteString.string(out)
    }

    /// Go's `getShellName`: the name after a `$` and how many bytes it used.
    private static func shellName(_ s: ArraySlice<UInt8>) -> (String, Int) {
        let start = s.startIndex
        if s[start] == UInt8(ascii: "{") {
            if s.count > 2 && isSpecial(s[start + 1]) && s[start + 2] == UInt8(ascii: "}") {
                return (ByteString.string(s[(start + 1)...(start + 1)]), 3)
            }
            for i in 1..<s.count where s[start + i] == UInt8(ascii: "}") {
                if i == 1 { return ("", 2) }  // `${}`
                return (ByteString.string(s[(start + 1)..<(start + i)]), i + 1)
            }
            return ("", 1)  // `${` without `}`
        }
        if isSpecial(s[start]) { return (ByteString.string(s[start...start]), 1) }
        let name = s.prefix { byte in
            byte == UInt8(ascii: "_") || byte < 0x80 && (Character(Unicode.Scalar(byte)).isLetter || Character(Unicode.Scalar(byte)).isNumber)
        }
        return (ByteString.string(name), name.count)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        "*#$@!?-0123456789".utf8.contains(byte)
    }
}
