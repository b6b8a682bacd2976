#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import VM
@testable import Runtime

/// `os.system`: lines in order, the last line without a newline, and the whole process
/// group killed on stop.
@Suite struct StreamSystemTests {
    @Test func eachLineInOrder() throws {
        let command = try StartedStream("os.system", [.str("echo 0; echo 1; printf 'a\\r\\nb\\n'; printf last")])
        defer { command.handle.stop() }
        #expect(command.recorder.wait(count: 5))
        #expect(command.values == [#""0""#, #""1""#, #""a""#, #""b""#, #""last""#])
    }

    /// Stopping kills the shell and what it started (a background `sleep` here), even when
    /// the stream was started from a Dispatch thread, whose blocked signals the child must
    /// not inherit.
    @Test func stopKillsTheProcessGroup() throws {
        let command = try DispatchQueue.global().sync {
            try StartedStream("os.system", [.str("sleep 30 & echo $!; wait; echo late")])
        }
        #expect(command.recorder.wait(count: 1))
        guard case .success(.str(let text)) = command.recorder.results.first, let pid = pid_t(text) else {
            Issue.record("no pid: \(command.values)")
            return
        }
        #expect(Self.isAlive(pid))
        command.handle.stop()
        #expect(Self.waitUntil { !Self.isAlive(pid) })
        Thread.sleep(forTimeInterval: 0.2)
        #expect(command.values == ["\"\(pid)\""])  // "late" never printed (or not delivered)
    }

    /// A command that ignores SIGTERM is killed after the grace period.
    @Test func stopKillsACommandIgnoringTerm() throws {
        let command = try StartedStream("os.system", [.str("trap '' TERM; echo $$; while true; do sleep 0.1; done")])
        #expect(command.recorder.wait(count: 1))
        // The shell leads its own process group, so its pid is the group's id.
        guard case .success(.str(let text)) = command.recorder.results.first, let group = pid_t(text) else {
            Issue.record("no pid: \(command.values)")
            return
        }
        #expect(!Self.processes(inGroup: group).isEmpty)
        command.handle.stop()
        #expect(Self.waitUntil { Self.processes(inGroup: group).isEmpty })
    }

    @Test func vumeterBars() {
        #expect(VUMeterStream.bar(symbol: "=", multiplier: 10, peak: 0.9, level: 0.55) == "=====")
        #expect(VUMeterStream.bar(symbol: "#", multiplier: 4, peak: 0.9, level: 1) == "#### PEAK!!!")
        #expect(VUMeterStream.bar(symbol: "#", multiplier: 4, peak: 0.5, level: 0) == "")
    }

    /// Without `rec` and `sox` (as on the test machine) the meter fails, naming them; with
    /// them it emits a bar. Either way it measures again each second of the clock.
    @Test func vumeterMeasuresOnTheClock() throws {
        let clock = ManualClock(at: 0)
        let meter = try StartedStream("example.vumeter", [.str("="), .int(20), .float(0.9)], clock: clock)
        #expect(meter.recorder.wait(count: 1))
        clock.advance(by: 1)
        #expect(meter.recorder.wait(count: 2, timeout: 15))
        let installed = FileManager.default.isExecutableFile(atPath: "/usr/bin/rec")
        if !installed {
            #expect(meter.values.first == "error: vumeter: could not read the sound level (needs rec and sox, and a microphone)")
        }
        meter.handle.stop()
        #expect(clock.pendingTimers == 0)
    }

    /// Whether process `pid` exists and is not a zombie.
    static func isAlive(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return false }
        return !stat[close...].dropFirst(2).hasPrefix("Z")
    }

    /// The live processes of process group `group` (field 5 of /proc/PID/stat).
    static func processes(inGroup group: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard isAlive(pid), let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            // After the command's name: state, ppid, pgrp.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 2 && pid_t(fields[2]) == group
        }
    }

    /// Waits until `condition` holds, for `timeout` seconds at most.
    static func waitUntil(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !condition() {
            guard Date() < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return true
    }
}
