import Foundation

/// Runs a body at instants of a `Clock` chosen by a rule, until stopped: the timer of every
/// time-based stream. It keeps one clock timer scheduled at a time and, after each run, asks
/// the rule for the next instant.
///
/// With a `ManualClock` the runs happen inside `set`/`advance`, with `now()` reading the due
/// time; with a real clock they run on a Dispatch queue, possibly a little late or (when the
/// wall clock and Dispatch disagree) a hair early, so rules work from the due time.
final class ClockTicker: @unchecked Sendable {
    /// The next due time, from the one just run and the clock's reading.
    typealias Rule = @Sendable (_ due: Double, _ now: Double) -> Double

    private let clock: Clock
    private let rule: Rule
    private let body: @Sendable (Double) -> Void
    private let lock = NSLock()
    private var timer: ClockTimer?
    private var stopped = false

    /// Starts ticking: `body(due)` runs at `first`, then at each instant `rule` picks.
    init(clock: Clock, first: Double, rule: @escaping Rule, body: @escaping @Sendable (Double) -> Void) {
        self.clock = clock
        self.rule = rule
        self.body = body
        schedule(first)
    }

    /// Every `seconds` from now: the first run at now + `seconds`. A real clock that fell
    /// behind runs once at once rather than once per missed period.
    static func every(_ seconds: Double, on clock: Clock, _ body: @escaping @Sendable (Double) -> Void) -> ClockTicker {
        ClockTicker(clock: clock, first: clock.now() + seconds, rule: { due, now in max(due + seconds, now) }, body: body)
    }

    /// At each whole second of the clock (Unix time), starting with the next one.
    static func wholeSeconds(on clock: Clock, _ body: @escaping @Sendable (Double) -> Void) -> ClockTicker {
        ClockTicker(clock: clock, first: (clock.now() + 1).rounded(.down),
                    rule: { due, now in max(due + 1, (now + 1).rounded(.down)) }, body: body)
    }

    /// Once, `seconds` from now.
    static func once(after seconds: Double, on clock: Clock, _ body: @escaping @Sendable (Double) -> Void) -> ClockTicker {
        ClockTicker(clock: clock, first: clock.now() + seconds, rule: { _, _ in .infinity }, body: body)
    }

    /// Cancels the pending run; after `stop()` returns no new run starts.
    func stop() {
        lock.lock()
        stopped = true
        let pending = timer
        timer = nil
        lock.unlock()
        pending?.cancel()
    }

    private func schedule(_ due: Double) {
        guard due.isFinite else { return }
        // Scheduled under the lock, so a run that starts at once on another thread waits
        // until `timer` is set (no clock runs a body from inside `after`).
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        timer = clock.after(due - clock.now()) { [self] in fire(due) }
    }

    private func fire(_ due: Double) {
        lock.lock()
        let cancelled = stopped
        timer = nil
        lock.unlock()
        guard !cancelled else { return }
        body(due)
        schedule(rule(due, clock.now()))
    }
}
