import Testing
@testable import Frontend

/// One golden diagnostic: a program whose `1️⃣` marks where the error must start, the
/// stage it must fail at, and its exact message.
struct GoldenDiagnostic: CustomTestStringConvertible, Sendable {
    let name: String
    let source: String
    let stage: Stage
    let message: String
    var files: [String: String] = [:]
    var testDescription: String { name }
}

/// Golden diagnostics, one suite per stage. Each case asserts the stage, the whole message
/// and the start of the span (the marker); the rendered form must show a caret.
@Suite struct DiagnosticGoldenTests {
    static let cases: [GoldenDiagnostic] = parseCases + parseCases2 + scopeCases + typeCases

    @Test(arguments: cases)
    func golden(_ golden: GoldenDiagnostic) throws {
        let (source, offset) = strippingMarker(golden.source)
        let (result, sources) = try TestProgram(source, files: golden.files).check()
        guard case .failure(let error) = result else {
            Issue.record("\(golden.name): expected a \(golden.stage) error, the program passed")
            return
        }
        #expect(error.stage == golden.stage, "\(golden.name): \(error.message)")
        #expect(error.message == golden.message, "\(golden.name)")
        if let offset {
            #expect(error.span.map { Int($0.start) } == offset, "\(golden.name): span starts at \(error.span.map { sources.byline($0) } ?? "nowhere")")
        }
        let text = error.rendered(with: sources)
        #expect(text.hasPrefix("error: \(golden.stage.rawValue): "), "\(golden.name)")
        if error.span != nil { #expect(text.contains("^"), "\(golden.name): no caret in\n\(text)") }
    }
}
