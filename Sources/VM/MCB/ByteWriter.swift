/// Appends little-endian integers, floats and strings to a byte buffer.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { for i in 0..<2 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
    mutating func u32(_ v: UInt32) { for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
    mutating func u64(_ v: UInt64) { for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
    mutating func u32(_ v: Int) { u32(UInt32(v)) }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func f64(_ v: Double) { u64(v.bitPattern) }
    mutating func raw(_ b: [UInt8]) { bytes += b }
    /// `0xFFFFFFFF` for nil.
    mutating func optional(_ v: Int?) { u32(v.map(UInt32.init) ?? UInt32.max) }
}

/// Reads what `ByteWriter` wrote; every read is bounds-checked and throws `LoadError`.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    let end: Int
    /// What is being read, for error messages (`section NODE`).
    var context: String

    init(_ bytes: [UInt8], from start: Int, to end: Int, context: String) {
        self.bytes = bytes
        self.offset = start
        self.end = end
        self.context = context
    }

    var atEnd: Bool { offset >= end }

    func fail(_ reason: String) -> LoadError { LoadError("\(context): \(reason) at byte \(offset)") }

    mutating func take(_ n: Int) throws(LoadError) -> ArraySlice<UInt8> {
        guard n >= 0, offset + n <= end else { throw fail("unexpected end of data") }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }

    mutating func u8() throws(LoadError) -> UInt8 { try take(1).first! }

    mutating func u32() throws(LoadError) -> UInt32 {
        var v: UInt32 = 0
        for (i, b) in try take(4).enumerated() { v |= UInt32(b) << (8 * i) }
        return v
    }

    mutating func u64() throws(LoadError) -> UInt64 {
        var v: UInt64 = 0
        for (i, b) in try take(8).enumerated() { v |= UInt64(b) << (8 * i) }
        return v
    }

    mutating func u16() throws(LoadError) -> UInt16 {
        var v: UInt16 = 0
        for (i, b) in try take(2).enumerated() { v |= UInt16(b) << (8 * i) }
        return v
    }

    /// A u32 used as an index or count; must be below `limit`.
    mutating func index(below limit: Int, _ what: String) throws(LoadError) -> Int {
        let v = Int(try u32())
        guard v < limit else { throw fail("\(what) \(v) out of range (\(limit))") }
        return v
    }

    /// A count of items each taking at least `minimumSize` bytes: bounded by what is left,
    /// so a corrupt count cannot make us reserve gigabytes.
    mutating func count(_ what: String, minimumSize: Int = 1) throws(LoadError) -> Int {
        let v = Int(try u32())
        guard v <= (end - offset) / max(1, minimumSize) else { throw fail("\(what) count \(v) exceeds the data") }
        return v
    }

    /// `0xFFFFFFFF` = nil, else an index below `limit`.
    mutating func optionalIndex(below limit: Int, _ what: String) throws(LoadError) -> Int? {
        let v = try u32()
        if v == UInt32.max { return nil }
        guard Int(v) < limit else { throw fail("\(what) \(v) out of range (\(limit))") }
        return Int(v)
    }
}

/// Why a `.mcb` file was refused: one line, no crash.
public struct LoadError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
