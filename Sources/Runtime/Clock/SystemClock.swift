import Dispatch
import Foundation

/// The wall clock, with Dispatch timers.
public struct SystemClock: Clock {
    public init() {}

    public func now() -> Double { Date().timeIntervalSince1970 }

    public func after(_ delay: Double, _ body: @escaping @Sendable () -> Void) -> ClockTimer {
        let item = DispatchWorkItem(block: body)
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, delay), execute: item)
        return DispatchTimer(item: item)
    }

    private struct DispatchTimer: ClockTimer, @unchecked Sendable {
        let item: DispatchWorkItem
        func cancel() { item.cancel() }
    }
}
