import VM

/// `golang/strconv` and `golang/html`: Go's functions one to one. A Go error result is a
/// fatal error with Go's text (`strconv.Atoi: parsing "x": invalid syntax`).
extension Builtins {
    static let golangStrconv: [String: BuiltinFunction] = [
        "golang/strconv.append_bool": { args throws(RuntimeError) in .str(try args.str(0) + (try args.bool(1) ? "true" : "false")) },
        "golang/strconv.append_int": { args throws(RuntimeError) in
            .str(try args.str(0) + formatInt(try args.int(1), base: try args.int(2)))
        },
        "golang/strconv.append_quote": { args throws(RuntimeError) in .str(try args.str(0) + Strconv.quote(try args.str(1))) },
        "golang/strconv.append_quote_to_ascii": { args throws(RuntimeError) in
            .str(try args.str(0) + Strconv.quote(try args.str(1), mode: .ascii))
        },
        "golang/strconv.append_quote_to_graphic": { args throws(RuntimeError) in
            .str(try args.str(0) + Strconv.quote(try args.str(1), mode: .graphic))
        },
        "golang/strconv.atoi": { args throws(RuntimeError) in
            let text = try args.str(0)
            do throws(Strconv.NumError) {
                return .int(try Strconv.parseInt(text, base: 10, bitSize: 0, function: "Atoi"))
            } catch {
                throw RuntimeError(error.message)
            }
        },
        "golang/strconv.can_backquote": { args throws(RuntimeError) in .bool(Strconv.canBackquote(try args.str(0))) },
        "golang/strconv.format_bool": { args throws(RuntimeError) in .str(try args.bool(0) ? "true" : "false") },
        "golang/strconv.format_int": { args throws(RuntimeError) in .str(try formatInt(try args.int(0), base: try args.int(1))) },
        "golang/strconv.itoa": { args throws(RuntimeError) in .str(String(try args.int(0))) },
        "golang/strconv.parse_bool": { args throws(RuntimeError) in
            let text = try args.str(0)
            do throws(Strconv.NumError) {
                return .bool(try Strconv.parseBool(text))
            } catch {
                throw RuntimeError(error.message)
            }
        },
        // Go returns ±Inf along with a range error; the error is what counts here.
        "golang/strconv.parse_float": { args throws(RuntimeError) in
            let (text, bitSize) = (try args.str(0), try args.int(1))
            do throws(Strconv.NumError) {
                return .float(try Strconv.parseFloat(text, bitSize: bitSize == 32 ? 32 : 64))
            } catch {
                throw RuntimeError(error.message)
            }
        },
        "golang/strconv.parse_int": { args throws(RuntimeError) in
            let (text, base, bitSize) = (try args.str(0), try args.int(1), try args.int(2))
            do throws(Strconv.NumError) {
                return .int(try Strconv.parseInt(text, base: Int(clamping: base), bitSize: Int(clamping: bitSize)))
            } catch {
                throw RuntimeError(error.message)
            }
        },
        "golang/strconv.quote": { args throws(RuntimeError) in .str(Strconv.quote(try args.str(0))) },
        "golang/strconv.quote_to_ascii": { args throws(RuntimeError) in .str(Strconv.quote(try args.str(0), mode: .ascii)) },
        "golang/strconv.quote_to_graphic": { args throws(RuntimeError) in .str(Strconv.quote(try args.str(0), mode: .graphic)) },
        "golang/strconv.quoted_prefix": { args throws(RuntimeError) in
            guard let (literal, _) = Strconv.unquote(try args.bytes(0), unescape: false) else {
                throw RuntimeError("invalid syntax")
            }
            return ByteString.value(literal)
        },
        "golang/strconv.unquote": { args throws(RuntimeError) in
            guard let (value, rest) = Strconv.unquote(try args.bytes(0), unescape: true), rest.isEmpty else {
                throw RuntimeError("invalid syntax")
            }
            return ByteString.value(value)
        },
        "golang/html.escape_string": { args throws(RuntimeError) in .str(HTMLEscaping.escape(try args.str(0))) },
        "golang/html.unescape_string": { args throws(RuntimeError) in .str(HTMLEscaping.unescape(try args.str(0))) },
    ]

    /// Go's `FormatInt`; a base outside 2...36 makes Go panic, a fatal error here.
    private static func formatInt(_ value: Int64, base: Int64) throws(RuntimeError) -> String {
        guard let text = Strconv.formatInt(value, base: base) else {
            throw RuntimeError("strconv: illegal AppendInt/FormatInt base")
        }
        return text
    }
}
