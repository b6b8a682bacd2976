import Dispatch

/// A clock that starts at a chosen time and then advances in real time
/// (`mgmt graph --clock=TIME`): `now()` is the start plus the monotonic time elapsed since
/// the clock was made, so changes of the system's wall clock do not move it.
///
/// Timers are real-time Dispatch timers, exactly as `SystemClock`'s: a delay of 5 s takes
/// 5 s. Only the reading differs.
public struct FixedStartClock: Clock {
    /// The time `now()` returned when the clock was made, in Unix seconds.
    public let start: Double
    private let origin: UInt64  // DispatchTime uptime nanoseconds at creation

    /// A clock whose `now()` is `start` (Unix seconds) at this instant.
    public init(start: Double) {
        self.start = start
        origin = DispatchTime.now().uptimeNanoseconds
    }

    public func now() -> Double {
        start + Double(DispatchTime.now().uptimeNanoseconds &- origin) / 1e9
    }

    public func after(_ delay: Double, _ body: @escaping @Sendable () -> Void) -> ClockTimer {
        DispatchClockTimer.schedule(after: delay, body)
    }
}
