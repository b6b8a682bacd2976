/// Reading type strings such as `func(a str, b []?1) map{str: int}`.
///
/// Used for builtin signatures in the Runtime's registry, for the `.mcb` type table and
/// for functions that take a type as text (`encoding.decode_json`). The grammar is the
/// type grammar of the language, plus `?N` scheme variables; whitespace is free.
extension MclType {
    /// An error in a type string, with the byte offset where reading stopped.
    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public var offset: Int
        public var reason: String
        public var description: String { "bad type string at offset \(offset): \(reason)" }
    }

    /// Parses a complete type string.
    /// - Throws: `ParseError` when the text is not exactly one type.
    public init(parsing text: String) throws {
        var reader = TypeReader(bytes: Array(text.utf8))
        let type = try reader.readType()
        reader.skipSpace()
        guard reader.atEnd else { throw reader.error("unexpected text after the type") }
        self = type
    }
}

/// A small recursive-descent reader over the UTF-8 bytes of a type string.
private struct TypeReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position >= bytes.count }

    func error(_ reason: String) -> MclType.ParseError { .init(offset: position, reason: reason) }

    mutating func skipSpace() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
    }

    mutating func consume(_ literal: String) -> Bool {
        skipSpace()
        let utf8 = Array(literal.utf8)
        guard position + utf8.count <= bytes.count, Array(bytes[position..<position + utf8.count]) == utf8 else {
            return false
        }
        position += utf8.count
        return true
    }

    mutating func expect(_ literal: String) throws {
        guard consume(literal) else { throw error("expected `\(literal)`") }
    }

    mutating func readWord() -> String {
        skipSpace()
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            let isWordByte = (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
            guard isWordByte else { break }
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func readType() throws -> MclType {
        if consume("[]") { return .list(try readType()) }
        if consume("?") {
            guard let number = Int(readWord()), number >= 1 else { throw error("expected a variable number after `?`") }
            return .typeVar(number)
        }
        let save = position
        let word = readWord()
        switch word {
        case "bool": return .bool
        case "str": return .str
        case "int": return .int
        case "float": return .float
        case "variant": return .variant
        case "map":
            try expect("{")
            let key = try readType()
            try expect(":")
            let value = try readType()
            try expect("}")
            return .map(key: key, value: value)
        case "struct":
            try expect("{")
            var fields: [MclType.StructField] = []
            if !consume("}") {
                // Upstream's type reader accepts a `;` after the last field (`struct{a int;}`).
                repeat {
                    if consume("}") { return .struct(fields) }
                    let name = readWord()
                    guard !name.isEmpty else { throw error("expected a struct field name") }
                    fields.append(.init(name, try readType()))
                } while consume(";")
                try expect("}")
            }
            return .struct(fields)
        case "func":
            try expect("(")
            var params: [MclType.FunctionParam] = []
            if !consume(")") {
                repeat { params.append(try readParam(index: params.count)) } while consume(",")
                try expect(")")
            }
            return .function(params: params, result: try readType())
        default:
            position = save
            throw error(word.isEmpty ? "expected a type" : "unknown type `\(word)`")
        }
    }

    /// A function parameter: `name type`, `$name type` or a bare type.
    mutating func readParam(index: Int) throws -> MclType.FunctionParam {
        _ = consume("$")
        let save = position
        let word = readWord()
        let typeWords: Set<String> = ["bool", "str", "int", "float", "variant", "map", "struct", "func"]
        if !word.isEmpty, !typeWords.contains(word) || nextStartsType() {
            if Int(word) != nil { return .init("", try readType()) }  // printed positional name `0 int`
            return .init(word, try readType())
        }
        position = save
        return .init("", try readType())
    }

    /// After a word that is also a type name: does another type follow (so the word was a name)?
    func nextStartsType() -> Bool {
        var p = position
        while p < bytes.count, bytes[p] == UInt8(ascii: " ") { p += 1 }
        guard p < bytes.count else { return false }
        let b = bytes[p]
        return b == UInt8(ascii: "[") || b == UInt8(ascii: "?") || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
    }
}
