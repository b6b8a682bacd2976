import Foundation
import Testing
import VM
@testable import Runtime

/// A fresh state prefix with one World file, opened by as many `SQLiteWorld`s ("hosts", each
/// standing for a process on the machine) as a test asks for, all on one manual clock.
final class WorldFixture {
    let prefix: String
    let clock = ManualClock(at: 1_000_000)

    init() throws {
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("world-test-\(UUID().uuidString)").path
    }

    deinit { try? FileManager.default.removeItem(atPath: prefix) }

    /// Another World on the same file, as host `hostname`.
    func open(_ hostname: String) throws -> SQLiteWorld {
        try SQLiteWorld.open(prefix: prefix, hostname: hostname, clock: clock)
    }

    /// Moves the clock by one poll interval, so every World sees what the others committed.
    func poll() { clock.advance(by: SQLiteWorld.pollInterval) }
}

/// Collects what callbacks deliver, from any thread.
final class Recorder<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Item] = []

    func add(_ item: Item) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var all: [Item] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }

    var last: Item? { all.last }
    var count: Int { all.count }
}

/// A sink that records what a stream emits (`.failure` messages as strings).
func recordingSink() -> (StreamSink, Recorder<Result<Value, RuntimeError>>) {
    let recorder = Recorder<Result<Value, RuntimeError>>()
    return (StreamSink { recorder.add($0) }, recorder)
}

extension Result where Success == Value, Failure == RuntimeError {
    /// The value emitted, or nil for a failure.
    var value: Value? { try? get() }
    /// The failure's message, or nil for a value.
    var message: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}

/// Starts the World stream builtin `name` with `args` over `world`.
func startWorldStream(_ name: String, _ args: [Value], world: (any World)?, clock: any Clock,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> (StreamHandle, Recorder<Result<Value, RuntimeError>>) {
    let start = try #require(StreamBuiltins.all[name], "no stream builtin \(name)", sourceLocation: sourceLocation)
    let configuration = RuntimeHost.Configuration(hostname: world?.hostname ?? "h1", deployRoot: "/", prefix: "/tmp",
                                                  clock: clock, world: world)
    let (sink, recorder) = recordingSink()
    let handle = try start(StreamContext(clock: clock, world: world, configuration: configuration), args, sink)
    return (handle, recorder)
}

/// Options with the given count and ttl (strategy `rr`).
func options(max: Int = 1, ttl: Int = 10, persist: Bool = false, strategy: String = "rr") -> ScheduleOptions {
    ScheduleOptions(strategy: strategy, max: max, ttl: ttl, persist: persist)
}
