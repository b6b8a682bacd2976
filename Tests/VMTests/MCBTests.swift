import Foundation
import Testing
@testable import VM

/// `MCBWriter` and `MCBReader` (spec/mcb.md): round trips of hand-built programs, the header
/// layout, and the header checks, each refusing a corrupt file with one `LoadError` line.
@Suite struct MCBTests {
    // MARK: Round trips

    @Test func everythingRoundTrips() throws {
        let program = SamplePrograms.everything
        let bytes = MCBWriter.write(program)
        let read = try MCBReader.read(bytes)
        #expect(read == program)
        #expect(MCBWriter.write(read) == bytes)
    }

    @Test func emptyProgramRoundTrips() throws {
        let program = SamplePrograms.empty
        #expect(try MCBReader.read(MCBWriter.write(program)) == program)
    }

    @Test func everythingCoversEveryNodeAndConstantKind() {
        let program = SamplePrograms.everything
        let nodeTags = Set(program.nodes.map { node -> UInt8 in
            switch node.kind {
            case .compute: 0
            case .source: 1
            case .branch: 2
            case .loop: 3
            case .apply: 4
            case .except: 5
            case .join: 6
            case .resource: 7
            case .edge: 8
            case .iterate: 9
            case .assert: 10
            }
        })
        #expect(nodeTags == Set(0...10))
        var valueTags = Set<String>()
        func visit(_ value: Value) {
            switch value {
            case .bool(let b): valueTags.insert("\(b)")
            case .int: valueTags.insert("int")
            case .float: valueTags.insert("float")
            case .str: valueTags.insert("str")
            case .list(let items): valueTags.insert("list"); items.forEach(visit)
            case .map(let map): valueTags.insert("map"); map.keys.forEach(visit); map.values.forEach(visit)
            case .struct(let s): valueTags.insert("struct"); s.values.forEach(visit)
            case .function(let f): valueTags.insert("function"); f.captures.forEach(visit)
            }
        }
        program.constants.forEach(visit)
        #expect(valueTags == ["false", "true", "int", "float", "str", "list", "map", "struct", "function"])
        let operations = Set(program.nodes.compactMap { node -> IterateOperation? in
            if case .iterate(let op) = node.kind { return op }
            return nil
        })
        #expect(operations == [.map, .filter, .reduce, .zip])
    }

    @Test func specialFloatsKeepTheirBits() throws {
        var program = SamplePrograms.empty
        program.constants = [.float(-0.0), .float(.infinity), .float(.leastNonzeroMagnitude), .float(.nan)]
        let read = try MCBReader.read(MCBWriter.write(program))
        let bits = read.constants.map { value -> UInt64? in
            if case .float(let f) = value { return f.bitPattern }
            return nil
        }
        #expect(bits == [(-0.0).bitPattern, Double.infinity.bitPattern, Double.leastNonzeroMagnitude.bitPattern, Double.nan.bitPattern])
    }

    /// "Constants nest at most 64 deep": 64 nested values read, 65 do not.
    @Test func constantNestingLimit() throws {
        func nested(_ depth: Int) -> Value { depth == 1 ? .int(1) : .list([nested(depth - 1)]) }
        var program = SamplePrograms.empty
        program.constants = [nested(64)]
        #expect(try MCBReader.read(MCBWriter.write(program)) == program)
        program.constants = [nested(65)]
        let error = #expect(throws: LoadError.self) { try MCBReader.read(MCBWriter.write(program)) }
        #expect(error?.message.contains("nested too deeply") == true)
    }

    // MARK: Layout against the spec

    @Test func headerLayout() {
        let bytes = MCBWriter.write(SamplePrograms.empty)
        #expect(Array(bytes[0..<4]) == [0x1B, 0x4D, 0x43, 0x42])
        #expect(Array(bytes[4..<8]) == [1, 0, 0, 0])  // version 1, flags 0
        #expect(Array(bytes[8..<12]) == [0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(bytes[12..<20]) == [8, 7, 6, 5, 4, 3, 2, 1])
        #expect(Array(bytes[20..<28]) == withUnsafeBytes(of: (370.5).bitPattern.littleEndian) { Array($0) })
        #expect(MCBBytes.u32(bytes, at: 36) == 9)
        var fixed = bytes
        MCBBytes.fixChecksum(&fixed)
        #expect(fixed == bytes)
        #expect(MCBBytes.sections(bytes).map(\.tag) == ["STRS", "TYPE", "KONS", "BLTN", "KIND", "SPAN", "TMPL", "NODE", "CODE"])
        #expect(MCBBytes.sections(bytes).last?.payload.upperBound == bytes.count)
    }

    @Test func sectionOrderAndNodeKindsMatchTheSpec() throws {
        let spec = try repositoryFile("spec/mcb.md")
        let order = try #require(spec.split(separator: "\n").first { $0.hasPrefix("section*") })
        #expect(order.components(separatedBy: "in this order: ").last?.split(separator: " ").map(String.init) == MCBFormat.sections)
        // `| 0 | \`compute\` | ...` rows of the node kind table.
        var kinds: [(UInt8, String)] = []
        for line in spec.split(separator: "\n") {
            let cells = line.components(separatedBy: " | ")
            guard cells.count >= 3, let number = UInt8(cells[0].dropFirst(2)), cells[1].hasPrefix("`") else { continue }
            kinds.append((number, cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))))
        }
        #expect(kinds.map(\.0) == Array(0...10))
        for (number, name) in kinds {
            #expect(MCBFormat.NodeTag(rawValue: number).map { "\($0)" } == name)
        }
        #expect(MCBFormat.NodeTag(rawValue: 11) == nil)
    }

    // MARK: Header and framing checks

    /// Corruptions of a valid file, each refused with a recognizable one-line reason.
    enum Corruption: String, CaseIterable, Sendable {
        case badMagic, wrongVersion, newlineBytesTranslated, newlineBytesChanged, byteSwappedInt, badFloatSample
        case checksumMismatch, tooShortForHeader, emptyFile, truncatedSection, trailingBytes, sectionCount, sectionTag
        case badUTF8, newlineInTypeString, stringIndexOutOfRange

        /// Applies the corruption to `bytes` (a file `MCBWriter` wrote) and returns what the error must say.
        func apply(_ bytes: inout [UInt8]) -> String {
            let sections = MCBBytes.sections(bytes)
            switch self {
            case .badMagic:
                bytes[1] = UInt8(ascii: "m")
                return "bad magic"
            case .wrongVersion:
                bytes[4] = 2
                return "unsupported .mcb format version 2"
            case .newlineBytesTranslated:  // a text-mode transfer turned CR LF into LF
                bytes.remove(at: 8)
                return "newline bytes changed"
            case .newlineBytesChanged:
                bytes[10] = 0x0A
                return "newline bytes changed"
            case .byteSwappedInt:
                bytes[12..<20].reverse()
                return "integer sample differs"
            case .badFloatSample:
                bytes[27] = 0x41  // the exponent: 370.5 became 24281088.0
                return "float sample differs"
            case .checksumMismatch:
                bytes[bytes.count - 1] ^= 0x10
                return "checksum mismatch"
            case .tooShortForHeader:
                bytes.removeLast(bytes.count - 39)
                return "only 39 bytes"
            case .emptyFile:
                bytes = []
                return "only 0 bytes"
            case .truncatedSection:
                bytes.removeLast(3)
                MCBBytes.fixChecksum(&bytes)
                return "section CODE is truncated"
            case .trailingBytes:
                bytes += [0, 0, 0]
                MCBBytes.fixChecksum(&bytes)
                return "3 unexpected bytes after the last section"
            case .sectionCount:
                bytes[36] = 8
                return "8 sections, expected 9"
            case .sectionTag:
                bytes[sections[2].start] = UInt8(ascii: "X")
                MCBBytes.fixChecksum(&bytes)
                return "expected section KONS"
            case .badUTF8:
                // The first string's first byte: STRS is count, then length, then bytes.
                bytes[sections[0].payload.lowerBound + 8] = 0xFF
                MCBBytes.fixChecksum(&bytes)
                return "not valid UTF-8"
            case .newlineInTypeString:  // the first string is the first type, `int`: now `i\nt`
                bytes[sections[0].payload.lowerBound + 9] = 0x0A
                MCBBytes.fixChecksum(&bytes)
                return #"bad type "i\nt""#
            case .stringIndexOutOfRange:
                // TYPE: count, then the first type's string index.
                MCBBytes.setU32(&bytes, at: sections[1].payload.lowerBound + 4, 1000)
                MCBBytes.fixChecksum(&bytes)
                return "string 1000 out of range"
            }
        }
    }

    @Test(arguments: Corruption.allCases)
    func corruptFileIsRefusedWithOneLine(_ corruption: Corruption) {
        var bytes = MCBWriter.write(SamplePrograms.everything)
        let expected = corruption.apply(&bytes)
        let error = #expect(throws: LoadError.self) { try MCBReader.read(bytes) }
        guard let message = error?.message else { return }
        #expect(message.contains(expected), "\(message)")
        #expect(!message.isEmpty && !message.contains("\n"))
    }

    /// Every proper prefix of a valid file is refused, whether or not its checksum is fixed.
    @Test func everyTruncationIsRefused() {
        let bytes = MCBWriter.write(SamplePrograms.everything)
        for length in 0..<bytes.count {
            var prefix = Array(bytes[0..<length])
            #expect(throws: LoadError.self) { try MCBReader.read(prefix) }
            MCBBytes.fixChecksum(&prefix)
            #expect(throws: LoadError.self) { try MCBReader.read(prefix) }
        }
    }
}
