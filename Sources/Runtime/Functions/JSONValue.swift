import VM

/// A parsed JSON value that keeps each number's literal text, so that `decode_json` can
/// tell `1` (an int) from `1.0` or `1e3` (not ints), as Go's `json.Number` does.
indirect enum JSONValue {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order; a later duplicate key wins when looked up (Go's rule).
    case object([(key: String, value: JSONValue)])

    /// The first JSON value of `text`, after optional white space; text after it is ignored,
    /// as Go's `json.Decoder.Decode` reads one value from a stream.
    /// - Throws: a message in the style of Go's `encoding/json` errors.
    static func parseFirst(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: Array(text.utf8))
        parser.skipSpace()
        if parser.atEnd { throw JSONSyntaxError(message: "EOF") }
        return try parser.value()
    }
}

extension JSONValue {
    /// `s` as a JSON string literal: `"` and `\\` escaped, `\n`, `\r`, `\t` by name, other
    /// control characters as `\u00XX`, everything else as is (UTF-8).
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// A JSON syntax error, with Go's wording (`invalid character 'x' looking for beginning of value`).
struct JSONSyntaxError: Error, Equatable {
    var message: String
}

/// A recursive-descent parser of RFC 8259 JSON over UTF-8 bytes (Go's grammar: no comments,
/// no trailing commas, white space is space, tab, CR and LF).
private struct JSONParser {
    let bytes: [UInt8]
    var index = 0

    var atEnd: Bool { index >= bytes.count }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// How deep arrays and objects may nest. Go allows 10000; the parser recurses once per
    /// level, so a lower bound keeps it within a secondary thread's stack.
    static let maxDepth = 1000
    var depth = 0

    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONParser.maxDepth else { throw JSONSyntaxError(message: "exceeded max depth") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw invalid("looking for beginning of value")
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipSpace()
            guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
            guard bytes[index] == UInt8(ascii: "\"") else { throw invalid("looking for beginning of object key string") }
            let key = try string()
            skipSpace()
            guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
            guard bytes[index] == UInt8(ascii: ":") else { throw invalid("after object key") }
            index += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            guard bytes[index] == UInt8(ascii: ",") else { throw invalid("after object key:value pair") }
            index += 1
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        index += 1
        var elements: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipSpace()
            elements.append(try value())
            skipSpace()
            guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(elements) }
            guard bytes[index] == UInt8(ascii: ",") else { throw invalid("after array element") }
            index += 1
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        for expected in word.utf8 {
            guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
            guard bytes[index] == expected else { throw invalid("in literal \(word) (expecting '\(Character(Unicode.Scalar(expected)))')") }
            index += 1
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as written.
    private mutating func number() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            if index >= bytes.count { throw JSONSyntaxError(message: "unexpected EOF") }
            throw invalid("in numeric literal")
        }
        if bytes[index] == UInt8(ascii: "0") { index += 1 } else { digits() }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw invalid("after decimal point in numeric literal") }
            digits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw invalid("in exponent of numeric literal") }
            digits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func digits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    /// A string literal: escapes decoded, UTF-16 surrogate pairs joined, a lone surrogate
    /// replaced by U+FFFD (Go's rule); raw control characters are invalid.
    private mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case 0..<0x20: index -= 1; throw invalid("in string literal")
            case UInt8(ascii: "\\"): out += try escape()
            default: out.append(byte)
            }
        }
    }

    private mutating func escape() throws(JSONSyntaxError) -> [UInt8] {
        guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return [code]
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "t"): return [0x09]
        default: break
        }
        guard code == UInt8(ascii: "u") else { index -= 1; throw invalid("in string escape code") }
        var unit = try hex4()
        if (0xD800..<0xDC00).contains(unit), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
           bytes[index + 1] == UInt8(ascii: "u") {
            let save = index
            index += 2
            let low = try hex4()
            if (0xDC00..<0xE000).contains(low) {
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            } else {
                index = save  // not a pair: the high half alone becomes U+FFFD
            }
        }
        return Array(String(Unicode.Scalar(unit) ?? "\u{FFFD}").utf8)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw JSONSyntaxError(message: "unexpected EOF") }
            guard let digit = ByteString.hexValue(bytes[index]) else {
                throw invalid("in \\u hexadecimal character escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// Go's `invalid character 'x' <context>` for the character at the current index.
    private func invalid(_ context: String) -> JSONSyntaxError {
        guard index < bytes.count else { return JSONSyntaxError(message: "unexpected EOF") }
        let width = ByteString.runeWidth(bytes, at: index)
        let character = String(decoding: bytes[index..<index + width], as: UTF8.self)
        return JSONSyntaxError(message: "invalid character \(GoQuoting.quote(character, delimiter: "'")) \(context)")
    }
}
