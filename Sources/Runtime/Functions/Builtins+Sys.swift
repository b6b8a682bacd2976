#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import VM

/// The sys module's environment functions, `util.hostname_mapper`, and `os.is_virtual`'s
/// host probing.
///
/// Not here: `sys.hostname`, `sys.cpu_count`, `sys.load`, `sys.uptime` and
/// `sys/fwupd.reboot_needed` (streams).
extension Builtins {
    static let sys: [String: BuiltinFunction] = [
        "sys.getenv": { args throws(RuntimeError) in
            let name = try args.str(0)
            guard let value = environmentVariable(name) else {
                throw RuntimeError.catchable("environment variable not set: \(name)")
            }
            return .str(value)
        },
        "sys.hasenv": { args throws(RuntimeError) in .bool(environmentVariable(try args.str(0)) != nil) },
        "sys.env": { _ throws(RuntimeError) in
            .map(Value.MapValue(pairs: environment().map { (Value.str($0.key), Value.str($0.value)) }))
        },
        "util.hostname_mapper": { args throws(RuntimeError) in
            try hostnameMapper(try args.map(0), macs: localMACs(sysfs: "/sys/class/net/"))
        },
    ]

    /// The variable's current value (read from the process environment at each call, not a
    /// snapshot), or nil when unset; set-but-empty is `""`.
    static func environmentVariable(_ name: String) -> String? {
        guard !name.contains("="), let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// The whole environment, each entry split at its first `=`.
    static func environment() -> [(key: String, value: String)] {
        var entries: [(key: String, value: String)] = []
        var cursor = environ
        while let entry = cursor.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                entries.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
            }
            cursor += 1
        }
        return entries
    }

    /// The hostname whose MAC (a key of `mapping`, any case) belongs to this machine; `""`
    /// when none does; two different hostnames are a fatal error.
    static func hostnameMapper(_ mapping: Value.MapValue, macs: [String]) throws(RuntimeError) -> Value {
        var byMAC: [String: String] = [:]
        for (key, value) in zip(mapping.keys, mapping.values) {
            if case .str(let mac) = key, case .str(let hostname) = value { byMAC[mac.lowercased()] = hostname }
        }
        let found = Set(macs.compactMap { byMAC[$0] })
        guard found.count <= 1 else {
            throw RuntimeError("more than one hostname matches this machine: \(found.sorted().joined(separator: ", "))")
        }
        return .str(found.first ?? "")
    }

    /// Lower-case 6-byte MACs of the non-loopback interfaces under `sysfs`
    /// (`/sys/class/net/`), in interface name order.
    static func localMACs(sysfs: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: sysfs)) ?? []
        return names.sorted().compactMap { name in
            let flags = read(sysfs + name + "/flags").flatMap { Int($0.dropFirst(2), radix: 16) } ?? 0
            guard flags & 0x8 == 0, let address = read(sysfs + name + "/address")?.lowercased(),
                  address.utf8.count == 17, address != "00:00:00:00:00:00" else { return nil }  // 0x8: IFF_LOOPBACK
            return address
        }
    }

    /// Linux only: `proc/cpuinfo` under `root` has the `hypervisor` flag, or a DMI id file
    /// names a hypervisor vendor.
    static func isVirtual(root: String) throws(RuntimeError) -> Bool {
        #if os(Linux)
        if read(root + "proc/cpuinfo")?.contains("hypervisor") == true { return true }
        let vendors = ["KVM", "QEMU", "VMware", "Xen", "Hyper-V", "innotek GmbH", "Amazon EC2", "BHYVE", "Bochs",
                       "Parallels", "OpenStack", "KubeVirt", "Oracle Corporation", "Apple Virtualization",
                       "Google Compute Engine", "Google Computer Engine"]  // the second as functions.md spells it
        for file in ["product_name", "sys_vendor", "board_vendor", "bios_vendor", "product_version"] {
            guard let text = read(root + "sys/class/dmi/id/" + file) else { continue }
            if vendors.contains(where: { text.contains($0) }) { return true }
        }
        return false
        #else
        throw RuntimeError("is_virtual is only supported on Linux")
        #endif
    }

    /// A small text file, trimmed, or nil when unreadable.
    private static func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }
}
