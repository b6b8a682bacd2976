import Testing
@testable import Frontend

/// The kinds of the tokens of `source` (without the final `.eof`).
private func kinds(_ source: String) throws -> [TokenKind] {
    try lex(source).map(\.kind)
}

/// The tokens of `source` as `KIND text` (or just `KIND` for punctuation).
private func tokens(_ source: String) throws -> [String] {
    try lex(source).map { $0.text.isEmpty ? $0.kind.rawValue : "\($0.kind.rawValue) \($0.text)" }
}

/// Tokens, keywords, identifiers, literals, comments and spans (language.md §1).
@Suite struct LexerTests {
    static let punctuation: [(String, TokenKind)] = [
        ("{", .openCurly), ("}", .closeCurly), ("(", .openParen), (")", .closeParen),
        ("[", .openBrack), ("]", .closeBrack), (",", .comma), (":", .colon), (";", .semicolon),
        ("=", .equals), ("=>", .rocket), ("->", .arrow), (".", .dot), ("$", .dollar),
        ("?:", .elvis), ("<|>", .except), ("+", .plus), ("-", .minus), ("*", .multiply),
        ("/", .divide), ("==", .eq), ("!=", .neq), ("<", .lt), (">", .gt), ("<=", .lte), (">=", .gte),
        ("\n", .newline),
    ]

    @Test(arguments: punctuation)
    func punctuationToken(_ text: String, _ kind: TokenKind) throws {
        let lexed = try lex(text)
        #expect(lexed.map(\.kind) == [kind])
        #expect(lexed.first?.span.length == text.utf8.count)
    }

    @Test func punctuationWithoutSpaces() throws {
        // Longest match: `=>` is not `=` `>`, `<=` not `<` `=`, `<|>` one token.
        #expect(try kinds("=>==<=>=<|>->?:!=") == [.rocket, .eq, .lte, .gte, .except, .arrow, .elvis, .neq])
        #expect(try kinds("<>") == [.lt, .gt])
        #expect(try kinds("= =") == [.equals, .equals])
    }

    static let keywords: [(String, TokenKind)] = [
        ("if", .ifKeyword), ("else", .elseKeyword), ("for", .forKeyword), ("forkv", .forkvKeyword),
        ("in", .inKeyword), ("and", .andKeyword), ("or", .orKeyword), ("not", .notKeyword),
        ("true", .trueKeyword), ("false", .falseKeyword), ("bool", .boolKeyword), ("str", .strKeyword),
        ("int", .intKeyword), ("float", .floatKeyword), ("map", .mapKeyword), ("struct", .structKeyword),
        ("func", .funcKeyword), ("variant", .variantKeyword), ("class", .classKeyword),
        ("include", .includeKeyword), ("import", .importKeyword), ("as", .asKeyword),
        ("panic", .panicKeyword), ("collect", .collectKeyword),
    ]

    @Test(arguments: keywords)
    func keyword(_ text: String, _ kind: TokenKind) throws {
        #expect(try kinds(text) == [kind])
        // A longer word starting with the keyword is an identifier (longest match).
        #expect(try tokens(text + "x") == ["IDENTIFIER \(text)x"])
        #expect(try tokens(text + "_1") == ["IDENTIFIER \(text)_1"])
    }

    @Test func inVersusIndex() throws {
        #expect(try tokens("in index inx i") == ["IN in", "IDENTIFIER index", "IDENTIFIER inx", "IDENTIFIER i"])
        #expect(try tokens("for fork forkv forkvs") == ["FOR for", "IDENTIFIER fork", "FORKV forkv", "IDENTIFIER forkvs"])
    }

    @Test func notKeywords() throws {
        // `nil`, `Meta` and `Before` are ordinary words.
        #expect(try tokens("nil Meta Before") == ["IDENTIFIER nil", "CAPITALIZED_IDENTIFIER meta", "CAPITALIZED_IDENTIFIER before"])
    }

    @Test func capitalizedIdentifiersAreLowercased() throws {
        #expect(try tokens("Http:Server") == ["CAPITALIZED_IDENTIFIER http", "COLON", "CAPITALIZED_IDENTIFIER server"])
        #expect(try tokens("Test[") == ["CAPITALIZED_IDENTIFIER test", "OPEN_BRACK"])
        #expect(try tokens("Pkg_2") == ["CAPITALIZED_IDENTIFIER pkg_2"])
        // No uppercase after the first letter: `HTTP` and `FooBar` split.
        #expect(try tokens("HTTP") == ["CAPITALIZED_IDENTIFIER h", "CAPITALIZED_IDENTIFIER t", "CAPITALIZED_IDENTIFIER t", "CAPITALIZED_IDENTIFIER p"])
        #expect(try tokens("FooBar") == ["CAPITALIZED_IDENTIFIER foo", "CAPITALIZED_IDENTIFIER bar"])
        #expect(try tokens("myVar") == ["IDENTIFIER my", "CAPITALIZED_IDENTIFIER var"])
    }

    @Test func underscores() throws {
        #expect(try tokens("a_b a__b x1_2") == ["IDENTIFIER a_b", "IDENTIFIER a__b", "IDENTIFIER x1_2"])
        // A trailing `_` is not part of the word; alone it is unrecognized.
        let error = try #require(lexError("foo_ = 1"))
        #expect(error.stage == .parse)
        #expect(error.message == "unrecognized: `_`")
        #expect(error.span?.start == 3)
        #expect(lexError("$_")?.message == "unrecognized: `_`")
        #expect(lexError("_lookup")?.message == "unrecognized: `_`")
    }

    @Test func negativeLiterals() throws {
        // The `-` belongs to a following number.
        #expect(try tokens("5-3") == ["INTEGER 5", "INTEGER -3"])
        #expect(try tokens("5 - 3") == ["INTEGER 5", "MINUS", "INTEGER 3"])
        #expect(try tokens("$x -1") == ["DOLLAR", "IDENTIFIER x", "INTEGER -1"])
        #expect(try tokens("- 1") == ["MINUS", "INTEGER 1"])
        #expect(try tokens("-$x") == ["MINUS", "DOLLAR", "IDENTIFIER x"])
        #expect(try tokens("-2.5") == ["FLOAT -2.5"])
        #expect(try tokens("1->") == ["INTEGER 1", "ARROW"])
    }

    @Test func integers() throws {
        #expect(try tokens("0 007 42") == ["INTEGER 0", "INTEGER 007", "INTEGER 42"])
        #expect(try tokens("9223372036854775807 -9223372036854775808") ==
            ["INTEGER 9223372036854775807", "INTEGER -9223372036854775808"])
        let overflow = try #require(lexError("$x = 9223372036854775808\n"))
        #expect(overflow.message == "integer: overflow: `9223372036854775808`")
        #expect(overflow.span.map { Int($0.start) } == 5)
        #expect(lexError("-9223372036854775809")?.message == "integer: overflow: `-9223372036854775809`")
    }

    @Test func floats() throws {
        #expect(try tokens("3.14 0.5 10.0") == ["FLOAT 3.14", "FLOAT 0.5", "FLOAT 10.0"])
        // `1.` and `.5` are not floats; neither is an exponent.
        #expect(try tokens("1.") == ["INTEGER 1", "DOT"])
        #expect(try tokens(".5") == ["DOT", "INTEGER 5"])
        #expect(try tokens("1e3") == ["INTEGER 1", "IDENTIFIER e3"])
        #expect(try tokens("1.2.3") == ["FLOAT 1.2", "DOT", "INTEGER 3"])
        #expect(lexError("1" + String(repeating: "0", count: 400) + ".0")?.message == "float: overflow")
    }

    @Test func strings() throws {
        // The text is the raw body: quotes stripped, escapes kept for `Interpolate`.
        #expect(try tokens(#""hello""#) == ["STRING hello"])
        #expect(try tokens(#""""#) == ["STRING"])
        #expect(try tokens(#""say \"hi\" \\""#) == [#"STRING say \"hi\" \\"#])
        #expect(try tokens(#""a\"b" "c""#) == [#"STRING a\"b"#, "STRING c"])
        // A raw newline stays inside the string and is no NEWLINE token.
        let lexed = try lex("\"one\ntwo\"\n")
        #expect(lexed.map(\.kind) == [.string, .newline])
        #expect(lexed[0].text == "one\ntwo")
        // `#` inside a string is text, not a comment.
        #expect(try tokens(#""a # b""#) == ["STRING a # b"])
        #expect(lexError("\"open")?.stage == .parse)
    }

    @Test func comments() throws {
        // A comment runs to the end of the line and leaves the newline token.
        #expect(try kinds("$x = 1 # one\n$y") == [.dollar, .identifier, .equals, .integer, .newline, .dollar, .identifier])
        #expect(try kinds("# only a comment") == [])
        #expect(try kinds("#a\n#b\n") == [.newline, .newline])
        #expect(try kinds("[ # open\n") == [.openBrack, .newline])
        // Any character may appear in a comment.
        #expect(try kinds("# @ ! ~ \r é\n") == [.newline])
    }

    @Test func whitespace() throws {
        #expect(try tokens("$ x") == ["DOLLAR", "IDENTIFIER x"])
        #expect(try tokens("a . b") == ["IDENTIFIER a", "DOT", "IDENTIFIER b"])
        #expect(try kinds("\t \t") == [])
    }

    @Test func unrecognizedCharacters() throws {
        for character in ["@", "!", "&", "|", "%", "'", "~", "^", "?", "é"] {
            #expect(lexError("a \(character)")?.message == "unrecognized: `\(character)`", "\(character)")
            #expect(lexError("a \(character)")?.span?.start == 2, "\(character)")
        }
        #expect(lexError("a\r\n")?.message == "unrecognized carriage return")
        #expect(lexError("a\r\n")?.span?.start == 1)
        // `\r` inside a string is text.
        #expect(try tokens("\"a\rb\"") == ["STRING a\rb"])
    }

    @Test func spans() throws {
        let source = "$abc = \"hi\" # x\nfile \"/a\" {}\n"
        let lexed = try lex(source)
        let spans = lexed.map { [Int($0.span.start), Int($0.span.end)] }
        #expect(spans == [[0, 1], [1, 4], [5, 6], [7, 11], [15, 16], [16, 20], [21, 25], [26, 27], [27, 28], [28, 29]])
        #expect(lexed.map { text(of: $0.span, in: source) } == ["$", "abc", "=", "\"hi\"", "\n", "file", "\"/a\"", "{", "}", "\n"])
        // Multi-byte characters count in bytes; the final `.eof` is empty at the end.
        let all = try Lexer.tokenize(sourceFile("\"é\" 12"))
        #expect(all.map { [Int($0.span.start), Int($0.span.end)] } == [[0, 4], [5, 7], [7, 7]])
        #expect(all.last?.kind == .eof)
    }
}
