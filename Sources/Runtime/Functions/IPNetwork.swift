/// A CIDR network as Go's `net.ParseCIDR` returns it: the address as written (16 bytes),
/// the masked network address and a mask of 4 bytes (IPv4 text) or 16 (IPv6 text).
struct IPNetwork {
    /// The address part, unmasked (16 bytes).
    var address: [UInt8]
    /// The network address: `address` masked (4 bytes for IPv4, else 16).
    var network: [UInt8]
    var mask: [UInt8]

    /// Go's `net.ParseCIDR`: `address/prefix`, the prefix a decimal number no larger than
    /// the address width. Nil for bad syntax (Go's `invalid CIDR address: <s>`).
    init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard let slash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        var width = 32
        var address: [UInt8]
        if let v4 = IPAddress.parseIPv4(bytes[..<slash]) {
            address = IPAddress.v4InV6Prefix + v4
        } else if let v6 = IPAddress.parseIPv6(bytes[..<slash]) {
            address = v6
            width = 128
        } else {
            return nil
        }
        let digits = bytes[(slash + 1)...]
        guard !digits.isEmpty, digits.count <= 8, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let prefix = Int(String(decoding: digits, as: UTF8.self)), prefix <= width else { return nil }
        let mask = IPNetwork.mask(ones: prefix, bits: width)
        self.address = address
        self.mask = mask
        self.network = IPNetwork.apply(mask, to: address) ?? address
    }

    /// Go's `CIDRMask`: `ones` leading one bits out of `bits`.
    static func mask(ones: Int, bits: Int) -> [UInt8] {
        (0..<bits / 8).map { index in
            let remaining = ones - index * 8
            return remaining >= 8 ? 0xFF : remaining <= 0 ? 0 : UInt8(0xFF << (8 - remaining) & 0xFF)
        }
    }

    /// Go's `IP.Mask`, with its conversions between 4- and 16-byte forms; nil when the
    /// lengths do not fit.
    static func apply(_ mask: [UInt8], to ip: [UInt8]) -> [UInt8]? {
        var mask = mask
        var ip = ip
        if mask.count == 16, ip.count == 4, mask[..<12].allSatisfy({ $0 == 0xFF }) { mask = Array(mask[12...]) }
        if mask.count == 4, ip.count == 16, Array(ip[..<12]) == IPAddress.v4InV6Prefix { ip = Array(ip[12...]) }
        guard ip.count == mask.count else { return nil }
        return zip(ip, mask).map { $0 & $1 }
    }

    /// Go's `networkNumberAndMask`: the network and mask in matching widths (4 bytes for an
    /// IPv4 or IPv4-mapped network).
    var numberAndMask: (network: [UInt8], mask: [UInt8]) {
        let number = IPAddress.to4(network) ?? network
        return (number, number.count == 4 && mask.count == 16 ? Array(mask[12...]) : mask)
    }

    /// Go's `IPMask.Size`: the count of leading ones, or nil for a non-canonical mask.
    static func prefixLength(_ mask: [UInt8]) -> Int? {
        var ones = 0
        var seenZero = false
        for byte in mask {
            for bit in (0..<8).reversed() {
                if byte >> bit & 1 == 1 {
                    if seenZero { return nil }
                    ones += 1
                } else {
                    seenZero = true
                }
            }
        }
        return ones
    }

    /// Go's `IPNet.Contains`.
    func contains(_ ip: [UInt8]) -> Bool {
        let (number, mask) = numberAndMask
        let candidate = IPAddress.to4(ip) ?? ip
        guard candidate.count == number.count, mask.count == number.count else { return false }
        return (0..<number.count).allSatisfy { number[$0] & mask[$0] == candidate[$0] & mask[$0] }
    }

    /// Go's `IPNet.String`: `192.0.2.0/24`.
    var description: String {
        let (number, mask) = numberAndMask
        let suffix = IPNetwork.prefixLength(mask).map(String.init) ?? mask.map { Strconv.hex(UInt32($0), width: 2) }.joined()
        return IPAddress.string(number) + "/" + suffix
    }

    /// The address with every host bit set (the IPv4 broadcast address).
    var last: [UInt8] {
        let (number, mask) = numberAndMask
        return zip(number, mask).map { $0 | ~$1 }
    }
}
