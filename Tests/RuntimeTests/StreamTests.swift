import Foundation
import Testing
import VM
@testable import Runtime

/// The clock-driven and stateful stream builtins, driven by a `ManualClock`: advancing the
/// clock is what makes them emit.
@Suite struct StreamTests {
    /// Thursday 2026-11-26 23:59:59 in the local zone (UTC on the reference machine).
    static let thursdayBeforeMidnight: Double = {
        let utc: Int64 = 1_795_737_599
        return Double(utc - Int64(ZoneInfo.local.offset(at: utc)))
    }()

    @Test func everyStreamBuiltinInTheRegistryIsImplemented() {
        let missing = Registry.builtins.filter { $0.kind == .stream }.map(\.qualifiedName)
            .filter { StreamBuiltins.all[$0] == nil }
        #expect(missing == [])
    }

    @Test func datetimeNowTicksEachWholeSecond() throws {
        let clock = ManualClock(at: 1000.5)
        let now = try StartedStream("datetime.now", clock: clock)
        #expect(now.values == ["1000"])
        clock.advance(by: 0.4)
        #expect(now.values == ["1000"])
        clock.advance(by: 0.1)
        #expect(now.values == ["1000", "1001"])
        clock.advance(by: 2)
        #expect(now.values == ["1000", "1001", "1002", "1003"])
        let text = try StartedStream("datetime.str_now", clock: clock)
        clock.advance(by: 1)
        #expect(text.values == [#""1003""#, #""1004""#])
        now.handle.stop()
        text.handle.stop()
    }

    @Test func weekdayFastChangesAtLocalMidnight() throws {
        let clock = ManualClock(at: Self.thursdayBeforeMidnight)
        let weekday = try StartedStream("datetime.weekday_fast", clock: clock)
        #expect(weekday.values == [#""thursday""#])
        clock.advance(by: 1)
        #expect(weekday.values == [#""thursday""#, #""friday""#])
        clock.advance(by: 86399)
        #expect(weekday.values.count == 2)
        clock.advance(by: 1)
        #expect(weekday.values.last == #""saturday""#)
        weekday.handle.stop()
        #expect(clock.pendingTimers == 0)
    }

    @Test func nextMidnightIsStrictlyLater() {
        let midnight = Self.thursdayBeforeMidnight + 1
        #expect(StreamBuiltins.nextMidnight(after: midnight - 0.5) == midnight)
        #expect(StreamBuiltins.nextMidnight(after: midnight) == midnight + 86400)
    }

    @Test func uptimeAndLoadFollowTheClock() throws {
        let clock = ManualClock(at: 0)
        let uptime = try StartedStream("sys.uptime", clock: clock)
        let load = try StartedStream("sys.load", clock: clock)
        #expect(uptime.recorder.count == 1 && load.recorder.count == 1)
        guard case .success(.int(let seconds)) = uptime.recorder.results.first else { Issue.record("no uptime"); return }
        #expect(seconds > 0)
        #expect(load.values.first?.hasPrefix("struct{x1: ") == true)
        clock.advance(by: 4)
        #expect(uptime.recorder.count == 5 && load.recorder.count == 1)
        clock.advance(by: 1)
        #expect(uptime.recorder.count == 6 && load.recorder.count == 2)
        uptime.handle.stop()
        load.handle.stop()
        #expect(clock.pendingTimers == 0)
    }

    @Test func flipflopAndLoopsEveryFiveSeconds() throws {
        let clock = ManualClock(at: 0)
        let flipflop = try StartedStream("example.flipflop", clock: clock)
        let forloop = try StartedStream("test.forloop", clock: clock)
        let forkvloop = try StartedStream("test.forkvloop", clock: clock)
        clock.advance(by: 4.9)
        #expect(flipflop.values == ["true"])
        clock.advance(by: 0.1)
        #expect(flipflop.values == ["true", "false"])
        clock.advance(by: 5)
        #expect(flipflop.values == ["true", "false", "true"])
        #expect(forloop.values == [#"["foo"]"#, #"["bar"]"#, #"["bar"]"#])
        #expect(forkvloop.values == Array(repeating: #"{"foo": "bar"}"#, count: 3))
        for stream in [flipflop, forloop, forkvloop] { stream.handle.stop() }
    }

    @Test func slowStringAfterFiveSeconds() throws {
        let clock = ManualClock(at: 0)
        let slow = try StartedStream("test.slow_string", clock: clock)
        clock.advance(by: 4.999)
        #expect(slow.values.isEmpty)
        clock.advance(by: 0.001)
        #expect(slow.values == [#""five seconds has elapsed""#])
        clock.advance(by: 100)
        #expect(slow.values.count == 1)
        #expect(clock.pendingTimers == 0)
    }

    /// After `stop()`, the clock holds no timer of the stream and advancing emits nothing.
    @Test func aStoppedStreamStopsItsTimer() throws {
        let clock = ManualClock(at: 0)
        for name in ["datetime.now", "datetime.str_now", "datetime.weekday_fast", "sys.uptime", "sys.load",
                     "example.flipflop", "test.forloop", "test.forkvloop", "test.slow_string", "sys.cpu_count",
                     "net.macs", "sys.hostname"] {
            let stream = try StartedStream(name, clock: clock)
            let before = stream.recorder.count
            stream.handle.stop()
            #expect(clock.pendingTimers == 0, "\(name)")
            clock.advance(by: 100_000)
            #expect(stream.recorder.count == before, "\(name)")
        }
    }

    @Test func fastcountCountsOnItsOwnThread() throws {
        let count = try StartedStream("test.fastcount")
        #expect(count.recorder.wait(count: 3))
        count.handle.stop()
        // The thread checks for the stop before each bump, so one bump in flight may still
        // land, however late the thread runs; nothing after it.
        let stopped = count.recorder.count
        Thread.sleep(forTimeInterval: 0.2)
        #expect(count.recorder.count <= stopped + 1)
        let numbers = count.recorder.results.compactMap { if case .success(.int(let n)) = $0 { n } else { nil } }
        #expect(numbers == Array(1...Int64(numbers.count)))
    }

    // MARK: State per call site

    @Test func historyKeepsSamplesAcrossArgumentChanges() throws {
        let clock = ManualClock(at: 50)
        let history = try StartedStream("history", [.str("a"), .int(1000)], clock: clock)
        #expect(history.values == [#""a""#])  // nothing old enough: the oldest sample
        clock.advance(by: 0.5)
        #expect(history.handle.update([.str("b"), .int(1000)]))
        #expect(history.values.last == #""a""#)
        clock.advance(by: 1)
        #expect(history.handle.update([.str("c"), .int(1000)]))
        #expect(history.values.last == #""b""#)  // b is 1 s old, a older: the newest old enough
        clock.advance(by: 100)  // c held for 100 s: it is the value 1 s ago
        #expect(history.handle.update([.str("d"), .int(1000)]))
        #expect(history.values.last == #""c""#)
        #expect(history.handle.update([.str("d"), .int(2000)]))  // a new delay clears the buffer
        #expect(history.values.last == #""d""#)
        #expect(history.handle.update([.str("e"), .int(-1)]))
        #expect(history.values.last == "error: can't use a negative index of -1")
        #expect(throws: RuntimeError.self) { try StartedStream("history", [.str("a"), .int(-5)], clock: clock) }
        history.handle.stop()
    }

    @Test func random1KeepsItsStringWhileTheLengthStays() throws {
        let random = try StartedStream("random1", [.int(8)])
        guard case .success(.str(let first)) = random.recorder.results.first else { Issue.record("no string"); return }
        #expect(first.count == 8 && first.allSatisfy { $0.isASCII && $0.isLetter })
        #expect(random.handle.update([.int(8)]))
        #expect(random.recorder.count == 1)
        #expect(random.handle.update([.int(12)]))
        guard case .success(.str(let second)) = random.recorder.results.last else { Issue.record("no string"); return }
        #expect(second.count == 12)
        #expect(random.handle.update([.int(70000)]))
        #expect(random.values.last == "error: random1 length must be between 0 and 65535, got: 70000")
        #expect(throws: RuntimeError.self) { try StartedStream("random1", [.int(-1)]) }
    }

    /// The registry makes both of them source nodes, so the VM keeps one stream per call site.
    @Test func historyAndRandom1AreStreams() throws {
        for name in ["history", "random1"] {
            #expect(Registry.builtins.first { $0.qualifiedName == name }?.kind == .stream, "\(name)")
        }
    }
}
