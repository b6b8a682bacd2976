import VM

/// The strings module and `regexp.match`. Strings are Go byte strings: lengths and offsets
/// count UTF-8 bytes and matching is bytewise (see `ByteString`).
extension Builtins {
    static let strings: [String: BuiltinFunction] = [
        "strings.contains": { args throws(RuntimeError) in .bool(ByteString.contains(try args.str(0), try args.str(1))) },
        "strings.has_prefix": { args throws(RuntimeError) in .bool(ByteString.hasPrefix(try args.str(0), try args.str(1))) },
        "strings.has_suffix": { args throws(RuntimeError) in .bool(ByteString.hasSuffix(try args.str(0), try args.str(1))) },
        "strings.split": { args throws(RuntimeError) in
            .list(ByteString.split(try args.str(0), separator: try args.str(1)).map(Value.str))
        },
        "strings.join_nonempty": { args throws(RuntimeError) in
            .str(try args.strings(0).filter { !$0.isEmpty }.joined(separator: try args.str(1)))
        },
        "strings.replace_all": { args throws(RuntimeError) in
            .str(ByteString.replace(try args.str(0), try args.str(1), with: try args.str(2), limit: -1))
        },
        "strings.substr": { args throws(RuntimeError) in
            let bytes = try args.bytes(0)
            let (low, high) = (try args.int(1), try args.int(2))
            guard 0 <= low, low <= high, high <= bytes.count else { throw RuntimeError.catchable("low/high out of range") }
            return ByteString.value(bytes[Int(low)..<Int(high)])
        },
        "strings.left_pad": { args throws(RuntimeError) in
            .str(try pad(try args.str(0), with: try args.str(1), to: try args.int(2), left: true))
        },
        "strings.right_pad": { args throws(RuntimeError) in
            .str(try pad(try args.str(0), with: try args.str(1), to: try args.int(2), left: false))
        },
        "strings.to_lower": { args throws(RuntimeError) in .str(TextCase.map(try args.str(0), TextCase.lower)) },
        "strings.to_upper": { args throws(RuntimeError) in .str(TextCase.map(try args.str(0), TextCase.upper)) },
        "strings.trim_space": { args throws(RuntimeError) in
            .str(ByteString.trim(try args.str(0), left: true, right: true, TextCase.isSpace))
        },
        "regexp.match": { args throws(RuntimeError) in
            .bool(try RE2Pattern(try args.str(0)).matches(in: try args.str(1)))
        },
    ]

    /// `strings.left_pad` / `right_pad`: whole copies of `pad` added while the byte length is
    /// below `length`, so the result may overshoot (`left_pad("abc", "xy", 6)` = `"xyxyabc"`).
    /// Upstream loops forever on an empty pad that has something to add; this is a fatal
    /// error instead.
    static func pad(_ text: String, with pad: String, to length: Int64, left: Bool) throws(RuntimeError) -> String {
        let have = text.utf8.count
        guard have < length else { return text }
        guard !pad.isEmpty else {
            throw RuntimeError("cannot pad with an empty string to length \(length) (have \(have))")
        }
        let copies = (Int(length) - have - 1) / pad.utf8.count + 1  // rounded up, without overflow
        let padding = String(repeating: pad, count: copies)
        return left ? padding + text : text + padding
    }
}
