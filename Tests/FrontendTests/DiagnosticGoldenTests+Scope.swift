@testable import Frontend

extension DiagnosticGoldenTests {
    static let scopeCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "missing variable", source: "test 1️⃣\"${nope}\" {}\n", stage: .scope,
                         message: "var `$nope` does not exist in this scope"),
    ]
}
