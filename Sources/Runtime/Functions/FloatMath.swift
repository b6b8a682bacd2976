#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// libm's functions under names that FloatMath's own `log2`, `jn`, `yn` do not shadow.
private let libmLog: @Sendable (Double) -> Double = { log($0) }
private let libmLog2: @Sendable (Double) -> Double = { log2($0) }
private let libmJn: @Sendable (Int32, Double) -> Double = { jn($0, $1) }
private let libmYn: @Sendable (Int32, Double) -> Double = { yn($0, $1) }

/// Go `math` functions whose results or special cases differ from the C library's, written
/// as Go writes them. The rest of `golang/math` calls libm directly (Go's own versions agree
/// with it on special cases; the last bit of a transcendental result may differ).
enum FloatMath {
    /// Go's `Log10`: `log(x) * (1/ln 10)`, the constant rounded once as Go's constant
    /// arithmetic does, so `Log10(1e15)` is `14.999999999999998` as in Go, not libm's `15`.
    static func log10(_ x: Double) -> Double { libmLog(x) * 0.43429448190325182765112891891660508229439700580366656611 }

    /// Go's `Log2`: exact for powers of two, else `log(frac)/ln 2 + exp`.
    static func log2(_ x: Double) -> Double {
        guard x.isFinite, x > 0 else { return libmLog2(x) }
        let exponent = Double(x.exponent + 1)
        let fraction = x.significand / 2  // in [0.5, 1)
        if fraction == 0.5 { return exponent - 1 }
        return libmLog(fraction) * 1.44269504088896340735992468100189213742664595415298593413 + exponent  // 1/ln 2
    }

    /// Go's `Cbrt` (FreeBSD's `s_cbrt.c`): exact for perfect cubes (`Cbrt(27)` is 3, where
    /// glibc gives 3.0000000000000004).
    static func cbrt(_ value: Double) -> Double {
        if value == 0 || !value.isFinite { return value }
        let x = abs(value)
        // A rough cube root to 5 bits from the exponent, scaling subnormals up first.
        var t = Double(bitPattern: x.bitPattern / 3 + (715_094_163 << 32))
        if x < 2.22507385850720138309e-308 {
            t = Double(bitPattern: (x * 0x1p54).bitPattern / 3 + (696_219_795 << 32))
        }
        // To 23 bits.
        var r = t * t / x
        var s = 5.42857142857142815906e-01 + r * t
        t *= 3.57142857142857150787e-01 + 1.60714285714285720630e+00
            / (s + 1.41428571428571436819e+00 + -7.05306122448979611050e-01 / s)
        // Chop to 22 bits, rounded up, then one Newton step to 53 bits.
        t = Double(bitPattern: (t.bitPattern & (0xF_FFFF_FFFC << 28)) + (1 << 30))
        s = t * t
        r = x / s
        let w = t + t
        r = (r - t) / (w + r)
        t += t * r
        return value < 0 ? -t : t
    }

    /// Go's `Hypot`: `p·√(1+(q/p)²)` with `p ≥ q`; `+Inf` if either is infinite, even with NaN.
    static func hypot(_ p: Double, _ q: Double) -> Double {
        if p.isInfinite || q.isInfinite { return .infinity }
        if p.isNaN || q.isNaN { return .nan }
        var (p, q) = (abs(p), abs(q))
        if p < q { swap(&p, &q) }
        if p == 0 { return 0 }
        q = q / p
        return p * (1 + q * q).squareRoot()
    }

    /// Go's `Max`: `+Inf` wins over NaN, NaN over numbers, `+0` over `-0`.
    static func max(_ x: Double, _ y: Double) -> Double {
        if x == .infinity || y == .infinity { return .infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    /// Go's `Min`: `-Inf` wins over NaN, NaN over numbers, `-0` over `+0`.
    static func min(_ x: Double, _ y: Double) -> Double {
        if x == -.infinity || y == -.infinity { return -.infinity }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && x == y { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    /// Go's `Dim`: `max(x - y, 0)`, NaN for `Dim(+Inf, +Inf)` (C's `fdim` gives 0).
    static func dim(_ x: Double, _ y: Double) -> Double {
        let v = x - y
        return v <= 0 ? 0 : v
    }

    /// Go's `Ilogb`: the binary exponent; `MinInt32` for 0, `MaxInt32` for NaN and infinities.
    static func ilogb(_ x: Double) -> Int64 {
        if x == 0 { return Int64(Int32.min) }
        if !x.isFinite { return Int64(Int32.max) }
        return Int64(x.exponent)
    }

    /// Go's `Logb`: the binary exponent as a float; `-Inf` for 0, `+Inf` for infinities.
    static func logb(_ x: Double) -> Double {
        if x == 0 { return -.infinity }
        if x.isInfinite { return .infinity }
        if x.isNaN { return x }
        return Double(x.exponent)
    }

    /// Go's `Pow10`: products of exact table entries, `+Inf` above 1e308, 0 below 1e-323.
    static func pow10(_ n: Int64) -> Double {
        if 0 <= n && n <= 308 { return power(32 * (n / 32)) * power(n % 32) }
        if -323 <= n && n < 0 { return power(-32 * (-n / 32)) / power(-n % 32) }
        return n > 0 ? .infinity : 0
    }

    /// `1e<exponent>`, correctly rounded: Go's tables hold these literals.
    private static func power(_ exponent: Int64) -> Double { Double("1e\(exponent)")! }

    /// Go's `Jn`, with Go's special cases ahead of libm's.
    static func jn(_ n: Int64, _ x: Double) -> Double {
        if x.isNaN { return x }
        if x.isInfinite { return 0 }
        return libmJn(Int32(clamping: n), x)
    }

    /// Go's `Yn`: NaN for negative x, 0 at `+Inf`, `-Inf` at 0 (`+Inf` for a negative odd n).
    static func yn(_ n: Int64, _ x: Double) -> Double {
        if x < 0 || x.isNaN { return .nan }
        if x == .infinity { return 0 }
        if x == 0 && n != 0 { return n < 0 && n & 1 == 1 ? .infinity : -.infinity }
        return libmYn(Int32(clamping: n), x)
    }

    /// Go's `Erfinv`: the inverse error function, ±Inf at ±1, NaN outside [-1, 1].
    /// Rational approximations of Wichura's AS 241 (PPND16), with Go's coefficients.
    static func erfinv(_ value: Double) -> Double {
        if value.isNaN || value <= -1 || value >= 1 {
            return value == -1 || value == 1 ? value * .infinity : .nan
        }
        let x = abs(value)
        var answer: Double
        if x <= 0.85 {
            let r = 0.180625 - 0.25 * x * x
            answer = x * polynomial(ErfinvCoefficients.a, r) / polynomial(ErfinvCoefficients.b, r)
        } else {
            var r = (0.693147180559945309417232121458176568 - libmLog(1.0 - x)).squareRoot()
            if r <= 5.0 {
                r -= 1.6
                answer = polynomial(ErfinvCoefficients.c, r) / polynomial(ErfinvCoefficients.d, r)
            } else {
                r -= 5.0
                answer = polynomial(ErfinvCoefficients.e, r) / polynomial(ErfinvCoefficients.f, r)
            }
        }
        return value < 0 ? -answer : answer
    }

    /// Horner's rule, coefficients from the constant term up, evaluated as Go writes it.
    private static func polynomial(_ coefficients: [Double], _ r: Double) -> Double {
        coefficients.reversed().dropFirst().reduce(coefficients.last!) { $0 * r + $1 }
    }
}

/// Go's `erfinv.go` coefficients (a0…a7, b0…b7, …), constant term first.
private enum ErfinvCoefficients {
    static let a = [1.1975323115670912564578e0, 4.7072688112383978012285e1, 6.9706266534389598238465e2,
                    4.8548868893843886794648e3, 1.6235862515167575384252e4, 2.3782041382114385731252e4,
                    1.1819493347062294404278e4, 8.8709406962545514830200e2]
    static let b = [1.0000000000000000000e0, 4.2313330701600911252e1, 6.8718700749205790830e2,
                    5.3941960214247511077e3, 2.1213794301586595867e4, 3.9307895800092710610e4,
                    2.8729085735721942674e4, 5.2264952788528545610e3]
    static let c = [1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
                    3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
                    2.27238449892691845833e-2, 7.74545014278341407640e-4]
    static let d = [1.4142135623730950488016887e0, 2.9036514445419946173133295e0, 2.3707661626024532365971225e0,
                    9.7547832001787427186894837e-1, 2.0945065210512749128288442e-1, 2.1494160384252876777097297e-2,
                    7.7441459065157709165577218e-4, 1.4859850019840355905497876e-9]
    static let e = [6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
                    2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
                    2.71155556874348757815e-5, 2.01033439929228813265e-7]
    static let f = [1.414213562373095048801689e0, 8.482908416595164588112026e-1, 1.936480946950659106176712e-1,
                    2.103693768272068968719679e-2, 1.112800997078859844711555e-3, 2.611088405080593625138020e-5,
                    2.010321207683943062279931e-7, 2.891024605872965461538222e-15]
}
