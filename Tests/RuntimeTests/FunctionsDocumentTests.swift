import Foundation
import Testing
@testable import Runtime
import VM

/// spec/functions.md is generated from the registry (`mgmt functions --markdown`): this
/// fails when someone changes the registry or an implementation and forgets to regenerate.
@Suite struct FunctionsDocumentTests {
    @Test func specIsUpToDate() throws {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../spec/functions.md")
        let written = try String(contentsOf: spec.standardizedFileURL, encoding: .utf8)
        #expect(written == FunctionsDocument.markdown(), "spec/functions.md is stale: run `mgmt functions --markdown > spec/functions.md`")
    }

    /// Issue 4's bar: at least 95% of the registry implemented.
    @Test func nearlyEveryBuiltinIsImplemented() {
        let missing = Registry.builtins.filter { FunctionsDocument.status(of: $0) == .missing }
        #expect(Double(missing.count) / Double(Registry.builtins.count) <= 0.05, "\(missing.map(\.qualifiedName))")
    }
}
