import Foundation
import VM

/// The encoding module: base64 and JSON decoding.
extension Builtins {
    static let encoding: [String: BuiltinFunction] = [
        "encoding.base64_encode": { args throws(RuntimeError) in .str(Data(try args.bytes(0)).base64EncodedString()) },
        "encoding.base64_decode": { args throws(RuntimeError) in ByteString.value(try base64Decode(try args.bytes(0))) },
        "encoding.decode_json": { args throws(RuntimeError) in try decodeJSONCall(args, flexible: false) },
        "encoding.decode_json_flexible": { args throws(RuntimeError) in try decodeJSONCall(args, flexible: true) },
    ]

    /// A `decode_json` call. The target type is the call's result type; a builtin sees only
    /// values, so here it comes from the two-argument form's type string. The one-argument
    /// form, typed by its use site, fails until the host binds it with the signature it gets
    /// in `Host.builtin(named:signature:)` and calls `decodeJSON` with that result type.
    private static func decodeJSONCall(_ args: [Value], flexible: Bool) throws(RuntimeError) -> Value {
        let name = flexible ? "decode_json_flexible" : "decode_json"
        guard args.count == 2 else {
            throw RuntimeError("\(name) needs the result type; this build passes it only in the two-argument form")
        }
        let typeText = try args.str(1)
        let type: MclType
        do {
            type = try MclType(parsing: typeText)
        } catch {
            throw RuntimeError("could not parse type string `\(typeText)`: \(error)")
        }
        return try decodeJSON(try args.str(0), as: type, flexible: flexible)
    }

    /// Go's `base64.StdEncoding.DecodeString`: the standard alphabet with `=` padding
    /// required; CR and LF are skipped anywhere; any other bad byte, missing or misplaced
    /// padding, or data after the padding is a fatal `illegal base64 data at input byte N`
    /// with Go's offsets.
    static func base64Decode(_ src: [UInt8]) throws(RuntimeError) -> [UInt8] {
        func corrupt(_ offset: Int) -> RuntimeError { RuntimeError("illegal base64 data at input byte \(offset)") }
        func isNewline(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        var out: [UInt8] = []
        var si = 0
        while si < src.count {
            var quantum = [UInt8](repeating: 0, count: 4)
            var length = 0
            var trailing: Int?
            while length < 4 {
                if si == src.count {
                    if length == 0 { return out }  // only newlines were left
                    throw corrupt(si - length)
                }
                let byte = src[si]
                si += 1
                if let digit = base64Digit(byte) {
                    quantum[length] = digit
                    length += 1
                    continue
                }
                if isNewline(byte) { continue }
                guard byte == UInt8(ascii: "="), length >= 2 else { throw corrupt(si - 1) }
                if length == 2 {  // `==` expected: the first `=` is consumed
                    while si < src.count && isNewline(src[si]) { si += 1 }
                    guard si < src.count else { throw corrupt(src.count) }
                    guard src[si] == UInt8(ascii: "=") else { throw corrupt(si - 1) }
                    si += 1
                }
                while si < src.count && isNewline(src[si]) { si += 1 }
                if si < src.count { trailing = si }
                break
            }
            let bits = quantum.reduce(UInt32(0)) { $0 << 6 | UInt32($1) }
            let decoded = [UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits)]
            out += decoded.prefix(length - 1)
            if let trailing { throw corrupt(trailing) }
        }
        return out
    }

    private static func base64Digit(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
