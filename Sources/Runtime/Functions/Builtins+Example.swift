import VM

/// The demo modules example and example/nested, and the test module's functions that are
/// not streams (used by the conformance corpus).
///
/// Not here: `example.flipflop`, `example.vumeter`, `test.fastcount`, `test.forloop`,
/// `test.forkvloop` (streams), and `test.slow_string`, which the Runtime's streams provide
/// so that its five-second delay does not block the VM.
extension Builtins {
    static let example: [String: BuiltinFunction] = [
        "example.answer": { _ throws(RuntimeError) in .int(42) },
        "example.nativeanswer": { _ throws(RuntimeError) in .int(42) },
        "example.errorbool": { args throws(RuntimeError) in
            guard try !args.bool(0) else { throw RuntimeError("we errored on request") }
            return .str("set input to true to generate an error")
        },
        "example.int2str": { args throws(RuntimeError) in .str(String(try args.int(0))) },
        "example.plus": { args throws(RuntimeError) in .str(try args.str(0) + args.str(1)) },
        // Base 10, and 0 for anything that does not parse: this demo never errors.
        "example.str2int": { args throws(RuntimeError) in
            let text = try args.str(0)
            return .int((try? Strconv.parseInt(text, base: 10, bitSize: 64)) ?? 0)
        },
        "example/nested.hello": { _ throws(RuntimeError) in .str("Hello!") },
    ]

    /// `test.one_instance_*` return `"hello"`. Upstream checks that `_a`, `_c`, `_e`, `_g`
    /// are initialised and `_b`, `_d`, `_f`, `_h` called at most once per process, to catch
    /// graphs that evaluate a shared value twice; that is a property of the VM's graph,
    /// which its own tests check, not of these bodies.
    static let test: [String: BuiltinFunction] = {
        var table: [String: BuiltinFunction] = [
            // `one_stream` also errors when a second input arrives, which is a per-node fact
            // the VM's tests check; here only the value and the negative-count error remain.
            "test.one_stream": { args throws(RuntimeError) in
                let count = try args.int(0)
                guard count >= 0 else { throw RuntimeError("count must not be negative, got: \(count)") }
                return .str(String(repeating: "x", count: Int(count)))
            },
        ]
        let hello: BuiltinFunction = { _ in .str("hello") }
        for letter in "abcdefgh" { table["test.one_instance_\(letter)"] = hello }
        return table
    }()
}
