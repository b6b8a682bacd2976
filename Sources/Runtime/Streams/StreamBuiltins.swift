import Foundation
import VM

/// What a stream builtin may use besides its arguments: the clock (every time-based stream
/// uses it, so an injected time reaches all of them), the World, the process's configuration.
struct StreamContext: Sendable {
    let clock: Clock
    let world: (any World)?
    let configuration: RuntimeHost.Configuration
}

/// How a stream builtin starts: with its context, its arguments and the sink it emits into.
typealias StreamStart = @Sendable (StreamContext, [Value], StreamSink) throws(RuntimeError) -> StreamHandle

/// A running stream: a timer, a watcher, a thread or a process, stopped by `stop()`.
final class StreamTask: StreamHandle, @unchecked Sendable {
    private let lock = NSLock()
    private var onStop: (() -> Void)?
    private var stopped = false

    init(onStop: (() -> Void)? = nil) { self.onStop = onStop }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Runs `onStop` the first time only.
    func stop() {
        lock.lock()
        let body = onStop
        stopped = true
        onStop = nil
        lock.unlock()
        body?()
    }
}

/// Every stream builtin, by qualified name: one table per family, each in its
/// `StreamBuiltins+<Family>.swift` (the World's in WorldStreams.swift).
enum StreamBuiltins {
    static let all: [String: StreamStart] = merged([time, test, files, DeployFunctions.streams, system, network, stateful, world])

    /// The tables merged into one; a name in two tables is a programming error.
    static func merged(_ tables: [[String: StreamStart]]) -> [String: StreamStart] {
        tables.reduce(into: [:]) { all, table in
            all.merge(table) { _, _ in preconditionFailure("a stream builtin is implemented twice") }
        }
    }

    /// Emits `value(0)` at once, then `value(1)`, `value(2)`… every `seconds` of the context's
    /// clock. `value` gets the tick's due time too.
    static func sequence(every seconds: Double, _ value: @escaping @Sendable (Int, Double) -> Value) -> StreamStart {
        { context, _, sink in
            let counter = Counter()
            sink.emit(value(0, context.clock.now()))
            let ticker = ClockTicker.every(seconds, on: context.clock) { due in sink.emit(value(counter.next(), due)) }
            return StreamTask(onStop: ticker.stop)
        }
    }

    /// Emits `read()` at once, then every `seconds` of the context's clock when it changed.
    /// A thrown error is sent as the stream's error (also only when it changed).
    static func polled(every seconds: Double, _ read: @escaping @Sendable ([Value]) throws(RuntimeError) -> Value) -> StreamStart {
        { context, args, sink in
            let changes = ChangeFilter(sink)
            changes.send { () throws(RuntimeError) in try read(args) }
            let ticker = ClockTicker.every(seconds, on: context.clock) { _ in
                changes.send { () throws(RuntimeError) in try read(args) }
            }
            return StreamTask(onStop: ticker.stop)
        }
    }
}

/// A thread-safe counter starting at 1.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

/// Forwards values and errors to a sink, dropping any equal to the last one sent: for
/// streams that re-read their source on every event or poll.
final class ChangeFilter: @unchecked Sendable {
    private let sink: StreamSink
    private let lock = NSLock()
    private var last: Result<Value, RuntimeError>?

    init(_ sink: StreamSink) { self.sink = sink }

    /// Runs `read` and sends its value or error if it differs from the last one sent.
    /// Calls are serialized, so values reach the sink in the order they were read.
    func send(_ read: () throws(RuntimeError) -> Value) {
        lock.lock()
        defer { lock.unlock() }
        let result: Result<Value, RuntimeError>
        do throws(RuntimeError) {
            result = .success(try read())
        } catch {
            result = .failure(error)
        }
        guard result != last else { return }
        last = result
        switch result {
        case .success(let value): sink.emit(value)
        case .failure(let error): sink.fail(error)
        }
    }
}
