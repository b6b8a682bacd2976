#if canImport(Glibc)
import Glibc
#endif
@preconcurrency import Dispatch
import Foundation
import VM

/// The process's one inotify instance: every `FileWatcher` adds its directory watches here,
/// so a program with many watched paths uses one descriptor (the kernel allows 128 inotify
/// instances per user by default, but many watches per instance).
///
/// The descriptor is non-blocking and read by a Dispatch read source on a serial queue;
/// each batch of events read is handed to the subscribers of each watch descriptor, in
/// order, on that queue. Two subscriptions to the same directory share one kernel watch
/// (inotify returns the same descriptor), counted here and removed with the last one.
final class InotifyHub: @unchecked Sendable {
    /// One inotify record: its mask (`IN_CREATE`…) and the name of the entry it is about
    /// (empty for events about the watched directory itself).
    struct Event: Sendable {
        let mask: UInt32
        let name: String
    }

    /// A subscription, to remove it again.
    struct Subscription: Sendable {
        let descriptor: Int32
        let id: UInt64
    }

    typealias Handler = @Sendable ([Event]) -> Void

    /// What every watch reports: entries created, deleted, moved in or out, or closed after
    /// writing; the directory itself deleted or moved. `IN_MODIFY` and `IN_ATTRIB` are left
    /// out: a file is re-read once its writer closes it (an attribute event in the middle of
    /// a rewrite read it half-written, empty: StreamFileTests.readfileFollowsTheFile).
    static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                             | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    /// The shared hub, or why inotify is not available.
    static let shared: Result<InotifyHub, RuntimeError> = {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return .failure(RuntimeError("inotify_init1: \(Errno.text(errno))")) }
        return .success(InotifyHub(fd: fd))
    }()

    private let fd: Int32
    private let queue = DispatchQueue(label: "mgmt.inotify")
    private let source: DispatchSourceRead
    private let lock = NSLock()  // guards subscribers and nextID
    private var subscribers: [Int32: [UInt64: Handler]] = [:]
    private var nextID: UInt64 = 0

    private init(fd: Int32) {
        self.fd = fd
        source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [unowned self] in drain() }
        source.resume()
    }

    /// Watches the directory at `path`; `handler` gets its events on the hub's queue.
    /// - Throws: the errno of `inotify_add_watch` (`ENOENT`, `ENOTDIR`, `EACCES`, `ENOSPC`…).
    func subscribe(directory path: String, _ handler: @escaping Handler) throws(Errno) -> Subscription {
        lock.lock()
        defer { lock.unlock() }
        let descriptor = inotify_add_watch(fd, path, Self.mask)
        guard descriptor >= 0 else { throw Errno(errno) }
        nextID += 1
        subscribers[descriptor, default: [:]][nextID] = handler
        return Subscription(descriptor: descriptor, id: nextID)
    }

    /// Ends a subscription; the kernel watch goes with the last one. Nothing is delivered to
    /// it after this returns, except a batch already being handed out on the queue.
    func unsubscribe(_ subscription: Subscription) {
        lock.lock()
        defer { lock.unlock() }
        guard subscribers[subscription.descriptor]?.removeValue(forKey: subscription.id) != nil,
              subscribers[subscription.descriptor]?.isEmpty == true else { return }
        subscribers.removeValue(forKey: subscription.descriptor)
        inotify_rm_watch(fd, subscription.descriptor)
    }

    /// Reads every pending record and hands them out per watch descriptor. A queue
    /// overflow (descriptor -1) goes to every subscriber, which then re-reads everything.
    private func drain() {
        var batches: [Int32: [Event]] = [:]
        var order: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                let header = MemoryLayout<inotify_event>.size
                while offset + header <= count {
                    let record = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameBytes = raw[(offset + header)..<min(count, offset + header + Int(record.len))]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    if batches[record.wd] == nil { order.append(record.wd) }
                    batches[record.wd, default: []].append(Event(mask: record.mask, name: name))
                    offset += header + Int(record.len)
                }
            }
        }
        lock.lock()
        var deliveries: [(Handler, [Event])] = []
        for descriptor in order {
            let events = batches[descriptor] ?? []
            let handlers = descriptor == -1 ? subscribers.values.flatMap(\.values) : Array((subscribers[descriptor] ?? [:]).values)
            deliveries += handlers.map { ($0, events) }
            // The kernel dropped this watch (its directory is gone): forget it without rm_watch.
            if events.contains(where: { $0.mask & UInt32(IN_IGNORED) != 0 }) { subscribers.removeValue(forKey: descriptor) }
        }
        lock.unlock()
        for (handler, events) in deliveries { handler(events) }
    }
}
