#if canImport(Glibc)
import Glibc
#endif
import VM

/// This machine's name as the kernel has it: what `sys.hostname()` returns, and the host
/// name a single-host World schedules.
public enum MachineName {
    /// The kernel's hostname (`gethostname`).
    public static func kernel() throws(RuntimeError) -> String {
        var name = [CChar](repeating: 0, count: 256)
        guard gethostname(&name, name.count - 1) == 0 else { throw RuntimeError("gethostname: \(Errno.text(errno))") }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The kernel's hostname, or `localhost` when it cannot be read.
    public static var current: String { (try? kernel()) ?? "localhost" }
}
