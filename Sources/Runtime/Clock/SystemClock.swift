import Dispatch
import Foundation

/// The wall clock, with Dispatch timers.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> Double { Date().timeIntervalSince1970 }

    public func after(_ delay: Double, _ body: @escaping @Sendable () -> Void) -> ClockTimer {
        DispatchClockTimer.schedule(after: delay, body)
    }
}

/// A `ClockTimer` backed by a Dispatch work item on the global queue (real time), shared by
/// the clocks that advance in real time (`SystemClock`, `FixedStartClock`).
struct DispatchClockTimer: ClockTimer, @unchecked Sendable {
    let item: DispatchWorkItem

    /// Runs `body` on a global queue after `delay` real seconds (at once when not positive).
    static func schedule(after delay: Double, _ body: @escaping @Sendable () -> Void) -> DispatchClockTimer {
        let item = DispatchWorkItem(block: body)
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, delay), execute: item)
        return DispatchClockTimer(item: item)
    }

    func cancel() { item.cancel() }
}
