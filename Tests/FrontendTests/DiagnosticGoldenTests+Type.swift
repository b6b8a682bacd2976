@testable import Frontend

extension DiagnosticGoldenTests {
    static let typeCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "param of the wrong type", source: "test \"t\" {\n\tint8 => 1️⃣\"seven\",\n}\n", stage: .type,
                         message: "type error: int != str"),
    ]
}
