import Foundation
import VM

/// The streams that keep state per call site across argument changes: `history` and
/// `random1`. The VM offers them new arguments through `StreamHandle.update(_:)`, which
/// they take (returning true), so the same stream lives on with its state.
extension StreamBuiltins {
    static let stateful: [String: StreamStart] = [
        "history": { context, args, sink throws(RuntimeError) in
            try HistoryStream(clock: context.clock, arguments: args, sink: sink)
        },
        "random1": { _, args, sink throws(RuntimeError) in
            try RandomStream(arguments: args, sink: sink)
        },
    ]
}

/// `history(value, ms)` (functions.md §6): the value `value` had `ms` milliseconds ago.
///
/// Upstream samples `value` on a timer every `ms / 10` ms but emits only when an argument
/// changes; as the reference allows, this snapshots on every input change instead, with the
/// clock's time. Each emit is the newest sample at least `ms` old, else the oldest sample
/// (so the current value before anything is old enough). Since a sample holds until the next
/// one, samples before the newest old-enough one are dropped (upstream drops those older than
/// `ms` + 10 s); a changed `ms` clears the buffer. No timer: nothing is emitted by itself.
final class HistoryStream: StreamHandle, @unchecked Sendable {
    private let clock: Clock
    private let sink: StreamSink
    private let lock = NSLock()
    private var samples: [(time: Double, value: Value)] = []
    private var milliseconds: Int64 = 0
    private var stopped = false

    init(clock: Clock, arguments: [Value], sink: StreamSink) throws(RuntimeError) {
        self.clock = clock
        self.sink = sink
        try take(arguments)
    }

    func update(_ arguments: [Value]) -> Bool {
        do {
            try take(arguments)
        } catch {
            sink.fail(error)
        }
        return true
    }

    func stop() {
        lock.lock()
        stopped = true
        samples = []
        lock.unlock()
    }

    /// Records the arguments and emits the value to show now.
    private func take(_ arguments: [Value]) throws(RuntimeError) {
        guard arguments.count == 2, case .int(let ms) = arguments[1] else {
            throw RuntimeError("internal error: history needs a value and an int")
        }
        guard ms >= 0 else { throw RuntimeError("can't use a negative index of \(ms)") }
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        let now = clock.now()
        if ms != milliseconds { samples = [] }
        milliseconds = ms
        if samples.last?.value != arguments[0] { samples.append((now, arguments[0])) }
        // A sample holds until the next one, so the newest sample old enough is the value
        // `ms` ago; everything before it can go (that keeps the buffer bounded).
        let delay = Double(ms) / 1000
        if let old = samples.lastIndex(where: { now - $0.time >= delay }) { samples.removeFirst(old) }
        sink.emit(samples[0].value)
    }
}

/// `random1(length)`: a random `[a-zA-Z]` string, a new one only when `length` changes
/// (0…65535; another length is a fatal error).
final class RandomStream: StreamHandle, @unchecked Sendable {
    private let sink: StreamSink
    private let lock = NSLock()
    private var length: Int64?

    init(arguments: [Value], sink: StreamSink) throws(RuntimeError) {
        self.sink = sink
        try take(arguments)
    }

    func update(_ arguments: [Value]) -> Bool {
        do {
            try take(arguments)
        } catch {
            sink.fail(error)
        }
        return true
    }

    func stop() {}

    private func take(_ arguments: [Value]) throws(RuntimeError) {
        guard case .int(let count)? = arguments.first else { throw RuntimeError("internal error: random1 needs an int") }
        lock.lock()
        defer { lock.unlock() }
        guard count != length else { return }
        let text = try Builtins.randomLetters(count: count)
        length = count
        sink.emit(.str(text))
    }
}
