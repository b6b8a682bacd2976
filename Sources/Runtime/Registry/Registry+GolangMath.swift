import VM

/// The generated wrappers of Go's math and math/rand packages (see `Registry+Golang.swift`).
///
/// math never errors: NaN and infinities are returned as values. math/rand reads a random
/// source, so those are `host`, not pure as upstream flags them.
extension Registry {
    static let golangMathBuiltins: [BuiltinEntry] = golangMathUnary + golangMathOther + golangRand

    private static let golangMathUnary: [BuiltinEntry] = unaryMathNames.map { goName, name in
        golang("math", goName, name, "func(x float) float")
    }

    /// The `func(x float) float` functions, as (Go name, mcl name).
    private static let unaryMathNames: [(String, String)] = [
        ("Abs", "abs"), ("Acos", "acos"), ("Acosh", "acosh"), ("Asin", "asin"), ("Asinh", "asinh"),
        ("Atan", "atan"), ("Atanh", "atanh"), ("Cbrt", "cbrt"), ("Ceil", "ceil"), ("Cos", "cos"),
        ("Cosh", "cosh"), ("Erf", "erf"), ("Erfc", "erfc"), ("Erfcinv", "erfcinv"), ("Erfinv", "erfinv"),
        ("Exp", "exp"), ("Exp2", "exp_2"), ("Expm1", "expm_1"), ("Floor", "floor"), ("Gamma", "gamma"),
        ("J0", "j_0"), ("J1", "j_1"), ("Log", "log"), ("Log10", "log_10"), ("Log1p", "log_1_p"),
        ("Log2", "log_2"), ("Logb", "logb"), ("Round", "round"), ("RoundToEven", "round_to_even"),
        ("Sin", "sin"), ("Sinh", "sinh"), ("Sqrt", "sqrt"), ("Tan", "tan"), ("Tanh", "tanh"),
        ("Trunc", "trunc"), ("Y0", "y_0"), ("Y1", "y_1"),
    ]

    private static let golangMathOther: [BuiltinEntry] = [
        golang("math", "Atan2", "atan_2", "func(y float, x float) float"),
        golang("math", "Copysign", "copysign", "func(f float, sign float) float"),
        golang("math", "Dim", "dim", "func(x float, y float) float"),
        golang("math", "FMA", "fma", "func(x float, y float, z float) float"),
        golang("math", "Hypot", "hypot", "func(p float, q float) float"),
        golang("math", "Ilogb", "ilogb", "func(x float) int"),
        golang("math", "Inf", "inf", "func(sign int) float"),
        golang("math", "IsInf", "is_inf", "func(f float, sign int) bool"),
        golang("math", "IsNaN", "is_na_n", "func(f float) bool"),
        golang("math", "Jn", "jn", "func(n int, x float) float"),
        golang("math", "Ldexp", "ldexp", "func(frac float, exp int) float"),
        golang("math", "Max", "max", "func(x float, y float) float"),
        golang("math", "Min", "min", "func(x float, y float) float"),
        golang("math", "Mod", "mod", "func(x float, y float) float"),
        golang("math", "NaN", "na_n", "func() float"),
        golang("math", "Nextafter", "nextafter", "func(x float, y float) float"),
        golang("math", "Pow", "pow", "func(x float, y float) float"),
        golang("math", "Pow10", "pow_10", "func(n int) float"),
        golang("math", "Remainder", "remainder", "func(x float, y float) float"),
        golang("math", "Signbit", "signbit", "func(x float) bool"),
        golang("math", "Yn", "yn", "func(n int, x float) float"),
    ]

    private static let golangRand: [BuiltinEntry] = [
        golang("math/rand", "ExpFloat64", "exp_float_64", "func() float", .host),
        golang("math/rand", "Float64", "float_64", "func() float", .host),
        golang("math/rand", "Int", "int", "func() int", .host),
        golang("math/rand", "Int63", "int_63", "func() int", .host),
        golang("math/rand", "Int63n", "int_63_n", "func(n int) int", .host),
        golang("math/rand", "Intn", "intn", "func(n int) int", .host),
        golang("math/rand", "NormFloat64", "norm_float_64", "func() float", .host),
        golang("math/rand", "Read", "read", "func(p str) int", .host, fails: true),
    ]
}
