#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
import VM
@testable import Runtime

/// Everything a stream sent to its sink, in order; thread-safe, with bounded waits for
/// streams driven by real events (files, processes, threads).
final class SinkRecorder: @unchecked Sendable {
    private let condition = NSCondition()
    private var received: [Result<Value, RuntimeError>] = []

    /// A sink that records into this recorder.
    var sink: StreamSink {
        StreamSink { [self] result in
            condition.lock()
            received.append(result)
            condition.broadcast()
            condition.unlock()
        }
    }

    var results: [Result<Value, RuntimeError>] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// The values received, an error shown as `error: message`.
    var values: [String] { results.map(Self.describe) }

    var count: Int { results.count }

    /// Waits until `predicate` holds for what was received, for at most `timeout` real
    /// seconds; returns whether it held.
    @discardableResult
    func wait(timeout: Double = 10, until predicate: ([Result<Value, RuntimeError>]) -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while !predicate(received) {
            guard condition.wait(until: deadline) else { return predicate(received) }
        }
        return true
    }

    /// Waits until at least `count` results arrived.
    @discardableResult
    func wait(count: Int, timeout: Double = 10) -> Bool { wait(timeout: timeout) { $0.count >= count } }

    /// Waits until the last result, described, is `text`.
    @discardableResult
    func wait(last text: String, timeout: Double = 10) -> Bool {
        wait(timeout: timeout) { $0.last.map(Self.describe) == text }
    }

    static func describe(_ result: Result<Value, RuntimeError>) -> String {
        switch result {
        case .success(let value): "\(value)"
        case .failure(let error): "error\(error.catchable ? "(catchable)" : ""): \(error.message)"
        }
    }
}

/// A started stream builtin with what it sent.
struct StartedStream: Sendable {
    let handle: StreamHandle
    let recorder: SinkRecorder

    /// Starts stream builtin `name` with `args`, on `clock`, reading deploy files under `deployRoot`.
    init(_ name: String, _ args: [Value] = [], clock: Clock = ManualClock(at: 0), deployRoot: String = "/") throws {
        let start = try #require(StreamBuiltins.all[name], "no stream \(name)")
        let configuration = RuntimeHost.Configuration(hostname: "test", deployRoot: deployRoot, prefix: NSTemporaryDirectory(),
                                                      clock: clock)
        recorder = SinkRecorder()
        handle = try start(StreamContext(clock: clock, world: nil, configuration: configuration), args, recorder.sink)
    }

    /// Starts the builtin `name` as `RuntimeHost` binds it for a call of type `signature`
    /// (for the streams bound with the call site's type, as `value.get`).
    init(bound name: String, signature: String, _ args: [Value], prefix: String) throws {
        let host = RuntimeHost(.init(hostname: "test", deployRoot: "/", prefix: prefix, clock: ManualClock(at: 0)))
        let binding = host.builtin(named: name, signature: try MclType(parsing: signature))
        guard case .stream(let start)? = binding else {
            throw RuntimeError("\(name) is bound as \(String(describing: binding)), not a stream")
        }
        recorder = SinkRecorder()
        handle = try start(args, recorder.sink)
    }

    var values: [String] { recorder.values }
}

/// A fresh empty folder under the temporary directory, removed by `remove()`.
struct ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "mgmt-stream-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` in place with one open, one write and one close, so a watcher
    /// sees one close after writing and no other event. The file is cut to length after the
    /// write, not emptied before it: a read still pending from an earlier change (a watcher's
    /// late batch) then finds the old or the new text, never an empty file, as long as the
    /// new text is not shorter than the old.
    func write(_ name: String, _ text: String) throws {
        let fd = open(path + "/" + name, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count,
              ftruncate(fd, off_t(bytes.count)) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Writes `text` to a temporary file and renames it to `name`: a watcher of `name` sees
    /// it appear (or be replaced) complete.
    func writeAtomically(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name), options: .atomic)
    }
}
