import VM

/// The pure functions of the net module: CIDR and IP arithmetic, MAC formatting, host:port
/// splitting and URL parsing, with Go's parsers. Every failure is catchable.
///
/// Not here: `net.macs`, `net.wired_interface`, `net.interface_cidr` (streams of network
/// events).
extension Builtins {
    static let net: [String: BuiltinFunction] = [
        "net.cidr_to_ip": { args throws(RuntimeError) in
            .str(IPAddress.string(try cidr(try args.str(0), trimmed: true).address))
        },
        "net.cidr_to_prefix": { args throws(RuntimeError) in
            let network = try cidr(try args.str(0), trimmed: true)
            return .str(String(IPNetwork.prefixLength(network.mask) ?? 0))
        },
        "net.cidr_to_mask": { args throws(RuntimeError) in .str(IPAddress.string(try cidr(try args.str(0), trimmed: true).mask)) },
        "net.cidr_to_network": { args throws(RuntimeError) in .str(try cidr(try args.str(0), trimmed: true).description) },
        // Upstream's quirk, kept: the address after the given one, not after the network
        // address (`192.0.2.5/24` gives `192.0.2.6`); past the network it is an error.
        "net.cidr_to_first": { args throws(RuntimeError) in
            let text = try args.str(0)
            let network = try cidr(text, trimmed: false)
            let next = increment(network.address)
            guard network.contains(next) else {
                throw RuntimeError.catchable("the address after \(IPAddress.string(network.address)) is outside of \(text)")
            }
            return .str(IPAddress.string(next))
        },
        "net.cidr_to_last": { args throws(RuntimeError) in .str(IPAddress.string(try cidr(try args.str(0), trimmed: false).last)) },
        "net.ip_in_cidr": { args throws(RuntimeError) in
            let text = try args.str(0)
            guard let ip = IPAddress.parse(text) else { throw RuntimeError.catchable("invalid IP address: \(text)") }
            return .bool(try cidr(try args.str(1), trimmed: false).contains(ip))
        },
        "net.is_mac": { args throws(RuntimeError) in
            let text = try args.str(0)
            return .bool(parseMAC(text).map { $0.count == 6 && macString($0, separator: ":") == text } ?? false)
        },
        "net.macfmt": { args throws(RuntimeError) in .str(macString(try mac48(try args.str(0)), separator: ":")) },
        "net.oldmacfmt": { args throws(RuntimeError) in .str(macString(try mac48(try args.str(0)), separator: "-")) },
        "net.split_hostport": { args throws(RuntimeError) in
            let (host, port) = try splitHostPort(try args.str(0))
            return .struct(Value.StructValue(names: ["host", "port"], values: [.str(host), .str(port)]))
        },
        "net.url_parser": { args throws(RuntimeError) in
            let text = try args.str(0)
            let url: URLReference
            do throws(URLParseError) {
                url = try URLReference.parse(text)
            } catch {
                throw RuntimeError.catchable("error parsing the URL: \(error.message)")
            }
            guard !url.scheme.isEmpty else { throw RuntimeError.catchable("empty schemes are invalid") }
            return .struct(Value.StructValue(names: ["scheme", "host", "path", "raw_query"],
                                             values: [.str(url.scheme), .str(url.host), .str(url.path), .str(url.rawQuery)]))
        },
    ]

    /// A CIDR, optionally space-trimmed first (the ip, prefix, mask and network functions
    /// trim; first, last and ip_in_cidr do not, as upstream).
    private static func cidr(_ text: String, trimmed: Bool) throws(RuntimeError) -> IPNetwork {
        let input = trimmed ? ByteString.trim(text, left: true, right: true, TextCase.isSpace) : text
        guard let network = IPNetwork(parsing: input) else { throw RuntimeError.catchable("invalid CIDR address: \(input)") }
        return network
    }

    /// The next address (16-byte form), wrapping at the end of the address space.
    private static func increment(_ ip: [UInt8]) -> [UInt8] {
        var next = ip
        for index in next.indices.reversed() {
            next[index] &+= 1
            if next[index] != 0 { break }
        }
        return next
    }

    /// Go's `net.ParseMAC`: 6, 8 or 20 bytes written `xx:xx:…`, `xx-xx-…` or `xxxx.xxxx.…`.
    static func parseMAC(_ text: String) -> [UInt8]? {
        let s = Array(text.utf8)
        guard s.count >= 14 else { return nil }
        let groupSeparator = s[2] == UInt8(ascii: ":") || s[2] == UInt8(ascii: "-")
        let (step, digitsPerGroup) = groupSeparator ? (3, 2) : (5, 4)
        guard groupSeparator || s[4] == UInt8(ascii: "."), (s.count + 1) % step == 0 else { return nil }
        let separator = groupSeparator ? s[2] : s[4]
        let bytes = (s.count + 1) / step * digitsPerGroup / 2
        guard [6, 8, 20].contains(bytes) else { return nil }
        var result: [UInt8] = []
        for start in stride(from: 0, to: s.count, by: step) {
            if start + digitsPerGroup < s.count && s[start + digitsPerGroup] != separator { return nil }
            for pair in stride(from: start, to: start + digitsPerGroup, by: 2) {
                guard let byte = UInt8(ByteString.string(s[pair..<pair + 2]), radix: 16),
                      s[pair..<pair + 2].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }) else { return nil }
                result.append(byte)
            }
        }
        return result
    }

    /// A 17-character, 6-byte MAC with `:` or `-` separators (`macfmt`, `oldmacfmt`).
    private static func mac48(_ text: String) throws(RuntimeError) -> [UInt8] {
        guard text.utf8.count == 17 else { throw RuntimeError.catchable("invalid MAC address length: \(text)") }
        guard let mac = parseMAC(text) else { throw RuntimeError.catchable("address \(text): invalid MAC address") }
        return mac
    }

    static func macString(_ bytes: [UInt8], separator: String) -> String {
        bytes.map { Strconv.hex(UInt32($0), width: 2) }.joined(separator: separator)
    }

    /// Go's `net.SplitHostPort`: `host:port` or `[host]:port`, with Go's errors
    /// (`address x: missing port in address`), all catchable.
    static func splitHostPort(_ text: String) throws(RuntimeError) -> (String, String) {
        // Go's `AddrError` names the address only when there is one.
        func failure(_ why: String) -> RuntimeError { .catchable(text.isEmpty ? why : "address \(text): \(why)") }
        let s = Array(text.utf8)
        guard let colon = s.lastIndex(of: UInt8(ascii: ":")) else { throw failure("missing port in address") }
        var host: ArraySlice<UInt8>
        var (noOpen, noClose) = (0, 0)  // where a stray `[` or `]` is searched from
        if s.first == UInt8(ascii: "[") {
            guard let end = s.firstIndex(of: UInt8(ascii: "]")) else { throw failure("missing ']' in address") }
            if end + 1 == s.count { throw failure("missing port in address") }
            if end + 1 != colon {
                throw failure(s[end + 1] == UInt8(ascii: ":") ? "too many colons in address" : "missing port in address")
            }
            host = s[1..<end]
            (noOpen, noClose) = (1, end + 1)
        } else {
            host = s[..<colon]
            if host.contains(UInt8(ascii: ":")) { throw failure("too many colons in address") }
        }
        if s[noOpen...].contains(UInt8(ascii: "[")) { throw failure("unexpected '[' in address") }
        if s[noClose...].contains(UInt8(ascii: "]")) { throw failure("unexpected ']' in address") }
        return (ByteString.string(host), ByteString.string(s[(colon + 1)...]))
    }
}
