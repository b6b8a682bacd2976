/// The parts of a TZif file (RFC 8536, the tz database's binary format) that name zones:
/// transition times, local time types with their abbreviations, and the footer's names.
struct TZif {
    var transitions: [(time: Int64, type: Int)] = []
    var types: [(offset: Int, isDST: Bool, name: String)] = []
    /// The standard and daylight abbreviations of the POSIX TZ footer (version 2 and later);
    /// the daylight one is empty for a zone without daylight saving time.
    var footerNames: (standard: String, daylight: String)?

    /// Parses `bytes`; nil when they are not a TZif file. Version 2+ files are read from
    /// their 64-bit block, version 1 files from the 32-bit one.
    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 44, bytes.starts(with: Array("TZif".utf8)) else { return nil }
        var reader = Reader(bytes: bytes, index: 0)
        guard var header = reader.header() else { return nil }
        var timeSize = 4
        if bytes[4] >= UInt8(ascii: "2") {
            reader.index += header.dataLength(timeSize: 4)
            guard let second = reader.header() else { return nil }
            header = second
            timeSize = 8
        }
        let start = reader.index
        guard start + header.dataLength(timeSize: timeSize) <= bytes.count else { return nil }
        var times: [Int64] = []
        for _ in 0..<header.timeCount { times.append(reader.signed(timeSize)) }
        let indices = (0..<header.timeCount).map { _ in Int(reader.byte()) }
        var rawTypes: [(Int, Bool, Int)] = []
        for _ in 0..<header.typeCount {
            rawTypes.append((Int(reader.signed(4)), reader.byte() != 0, Int(reader.byte())))
        }
        let chars = Array(bytes[reader.index..<reader.index + header.charCount])
        types = rawTypes.map { offset, isDST, nameIndex in
            let name = nameIndex < chars.count ? chars[nameIndex...].prefix { $0 != 0 } : []
            return (offset, isDST, String(decoding: name, as: UTF8.self))
        }
        guard indices.allSatisfy({ $0 < types.count }) else { return nil }
        transitions = zip(times, indices).map { ($0, $1) }
        reader.index = start + header.dataLength(timeSize: timeSize)
        if timeSize == 8, reader.index < bytes.count, bytes[reader.index] == 0x0A,
           let end = bytes[(reader.index + 1)...].firstIndex(of: 0x0A) {
            footerNames = TZif.footerNames(Array(bytes[(reader.index + 1)..<end]))
        }
    }

    /// The names in a POSIX TZ string: `CET-1CEST,M3.5.0,…` gives (CET, CEST), `<-03>3`
    /// gives (-03, ""). Nil for an empty or malformed footer.
    static func footerNames(_ footer: [UInt8]) -> (standard: String, daylight: String)? {
        var index = 0
        func name() -> String? {
            if index < footer.count, footer[index] == UInt8(ascii: "<") {
                guard let close = footer[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
                defer { index = close + 1 }
                return String(decoding: footer[(index + 1)..<close], as: UTF8.self)
            }
            let start = index
            while index < footer.count, Character(Unicode.Scalar(footer[index])).isLetter { index += 1 }
            return index - start >= 3 ? String(decoding: footer[start..<index], as: UTF8.self) : nil
        }
        guard let standard = name() else { return nil }
        // Skip the offset (`-1`, `3`, `-5:30`) to reach the daylight name, if any.
        while index < footer.count, "+-0123456789:".utf8.contains(footer[index]) { index += 1 }
        let daylight = index < footer.count && footer[index] != UInt8(ascii: ",") ? name() ?? "" : ""
        return (standard, daylight)
    }

    /// The counts of a TZif header.
    private struct Header {
        var utCount = 0, standardCount = 0, leapCount = 0, timeCount = 0, typeCount = 0, charCount = 0

        /// Bytes of the data block that follows this header.
        func dataLength(timeSize: Int) -> Int {
            timeCount * (timeSize + 1) + typeCount * 6 + charCount + leapCount * (timeSize + 4)
                + standardCount + utCount
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var index: Int

        mutating func header() -> Header? {
            guard index + 44 <= bytes.count, bytes[index..<index + 4].elementsEqual("TZif".utf8) else { return nil }
            index += 20
            let counts = (0..<6).map { _ in Int(signed(4)) }
            guard counts.allSatisfy({ $0 >= 0 }) else { return nil }
            return Header(utCount: counts[0], standardCount: counts[1], leapCount: counts[2], timeCount: counts[3],
                          typeCount: counts[4], charCount: counts[5])
        }

        mutating func byte() -> UInt8 {
            defer { index += 1 }
            return bytes[index]
        }

        /// A big-endian two's-complement integer of `size` bytes (4 or 8).
        mutating func signed(_ size: Int) -> Int64 {
            var value: UInt64 = 0
            for _ in 0..<size { value = value << 8 | UInt64(byte()) }
            return size == 4 ? Int64(Int32(truncatingIfNeeded: value)) : Int64(bitPattern: value)
        }
    }
}
