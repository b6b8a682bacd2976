import Testing
@testable import Runtime

/// Splitting `fmt.printf` formats into literal pieces and verbs.
@Suite struct FormatStringTests {
    @Test func piecesAndVerbs() throws {
        let format = try FormatString(parsing: "café %s=%d, 100%% %v%T")
        #expect(format.pieces == [
            .literal("café "), .verb(.string), .literal("="), .verb(.decimal), .literal(", 100% "),
            .verb(.value), .verb(.type),
        ])
        #expect(format.verbs == [.string, .decimal, .value, .type])
        #expect(format.verbs.map(\.argumentType) == [.str, .int, nil, nil])
    }

    @Test func edgeCases() throws {
        #expect(try FormatString(parsing: "").pieces == [])
        #expect(try FormatString(parsing: "%%").pieces == [.literal("%")])
        #expect(try FormatString(parsing: "a%").pieces == [.literal("a")])  // lone trailing % dropped
        #expect(try FormatString(parsing: "%q%f%t").verbs == [.quoted, .float, .bool])
    }

    @Test func invalidVerbs() {
        // The offset is the byte after the `%`, counted in UTF-8 bytes.
        #expect(throws: FormatString.ParseError(offset: 1)) { try FormatString(parsing: "%5d") }
        #expect(throws: FormatString.ParseError(offset: 1)) { try FormatString(parsing: "%x") }
        #expect(throws: FormatString.ParseError(offset: 4)) { try FormatString(parsing: "é %é") }
        #expect(throws: FormatString.ParseError(offset: 4)) { try FormatString(parsing: "%d %!") }
    }
}
