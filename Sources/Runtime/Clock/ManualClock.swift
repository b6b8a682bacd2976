import Foundation

/// A clock that moves only when told to: tests and tools inject time with it.
///
/// `set(_:)` and `advance(by:)` run every timer that became due, synchronously on the
/// calling thread, in due order (timers due at the same instant in the order they were
/// scheduled). While a timer runs, `now()` reads its due time, so a timer that schedules the
/// next one (a ticker) sees its own instant, and the next tick runs in the same call if it
/// is due by then: `advance(by: 10)` runs a 1 s ticker ten times, at +1 … +10.
///
/// Thread-safe: any thread may read, schedule, cancel and move the clock; moves are
/// serialized. A timer's body may schedule and cancel timers, and may move the clock itself
/// (the nested move runs inside the outer one).
public final class ManualClock: Clock, @unchecked Sendable {
    private struct Entry {
        let due: Double
        let sequence: UInt64
        let body: @Sendable () -> Void
    }

    private let lock = NSLock()  // guards current, pending, nextSequence
    private let moving = NSRecursiveLock()  // serializes set/advance
    private var current: Double
    private var pending: [UInt64: Entry] = [:]
    private var nextSequence: UInt64 = 0

    /// A clock reading `time` (Unix seconds) until it is moved.
    public init(at time: Double) {
        current = time
    }

    public func now() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Schedules `body` at `now() + delay` (a negative delay counts as 0). It runs during the
    /// next `set`/`advance` that reaches that time, never from here.
    public func after(_ delay: Double, _ body: @escaping @Sendable () -> Void) -> ClockTimer {
        lock.lock()
        defer { lock.unlock() }
        nextSequence += 1
        pending[nextSequence] = Entry(due: current + max(0, delay), sequence: nextSequence, body: body)
        return Timer(clock: self, sequence: nextSequence)
    }

    /// Moves the clock to `time`, running each timer due by then, in due order. Moving
    /// backwards only changes the reading: timers still wait for their due time.
    public func set(_ time: Double) {
        moving.lock()
        defer { moving.unlock() }
        while let entry = takeNext(dueBy: time) {
            entry.body()
        }
    }

    /// Moves the clock forward by `seconds` (see `set(_:)`).
    public func advance(by seconds: Double) {
        moving.lock()
        defer { moving.unlock() }
        set(now() + seconds)
    }

    /// How many timers are scheduled and neither run nor cancelled (a stopped stream leaves
    /// none behind).
    public var pendingTimers: Int {
        lock.lock()
        defer { lock.unlock() }
        return pending.count
    }

    /// Removes and returns the earliest timer due by `time`, with the reading moved to its due
    /// time; nil when none is due (the reading is then `time`).
    private func takeNext(dueBy time: Double) -> Entry? {
        lock.lock()
        defer { lock.unlock() }
        let next = pending.values.filter { $0.due <= time }
            .min { ($0.due, $0.sequence) < ($1.due, $1.sequence) }
        guard let next else {
            current = time
            return nil
        }
        pending.removeValue(forKey: next.sequence)
        current = max(current, next.due)
        return next
    }

    private func cancel(_ sequence: UInt64) {
        lock.lock()
        pending.removeValue(forKey: sequence)
        lock.unlock()
    }

    /// A scheduled call; cancelling removes it.
    private struct Timer: ClockTimer {
        let clock: ManualClock
        let sequence: UInt64
        func cancel() { clock.cancel(sequence) }
    }
}
