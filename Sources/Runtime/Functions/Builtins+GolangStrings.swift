import VM

/// `golang/strings`: Go's `strings` functions one to one (functions.md, golang/*), on byte
/// strings: offsets count bytes and matching is bytewise.
extension Builtins {
    static let golangStrings: [String: BuiltinFunction] = [
        "golang/strings.clone": { args throws(RuntimeError) in .str(try args.str(0)) },
        "golang/strings.compare": { args throws(RuntimeError) in .int(Int64(ByteString.compare(try args.str(0), try args.str(1)))) },
        "golang/strings.contains": { args throws(RuntimeError) in .bool(ByteString.contains(try args.str(0), try args.str(1))) },
        "golang/strings.contains_any": { args throws(RuntimeError) in
            .bool(ByteString.indexAny(try args.str(0), try args.str(1)) >= 0)
        },
        "golang/strings.count": { args throws(RuntimeError) in .int(Int64(ByteString.count(try args.str(1), in: try args.str(0)))) },
        "golang/strings.equal_fold": { args throws(RuntimeError) in .bool(TextCase.equalFold(try args.str(0), try args.str(1))) },
        "golang/strings.has_prefix": { args throws(RuntimeError) in .bool(ByteString.hasPrefix(try args.str(0), try args.str(1))) },
        "golang/strings.has_suffix": { args throws(RuntimeError) in .bool(ByteString.hasSuffix(try args.str(0), try args.str(1))) },
        "golang/strings.index": { args throws(RuntimeError) in
            .int(Int64(ByteString.index(of: try args.bytes(1), in: try args.bytes(0)) ?? -1))
        },
        "golang/strings.index_any": { args throws(RuntimeError) in .int(Int64(ByteString.indexAny(try args.str(0), try args.str(1)))) },
        "golang/strings.join": { args throws(RuntimeError) in .str(try args.strings(0).joined(separator: try args.str(1))) },
        "golang/strings.last_index": { args throws(RuntimeError) in
            .int(Int64(ByteString.lastIndex(of: try args.bytes(1), in: try args.bytes(0)) ?? -1))
        },
        "golang/strings.last_index_any": { args throws(RuntimeError) in
            .int(Int64(ByteString.indexAny(try args.str(0), try args.str(1), last: true)))
        },
        "golang/strings.repeat": { args throws(RuntimeError) in
            let (text, count) = (try args.str(0), try args.int(1))
            // Go panics on these; a panic is a fatal error here.
            guard count >= 0 else { throw RuntimeError("strings: negative Repeat count") }
            guard count == 0 || text.utf8.count.multipliedReportingOverflow(by: Int(count)).overflow == false else {
                throw RuntimeError("strings: Repeat count causes overflow")
            }
            return .str(String(repeating: text, count: Int(count)))
        },
        "golang/strings.replace": { args throws(RuntimeError) in
            .str(ByteString.replace(try args.str(0), try args.str(1), with: try args.str(2), limit: Int(try args.int(3))))
        },
        "golang/strings.replace_all": { args throws(RuntimeError) in
            .str(ByteString.replace(try args.str(0), try args.str(1), with: try args.str(2), limit: -1))
        },
        "golang/strings.title": { args throws(RuntimeError) in .str(TextCase.titleWords(try args.str(0))) },
        "golang/strings.to_lower": { args throws(RuntimeError) in .str(TextCase.map(try args.str(0), TextCase.lower)) },
        "golang/strings.to_title": { args throws(RuntimeError) in .str(TextCase.map(try args.str(0), TextCase.title)) },
        "golang/strings.to_upper": { args throws(RuntimeError) in .str(TextCase.map(try args.str(0), TextCase.upper)) },
        // A Swift string is always valid UTF-8 (bad bytes became U+FFFD when it was made), so
        // there is never a run of invalid bytes left to replace.
        "golang/strings.to_valid_utf_8": { args throws(RuntimeError) in .str(try args.str(0)) },
        "golang/strings.trim": { args throws(RuntimeError) in try trimCutset(args, left: true, right: true) },
        "golang/strings.trim_left": { args throws(RuntimeError) in try trimCutset(args, left: true, right: false) },
        "golang/strings.trim_right": { args throws(RuntimeError) in try trimCutset(args, left: false, right: true) },
        "golang/strings.trim_prefix": { args throws(RuntimeError) in
            let (text, prefix) = (try args.bytes(0), try args.bytes(1))
            return ByteString.value(text.starts(with: prefix) ? text.dropFirst(prefix.count) : text[...])
        },
        "golang/strings.trim_suffix": { args throws(RuntimeError) in
            let (text, suffix) = (try args.bytes(0), try args.bytes(1))
            let matches = text.count >= suffix.count && text.suffix(suffix.count).elementsEqual(suffix)
            return ByteString.value(matches ? text.dropLast(suffix.count) : text[...])
        },
        "golang/strings.trim_space": { args throws(RuntimeError) in
            .str(ByteString.trim(try args.str(0), left: true, right: true, TextCase.isSpace))
        },
    ]

    /// Go's `Trim`, `TrimLeft`, `TrimRight`: drops leading/trailing characters found in
    /// the cutset (a set of characters, not a prefix or suffix).
    private static func trimCutset(_ args: [Value], left: Bool, right: Bool) throws(RuntimeError) -> Value {
        let cutset = Set(try args.str(1).unicodeScalars)
        return .str(ByteString.trim(try args.str(0), left: left, right: right) { cutset.contains($0) })
    }
}
