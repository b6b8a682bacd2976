import Foundation
import VM

/// `golang/math` and `golang/math/rand`: Go's functions one to one. math never errors: NaN
/// and infinities are values. rand draws from the system generator; Go's panics on a
/// non-positive bound are fatal errors.
extension Builtins {
    static let golangMath: [String: BuiltinFunction] = {
        var table = otherMath.merging(golangRand) { first, _ in first }
        for (name, body) in unaryMath { table["golang/math." + name] = unary(body) }
        for (name, body) in binaryMath { table["golang/math." + name] = binary(body) }
        return table
    }()

    private static func unary(_ body: @escaping @Sendable (Double) -> Double) -> BuiltinFunction {
        { args throws(RuntimeError) in .float(body(try args.float(0))) }
    }

    private static func binary(_ body: @escaping @Sendable (Double, Double) -> Double) -> BuiltinFunction {
        { args throws(RuntimeError) in .float(body(try args.float(0), try args.float(1))) }
    }

    /// The `func(x float) float` functions.
    private static let unaryMath: [String: @Sendable (Double) -> Double] = [
        "abs": { Swift.abs($0) }, "acos": { acos($0) }, "acosh": { acosh($0) }, "asin": { asin($0) },
        "asinh": { asinh($0) }, "atan": { atan($0) }, "atanh": { atanh($0) }, "cbrt": { FloatMath.cbrt($0) },
        "ceil": { ceil($0) }, "cos": { cos($0) }, "cosh": { cosh($0) }, "erf": { erf($0) }, "erfc": { erfc($0) },
        "erfcinv": { FloatMath.erfinv(1 - $0) }, "erfinv": { FloatMath.erfinv($0) }, "exp": { exp($0) },
        "exp_2": { exp2($0) }, "expm_1": { expm1($0) }, "floor": { floor($0) }, "gamma": { tgamma($0) },
        "j_0": { j0($0) }, "j_1": { j1($0) }, "log": { log($0) }, "log_10": { FloatMath.log10($0) },
        "log_1_p": { log1p($0) }, "log_2": { FloatMath.log2($0) }, "logb": { FloatMath.logb($0) },
        "round": { round($0) },  // half away from zero, as Go's Round
        "round_to_even": { $0.rounded(.toNearestOrEven) }, "sin": { sin($0) }, "sinh": { sinh($0) },
        "sqrt": { $0.squareRoot() }, "tan": { tan($0) }, "tanh": { tanh($0) }, "trunc": { trunc($0) },
        "y_0": { y0($0) }, "y_1": { y1($0) },
    ]

    /// The `func(float, float) float` functions.
    private static let binaryMath: [String: @Sendable (Double, Double) -> Double] = [
        "atan_2": { atan2($0, $1) }, "copysign": { copysign($0, $1) }, "dim": { FloatMath.dim($0, $1) },
        "hypot": { FloatMath.hypot($0, $1) }, "max": { FloatMath.max($0, $1) }, "min": { FloatMath.min($0, $1) },
        "mod": { fmod($0, $1) },  // sign of x, as Go's Mod
        "nextafter": { nextafter($0, $1) }, "pow": { pow($0, $1) }, "remainder": { remainder($0, $1) },
    ]

    private static let otherMath: [String: BuiltinFunction] = [
        "golang/math.fma": { args throws(RuntimeError) in
            .float(try args.float(2).addingProduct(try args.float(0), try args.float(1)))  // one rounding
        },
        "golang/math.ilogb": { args throws(RuntimeError) in .int(FloatMath.ilogb(try args.float(0))) },
        "golang/math.inf": { args throws(RuntimeError) in .float(try args.int(0) >= 0 ? .infinity : -.infinity) },
        "golang/math.is_inf": { args throws(RuntimeError) in
            let (f, sign) = (try args.float(0), try args.int(1))
            return .bool(sign >= 0 && f == .infinity || sign <= 0 && f == -.infinity)
        },
        "golang/math.is_na_n": { args throws(RuntimeError) in .bool(try args.float(0).isNaN) },
        "golang/math.jn": { args throws(RuntimeError) in .float(FloatMath.jn(try args.int(0), try args.float(1))) },
        "golang/math.ldexp": { args throws(RuntimeError) in
            .float(scalbn(try args.float(0), Int(clamping: try args.int(1))))
        },
        "golang/math.na_n": { _ throws(RuntimeError) in .float(.nan) },
        "golang/math.pow_10": { args throws(RuntimeError) in .float(FloatMath.pow10(try args.int(0))) },
        "golang/math.signbit": { args throws(RuntimeError) in .bool(try args.float(0).sign == .minus) },
        "golang/math.yn": { args throws(RuntimeError) in .float(FloatMath.yn(try args.int(0), try args.float(1))) },
    ]

    private static let golangRand: [String: BuiltinFunction] = [
        // Exponential with rate 1 by inversion (Go uses a ziggurat; the distribution is the same).
        "golang/math/rand.exp_float_64": { _ throws(RuntimeError) in .float(-log(1 - Double.random(in: 0..<1))) },
        "golang/math/rand.float_64": { _ throws(RuntimeError) in .float(Double.random(in: 0..<1)) },
        "golang/math/rand.int": { _ throws(RuntimeError) in .int(Int64.random(in: 0...Int64.max)) },
        "golang/math/rand.int_63": { _ throws(RuntimeError) in .int(Int64.random(in: 0...Int64.max)) },
        "golang/math/rand.int_63_n": { args throws(RuntimeError) in
            let n = try args.int(0)
            guard n > 0 else { throw RuntimeError("invalid argument to Int63n") }
            return .int(Int64.random(in: 0..<n))
        },
        "golang/math/rand.intn": { args throws(RuntimeError) in
            let n = try args.int(0)
            guard n > 0 else { throw RuntimeError("invalid argument to Intn") }
            return .int(Int64.random(in: 0..<n))
        },
        // Standard normal by Box–Muller (Go uses a ziggurat; the distribution is the same).
        "golang/math/rand.norm_float_64": { _ throws(RuntimeError) in
            let (u, v) = (1 - Double.random(in: 0..<1), Double.random(in: 0..<1))
            return .float((-2 * log(u)).squareRoot() * cos(2 * Double.pi * v))
        },
        // Go fills the byte slice and returns its length; an mcl string is a copy, so only
        // the length remains.
        "golang/math/rand.read": { args throws(RuntimeError) in .int(Int64(try args.str(0).utf8.count)) },
    ]
}
