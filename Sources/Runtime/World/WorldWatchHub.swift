import Foundation

/// What a write or a poll touched, so the hub refreshes only the watchers it may concern.
enum WorldChange: Sendable, Equatable {
    /// This process wrote the key of `strings`.
    case string(String)
    /// This process wrote its entry of a namespace of `string_maps`.
    case stringMap(String)
    /// This process joined, refreshed, left or withdrew from a namespace of `schedule_members`.
    case schedule(String)
    /// This process changed what it exports.
    case exports
    /// This process added a deploy.
    case deploys
    /// Another connection (another process, or another World on the file) committed: anything
    /// may have changed.
    case external
    /// Time passed with no commit: memberships may have expired.
    case tick
}

/// A registered watch: which changes concern it, and how it re-reads and calls back.
protocol WorldWatcher: AnyObject, Sendable {
    func concerns(_ change: WorldChange) -> Bool
    /// Re-reads the watched state; calls back if it differs from what was last seen.
    func refresh()
    /// After this returns, the watcher calls back no more.
    func cancel()
}

/// A watcher that reads a snapshot of what it watches and calls `deliver` whenever the
/// snapshot differs from the last one, so a change elsewhere (another key, a refresh that
/// changed nothing) costs a read but no call back.
///
/// Reading and delivering happen under one lock, so deliveries come in the order of the reads
/// and the last delivery reflects the latest committed state. `deliver` may re-enter the World
/// on the same thread (the lock is recursive) but must not wait for another thread that does.
final class SnapshotWatcher<Snapshot: Equatable & Sendable>: WorldWatcher, @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var last: Snapshot?
    private var cancelled = false
    private let filter: @Sendable (WorldChange) -> Bool
    private let read: @Sendable () throws -> Snapshot
    private let deliver: @Sendable (Snapshot) -> Void

    init(filter: @escaping @Sendable (WorldChange) -> Bool, read: @escaping @Sendable () throws -> Snapshot,
         deliver: @escaping @Sendable (Snapshot) -> Void) {
        self.filter = filter
        self.read = read
        self.deliver = deliver
    }

    func concerns(_ change: WorldChange) -> Bool { filter(change) }

    /// Reads the first snapshot; delivers it only when `deliverNow` (a scheduler watch reports
    /// the current set at once, a string watch only later changes). A failed read leaves the
    /// watcher with no snapshot, so the next successful read delivers.
    func prime(deliverNow: Bool) {
        lock.lock()
        defer { lock.unlock() }
        guard let snapshot = try? read() else { return }
        last = snapshot
        if deliverNow && !cancelled { deliver(snapshot) }
    }

    func refresh() {
        lock.lock()
        defer { lock.unlock() }
        // A failed read (a busy or broken file) keeps the last snapshot: the next change or
        // poll tries again.
        guard !cancelled, let snapshot = try? read(), snapshot != last else { return }
        last = snapshot
        deliver(snapshot)
    }

    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}

/// The watchers of one World, and the poller that finds what other connections committed.
///
/// While at least one watcher is registered, every `interval` seconds of the injected clock
/// the hub asks `probe` whether another connection committed (`PRAGMA data_version`) and
/// refreshes the watchers with `.external` if so, `.tick` otherwise. With no watcher it stops
/// polling, so an idle World costs nothing.
final class WorldWatchHub: @unchecked Sendable {
    private let lock = NSLock()
    private var watchers: [Int: any WorldWatcher] = [:]
    private var nextID = 0
    /// The number of the live poll chain (0: none), so a tick of a stopped chain ends it
    /// even if a new chain started meanwhile.
    private var chain = 0
    private var chains = 0
    private var timer: ClockTimer?
    private var closed = false
    private let clock: any Clock
    private let interval: Double
    private let probe: @Sendable () -> Bool

    init(clock: any Clock, interval: Double, probe: @escaping @Sendable () -> Bool) {
        self.clock = clock
        self.interval = interval
        self.probe = probe
    }

    /// Registers `watcher`; returns the id that `remove` takes.
    func add(_ watcher: any WorldWatcher) -> Int {
        lock.lock()
        defer { lock.unlock() }
        nextID += 1
        watchers[nextID] = watcher
        if chain == 0 && !closed {
            chains += 1
            chain = chains
            timer = arm(chain)
        }
        return nextID
    }

    /// Cancels and unregisters a watcher; polling stops with the last one.
    func remove(_ id: Int) {
        lock.lock()
        let watcher = watchers.removeValue(forKey: id)
        if watchers.isEmpty { stopPolling() }
        lock.unlock()
        watcher?.cancel()
    }

    /// Refreshes every watcher that `change` may concern, on the calling thread.
    func notify(_ change: WorldChange) {
        lock.lock()
        let concerned = watchers.values.filter { $0.concerns(change) }
        lock.unlock()
        for watcher in concerned { watcher.refresh() }
    }

    /// Stops polling and cancels every watcher (the World is closing).
    func close() {
        lock.lock()
        closed = true
        let all = Array(watchers.values)
        watchers.removeAll()
        stopPolling()
        lock.unlock()
        for watcher in all { watcher.cancel() }
    }

    /// Called with `lock` held.
    private func stopPolling() {
        timer?.cancel()
        timer = nil
        chain = 0
    }

    /// Arms the next poll of chain `number`. Called with `lock` held.
    private func arm(_ number: Int) -> ClockTimer {
        clock.after(interval) { [weak self] in self?.tick(number) }
    }

    private func tick(_ number: Int) {
        lock.lock()
        guard number == chain else { return lock.unlock() }  // stopped meanwhile
        lock.unlock()
        notify(probe() ? .external : .tick)
        lock.lock()
        if number == chain { timer = arm(number) }
        lock.unlock()
    }
}
