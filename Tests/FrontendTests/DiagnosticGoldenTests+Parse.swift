@testable import Frontend

extension DiagnosticGoldenTests {
    static let parseCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "number glued to a minus", source: "$n = 5 1️⃣-1\n", stage: .parse,
                         message: "parser: `syntax error: unexpected INTEGER, expecting NEWLINE`"),
        GoldenDiagnostic(name: "unknown escape", source: "test 1️⃣\"cost:\\w5\" {}\n", stage: .parse,
                         message: "parser failed: unknown escape sequence: \\w"),
    ]
}
