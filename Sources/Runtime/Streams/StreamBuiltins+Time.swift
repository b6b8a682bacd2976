import Foundation
import VM

/// The clock-driven streams: `datetime.now`, `datetime.str_now`, `datetime.weekday_fast`,
/// `sys.uptime`, `sys.load`, `example.flipflop`. Each reads and schedules only through the
/// context's clock, so a `ManualClock` drives them all (advancing it makes them emit).
extension StreamBuiltins {
    static let time: [String: StreamStart] = [
        // The current second at once, then at each whole second of the clock.
        "datetime.now": everySecond { .int($0) },
        "datetime.str_now": everySecond { .str(String($0)) },
        "datetime.weekday_fast": { context, _, sink in
            sink.emit(.str(weekday(at: context.clock.now())))
            let ticker = ClockTicker(clock: context.clock, first: nextMidnight(after: context.clock.now()),
                                     rule: { due, now in nextMidnight(after: max(due, now)) }) { due in
                sink.emit(.str(weekday(at: max(due, context.clock.now()))))
            }
            return StreamTask(onStop: ticker.stop)
        },
        // Seconds since boot, read from the system at each tick of the clock.
        "sys.uptime": sequence(every: 1) { _, _ in .int(uptime()) },
        "sys.load": sequence(every: 5) { _, _ in loadAverages() },
        "example.flipflop": sequence(every: 5) { tick, _ in .bool(tick % 2 == 0) },
    ]

    /// Emits `value(second)` at once and at each whole second; `second` is the clock's Unix
    /// time, rounded down (never below the tick's due time, in case a real timer runs early).
    static func everySecond(_ value: @escaping @Sendable (Int64) -> Value) -> StreamStart {
        { context, _, sink in
            let clock = context.clock
            sink.emit(value(Int64(clock.now().rounded(.down))))
            let ticker = ClockTicker.wholeSeconds(on: clock) { due in
                sink.emit(value(Int64(max(due, clock.now()).rounded(.down))))
            }
            return StreamTask(onStop: ticker.stop)
        }
    }

    /// The lower-case English weekday of a time, in the local zone (as `datetime.weekday`).
    static func weekday(at time: Double) -> String {
        let fields = TimeLayout.Fields(seconds: Int64(time.rounded(.down)), zone: .local)
        return TimeLayout.dayNames[fields.weekday].lowercased()
    }

    /// The first local midnight strictly after `time`. Across a daylight-saving change the
    /// result may be an hour off; the weekday is read again when the timer runs, and the next
    /// midnight is computed from there, so the error does not accumulate.
    static func nextMidnight(after time: Double) -> Double {
        let seconds = Int64(time.rounded(.down))
        let fields = TimeLayout.Fields(seconds: seconds, zone: .local)
        let midnight = Double(seconds - Int64(fields.hour * 3600 + fields.minute * 60 + fields.second) + 86400)
        return midnight > time ? midnight : midnight + 86400
    }

    /// Whole seconds since boot (CLOCK_BOOTTIME: includes time suspended, like sysinfo).
    static func uptime() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        return Int64(now.tv_sec)
    }

    /// The 1, 5 and 15 minute load averages as `struct{x1 float; x5 float; x15 float}`.
    static func loadAverages() -> Value {
        var loads = [Double](repeating: 0, count: 3)
        _ = getloadavg(&loads, 3)
        return .struct(.init(names: ["x1", "x5", "x15"], values: loads.map { .float($0) }))
    }
}
