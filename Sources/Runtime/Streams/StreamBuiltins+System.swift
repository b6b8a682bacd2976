#if canImport(Glibc)
import Glibc
#endif
import Foundation
import VM

/// The host streams that are processes or polls: `os.system` (a process group),
/// `os.modinfo_loaded` and `sys.cpu_count` (polled on the clock: /proc and /sys send no
/// inotify events), `sys/fwupd.reboot_needed` (constant without D-Bus).
extension StreamBuiltins {
    /// Seconds between two reads of a polled source.
    static let pollInterval: Double = 5

    static let system: [String: StreamStart] = [
        "os.system": { _, args, sink throws(RuntimeError) in
            try SystemCommandStream.start(try args.str(0), sink: sink)
        },
        // Deviation: upstream watches proc/modules for changes, but /proc files send no
        // inotify events; it is read every 5 s of the clock instead.
        "os.modinfo_loaded": polled(every: pollInterval) { args throws(RuntimeError) in
            .bool(try moduleLoaded(try args.str(0), modules: "/proc/modules"))
        },
        // Deviation: upstream listens for kernel cpu uevents (netlink); this reads
        // sys/devices/system/cpu/online every 5 s of the clock.
        "sys.cpu_count": polled(every: pollInterval) { _ in .int(onlineCPUs()) },
        // Deviation: upstream asks fwupd over D-Bus and answers false without it; with no
        // D-Bus client here, the answer is always false.
        "sys/fwupd.reboot_needed": { _, _, sink in
            sink.emit(.bool(false))
            return StreamTask()
        },
    ]

    /// Whether `module` is the first field of a line of the modules file. A kernel without
    /// module support has no such file: nothing is loaded then.
    static func moduleLoaded(_ module: String, modules path: String) throws(RuntimeError) -> Bool {
        let text: String
        do {
            text = try readFile(path)
        } catch where error.catchable {
            return false  // no such file
        }
        return text.split(separator: "\n").contains { $0.split(separator: " ").first.map(String.init) == module }
    }

    /// The number of online CPUs, from sys/devices/system/cpu/online (`0-3,5` → 5); the
    /// C library's count when that file is unreadable.
    static func onlineCPUs(file: String = "/sys/devices/system/cpu/online") -> Int64 {
        guard let text = try? readFile(file), let count = cpuCount(list: text) else {
            return Int64(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        }
        return count
    }

    /// The number of CPUs in a kernel CPU list (`0-3,5`); nil when it does not parse.
    static func cpuCount(list: String) -> Int64? {
        var total: Int64 = 0
        for part in list.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int64($0) }
            switch bounds.count {
            case 1:
                guard bounds[0] != nil else { return nil }
                total += 1
            case 2:
                guard let low = bounds[0], let high = bounds[1], low <= high else { return nil }
                total += high - low + 1
            default: return nil
            }
        }
        return total
    }
}
