/// IP addresses and CIDR networks as Go's `net` package handles them: an address is 4 or 16
/// bytes (`net.IP`), IPv4 parsed into its IPv4-mapped 16-byte form, and printed back dotted
/// whenever it is IPv4-mapped.
///
/// Parsing follows Go: IPv4 needs four decimal octets without leading zeros; IPv6 takes
/// groups of 1–4 hex digits, one `::` standing for at least one zero group and an embedded
/// IPv4 address in the last 32 bits; zones (`%eth0`) are refused.
enum IPAddress {
    /// Go's `net.ParseIP`: 16 bytes, or nil for bad syntax.
    static func parse(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        if let v4 = parseIPv4(bytes[...]) { return v4InV6Prefix + v4 }
        return parseIPv6(bytes[...])
    }

    static let v4InV6Prefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]

    /// Four dotted decimal octets, each 0–255 without a leading zero.
    static func parseIPv4(_ s: ArraySlice<UInt8>) -> [UInt8]? {
        var s = s
        var octets: [UInt8] = []
        for i in 0..<4 {
            if i > 0 {
                guard s.first == UInt8(ascii: ".") else { return nil }
                s = s.dropFirst()
            }
            let digits = s.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            guard (1...3).contains(digits.count), !(digits.count > 1 && digits.first == UInt8(ascii: "0")),
                  let value = UInt8(String(decoding: digits, as: UTF8.self)) else { return nil }
            octets.append(value)
            s = s.dropFirst(digits.count)
        }
        return s.isEmpty ? octets : nil
    }

    /// IPv6 text (Go's `parseIPv6` with netip's limit of four hex digits per group).
    static func parseIPv6(_ s: ArraySlice<UInt8>) -> [UInt8]? {
        var s = s
        var ip = [UInt8](repeating: 0, count: 16)
        var ellipsis = -1
        if s.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            ellipsis = 0
            s = s.dropFirst(2)
            if s.isEmpty { return ip }
        }
        var i = 0
        while i < 16 {
            let digits = s.prefix { $0 < 0x80 && Character(Unicode.Scalar($0)).isHexDigit }
            guard (1...4).contains(digits.count), let group = UInt16(String(decoding: digits, as: UTF8.self), radix: 16)
            else { return nil }
            if digits.endIndex < s.endIndex, s[digits.endIndex] == UInt8(ascii: ".") {
                // An embedded IPv4 address fills the last four bytes.
                guard ellipsis >= 0 || i == 12, i + 4 <= 16, let v4 = parseIPv4(s) else { return nil }
                ip.replaceSubrange(i..<i + 4, with: v4)
                s = s[s.endIndex...]
                i += 4
                break
            }
            ip[i] = UInt8(group >> 8)
            ip[i + 1] = UInt8(group & 0xFF)
            i += 2
            s = s[digits.endIndex...]
            if s.isEmpty { break }
            guard s.first == UInt8(ascii: ":"), s.count > 1 else { return nil }
            s = s.dropFirst()
            if s.first == UInt8(ascii: ":") {
                guard ellipsis < 0 else { return nil }  // a second `::`
                ellipsis = i
                s = s.dropFirst()
                if s.isEmpty { break }
            }
        }
        guard s.isEmpty else { return nil }
        if i < 16 {
            guard ellipsis >= 0 else { return nil }
            let gap = 16 - i
            ip = Array(ip[..<ellipsis]) + [UInt8](repeating: 0, count: gap) + Array(ip[ellipsis..<i])
        } else if ellipsis >= 0 {
            return nil  // `::` must stand for at least one zero group
        }
        return ip
    }

    /// Go's `IP.To4`: the 4-byte form of an IPv4 or IPv4-mapped address, else nil.
    static func to4(_ ip: [UInt8]) -> [UInt8]? {
        if ip.count == 4 { return ip }
        if ip.count == 16, Array(ip[..<12]) == v4InV6Prefix { return Array(ip[12...]) }
        return nil
    }

    /// Go's `IP.String`: dotted IPv4 for IPv4 and IPv4-mapped addresses, else RFC 5952
    /// IPv6 (lower-case hex, the first longest run of two or more zero groups as `::`).
    static func string(_ ip: [UInt8]) -> String {
        if let v4 = to4(ip) { return v4.map(String.init).joined(separator: ".") }
        guard ip.count == 16 else { return "?" + ip.map { Strconv.hex(UInt32($0), width: 2) }.joined() }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(ip[$0]) << 8 | UInt16(ip[$0 + 1]) }
        var (bestStart, bestLength) = (-1, 0)
        var index = 0
        while index < 8 {
            var end = index
            while end < 8 && groups[end] == 0 { end += 1 }
            if end - index > bestLength { (bestStart, bestLength) = (index, end - index) }
            index = max(end, index + 1)
        }
        if bestLength < 2 { bestStart = -1 }
        var out = ""
        index = 0
        while index < 8 {
            if index == bestStart {
                out += "::"
                index += bestLength
                continue
            }
            if index > 0 && !out.hasSuffix(":") { out += ":" }
            out += String(groups[index], radix: 16)
            index += 1
        }
        return out
    }
}
