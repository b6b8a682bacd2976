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

/// A running stream: a timer, a thread or a process, stopped by `stop()`.
final class StreamTask: StreamHandle, @unchecked Sendable {
    private let lock = NSLock()
    private var onStop: (() -> Void)?
    private(set) var stopped = false

    init(onStop: (() -> Void)? = nil) { self.onStop = onStop }

    func setStop(_ body: @escaping () -> Void) {
        lock.lock()
        onStop = body
        lock.unlock()
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    func stop() {
        lock.lock()
        let body = stopped ? nil : onStop
        stopped = true
        onStop = nil
        lock.unlock()
        body?()
    }
}

/// The stream builtins implemented so far, by qualified name. (The clock-driven ones use
/// the wall clock here; an injectable clock, inotify watches and the World come with issue 4.)
enum StreamBuiltins {
    static let all: [String: StreamStart] = [
        "datetime.now": ticking(every: 1) { .int(Int64(Date().timeIntervalSince1970)) },
        "datetime.str_now": ticking(every: 1) { .str(String(Int64(Date().timeIntervalSince1970))) },
        "test.forloop": sequence(every: 5) { n in .list([.str(n == 0 ? "foo" : "bar")]) },
        "test.forkvloop": ticking(every: 5) { .map(.init(pairs: [(.str("foo"), .str("bar"))])) },
        "test.slow_string": { _, _, sink in
            let task = StreamTask()
            DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
                if !task.isStopped { sink.emit(.str("five seconds has elapsed")) }
            }
            return task
        },
        "test.fastcount": { _, _, sink in
            let task = StreamTask()
            Thread.detachNewThread {
                var count: Int64 = 0
                while !task.isStopped {
                    count += 1
                    sink.emit(.int(count))
                    usleep(1000)
                }
            }
            return task
        },
        "os.readfile": { _, args, sink throws(RuntimeError) in
            guard case .str(let path) = args.first else { throw RuntimeError("os.readfile needs a path") }
            if let data = FileManager.default.contents(atPath: path) {
                sink.emit(.str(String(decoding: data, as: UTF8.self)))
            } else {
                sink.fail(.catchable("error reading file: open \(path): no such file or directory"))
            }
            return StreamTask()
        },
        "os.system": { _, args, sink throws(RuntimeError) in
            guard case .str(let command) = args.first else { throw RuntimeError("os.system needs a command") }
            return try SystemCommandStream.start(command, sink: sink)
        },
        "sys.load": ticking(every: 5) {
            var loads = [Double](repeating: 0, count: 3)
            _ = getloadavg(&loads, 3)
            return .struct(.init(names: ["x1", "x5", "x15"], values: loads.map { .float($0) }))
        },
    ]

    /// Emits `value()` at once, then every `seconds`.
    static func ticking(every seconds: Double, _ value: @escaping @Sendable () -> Value) -> StreamStart {
        sequence(every: seconds) { _ in value() }
    }

    /// Emits `value(0)` at once, then `value(1)`, `value(2)`... every `seconds`.
    static func sequence(every seconds: Double, _ value: @escaping @Sendable (Int) -> Value) -> StreamStart {
        { _, _, sink in
            let task = StreamTask()
            sink.emit(value(0))
            let timer = DispatchSource.makeTimerSource(queue: DispatchQueue.global())
            let counter = Counter()
            timer.schedule(deadline: .now() + seconds, repeating: seconds)
            timer.setEventHandler { sink.emit(value(counter.next())) }
            timer.resume()
            task.setStop { timer.cancel() }
            return task
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
