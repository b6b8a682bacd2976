import VM

/// The convert module: bool, int, float and str conversions with Go's parsing rules.
extension Builtins {
    static let convert: [String: BuiltinFunction] = [
        "convert.format_bool": { args throws(RuntimeError) in .str(try args.bool(0) ? "true" : "false") },
        "convert.parse_bool": { args throws(RuntimeError) in
            let text = try args.str(0)
            do throws(Strconv.NumError) {
                return .bool(try Strconv.parseBool(text))
            } catch {
                throw RuntimeError.catchable(error.message)
            }
        },
        "convert.str_to_int": { args throws(RuntimeError) in
            let text = try args.str(0)
            do throws(Strconv.NumError) {
                return .int(try Strconv.parseInt(text, base: 10, bitSize: 64))
            } catch {
                throw RuntimeError.catchable(error.message)
            }
        },
        // Syntax and range errors are both catchable, like the other parse functions.
        "convert.str_to_float": { args throws(RuntimeError) in
            let text = try args.str(0)
            do throws(Strconv.NumError) {
                return .float(try Strconv.parseFloat(text))
            } catch {
                throw RuntimeError.catchable(error.message)
            }
        },
        "convert.to_float": { args throws(RuntimeError) in .float(Double(try args.int(0))) },
        "convert.to_int": { args throws(RuntimeError) in .int(truncatedToInt(try args.float(0))) },
        "convert.int_to_str": { args throws(RuntimeError) in .str(String(try args.int(0))) },
    ]

    /// Go's `int64(f)`: truncation toward zero. Go leaves NaN, infinities and values out of
    /// range unspecified; on x86-64 they give the minimum int64, which is kept here rather
    /// than trapping as Swift's conversion would.
    static func truncatedToInt(_ value: Double) -> Int64 {
        guard value.isFinite, value >= -9223372036854775808.0, value < 9223372036854775808.0 else { return .min }
        return Int64(value)
    }
}
