#if canImport(Glibc)
import Glibc
#endif
import Foundation
import VM

/// Watches one path with inotify and calls `onChange` whenever what is at the path may have
/// changed: created, written and closed, deleted, moved in or out, attributes changed
/// (resources.md §0 "inotify(path)").
///
/// It watches the path's parent directory rather than the file itself, so a file replaced by
/// a rename (`useradd` writing etc/passwd, editors saving) is still followed. A path that does
/// not exist yet is followed from its nearest existing ancestor directory: each time the next
/// component appears the watch moves down one level (and back up when a watched directory
/// goes away), so watching a file before its folders exist works.
///
/// `onChange` runs on the shared inotify queue, once per batch of events read (that is the
/// debounce: a create, a write and a close read together give one call). The caller re-reads
/// the path there. Limitations: a write is seen when its writer closes the file (no
/// `IN_MODIFY`); renaming an ancestor above the watched directory is not noticed; /proc and
/// /sys send no events (their streams poll instead).
final class FileWatcher: @unchecked Sendable {
    /// The watched path, absolute and cleaned.
    let path: String
    private let components: [String]
    private let hub: InotifyHub
    private let onChange: @Sendable () -> Void
    private let lock = NSLock()  // guards watch and stopped
    private var watch: (subscription: InotifyHub.Subscription, depth: Int)?
    private var stopped = false

    /// Starts watching `path` (relative paths are taken from the working directory).
    /// - Throws: when inotify is unavailable, or a directory cannot be watched for a reason
    ///   other than having disappeared (`EACCES`, `ENOSPC`: too many watches).
    init(path: String, onChange: @escaping @Sendable () -> Void) throws(RuntimeError) {
        components = Self.clean(path)
        self.path = "/" + components.joined(separator: "/")
        self.onChange = onChange
        hub = try InotifyHub.shared.get()
        do {
            try rearm(force: false)
        } catch {
            throw RuntimeError("cannot watch \(self.path): inotify_add_watch: \(error.text)")
        }
    }

    /// Stops watching; `onChange` is not called after this returns (except by a batch that
    /// was already being handled).
    func stop() {
        lock.lock()
        stopped = true
        let old = watch
        watch = nil
        lock.unlock()
        if let old { hub.unsubscribe(old.subscription) }
    }

    /// The depth (number of leading components) of the directory being watched, for tests.
    var watchedDepth: Int? {
        lock.lock()
        defer { lock.unlock() }
        return watch?.depth
    }

    /// The number of components of `path`'s deepest existing ancestor directory, at most the
    /// parent's (the path itself is never watched, only its directory).
    private func deepestExistingAncestor() -> Int {
        var depth = 0
        while depth < components.count - 1 {
            var info = stat()
            let next = "/" + components[0...depth].joined(separator: "/")
            guard stat(next, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { break }
            depth += 1
        }
        return depth
    }

    private func directory(depth: Int) -> String { "/" + components.prefix(depth).joined(separator: "/") }

    /// Watches the deepest existing ancestor, moving the watch if that changed (or always,
    /// when `force`: the watched directory itself was replaced). Retries while directories
    /// appear or vanish under it. Called under no lock of ours.
    private func rearm(force: Bool) throws(Errno) {
        var force = force
        for _ in 0..<64 {
            let depth = deepestExistingAncestor()
            lock.lock()
            if stopped || (!force && watch?.depth == depth) {
                lock.unlock()
                return
            }
            let old = watch
            watch = nil
            lock.unlock()
            if let old { hub.unsubscribe(old.subscription) }
            do {
                let subscription = try hub.subscribe(directory: directory(depth: depth)) { [weak self] events in
                    self?.handle(events, depth: depth)
                }
                lock.lock()
                let late = stopped
                if !late { watch = (subscription, depth) }
                lock.unlock()
                if late { hub.unsubscribe(subscription) }
            } catch where error.code == ENOENT || error.code == ENOTDIR {
                // The directory went away between the check and the watch: look again.
            }
            force = false
            // A component may have appeared before the watch was in place.
            if deepestExistingAncestor() == depth, watchedDepth == depth { return }
        }
    }

    /// Handles one batch for the watch at `depth`.
    private func handle(_ events: [InotifyHub.Event], depth: Int) {
        lock.lock()
        let current = !stopped && watch?.depth == depth
        lock.unlock()
        guard current else { return }
        let selfChanged = UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_Q_OVERFLOW)
        let replaced = events.contains { $0.mask & selfChanged != 0 }
        let next = depth < components.count ? components[depth] : nil
        let relevant = replaced || next == nil || events.contains { $0.name == next }
        guard relevant else { return }
        try? rearm(force: replaced)
        onChange()
    }

    /// The components of `path` made absolute and lexically cleaned (`.`, `..`, repeated `/`).
    static func clean(_ path: String) -> [String] {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var out: [String] = []
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = out.popLast()
            default: out.append(String(part))
            }
        }
        return out
    }
}
