import Foundation
import VM

/// The math module: `mod`, `pow`, `sqrt`, `minus1`, `fortytwo`.
extension Builtins {
    static let math: [String: BuiltinFunction] = [
        // Both overloads: ints go through float64 like upstream (precision loss above 2^53).
        "math.mod": { args throws(RuntimeError) in
            switch (args.first, args.dropFirst().first) {
            case (.int(let a), .int(let b)?): return .int(Int64(try checked(fmod(Double(a), Double(b)))))
            case (.float(let a), .float(let b)?): return .float(try checked(fmod(a, b)))
            default: throw RuntimeError("mod needs two ints or two floats")
            }
        },
        "math.pow": { args throws(RuntimeError) in .float(try checked(Foundation.pow(try args.float(0), try args.float(1)))) },
        "math.sqrt": { args throws(RuntimeError) in .float(try checked(Foundation.sqrt(try args.float(0)))) },
        "math.minus1": { args throws(RuntimeError) in .int(try args.int(0) &- 1) },  // wraps, as Go's int64
        // Upstream has two bodies, chosen by the inferred result type: `func() int` gives 42,
        // `func() float` gives 42.0. A builtin sees only its arguments (none here), so this
        // entry serves the int overload; the float one needs the call's result type, which the
        // host gets in `Host.builtin(named:signature:)` and can answer with `.float(42)`.
        "math.fortytwo": { _ throws(RuntimeError) in .int(42) },
    ]

    /// A float result, or the catchable error upstream gives for NaN and infinities: a zero
    /// divisor or infinite dividend of `mod` (NaN), a negative `sqrt`, an overflowing `pow`.
    static func checked(_ value: Double) throws(RuntimeError) -> Double {
        if value.isNaN { throw RuntimeError.catchable("result is not a number") }
        if value == .infinity { throw RuntimeError.catchable("unexpected positive infinity") }
        if value == -.infinity { throw RuntimeError.catchable("unexpected negative infinity") }
        return value
    }
}
