import VM

/// Typed access to the arguments of a builtin call.
///
/// The VM checks every call against the builtin's signature before it runs, so a wrong kind
/// or a missing argument here is a bug in the VM or the registry. It becomes a fatal error
/// naming the argument instead of a crash.
extension Array where Element == Value {
    func str(_ index: Int) throws(RuntimeError) -> String {
        guard index < count, case .str(let value) = self[index] else { throw badArgument(index, "str") }
        return value
    }

    /// The UTF-8 bytes of a `str` argument: mcl strings are Go byte strings, and every length
    /// and index counts bytes.
    func bytes(_ index: Int) throws(RuntimeError) -> [UInt8] {
        [UInt8](try str(index).utf8)
    }

    func int(_ index: Int) throws(RuntimeError) -> Int64 {
        guard index < count, case .int(let value) = self[index] else { throw badArgument(index, "int") }
        return value
    }

    func float(_ index: Int) throws(RuntimeError) -> Double {
        guard index < count, case .float(let value) = self[index] else { throw badArgument(index, "float") }
        return value
    }

    func bool(_ index: Int) throws(RuntimeError) -> Bool {
        guard index < count, case .bool(let value) = self[index] else { throw badArgument(index, "bool") }
        return value
    }

    func list(_ index: Int) throws(RuntimeError) -> [Value] {
        guard index < count, case .list(let value) = self[index] else { throw badArgument(index, "list") }
        return value
    }

    func map(_ index: Int) throws(RuntimeError) -> Value.MapValue {
        guard index < count, case .map(let value) = self[index] else { throw badArgument(index, "map") }
        return value
    }

    /// A `[]str` argument.
    func strings(_ index: Int) throws(RuntimeError) -> [String] {
        var result: [String] = []
        for element in try list(index) {
            guard case .str(let value) = element else { throw badArgument(index, "[]str") }
            result.append(value)
        }
        return result
    }

    private func badArgument(_ index: Int, _ kind: String) -> RuntimeError {
        let found = index < count ? self[index].kindName : "missing"
        return RuntimeError("builtin argument \(index) is \(found), want \(kind)")
    }
}

/// Byte-string helpers shared by the text builtins.
enum ByteString {
    /// A `str` value from bytes. A Swift `String`, and so `Value.str`, holds only valid
    /// UTF-8: a byte sequence that is not (a substring cut inside a character, a `\xff`
    /// escape) has each bad sequence replaced by U+FFFD, where Go would keep the raw bytes.
    static func value<C: Collection>(_ bytes: C) -> Value where C.Element == UInt8 {
        .str(string(bytes))
    }

    /// The string of `bytes`, invalid UTF-8 replaced by U+FFFD (see `value(_:)`).
    static func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The first byte offset at or after `start` where `needle` occurs in `haystack`, or nil.
    /// An empty needle matches at `start`. O(n·m), fine for the short strings of configs.
    static func index(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        if needle.isEmpty { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count else { return nil }
        var position = start
        while position + needle.count <= haystack.count {
            if haystack[position] == needle[0], haystack[position..<position + needle.count].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    /// The last byte offset where `needle` occurs in `haystack`, or nil; an empty needle
    /// matches at the end, as Go's `strings.LastIndex`.
    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        if needle.isEmpty { return haystack.count }
        guard haystack.count >= needle.count else { return nil }
        var position = haystack.count - needle.count
        while position >= 0 {
            if haystack[position..<position + needle.count].elementsEqual(needle) { return position }
            position -= 1
        }
        return nil
    }

    /// The value of an ASCII hex digit (`0-9`, `a-f`, `A-F`), or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Byte offsets of the start of each UTF-8 character of `bytes` (Go's rune boundaries;
    /// a byte that starts no valid sequence is a character of its own).
    static func runeStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        var index = 0
        while index < bytes.count {
            starts.append(index)
            index += runeWidth(bytes, at: index)
        }
        return starts
    }

    /// The byte width of the UTF-8 sequence starting at `index`: 1 for ASCII and for a byte
    /// that starts no valid sequence, as Go's `utf8.DecodeRune` returns for `RuneError`.
    static func runeWidth(_ bytes: [UInt8], at index: Int) -> Int {
        UTF8Decoding.decode(bytes, at: index).width
    }
}
