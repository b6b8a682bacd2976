@testable import VM

/// Byte-level surgery on `.mcb` files for the loader tests.
enum MCBBytes {
    /// Writes the FNV-1a checksum of everything after the header into the header, so that a
    /// corruption gets past the checksum to the section parsers and the verifier. Files
    /// shorter than the header are left alone.
    static func fixChecksum(_ bytes: inout [UInt8]) {
        guard bytes.count >= MCBFormat.headerSize else { return }
        let sum = MCBFormat.checksum(bytes, from: MCBFormat.headerSize)
        for i in 0..<8 { bytes[28 + i] = UInt8(truncatingIfNeeded: sum >> (8 * i)) }
    }

    /// A little-endian u32 at `offset`.
    static func u32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    static func setU32(_ bytes: inout [UInt8], at offset: Int, _ value: UInt32) {
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) }
    }

    /// One section of a well-formed file: its tag, where its 8-byte header starts, and its payload.
    struct Section {
        var tag: String
        var start: Int
        var payload: Range<Int>
    }

    /// The sections of a file `MCBWriter` wrote (assumes it is well formed).
    static func sections(_ bytes: [UInt8]) -> [Section] {
        var out: [Section] = []
        var offset = MCBFormat.headerSize
        while offset + 8 <= bytes.count {
            let length = Int(u32(bytes, at: offset + 4))
            out.append(Section(tag: String(decoding: bytes[offset..<offset + 4], as: UTF8.self), start: offset,
                               payload: offset + 8..<offset + 8 + length))
            offset += 8 + length
        }
        return out
    }
}
