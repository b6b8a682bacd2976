import Foundation
import Testing
@testable import Runtime

/// The clocks (ManualClock, FixedStartClock) and the ticker every time-based stream uses.
@Suite struct ClockTests {
    /// Records the clock's reading each time a timer runs.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) {
            lock.lock()
            entries.append(entry)
            lock.unlock()
        }
        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return entries
        }
    }

    @Test func manualClockRunsDueTimersInOrderAtTheirInstant() {
        let clock = ManualClock(at: 100)
        let log = Log()
        _ = clock.after(3) { log.add("c@\(clock.now())") }
        _ = clock.after(1) { log.add("a@\(clock.now())") }
        _ = clock.after(1) { log.add("b@\(clock.now())") }  // same instant: scheduling order
        _ = clock.after(10) { log.add("late") }
        #expect(clock.now() == 100)
        clock.advance(by: 0.5)
        #expect(log.all.isEmpty)
        clock.advance(by: 2.5)
        #expect(log.all == ["a@101.0", "b@101.0", "c@103.0"])
        #expect(clock.now() == 103)
        #expect(clock.pendingTimers == 1)
        clock.set(200)
        #expect(log.all.last == "late")
        #expect(clock.pendingTimers == 0)
    }

    @Test func manualClockCancelAndBackwards() {
        let clock = ManualClock(at: 0)
        let log = Log()
        let timer = clock.after(1) { log.add("cancelled") }
        _ = clock.after(-5) { log.add("zero") }  // a negative delay is due now, run by the next move
        timer.cancel()
        #expect(clock.pendingTimers == 1)
        clock.advance(by: 0)
        #expect(log.all == ["zero"])
        _ = clock.after(5) { log.add("five") }
        clock.set(-10)  // backwards: only the reading changes
        #expect(log.all == ["zero"] && clock.now() == -10)
        clock.set(5)
        #expect(log.all == ["zero", "five"])
    }

    /// A timer that schedules the next one runs again within the same move when due.
    @Test func manualClockRunsTimersScheduledByTimers() {
        let clock = ManualClock(at: 0)
        let log = Log()
        let ticker = ClockTicker.every(1, on: clock) { due in log.add("\(due)") }
        clock.advance(by: 3.5)
        #expect(log.all == ["1.0", "2.0", "3.0"])
        ticker.stop()
        #expect(clock.pendingTimers == 0)
        clock.advance(by: 10)
        #expect(log.all.count == 3)
    }

    @Test func manualClockIsThreadSafe() async {
        let clock = ManualClock(at: 0)
        let counter = Counter()
        await withTaskGroup(of: Void.self) { group in
            for i in 0..<8 {
                group.addTask {
                    for j in 0..<100 { _ = clock.after(Double(i * 100 + j)) { _ = counter.next() } }
                    clock.advance(by: 0.1)
                }
            }
        }
        clock.set(10_000)
        #expect(counter.next() == 801)  // every timer ran exactly once
        #expect(clock.pendingTimers == 0)
    }

    @Test func wholeSecondTickerAlignsToSeconds() {
        let clock = ManualClock(at: 10.25)
        let log = Log()
        let ticker = ClockTicker.wholeSeconds(on: clock) { due in log.add("\(due)") }
        clock.advance(by: 0.75)
        #expect(log.all == ["11.0"])
        clock.advance(by: 1.5)
        #expect(log.all == ["11.0", "12.0"])
        ticker.stop()
    }

    @Test func onceTickerRunsOnce() {
        let clock = ManualClock(at: 0)
        let log = Log()
        _ = ClockTicker.once(after: 5, on: clock) { _ in log.add("once") }
        clock.advance(by: 100)
        #expect(log.all == ["once"])
        #expect(clock.pendingTimers == 0)
    }

    @Test func fixedStartClockAdvancesInRealTime() async throws {
        let start = 1_795_737_599.0
        let clock = FixedStartClock(start: start)
        #expect(clock.now() >= start && clock.now() < start + 1)
        let fired = SinkRecorder()
        let sink = fired.sink
        _ = clock.after(0.05) { sink.emit(.bool(true)) }
        #expect(fired.wait(count: 1, timeout: 10))
        #expect(clock.now() - start >= 0.05)
        let cancelled = clock.after(0.05) { sink.emit(.bool(false)) }
        cancelled.cancel()
        try await Task.sleep(nanoseconds: 200_000_000)
        #expect(fired.count == 1)
    }

    @Test func systemClockReadsTheWallClock() {
        #expect(abs(SystemClock().now() - Date().timeIntervalSince1970) < 1)
    }
}
