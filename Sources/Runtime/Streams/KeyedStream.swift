import Foundation
import VM

/// A running keyed stream (functions.md, "keyed streams": `world.*`, `_collect`, `value.get*`):
/// it follows one key (a key, a namespace or a kind: its first argument) for its whole life.
/// `""` is refused at the start. `update` takes new arguments in place: the same key with other
/// arguments (`world.schedule`'s options) starts a new follow before the old one ends, so a
/// joined election is never left in between; another key fails the stream.
final class KeyedStream: StreamHandle, @unchecked Sendable {
    /// Starts following `key` with `arguments`, emitting into `sink`; returns what ends it.
    typealias Start = @Sendable (_ key: String, _ arguments: [Value], _ sink: StreamSink) throws(RuntimeError) -> @Sendable () -> Void

    private let lock = NSLock()
    private var generation = 0
    private var end: (@Sendable () -> Void)?
    private var stopped = false
    private let name: String
    private let keyName: String
    private let key: String
    private let sink: StreamSink
    private let start: Start

    /// Checks the key of `arguments` (`name` and `keyName` are for messages), then starts.
    init(_ name: String, keyName: String, _ arguments: [Value], sink: StreamSink, start: @escaping Start) throws(RuntimeError) {
        guard case .str(let key)? = arguments.first else { throw RuntimeError("\(name) needs a \(keyName)") }
        if key.isEmpty { throw RuntimeError("\(name): can't use an empty \(keyName)") }
        self.name = name
        self.keyName = keyName
        self.key = key
        self.sink = sink
        self.start = start
        try begin(arguments)
    }

    /// Starts a follow of `arguments`; only its emissions count from now on.
    private func begin(_ arguments: [Value]) throws(RuntimeError) {
        lock.lock()
        generation += 1
        let current = generation
        lock.unlock()
        let next = try start(key, arguments, StreamSink { [weak self] result in self?.deliver(result, current) })
        lock.lock()
        let previous = end
        end = next
        let ended = stopped
        lock.unlock()
        previous?()
        if ended { next() }
    }

    func stop() {
        lock.lock()
        stopped = true
        let last = end
        end = nil
        lock.unlock()
        last?()
    }

    func update(_ arguments: [Value]) -> Bool {
        if let refused = StreamBuiltins.refusedKeyChange(name, keyName, from: key, to: arguments) {
            sink.fail(refused)
            return true
        }
        do throws(RuntimeError) {
            try begin(arguments)
        } catch {
            sink.fail(error)
        }
        return true
    }

    /// Passes on what the follow of `generation` emits, unless a newer one replaced it or the
    /// stream stopped.
    private func deliver(_ result: Result<Value, RuntimeError>, _ generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, generation == self.generation else { return }
        switch result {
        case .success(let value): sink.emit(value)
        case .failure(let error): sink.fail(error)
        }
    }
}

extension StreamBuiltins {
    /// The error of a keyed stream whose key is not `key` any more in `arguments`, or nil when
    /// it is the same.
    static func refusedKeyChange(_ name: String, _ keyName: String, from key: String, to arguments: [Value]) -> RuntimeError? {
        if case .str(let newKey)? = arguments.first, newKey == key { return nil }
        let shown = arguments.first.map { value -> String in
            if case .str(let s) = value { return "`\(s)`" }
            return value.description
        } ?? "nothing"
        return RuntimeError("\(name): can't change \(keyName), previously: `\(key)`, now: \(shown)")
    }
}
