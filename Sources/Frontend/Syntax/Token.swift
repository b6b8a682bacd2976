/// One lexical token. `text` holds the identifier (lowercased for capitalized ones), the
/// raw string body without quotes, or the literal's digits.
struct Token: Sendable {
    var kind: TokenKind
    var text: String
    var span: Span
}

/// Token kinds, named after upstream's grammar tokens where one exists, so syntax errors
/// read like upstream's (`unexpected INTEGER, expecting NEWLINE`).
enum TokenKind: String, Sendable {
    case newline = "NEWLINE"
    case eof = "$end"
    case identifier = "IDENTIFIER"
    case capitalizedIdentifier = "CAPITALIZED_IDENTIFIER"
    case integer = "INTEGER"
    case float = "FLOAT"
    case string = "STRING"
    case trueKeyword = "TRUE", falseKeyword = "FALSE"
    case ifKeyword = "IF", elseKeyword = "ELSE", forKeyword = "FOR", forkvKeyword = "FORKV", inKeyword = "IN"
    case andKeyword = "AND", orKeyword = "OR", notKeyword = "NOT"
    case boolKeyword = "BOOL_IDENTIFIER", strKeyword = "STR_IDENTIFIER", intKeyword = "INT_IDENTIFIER"
    case floatKeyword = "FLOAT_IDENTIFIER", mapKeyword = "MAP_IDENTIFIER", structKeyword = "STRUCT_IDENTIFIER"
    case funcKeyword = "FUNC_IDENTIFIER", variantKeyword = "VARIANT_IDENTIFIER"
    case classKeyword = "CLASS_IDENTIFIER", includeKeyword = "INCLUDE_IDENTIFIER"
    case importKeyword = "IMPORT_IDENTIFIER", asKeyword = "AS_IDENTIFIER"
    case panicKeyword = "PANIC_IDENTIFIER", collectKeyword = "COLLECT_IDENTIFIER"
    case openCurly = "OPEN_CURLY", closeCurly = "CLOSE_CURLY"
    case openParen = "OPEN_PAREN", closeParen = "CLOSE_PAREN"
    case openBrack = "OPEN_BRACK", closeBrack = "CLOSE_BRACK"
    case comma = "COMMA", colon = "COLON", semicolon = "SEMICOLON"
    case equals = "EQUALS", rocket = "ROCKET", arrow = "ARROW"
    case dollar = "DOLLAR", dot = "DOT", elvis = "ELVIS", except = "EXCEPT", multiply = "MULTIPLY"
    case plus = "PLUS", minus = "MINUS", divide = "DIVIDE"
    case eq = "EQ", neq = "NEQ", lt = "LT", gt = "GT", lte = "LTE", gte = "GTE"

    /// Reserved words, by their spelling.
    static let keywords: [String: TokenKind] = [
        "if": .ifKeyword, "else": .elseKeyword, "for": .forKeyword, "forkv": .forkvKeyword, "in": .inKeyword,
        "and": .andKeyword, "or": .orKeyword, "not": .notKeyword, "true": .trueKeyword, "false": .falseKeyword,
        "bool": .boolKeyword, "str": .strKeyword, "int": .intKeyword, "float": .floatKeyword,
        "map": .mapKeyword, "struct": .structKeyword, "func": .funcKeyword, "variant": .variantKeyword,
        "class": .classKeyword, "include": .includeKeyword, "import": .importKeyword, "as": .asKeyword,
        "panic": .panicKeyword, "collect": .collectKeyword,
    ]

    /// How the token is named in "unexpected X" messages (upstream has one BOOL token).
    var displayName: String {
        self == .trueKeyword || self == .falseKeyword ? "BOOL" : rawValue
    }
}
