import Testing
import VM
@testable import Runtime

/// `fmt.printf`: every verb, container printing, float formatting and run-time format errors.
@Suite struct BuiltinsFmtTests {
    private func printf(_ format: String, _ args: Value...) throws -> Value {
        let body = try #require(Builtins.functions["fmt.printf"])
        return try body([.str(format)] + args)
    }

    @Test func everyVerb() throws {
        #expect(try printf("%s|%q|%d|%f|%t|%%", .str("a\"b"), .str("say \"hi\"\n"), .int(-37), .float(3.14), .bool(true))
            == .str(#"a"b|"say \"hi\"\n"|-37|3.14|true|%"#))
        #expect(try printf("no verbs") == .str("no verbs"))
        #expect(try printf("") == .str(""))
    }

    @Test func quotedEscapes() throws {
        #expect(try printf("%q", .str("\u{07}\u{08}\u{0C}\r\t\u{0B}\\\u{01}\u{7F}é\u{200B}")) == .str(#""\a\b\f\r\t\v\\\x01\x7fé\u200b""#))
    }

    @Test func floatsPrintShortestWithoutExponent() throws {
        #expect(try printf("%f", .float(42)) == .str("42"))
        #expect(try printf("%f", .float(3.14)) == .str("3.14"))
        #expect(try printf("%f", .float(1e21)) == .str("1000000000000000000000"))
        #expect(try printf("%f", .float(1e-7)) == .str("0.0000001"))
        #expect(try printf("%f", .float(-0.5)) == .str("-0.5"))
        #expect(try printf("%f %f %f", .float(.nan), .float(.infinity), .float(-.infinity)) == .str("NaN +Inf -Inf"))
        #expect(try printf("%v", .float(2.5)) == .str("2.5"))
    }

    @Test func valueVerbPrintsContainersInMclStyle() throws {
        #expect(try printf("%v", .str("raw")) == .str("raw"))
        #expect(try printf("%v", .int(7)) == .str("7"))
        #expect(try printf("%v", .bool(false)) == .str("false"))
        #expect(try printf("%v", .list([.int(1), .int(2)])) == .str("[1, 2]"))
        #expect(try printf("%v", strList("a", "b")) == .str(#"["a", "b"]"#))
        #expect(try printf("%v", .list([])) == .str("[]"))
        #expect(try printf("%v", mapValue([(.str("z"), .int(2)), (.str("k"), .int(1))])) == .str(#"{"k": 1, "z": 2}"#))
        #expect(try printf("%v", mapValue([(.int(7), .str("y")), (.int(1), .str("x"))])) == .str(#"{1: "x", 7: "y"}"#))
        #expect(try printf("%v", structValue(["name": .str("x"), "count": .int(3)])) == .str(#"struct{name: "x"; count: 3}"#))
        #expect(try printf("%v", .list([.list([.float(1.5)]), .list([])])) == .str("[[1.5], []]"))
    }

    @Test func typeVerb() throws {
        #expect(try printf("%T %T %T %T", .int(1), .str(""), .float(1), .bool(true)) == .str("int str float bool"))
        #expect(try printf("%T", .list([.int(1), .int(2)])) == .str("[]int"))
        #expect(try printf("%T", mapValue([(.str("a"), .int(1))])) == .str("map{str: int}"))
        #expect(try printf("%T", structValue(["name": .str("x"), "count": .int(3)])) == .str("struct{name str; count int}"))
        #expect(try printf("%T", .list([.list([]), .list([.str("a")])])) == .str("[][]str"))
        // Values alone cannot tell the element type of an empty list.
        #expect(try printf("%T", .list([])) == .str("[]variant"))
    }

    @Test func literalTextStaysUTF8() throws {
        // Upstream mangles non-ASCII literal text as Latin-1 (`cafÃ© 1`); deliberately not reproduced.
        #expect(try printf("café %d ✓", .int(1)) == .str("café 1 ✓"))
    }

    @Test func formatQuirks() throws {
        #expect(try printf("100%") == .str("100"))  // a lone trailing % is dropped
        #expect(try printf("%d", .int(1), .int(2), .str("extra")) == .str("1"))  // surplus values ignored
    }

    @Test func runTimeFormatErrorsAreFatal() {
        expectFailure("fmt.printf", [.str("x %5d"), .int(1)], "invalid format string at 3")
        expectFailure("fmt.printf", [.str("%.2f"), .float(1)], "invalid format string at 1")
        expectFailure("fmt.printf", [.str("%d %d"), .int(1)], "more specifiers (2) than values (1)")
        expectFailure("fmt.printf", [.str("%d"), .str("51820")], "unexpected type: base kind does not match (str != int)")
        expectFailure("fmt.printf", [.str("%s"), .list([])], "unexpected type: base kind does not match (list != str)")
        expectFailure("fmt.printf", [.str("%t"), .int(0)], "unexpected type: base kind does not match (int != bool)")
    }
}
