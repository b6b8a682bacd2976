/// The parts of a URL that `net.url_parser` returns, parsed as Go's `url.Parse` does, with
/// Go's error texts (`parse "http://[::1": missing ']' in host`).
struct URLReference: Equatable {
    var scheme = ""
    var host = ""
    /// The decoded path (`%41` → `A`).
    var path = ""
    /// The query after `?`, still encoded.
    var rawQuery = ""

    /// Go's `url.Parse`: the fragment after `#` is cut first and only validated.
    /// - Throws: the text of Go's `*url.Error`.
    static func parse(_ raw: String) throws(URLParseError) -> URLReference {
        let bytes = Array(raw.utf8)
        let hash = bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
        let main = ByteString.string(bytes[..<hash])
        var url: URLReference
        do throws(URLParseError) {
            url = try parseMain(main)
        } catch {
            throw URLParseError(message: "parse \(Strconv.quote(main)): \(error.message)")
        }
        if hash < bytes.count {
            do throws(URLParseError) {
                _ = try unescape(Array(bytes[(hash + 1)...]), mode: .fragment)
            } catch {
                throw URLParseError(message: "parse \(Strconv.quote(raw)): \(error.message)")
            }
        }
        return url
    }

    private static func parseMain(_ raw: String) throws(URLParseError) -> URLReference {
        let bytes = Array(raw.utf8)
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw URLParseError(message: "net/url: invalid control character in URL")
        }
        var url = URLReference()
        if raw == "*" { url.path = "*"; return url }
        var rest = bytes[...]
        if let colon = schemeEnd(bytes) {
            guard colon > 0 else { throw URLParseError(message: "missing protocol scheme") }
            url.scheme = ByteString.string(bytes[..<colon]).lowercased()
            rest = bytes[(colon + 1)...]
        }
        let questionMarks = rest.filter { $0 == UInt8(ascii: "?") }.count
        if rest.last == UInt8(ascii: "?") && questionMarks == 1 {
            rest = rest.dropLast()  // Go's ForceQuery: an empty query
        } else if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            url.rawQuery = ByteString.string(rest[(question + 1)...])
            rest = rest[..<question]
        }
        if rest.first != UInt8(ascii: "/") {
            if !url.scheme.isEmpty {
                return url  // a rootless path (`mailto:x`) is opaque (RFC 3986): no host or path
            }
            let segment = rest.prefix { $0 != UInt8(ascii: "/") }
            if segment.contains(UInt8(ascii: ":")) {
                throw URLParseError(message: "first path segment in URL cannot contain colon")
            }
        }
        let doubleSlash = rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")])
        if doubleSlash && (!url.scheme.isEmpty || !rest.starts(with: Array("///".utf8))) {
            let authority = rest.dropFirst(2)
            let end = authority.firstIndex(of: UInt8(ascii: "/")) ?? authority.endIndex
            url.host = try parseAuthority(Array(authority[..<end]))
            rest = authority[end...]
        }
        url.path = ByteString.string(try unescape(Array(rest), mode: .path))
        return url
    }

    /// The index of the `:` ending a scheme (`[A-Za-z][A-Za-z0-9+.-]*:`), 0 for a leading
    /// colon (an error), nil when the text has no scheme.
    private static func schemeEnd(_ bytes: [UInt8]) -> Int? {
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if index == 0 { return nil }
            case UInt8(ascii: ":"): return index
            default: return nil
            }
        }
        return nil
    }

    /// Go's `parseAuthority`: `[userinfo@]host[:port]`; returns the decoded host with its port.
    private static func parseAuthority(_ authority: [UInt8]) throws(URLParseError) -> String {
        let at = authority.lastIndex(of: UInt8(ascii: "@"))
        let host = try parseHost(Array(authority[(at.map { $0 + 1 } ?? 0)...]))
        if let at {
            let allowed = Set("-._:~!$&'()*+,;=%@".utf8)
            let userinfo = authority[..<at]
            let isAlphanumeric = { (byte: UInt8) in byte < 0x80 && Character(Unicode.Scalar(byte)).isASCII
                && (Character(Unicode.Scalar(byte)).isLetter || Character(Unicode.Scalar(byte)).isNumber) }
            guard userinfo.allSatisfy({ isAlphanumeric($0) || allowed.contains($0) }) else {
                throw URLParseError(message: "net/url: invalid userinfo")
            }
            _ = try unescape(Array(userinfo), mode: .userinfo)
        }
        return host
    }

    /// Go's `parseHost`: an IP literal in brackets or a name, each with an optional numeric port.
    private static func parseHost(_ host: [UInt8]) throws(URLParseError) -> String {
        if host.first == UInt8(ascii: "[") {
            guard let close = host.lastIndex(of: UInt8(ascii: "]")) else {
                throw URLParseError(message: "missing ']' in host")
            }
            let port = Array(host[(close + 1)...])
            guard validPort(port) else { throw URLParseError(message: "invalid port \(Strconv.quote(ByteString.string(port))) after host") }
            if let zone = ByteString.index(of: Array("%25".utf8), in: Array(host[..<close])) {
                let before = try unescape(Array(host[..<zone]), mode: .host)
                let zonePart = try unescape(Array(host[zone..<close]), mode: .zone)
                let after = try unescape(Array(host[close...]), mode: .host)
                return ByteString.string(before + zonePart + after)
            }
        } else if let colon = host.lastIndex(of: UInt8(ascii: ":")) {
            let port = Array(host[colon...])
            guard validPort(port) else { throw URLParseError(message: "invalid port \(Strconv.quote(ByteString.string(port))) after host") }
        }
        return ByteString.string(try unescape(host, mode: .host))
    }

    private static func validPort(_ port: [UInt8]) -> Bool {
        guard let first = port.first else { return true }
        return first == UInt8(ascii: ":") && port.dropFirst().allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// A URL parse error, with Go's text.
struct URLParseError: Error, Equatable {
    var message: String
}
