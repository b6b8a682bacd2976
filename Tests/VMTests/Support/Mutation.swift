@testable import VM

/// Ways to corrupt a file, each driven by the seeded generator.
enum Mutation: CaseIterable {
    case truncate, flipBits, overwriteBytes, swapSections, duplicateRange, zeroRange, deleteRange
    /// An interesting u32 (0, 1, a power of two ± 1, all ones, the old value ± 1) at a random offset of a section payload.
    case interestingWord
    /// One byte of a CODE word: the opcode or an operand.
    case codeByte

    func apply(to bytes: inout [UInt8], _ random: inout SplitMix64) {
        let count = bytes.count
        switch self {
        case .truncate:
            bytes.removeLast(count - random.below(count))
        case .flipBits:
            for _ in 0...random.below(4) { bytes[random.below(count)] ^= 1 << UInt8(random.below(8)) }
        case .overwriteBytes:
            for _ in 0...random.below(4) { bytes[random.below(count)] = UInt8(truncatingIfNeeded: random.next()) }
        case .swapSections:
            let sections = MCBBytes.sections(bytes)
            let i = random.below(sections.count)
            let j = (i + 1 + random.below(sections.count - 1)) % sections.count
            let payloads = sections.map { Array(bytes[$0.payload]) }
            var out = Array(bytes[0..<MCBFormat.headerSize])
            for k in sections.indices {
                let payload = payloads[k == i ? j : k == j ? i : k]
                out += Array(sections[k].tag.utf8)
                out += withUnsafeBytes(of: UInt32(payload.count).littleEndian) { Array($0) }
                out += payload
            }
            bytes = out
        case .duplicateRange:
            let range = randomRange(count, &random)
            bytes.insert(contentsOf: bytes[range], at: random.below(count + 1))
        case .zeroRange:
            let range = randomRange(count, &random)
            bytes.replaceSubrange(range, with: repeatElement(0, count: range.count))
        case .deleteRange:
            bytes.removeSubrange(randomRange(count, &random))
        case .interestingWord:
            let sections = MCBBytes.sections(bytes).filter { $0.payload.count >= 4 }
            let section = sections[random.below(sections.count)]
            let offset = section.payload.lowerBound + random.below(section.payload.count - 3)
            let old = MCBBytes.u32(bytes, at: offset)
            let values: [UInt32] = [0, 1, 2, 3, 7, 8, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x1_0000, 0x7FFF_FFFF, 0x8000_0000,
                                    0xFFFF_FFFE, 0xFFFF_FFFF, old &+ 1, old &- 1, old &+ 4, UInt32(truncatingIfNeeded: random.next())]
            MCBBytes.setU32(&bytes, at: offset, values[random.below(values.count)])
        case .codeByte:
            let code = MCBBytes.sections(bytes).last!.payload
            let words = (code.count - 4) / 4
            let offset = code.lowerBound + 4 + 4 * random.below(words) + random.below(4)
            switch random.below(3) {
            case 0: bytes[offset] = UInt8(random.below(Opcode.allCases.count + 2))
            case 1: bytes[offset] &+= random.below(2) == 0 ? 1 : 255
            default: bytes[offset] = UInt8(truncatingIfNeeded: random.next())
            }
        }
    }

    /// A range of 1 to 64 bytes inside `0..<count`.
    private func randomRange(_ count: Int, _ random: inout SplitMix64) -> Range<Int> {
        let start = random.below(count)
        return start..<min(count, start + 1 + random.below(64))
    }
}

/// SplitMix64 (Steele, Lea and Flood): a small seeded generator, so every run mutates alike.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n` (n > 0).
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
