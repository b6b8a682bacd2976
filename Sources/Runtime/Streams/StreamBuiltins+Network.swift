#if canImport(Glibc)
import Glibc
#endif
import Foundation
import VM

/// The network streams: `net.macs`, `net.wired_interface`, `net.interface_cidr`.
///
/// Deviation: upstream follows netlink link and address events; these read sysfs
/// (/sys/class/net) and `getifaddrs` every 5 s of the clock, emitting when the answer changed.
extension StreamBuiltins {
    static let network: [String: StreamStart] = [
        "net.macs": polled(every: pollInterval) { _ in
            .list(NetworkInterface.all().filter { !$0.isLoopback }.compactMap(\.mac).map(Value.str))
        },
        "net.wired_interface": polled(every: pollInterval) { _ throws(RuntimeError) in
            let wired = NetworkInterface.all().filter { !$0.isLoopback && !$0.isWireless && $0.mac != nil }
            guard let chosen = wired.first(where: \.isUp) ?? wired.first else {
                throw RuntimeError("no wired interface found")
            }
            return .str(chosen.name)
        },
        "net.interface_cidr": polled(every: pollInterval) { args throws(RuntimeError) in
            let name = try args.str(0)
            guard NetworkInterface.all().contains(where: { $0.name == name }) else {
                throw RuntimeError("route ip+net: no such network interface: \(name)")
            }
            guard let cidr = NetworkInterface.globalIPv4(of: name).first else {
                throw RuntimeError("no global unicast IPv4 address on interface \(name)")
            }
            return .str(cidr)
        },
    ]
}

/// One network interface, as /sys/class/net describes it.
struct NetworkInterface: Equatable {
    var name: String
    var index: Int
    var flags: Int
    /// The lower-case colon form of a 6-byte hardware address; nil for any other length.
    var mac: String?
    /// Whether the interface is wireless (it has a `wireless` or `phy80211` entry).
    var isWireless: Bool

    var isLoopback: Bool { flags & Int(IFF_LOOPBACK) != 0 }
    var isUp: Bool { flags & Int(IFF_UP) != 0 }

    /// Every interface under `sysfs`, in interface index order (Go's `net.Interfaces`).
    static func all(sysfs: String = "/sys/class/net/") -> [NetworkInterface] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sysfs)) ?? []
        return names.compactMap { name -> NetworkInterface? in
            let folder = sysfs + name + "/"
            guard let index = read(folder + "ifindex").flatMap({ Int($0) }) else { return nil }
            let flags = read(folder + "flags").flatMap { Int($0.dropFirst(2), radix: 16) } ?? 0
            let address = read(folder + "address")?.lowercased()
            let wireless = FileManager.default.fileExists(atPath: folder + "wireless")
                || FileManager.default.fileExists(atPath: folder + "phy80211")
            return NetworkInterface(name: name, index: index, flags: flags,
                                    mac: address?.utf8.count == 17 ? address : nil, isWireless: wireless)
        }.sorted { $0.index < $1.index }
    }

    /// The global-unicast IPv4 addresses of interface `name` with their prefix lengths
    /// (`192.168.1.10/24`), in `getifaddrs` order: not loopback, link-local, multicast,
    /// unspecified or broadcast (Go's `IsGlobalUnicast`).
    static func globalIPv4(of name: String) -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { return [] }
        defer { freeifaddrs(first) }
        var out: [String] = []
        var cursor = first
        while let entry = cursor?.pointee {
            cursor = entry.ifa_next
            guard String(cString: entry.ifa_name) == name, let address = entry.ifa_addr,
                  address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            let ip = octets(address)
            let prefix = entry.ifa_netmask.map { octets($0).map(\.nonzeroBitCount).reduce(0, +) } ?? 32
            let unicast = ip != [0, 0, 0, 0] && ip != [255, 255, 255, 255] && ip[0] != 127 && ip[0] & 0xF0 != 0xE0
                && !(ip[0] == 169 && ip[1] == 254)
            if unicast { out.append(ip.map(String.init).joined(separator: ".") + "/\(prefix)") }
        }
        return out
    }

    /// The four bytes of an IPv4 socket address.
    private static func octets(_ address: UnsafeMutablePointer<sockaddr>) -> [UInt8] {
        address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
            withUnsafeBytes(of: pointer.pointee.sin_addr.s_addr) { Array($0) }
        }
    }

    /// A small sysfs file, trimmed; nil when unreadable.
    private static func read(_ path: String) -> String? {
        (try? StreamBuiltins.readFile(path))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
