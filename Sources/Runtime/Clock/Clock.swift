import Foundation

/// Time as every time-based builtin and resource sees it (`datetime.now`, `history`,
/// timers, test streams): the wall clock in production, a clock a test or
/// `mgmt graph --clock` sets by hand. One protocol, so an injected time reaches everything.
public protocol Clock: Sendable {
    /// Seconds since the Unix epoch.
    func now() -> Double
    /// Calls `body` after `delay` seconds (on any thread) unless the returned timer is cancelled.
    func after(_ delay: Double, _ body: @escaping @Sendable () -> Void) -> ClockTimer
}

/// A scheduled call of a `Clock`; cancelling stops it from running (if it has not yet).
public protocol ClockTimer: Sendable {
    func cancel()
}
