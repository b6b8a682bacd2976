import Testing
import VM
@testable import Runtime

/// The net module's pure functions; expectations checked against Go's net and net/url.
@Suite struct BuiltinsNetTests {
    @Test func cidrParts() throws {
        #expect(try call("net.cidr_to_ip", .str(" 192.0.2.12/24 ")) == .str("192.0.2.12"))
        #expect(try call("net.cidr_to_ip", .str("2001:db8::/32")) == .str("2001:db8::"))
        #expect(try call("net.cidr_to_prefix", .str("192.0.2.12/24")) == .str("24"))
        #expect(try call("net.cidr_to_prefix", .str("2001:db8::1/128")) == .str("128"))
        #expect(try call("net.cidr_to_mask", .str("10.0.0.1/24")) == .str("255.255.255.0"))
        #expect(try call("net.cidr_to_mask", .str("10.0.0.1/13")) == .str("255.248.0.0"))
        #expect(try call("net.cidr_to_mask", .str("2001:db8::1/32")) == .str("ffff:ffff::"))
        #expect(try call("net.cidr_to_network", .str("192.0.2.12/24")) == .str("192.0.2.0/24"))
        #expect(try call("net.cidr_to_network", .str("2001:db8::1/32")) == .str("2001:db8::/32"))
        #expect(try call("net.cidr_to_network", .str("::ffff:1.2.3.4/120")) == .str("1.2.3.0/24"))  // Go's v4-in-v6 rule
        #expect(try call("net.cidr_to_ip", .str("192.0.2.1/024")) == .str("192.0.2.1"))
    }

    @Test func firstAndLast() throws {
        #expect(try call("net.cidr_to_first", .str("192.0.2.0/24")) == .str("192.0.2.1"))
        #expect(try call("net.cidr_to_first", .str("192.0.2.5/24")) == .str("192.0.2.6"))  // upstream's quirk
        #expect(try call("net.cidr_to_first", .str("2001:db8::/64")) == .str("2001:db8::1"))
        expectFailure("net.cidr_to_first", [.str("192.0.2.5/32")], "the address after 192.0.2.5 is outside of 192.0.2.5/32",
                      catchable: true)
        expectFailure("net.cidr_to_first", [.str(" 192.0.2.0/24")], "invalid CIDR address:  192.0.2.0/24", catchable: true)
        #expect(try call("net.cidr_to_last", .str("192.0.2.5/24")) == .str("192.0.2.255"))
        #expect(try call("net.cidr_to_last", .str("10.1.2.3/8")) == .str("10.255.255.255"))
        #expect(try call("net.cidr_to_last", .str("2001:db8::/120")) == .str("2001:db8::ff"))
    }

    @Test func invalidCIDRs() {
        for bad in ["192.0.2.1/33", "192.0.2.1", "192.0.2.1/", "192.0.2.1/-1", "01.0.2.1/8", "1.2.3/8", "::1/129",
                    "fe80::1%eth0/64", "1:2:3:4:5:6:7:8:9/64", "1::2::3/64", "12345::/16", "a/8"] {
            expectFailure("net.cidr_to_ip", [.str(bad)], "invalid CIDR address: \(bad)", catchable: true)
        }
    }

    @Test func ipInCIDR() throws {
        #expect(try call("net.ip_in_cidr", .str("192.0.2.7"), .str("192.0.2.0/24")) == .bool(true))
        #expect(try call("net.ip_in_cidr", .str("192.0.3.7"), .str("192.0.2.0/24")) == .bool(false))
        #expect(try call("net.ip_in_cidr", .str("2001:db8::7"), .str("2001:db8::/32")) == .bool(true))
        #expect(try call("net.ip_in_cidr", .str("2001:db8::7"), .str("192.0.2.0/24")) == .bool(false))
        #expect(try call("net.ip_in_cidr", .str("::ffff:192.0.2.7"), .str("192.0.2.0/24")) == .bool(true))
        expectFailure("net.ip_in_cidr", [.str("300.1.1.1"), .str("192.0.2.0/24")], "invalid IP address: 300.1.1.1",
                      catchable: true)
        expectFailure("net.ip_in_cidr", [.str("1.1.1.1"), .str("x")], "invalid CIDR address: x", catchable: true)
    }

    @Test func ipv6Printing() {
        let cases = [("1:0:0:1:0:0:0:1", "1:0:0:1::1"), ("1:0:0:0:1:0:0:1", "1::1:0:0:1"), ("0:0:0:0:0:0:0:1", "::1"),
                     ("::1.2.3.4", "::102:304"), ("2001:DB8:0:0:1:0:0:0", "2001:db8:0:0:1::"), ("1:2:3:4:5:6:0:8", "1:2:3:4:5:6:0:8"),
                     ("::", "::"), ("1::", "1::")]
        for (text, printed) in cases {
            #expect(IPAddress.parse(text).map(IPAddress.string) == printed, "\(text)")
        }
        #expect(IPAddress.parse("fe80::1%eth0") == nil)
        #expect(IPAddress.parse("01.2.3.4") == nil)
        #expect(IPAddress.parse("1.2.3.4.5") == nil)
        #expect(IPAddress.parse(":1") == nil)
        #expect(IPAddress.parse("1:2:3:4:5:6:7::8") == nil)  // `::` must stand for a zero group
    }

    @Test func macs() throws {
        #expect(try call("net.is_mac", .str("01:23:45:67:89:ab")) == .bool(true))
        #expect(try call("net.is_mac", .str("01:23:45:67:89:AB")) == .bool(false))
        #expect(try call("net.is_mac", .str("01-23-45-67-89-ab")) == .bool(false))
        #expect(try call("net.is_mac", .str("")) == .bool(false))
        #expect(try call("net.macfmt", .str("01-23-45-67-89-AB")) == .str("01:23:45:67:89:ab"))
        #expect(try call("net.oldmacfmt", .str("01:23:45:67:89:AB")) == .str("01-23-45-67-89-ab"))
        expectFailure("net.macfmt", [.str("0123.4567.89ab")], "invalid MAC address length: 0123.4567.89ab", catchable: true)
        expectFailure("net.macfmt", [.str("01:23:45:67:89:zz")], "address 01:23:45:67:89:zz: invalid MAC address", catchable: true)
        expectFailure("net.oldmacfmt", [.str("01:23-45:67:89:ab")], "address 01:23-45:67:89:ab: invalid MAC address",
                      catchable: true)
    }

    @Test func splitHostPort() throws {
        func pair(_ host: String, _ port: String) -> Value { structValue(["host": .str(host), "port": .str(port)]) }
        #expect(try call("net.split_hostport", .str("host:80")) == pair("host", "80"))
        #expect(try call("net.split_hostport", .str("[::1]:80")) == pair("::1", "80"))
        #expect(try call("net.split_hostport", .str(":80")) == pair("", "80"))
        let errors = [("::1", "too many colons in address"), ("host", "missing port in address"),
                      ("[::1]", "missing port in address"), ("[a]b:1", "missing port in address"),
                      ("[a]:b:1", "too many colons in address"), ("x]:1", "unexpected ']' in address"),
                      ("[x:1", "missing ']' in address")]
        for (text, why) in errors {
            expectFailure("net.split_hostport", [.str(text)], "address \(text): \(why)", catchable: true)
        }
        expectFailure("net.split_hostport", [.str("")], "missing port in address", catchable: true)  // Go omits an empty address
    }

    @Test func urlParser() throws {
        func url(_ scheme: String, _ host: String, _ path: String, _ query: String) -> Value {
            structValue(["scheme": .str(scheme), "host": .str(host), "path": .str(path), "raw_query": .str(query)])
        }
        #expect(try call("net.url_parser", .str("https://www.example.com/search?q=mgmt"))
            == url("https", "www.example.com", "/search", "q=mgmt"))
        #expect(try call("net.url_parser", .str("http://user:pw@host:8080/a%20b?x=1#frag")) == url("http", "host:8080", "/a b", "x=1"))
        #expect(try call("net.url_parser", .str("mailto:x@y")) == url("mailto", "", "", ""))
        #expect(try call("net.url_parser", .str("HTTP://X/Y?")) == url("http", "X", "/Y", ""))
        #expect(try call("net.url_parser", .str("http://[fe80::1%25eth0]:80/")) == url("http", "[fe80::1%eth0]:80", "/", ""))
        expectFailure("net.url_parser", [.str("/rel/path")], "empty schemes are invalid", catchable: true)
        let errors = [("http://[::1", #"parse "http://[::1": missing ']' in host"#),
                      ("http://host:port/", #"parse "http://host:port/": invalid port ":port" after host"#),
                      ("http://a b/", #"parse "http://a b/": invalid character " " in host name"#),
                      ("http://x/%zz", #"parse "http://x/%zz": invalid URL escape "%zz""#),
                      ("1http://x", #"parse "1http://x": first path segment in URL cannot contain colon"#),
                      (":foo", #"parse ":foo": missing protocol scheme"#),
                      ("http://x/#%zz", #"parse "http://x/#%zz": invalid URL escape "%zz""#),
                      ("http://x/\u{7F}", #"parse "http://x/\x7f": net/url: invalid control character in URL"#)]
        for (text, message) in errors {
            expectFailure("net.url_parser", [.str(text)], "error parsing the URL: \(message)", catchable: true)
        }
    }
}
