import VM

/// A `fmt.printf` format string split into literal text and verbs.
///
/// The verb set is mcl's, not Go's: `%s %q %d %f %t %v %T` and `%%`, with no flags, width or
/// precision (`%5d` is invalid). A lone `%` at the very end is dropped, as upstream does.
/// The compiler uses the verbs to type a call with a constant format; the printf
/// implementation walks the pieces.
struct FormatString: Equatable {
    /// One conversion of an argument.
    enum Verb: Character, Equatable {
        case string = "s"
        case quoted = "q"
        case decimal = "d"
        case float = "f"
        case bool = "t"
        case value = "v"
        case type = "T"

        /// The argument type the verb requires, or nil when it takes any type (`%v`, `%T`).
        var argumentType: MclType? {
            switch self {
            case .string, .quoted: .str
            case .decimal: .int
            case .float: .float
            case .bool: .bool
            case .value, .type: nil
            }
        }
    }

    /// A run of literal text (`%%` already turned into `%`) or a verb.
    enum Piece: Equatable {
        case literal(String)
        case verb(Verb)
    }

    /// An unknown verb; `offset` is the byte index of the character after the `%`.
    struct ParseError: Error, Equatable, CustomStringConvertible {
        var offset: Int
        var description: String { "invalid format string at \(offset)" }
    }

    /// Literal pieces and verbs in order; adjacent literals are merged, empty ones omitted.
    let pieces: [Piece]

    /// The verbs alone, in order: one per argument after the format.
    var verbs: [Verb] {
        pieces.compactMap { piece in
            if case .verb(let verb) = piece { return verb }
            return nil
        }
    }

    /// Splits `format` into pieces. O(n) in the byte length.
    /// - Throws: `ParseError` at the first character after a `%` that is not a verb.
    init(parsing format: String) throws(ParseError) {
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        let bytes = Array(format.utf8)
        var index = 0
        func flush() {
            guard !literal.isEmpty else { return }
            pieces.append(.literal(String(decoding: literal, as: UTF8.self)))
            literal.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "%") else {
                literal.append(byte)  // `%` is ASCII, so splitting here never cuts a UTF-8 character
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { break }  // a lone trailing `%` is dropped
            let next = bytes[index + 1]
            if next == UInt8(ascii: "%") {
                literal.append(next)
            } else if let verb = Verb(rawValue: Character(Unicode.Scalar(next))) {
                flush()
                pieces.append(.verb(verb))
            } else {
                throw ParseError(offset: index + 1)
            }
            index += 2
        }
        flush()
        self.pieces = pieces
    }
}
