#if canImport(Glibc)
import Glibc
#endif
import Foundation
import VM

/// The streams that follow files with inotify (`FileWatcher`): `os.readfile`,
/// `os.file_exists`, `os.user_exists` (etc/passwd) and `sys.hostname` (etc/hostname, plus
/// a poll). Each emits at once, then again whenever what it reads changed.
extension StreamBuiltins {
    static let files: [String: StreamStart] = [
        // A missing file is a catchable error, and the path stays watched: a file created
        // later replaces the `<|>` fallback.
        "os.readfile": watched({ _, args throws(RuntimeError) in try args.str(0) }) { path, _ throws(RuntimeError) in
            .str(try readFile(path))
        },
        "os.file_exists": watched({ _, args throws(RuntimeError) in try args.str(0) }) { path, _ throws(RuntimeError) in
            .bool(try fileExists(path))
        },
        "os.user_exists": watched({ _, _ in "/etc/passwd" }) { _, args throws(RuntimeError) in
            let name = try args.str(0)
            return .bool(!name.isEmpty && (try? UserDatabase.lookup(name: name)) != nil)
        },
        // Deviation: upstream asks systemd-hostnamed over D-Bus (no bus here). This reads the
        // kernel's hostname (what hostnamed's `Hostname` reports), again when etc/hostname
        // changes and every 5 s of the clock (`hostname x` changes no file).
        "sys.hostname": { context, _, sink throws(RuntimeError) in
            let changes = ChangeFilter(sink)
            let read: @Sendable () throws(RuntimeError) -> Value = { () throws(RuntimeError) in .str(try MachineName.kernel()) }
            // Without inotify, the poll alone follows the hostname.
            let watcher = try? follow(path: "/etc/hostname", changes: changes, read: read)
            if watcher == nil { changes.send(read) }
            let ticker = ClockTicker.every(5, on: context.clock) { _ in changes.send(read) }
            return StreamTask {
                watcher?.stop()
                ticker.stop()
            }
        },
    ]

    /// A stream that reads `read(path, args)` at once and again on every change of the file at
    /// `path = locate(context, args)`, sending only what differs from the last value.
    static func watched(_ locate: @escaping @Sendable (StreamContext, [Value]) throws(RuntimeError) -> String,
                        _ read: @escaping @Sendable (_ path: String, [Value]) throws(RuntimeError) -> Value) -> StreamStart {
        { context, args, sink throws(RuntimeError) in
            let target = try locate(context, args)
            let watcher = try follow(path: target, changes: ChangeFilter(sink)) { () throws(RuntimeError) in try read(target, args) }
            return StreamTask(onStop: watcher.stop)
        }
    }

    /// Sends `read()` through `changes` at once and again on every change of the file at
    /// `path`, until the returned watcher stops. The watch starts before the first read, so no
    /// change between the two is lost.
    static func follow(path: String, changes: ChangeFilter,
                       read: @escaping @Sendable () throws(RuntimeError) -> Value) throws(RuntimeError) -> FileWatcher {
        let watcher = try FileWatcher(path: path) { changes.send(read) }
        changes.send(read)
        return watcher
    }

    /// A file's contents, as Go's `os.ReadFile`. A missing file is catchable
    /// (`error reading file: open <path>: no such file or directory`); other errors are fatal.
    static func readFile(_ path: String) throws(RuntimeError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            let message = "error reading file: open \(path): \(Errno.text(code))"
            throw code == ENOENT ? .catchable(message) : RuntimeError(message)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw RuntimeError("error reading file: read \(path): \(Errno.text(errno))")
            }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether something (file, directory…) is at `path`, following symlinks as Go's
    /// `os.Stat`; only "no such file" is false, other errors are fatal.
    static func fileExists(_ path: String) throws(RuntimeError) -> Bool {
        var info = stat()
        guard stat(path, &info) != 0 else { return true }
        let code = errno
        guard code == ENOENT else { throw RuntimeError("stat \(path): \(Errno.text(code))") }
        return false
    }
}
