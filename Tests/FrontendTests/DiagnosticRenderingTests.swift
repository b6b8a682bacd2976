import Foundation
import Testing
@testable import Frontend

/// The rendered form of a diagnostic (`Diagnostic.rendered(with:)`): the `error: STAGE:
/// PATH:LINE:COL: message` line scripts read, then the byline, the source excerpt and a caret
/// line under the span.
@Suite struct DiagnosticRenderingTests {
    /// Checks `source` as `main.mcl` (plus `files`) and returns the folder it lived in and the
    /// rendered error split into lines, or nil if the program passed.
    private func render(_ source: String, files: [String: String] = [:]) throws -> (folder: String, lines: [String])? {
        let program = try TestProgram(source, files: files)
        let (result, sources) = program.check()
        guard case .failure(let error) = result else { return nil }
        let text = error.rendered(with: sources)
        return (program.folder.path, text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
    }

    @Test func firstLineNamesStagePathLineAndColumn() throws {
        let out = try #require(try render("$l = [\"a\", 1]\ntest $l {}\n"))
        #expect(out.lines.first == "error: type: \(out.folder)/main.mcl:1:12: type error: str != int")
        #expect(out.lines.dropFirst().first == "  --> /main.mcl @ 1:12-1:13")
    }

    @Test func caretsSitUnderTheSpanAndKeepTabs() throws {
        let source = "if true {\n\ttest \"x\" {\n\t\tint8 => \"no\",\n\t}\n}\n"
        let out = try #require(try render(source))
        #expect(out.lines.first == "error: type: \(out.folder)/main.mcl:3:11: type error: int != str")
        #expect(Array(out.lines.dropFirst().prefix(4)) == [
            "  --> /main.mcl @ 3:11-3:15",
            "  |",
            "3 | \t\tint8 => \"no\",",
            "  | \t\t        ^^^^",
        ])
    }

    @Test func multiLineSpanMarksFirstAndLastLine() throws {
        let source = "test \"t\" {\n\tanotherstr => \"a\",\n\tanotherstr => \"b\",\n}\n"
        let out = try #require(try render(source))
        #expect(out.lines.first == "error: parse: \(out.folder)/main.mcl:1:1: resource has duplicate field of: anotherstr")
        #expect(Array(out.lines.dropFirst().prefix(6)) == [
            "  --> /main.mcl @ 1:1-4:2",
            "  |",
            "1 | test \"t\" {",
            "  | ^ from here ...",
            "4 | }",
            "  | ^ ... to here",
        ])
    }

    @Test func gutterWidensForTwoDigitLineNumbers() throws {
        let padding = String(repeating: "\n", count: 8)
        let source = padding + "\tnoop \"n\" {\n\t\tMeta:noop => true,\n\t\tMeta:noop => false,\n\t}\n"
        let out = try #require(try render(source))
        #expect(out.lines.first == "error: parse: \(out.folder)/main.mcl:9:2: resource has duplicate meta entry of: noop")
        #expect(Array(out.lines.dropFirst().prefix(6)) == [
            "   --> /main.mcl @ 9:2-12:3",
            "   |",
            " 9 | \tnoop \"n\" {",
            "   | \t^ from here ...",
            "12 | \t}",
            "   | \t^ ... to here",
        ])
    }

    /// An error inside an imported file is reported on the import (stage scope, as upstream),
    /// with the inner position in the message.
    @Test func errorInAnImportedFileIsReportedOnTheImport() throws {
        let out = try #require(try render("import \"util.mcl\"\n", files: ["util.mcl": "$x = 1 2\n"]))
        #expect(out.lines.first == "error: scope: \(out.folder)/main.mcl:1:8: local import of `util.mcl` failed: "
            + "could not generate AST from import: parser: `syntax error: unexpected INTEGER, expecting NEWLINE`: /util.mcl @ 1:8-1:9")
        #expect(Array(out.lines.dropFirst().prefix(4)) == [
            "  --> /main.mcl @ 1:8-1:18",
            "  |",
            "1 | import \"util.mcl\"",
            "  |        ^^^^^^^^^^",
        ])
    }
}
