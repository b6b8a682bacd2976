/// Packing and unpacking of instruction words (spec/bytecode.md, "Instruction word").
public enum Instruction {
    /// Bias of signed jump offsets in `Bx`.
    public static let jumpBias = 32768

    /// `op A B C`.
    @inlinable public static func abc(_ op: Opcode, _ a: Int, _ b: Int, _ c: Int) -> UInt32 {
        precondition(a < 256 && b < 256 && c < 256, "operand out of range")
        return UInt32(op.rawValue) | UInt32(a) << 8 | UInt32(b) << 16 | UInt32(c) << 24
    }

    /// `op A Bx`.
    @inlinable public static func abx(_ op: Opcode, _ a: Int, _ bx: Int) -> UInt32 {
        precondition(a < 256 && bx >= 0 && bx < 65536, "operand out of range")
        return UInt32(op.rawValue) | UInt32(a) << 8 | UInt32(bx) << 16
    }

    /// `op A sBx`: a jump by `offset` words from the next instruction.
    @inlinable public static func asbx(_ op: Opcode, _ a: Int, _ offset: Int) -> UInt32 {
        abx(op, a, offset + jumpBias)
    }

    /// The extra word of a two-word instruction: a 24-bit index.
    @inlinable public static func extra(_ ax: Int) -> UInt32 {
        precondition(ax >= 0 && ax < 1 << 24, "operand out of range")
        return UInt32(ax) << 8
    }

    @inlinable public static func opcodeByte(_ word: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: word) }
    @inlinable public static func a(_ word: UInt32) -> Int { Int((word >> 8) & 0xFF) }
    @inlinable public static func b(_ word: UInt32) -> Int { Int((word >> 16) & 0xFF) }
    @inlinable public static func c(_ word: UInt32) -> Int { Int(word >> 24) }
    @inlinable public static func bx(_ word: UInt32) -> Int { Int(word >> 16) }
    @inlinable public static func sbx(_ word: UInt32) -> Int { Int(word >> 16) - jumpBias }
    @inlinable public static func ax(_ word: UInt32) -> Int { Int(word >> 8) }
}
