import VM

/// The top-level functions, always in scope: `len`, `contains`, `concat`, `list_lookup`,
/// `map_lookup`, `panic`, `panic_debug`, `random1` (functions.md §4).
///
/// Not here: `history` (stateful: the VM keeps the time-stamped samples) and `_collect`
/// (a World stream).
extension Builtins {
    static let core: [String: BuiltinFunction] = [
        "len": { args throws(RuntimeError) in
            switch args.first {
            case .str(let s): return .int(Int64(s.utf8.count))  // bytes, as Go's len
            case .list(let elements): return .int(Int64(elements.count))
            case .map(let map): return .int(Int64(map.count))
            default: throw RuntimeError("len needs a str, a list or a map")
            }
        },
        "contains": { args throws(RuntimeError) in
            let needle = args[0]
            return .bool(try args.list(1).contains(needle))
        },
        "concat": { args throws(RuntimeError) in .str(try args.str(0) + args.str(1)) },
        "list_lookup": { args throws(RuntimeError) in try listLookup(args) },
        "map_lookup": { args throws(RuntimeError) in try mapLookup(args) },
        "panic": { args throws(RuntimeError) in
            switch args.first {
            case .bool(true): throw RuntimeError("bool panic occurred")
            case .bool(false): return .bool(false)
            case .str(let message) where message.isEmpty: return .bool(false)
            case .str(let message): throw RuntimeError("str panic occurred: \(message)")
            default: throw RuntimeError("panic needs a bool or a str")
            }
        },
        "panic_debug": { args throws(RuntimeError) in
            guard try args.bool(0) else { return .bool(false) }
            throw RuntimeError("bool panic occurred: \(try args.str(1))")
        },
    ]

    /// `list_lookup` and `list.lookup`: the element at a 0-based index. A negative or
    /// too-large index is catchable, with upstream's messages (checked by the corpus).
    static func listLookup(_ args: [Value]) throws(RuntimeError) -> Value {
        let list = try args.list(0)
        let index = try args.int(1)
        guard index >= 0 else { throw RuntimeError.catchable("list index negative, got: \(index)") }
        guard index < list.count else {
            throw RuntimeError.catchable(
                "list index not present, got: \(index), len is: \(list.count), in: \(Value.list(list))")
        }
        return list[Int(index)]
    }

    /// `map_lookup` and `map.lookup`: the value for a key; absent is catchable
    /// (`map key not present, want: 13 in {42: "hello1"}`).
    static func mapLookup(_ args: [Value]) throws(RuntimeError) -> Value {
        let map = try args.map(0)
        let key = args[1]
        guard let value = map[key] else {
            throw RuntimeError.catchable("map key not present, want: \(key) in \(Value.map(map))")
        }
        return value
    }

    /// `random1`: `count` letters from `[a-zA-Z]`, drawn from the system's cryptographic
    /// generator (getrandom on Linux).
    ///
    /// Upstream keeps the string while the length is unchanged: that is per call site, and
    /// a plain function cannot hold it. Since `random1` is a `host` builtin, the VM calls it
    /// again only when its argument changes, which gives the same behaviour.
    static func randomLetters(count: Int64) throws(RuntimeError) -> String {
        guard (0...65535).contains(count) else {
            throw RuntimeError("random1 length must be between 0 and 65535, got: \(count)")
        }
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        var result = String.UnicodeScalarView()
        for _ in 0..<count {
            result.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
        }
        return String(result)
    }
}
