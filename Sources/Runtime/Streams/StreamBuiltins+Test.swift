import Foundation
import VM

/// The test module's streams (used by the conformance corpus): `test.forloop`,
/// `test.forkvloop` and `test.slow_string` on the context's clock, `test.fastcount` on a
/// thread of its own; and the demo `example.vumeter` (VUMeterStream.swift).
extension StreamBuiltins {
    static let test: [String: StreamStart] = [
        "test.forloop": sequence(every: 5) { tick, _ in .list([.str(tick == 0 ? "foo" : "bar")]) },
        "test.forkvloop": sequence(every: 5) { _, _ in .map(.init(pairs: [(.str("foo"), .str("bar"))])) },
        // Nothing for five seconds of the clock, then one value: the right side of `<|>`
        // that must stay unevaluated unless needed.
        "test.slow_string": { context, _, sink in
            let ticker = ClockTicker.once(after: 5, on: context.clock) { _ in
                sink.emit(.str("five seconds has elapsed"))
            }
            return StreamTask(onStop: ticker.stop)
        },
        "test.fastcount": { _, _, sink in fastCount(sink) },
        "example.vumeter": { context, args, sink throws(RuntimeError) in
            try VUMeterStream(context: context, arguments: args, sink: sink)
        },
    ]

    /// `test.fastcount`: 1, 2, 3… from a thread of its own until stopped. Upstream bumps in a
    /// busy loop and its node reads the latest count; here every count is an event the VM
    /// queues, so the thread pauses 1 ms between bumps to keep that queue from growing
    /// without bound (the VM still sees the count rise as fast as it can evaluate).
    static func fastCount(_ sink: StreamSink) -> StreamTask {
        let task = StreamTask()
        let thread = Thread {
            var count: Int64 = 0
            while !task.isStopped {
                count += 1
                sink.emit(.int(count))
                usleep(1000)
            }
        }
        thread.name = "test.fastcount"
        thread.start()
        return task
    }
}
