import Foundation
import Frontend
import IR
import Runtime
import Testing
import VM

/// Compiles `source` (a whole `main.mcl`) through the Frontend, with the Runtime's catalog
/// and constant folding, as `mgmtc compile` does.
func compile(_ source: String) throws -> Program {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcl-golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try source.write(to: folder.appendingPathComponent("main.mcl"), atomically: true, encoding: .utf8)
    let catalog = TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds, variables: Registry.variables)
    let compilation = Compilation(catalog: catalog)
    do {
        return try compilation.compile(path: folder.path, fold: Registry.fold)
    } catch {
        Issue.record("does not compile: \(error.rendered(with: compilation.sources))")
        throw error
    }
}

/// Expects the listing of `source` to be `expected`, line by line.
func expectListing(_ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let listing = Disassembler.listing(try compile(source))
    #expect(listing == expected + "\n", sourceLocation: sourceLocation)
}

/// Golden bytecode (STYLE.md, "Tests"): mcl snippets and their expected `mgmtc disasm`
/// listings, as Lua's testes/code.lua pins its code generator. `$hostname` stands for a
/// value the compiler cannot know.
@Suite struct GoldenBytecodeTests {
    @Test func constantFolding() throws {
        try expectListing("""
            test "t" {
            \tint64 => 1 + 2,
            }
            """, """
            PLACEHOLDER
            """)
    }
}
