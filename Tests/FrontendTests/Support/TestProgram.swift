import Foundation
@testable import Frontend
import Runtime
import VM

/// The catalog the CLIs use, built once for all tests.
let testCatalog = TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds,
                               variables: Registry.variables)

/// A program written to a fresh temporary folder: `main.mcl` plus any other files.
struct TestProgram {
    let folder: URL

    init(_ main: String, files: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcl-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files.merging(["main.mcl": main], uniquingKeysWith: { a, _ in a }) {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Runs every static check on the folder.
    func check() -> (Result<CheckedProgram, Diagnostic>, SourceMap) {
        let compilation = Compilation(catalog: testCatalog)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            return (.success(try compilation.check(path: folder.path)), compilation.sources)
        } catch {
            return (.failure(error), compilation.sources)
        }
    }
}

/// Checks `source` (a whole `main.mcl`) and returns the diagnostic, or nil if it passed.
func diagnostic(_ source: String, files: [String: String] = [:]) throws -> Diagnostic? {
    let (result, _) = try TestProgram(source, files: files).check()
    if case .failure(let error) = result { return error }
    return nil
}

/// Checks `source` and returns the rendered error (or nil when it passed).
func rendered(_ source: String, files: [String: String] = [:]) throws -> String? {
    let (result, sources) = try TestProgram(source, files: files).check()
    if case .failure(let error) = result { return error.rendered(with: sources) }
    return nil
}

/// The marker that golden diagnostic sources put where the error must point.
let marker = "1️⃣"

/// A source with `marker` in it: the text without the marker, and the marker's byte offset.
func strippingMarker(_ source: String) -> (String, Int?) {
    guard let range = source.range(of: marker) else { return (source, nil) }
    let offset = source.utf8.distance(from: source.utf8.startIndex, to: range.lowerBound.samePosition(in: source.utf8)!)
    return (source.replacingCharacters(in: range, with: ""), offset)
}
