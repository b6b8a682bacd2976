import Testing
import VM
@testable import Runtime

/// `golang/math` and `golang/math/rand`; expectations produced by Go's `math`.
@Suite struct BuiltinsGolangMathTests {
    private func math(_ name: String, _ args: Value...) throws -> Double {
        let body = try #require(Builtins.functions["golang/math." + name], "no golang/math.\(name)")
        guard case .float(let value) = try body(args) else { throw RuntimeError("golang/math.\(name) is not a float") }
        return value
    }

    /// Within a few ulps: libm and Go may differ in the last bit of transcendental results.
    private func close(_ a: Double, _ b: Double) -> Bool { a == b || abs(a - b) <= 4 * b.ulp }

    @Test func everyUnaryFunctionRuns() throws {
        let names = ["abs", "acos", "acosh", "asin", "asinh", "atan", "atanh", "cbrt", "ceil", "cos", "cosh", "erf", "erfc",
                     "erfcinv", "erfinv", "exp", "exp_2", "expm_1", "floor", "gamma", "j_0", "j_1", "log", "log_10", "log_1_p",
                     "log_2", "logb", "round", "round_to_even", "sin", "sinh", "sqrt", "tan", "tanh", "trunc", "y_0", "y_1"]
        for name in names { #expect(throws: Never.self, "\(name)") { try math(name, .float(0.5)) } }
    }

    @Test func exactResults() throws {
        #expect(try math("abs", .float(-2)) == 2)
        #expect(try math("cbrt", .float(27)) == 3)  // glibc: 3.0000000000000004
        #expect(try math("cbrt", .float(-8)) == -2)
        #expect(try math("cbrt", .float(0.001)) == 0.1)
        #expect(try math("cbrt", .float(1e300)) == 1e100)
        #expect(try math("cbrt", .float(2)) == 1.2599210498948732)
        #expect(try math("round", .float(-2.5)) == -3)  // half away from zero
        #expect(try math("round_to_even", .float(2.5)) == 2)
        #expect(try math("trunc", .float(-2.7)) == -2)
        #expect(try math("gamma", .float(5)) == 24)
        #expect(try math("log_10", .float(1000)) == 3)
        #expect(try math("log_10", .float(1e15)) == 14.999999999999998)  // Go's formula, not libm's 15
        #expect(try math("log_2", .float(8)) == 3)
        #expect(try math("logb", .float(0.1)) == -4)
        #expect(try math("mod", .float(-7), .float(3)) == -1)
        #expect(try math("remainder", .float(7), .float(4)) == -1)
        #expect(try math("hypot", .float(3), .float(4)) == 5)
        #expect(try math("hypot", .float(.infinity), .float(.nan)) == .infinity)
        #expect(try math("atan_2", .float(0), .float(-1)) == Double.pi)
        #expect(try math("copysign", .float(3), .float(-0.0)) == -3)
        #expect(try math("fma", .float(2), .float(3), .float(4)) == 10)
        #expect(try math("ldexp", .float(0.5), .int(3)) == 4)
        #expect(try math("nextafter", .float(1), .float(2)) == 1 + Double.ulpOfOne)
        #expect(try math("pow", .float(2), .float(-2)) == 0.25)
        #expect(try math("pow_10", .int(-5)) == 1e-5)
        #expect(try math("pow_10", .int(23)) == 1e23)
        #expect(try math("pow_10", .int(309)) == .infinity)
        #expect(try math("pow_10", .int(-324)) == 0)
        #expect(try call("golang/math.ilogb", .float(0)) == .int(-2147483648))
        #expect(try call("golang/math.ilogb", .float(8)) == .int(3))
        #expect(try call("golang/math.ilogb", .float(.nan)) == .int(2147483647))
    }

    @Test func specialValues() throws {
        #expect(try math("dim", .float(.infinity), .float(.infinity)).isNaN)  // C's fdim gives 0
        #expect(try math("dim", .float(1), .float(3)) == 0)
        #expect(try math("max", .float(.infinity), .float(.nan)) == .infinity)
        #expect(try math("max", .float(1), .float(.nan)).isNaN)  // C's fmax gives 1
        #expect(try math("min", .float(-0.0), .float(0)).sign == .minus)
        #expect(try math("max", .float(-0.0), .float(0)).sign == .plus)
        #expect(try math("inf", .int(0)) == .infinity)
        #expect(try math("inf", .int(-1)) == -.infinity)
        #expect(try math("na_n").isNaN)
        #expect(try call("golang/math.is_na_n", .float(.nan)) == .bool(true))
        #expect(try call("golang/math.is_inf", .float(-.infinity), .int(0)) == .bool(true))
        #expect(try call("golang/math.is_inf", .float(-.infinity), .int(1)) == .bool(false))
        #expect(try call("golang/math.signbit", .float(-0.0)) == .bool(true))
        #expect(try math("yn", .int(-1), .float(0)) == .infinity)
        #expect(try math("yn", .int(2), .float(0)) == -.infinity)
        #expect(try math("yn", .int(2), .float(-1)).isNaN)
        #expect(try math("jn", .int(3), .float(.infinity)) == 0)
        #expect(try math("erfinv", .float(1)) == .infinity)
        #expect(try math("erfinv", .float(-1)) == -.infinity)
        #expect(try math("erfinv", .float(2)).isNaN)
        #expect(try math("sqrt", .float(-1)).isNaN)  // no error: NaN is a value here
    }

    @Test func transcendentalResults() throws {
        #expect(close(try math("erfinv", .float(0.5)), 0.4769362762044699))
        #expect(close(try math("erfinv", .float(0.99)), 1.821386367718449))
        #expect(close(try math("erfinv", .float(-0.999999)), -3.4589107372754984))
        #expect(close(try math("erfcinv", .float(0.3)), 0.7328690779592167))
        #expect(close(try math("log_2", .float(10)), 3.321928094887362))
        #expect(close(try math("j_0", .float(1)), 0.7651976865579666))
        #expect(close(try math("yn", .int(2), .float(1)), -1.6506826068162543))
        #expect(close(try math("jn", .int(3), .float(2.5)), 0.21660039103911358))
    }

    @Test func random() throws {
        for _ in 0..<100 {
            guard case .float(let f) = try call("golang/math/rand.float_64") else { Issue.record("float_64"); return }
            #expect(f >= 0 && f < 1)
            guard case .int(let n) = try call("golang/math/rand.intn", .int(3)) else { Issue.record("intn"); return }
            #expect((0..<3).contains(n))
            guard case .int(let m) = try call("golang/math/rand.int_63_n", .int(1)) else { Issue.record("int_63_n"); return }
            #expect(m == 0)
            guard case .int(let i) = try call("golang/math/rand.int"), case .int(let j) = try call("golang/math/rand.int_63")
            else { Issue.record("int"); return }
            #expect(i >= 0 && j >= 0)
            guard case .float(let e) = try call("golang/math/rand.exp_float_64"), case .float(let g) = try call("golang/math/rand.norm_float_64")
            else { Issue.record("distributions"); return }
            #expect(e >= 0 && e.isFinite && g.isFinite)
        }
        #expect(try call("golang/math/rand.read", .str("abcd")) == .int(4))
        expectFailure("golang/math/rand.intn", [.int(0)], "invalid argument to Intn")
        expectFailure("golang/math/rand.int_63_n", [.int(-5)], "invalid argument to Int63n")
    }
}
