/// Constants of the `.mcb` layout (spec/mcb.md).
enum MCBFormat {
    static let magic: [UInt8] = [0x1B, 0x4D, 0x43, 0x42]
    static let version: UInt16 = 1
    static let newlineCheck: [UInt8] = [0x0D, 0x0A, 0x1A, 0x0A]
    static let sampleInt: Int64 = 0x0102_0304_0506_0708
    static let sampleFloat: Double = 370.5
    static let headerSize = 40
    /// Section tags, in file order.
    static let sections = ["STRS", "TYPE", "KONS", "BLTN", "KIND", "SPAN", "TMPL", "NODE", "CODE"]
    static let none = UInt32.max

    /// 64-bit FNV-1a over `bytes[from...]`.
    static func checksum(_ bytes: [UInt8], from start: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes[start...] {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Value tags in `KONS`.
    enum ValueTag: UInt8 {
        case falseValue = 0, trueValue, int, float, str, list, map, `struct`, function
    }

    /// Node kind bytes in `NODE`.
    enum NodeTag: UInt8 {
        case compute = 0, source, branch, loop, apply, except, join, resource, edge, iterate, assert
    }
}
