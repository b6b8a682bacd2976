import Foundation
import Testing
@testable import VM

/// One row of the opcode table of spec/bytecode.md.
struct SpecOpcodeRow: Equatable {
    var name: String
    var format: String
    var hasExtraWord: Bool
    var effect: String
}

/// The repository folder, from this file's path (Tests/VMTests/OpcodeTests.swift).
func repositoryFile(_ relative: String, from file: String = #filePath) throws -> String {
    let url = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("../..").appendingPathComponent(relative)
    return try String(contentsOf: url.standardizedFileURL, encoding: .utf8)
}

/// The rows of the `## Opcodes` table, in order: `| \`name\` | iABC + iAx | effect |`.
func specOpcodeRows() throws -> [SpecOpcodeRow] {
    let text = try repositoryFile("spec/bytecode.md")
    let section = try #require(text.components(separatedBy: "\n## Opcodes\n").dropFirst().first)
    let table = try #require(section.components(separatedBy: "\n## ").first)
    var rows: [SpecOpcodeRow] = []
    for line in table.split(separator: "\n") where line.hasPrefix("| `") {
        let cells = line.dropFirst(2).dropLast(2).components(separatedBy: " | ")
        try #require(cells.count == 3, "malformed row: \(line)")
        let formats = cells[1].components(separatedBy: " + ")
        rows.append(SpecOpcodeRow(name: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                                  format: formats[0], hasExtraWord: formats.dropFirst() == ["iAx"], effect: cells[2]))
    }
    return rows
}

/// The spec's opcode table is the one list: `Opcode.allCases`, the formats, the extra words
/// and the doc comments of Opcode.swift all follow it (STYLE.md, "Formats come from specs").
@Suite struct OpcodeTests {
    @Test func specTableNamesMatchAllCasesInOrder() throws {
        let rows = try specOpcodeRows()
        #expect(rows.map(\.name) == Opcode.allCases.map { "\($0)" })
    }

    @Test func opcodeByteIsThePositionInTheTable() throws {
        for (i, row) in try specOpcodeRows().enumerated() {
            let op = try #require(Opcode(rawValue: UInt8(i)))
            #expect("\(op)" == row.name)
        }
        #expect(Opcode(rawValue: UInt8(Opcode.allCases.count)) == nil)
    }

    @Test func specFormatsMatch() throws {
        let rows = try specOpcodeRows()
        try #require(rows.count == Opcode.allCases.count)
        for (row, op) in zip(rows, Opcode.allCases) {
            #expect(row.format == op.format.rawValue, "format of \(op)")
            #expect(row.hasExtraWord == op.hasExtraWord, "extra word of \(op)")
        }
    }

    /// Each case's `///` comment in Opcode.swift is its spec row: `format: effect`.
    @Test func docCommentsRepeatTheSpecRows() throws {
        let source = try repositoryFile("Sources/VM/Bytecode/Opcode.swift")
        var comments: [String: String] = [:]
        var previous = ""
        for line in source.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("case "), !line.contains(","), !line.contains("{") {
                let name = line.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
                comments[name] = previous
            }
            previous = line.hasPrefix("/// ") ? String(line.dropFirst(4)) : ""
        }
        for row in try specOpcodeRows() {
            let format = row.format + (row.hasExtraWord ? " + iAx" : "")
            #expect(comments[row.name] == "\(format): \(row.effect)", "doc comment of \(row.name)")
        }
    }

    @Test func onlyTheJumpsAndLoadsAreIABx() {
        let iABx = Opcode.allCases.filter { $0.format == .iABx }
        #expect(iABx == [.loadConst, .loadInput, .jump, .jumpIfFalse])
    }
}

/// Packing and unpacking instruction words (spec/bytecode.md, "Instruction word").
@Suite struct InstructionTests {
    @Test func layoutOfTheSpecDiagram() {
        // op in bits 0-7, A 8-15, B 16-23, C 24-31; Bx 16-31; Ax 8-31 of the extra word.
        #expect(Instruction.abc(.move, 1, 2, 3) == 0x0302_0102)
        #expect(Instruction.abx(.loadConst, 5, 0x1234) == 0x1234_0500)
        #expect(Instruction.asbx(.jump, 0, 0) == 0x8000_0000 | UInt32(Opcode.jump.rawValue))
        #expect(Instruction.extra(0xABCDEF) == 0xABCD_EF00)
    }

    static let abcOperands: [(Int, Int, Int)] = [(0, 0, 0), (1, 2, 3), (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255), (128, 7, 200)]

    @Test(arguments: Opcode.allCases)
    func abcRoundTrip(_ op: Opcode) {
        for (a, b, c) in Self.abcOperands {
            let word = Instruction.abc(op, a, b, c)
            #expect(Opcode(rawValue: Instruction.opcodeByte(word)) == op)
            #expect(Instruction.a(word) == a)
            #expect(Instruction.b(word) == b)
            #expect(Instruction.c(word) == c)
        }
    }

    @Test(arguments: [0, 1, 255, 256, 32767, 32768, 65535])
    func abxRoundTrip(_ bx: Int) {
        for a in [0, 9, 255] {
            let word = Instruction.abx(.loadConst, a, bx)
            #expect(Instruction.opcodeByte(word) == Opcode.loadConst.rawValue)
            #expect(Instruction.a(word) == a)
            #expect(Instruction.bx(word) == bx)
        }
    }

    @Test(arguments: [-32768, -1000, -2, -1, 0, 1, 2, 1000, 32767])
    func asbxRoundTrip(_ offset: Int) {
        let word = Instruction.asbx(.jumpIfFalse, 17, offset)
        #expect(Opcode(rawValue: Instruction.opcodeByte(word)) == .jumpIfFalse)
        #expect(Instruction.a(word) == 17)
        #expect(Instruction.sbx(word) == offset)
        #expect(Instruction.bx(word) == offset + Instruction.jumpBias)
    }

    @Test(arguments: [0, 1, 255, 256, 65536, (1 << 24) - 1])
    func extraRoundTrip(_ ax: Int) {
        let word = Instruction.extra(ax)
        #expect(Instruction.ax(word) == ax)
        #expect(Instruction.opcodeByte(word) == 0)  // the low byte of an extra word is unused
    }
}
