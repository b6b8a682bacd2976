import Foundation
import VM

/// `golang/runtime`: Go's runtime knobs, answered for this process, which runs no Go
/// runtime. Each answer is what Go would report for a program that uses none of the
/// feature: no CPU profile or trace is ever being recorded, no cgo call is made.
extension Builtins {
    static let golangRuntime: [String: BuiltinFunction] = [
        // Go returns nil while no profile is being written, so the bytes are empty.
        "golang/runtime.cpu_profile": { _ throws(RuntimeError) in .str("") },
        // Go returns the previous setting and changes it for n ≥ 1; the setting is kept and
        // reported the same way, though it does not limit this process's threads.
        "golang/runtime.gomaxprocs": { args throws(RuntimeError) in
            let n = try args.int(0)
            return .int(RuntimeKnobs.maxProcs.exchange(n, when: n >= 1))
        },
        // Go reports `$GOROOT`, else the root it was built from; there is none here.
        "golang/runtime.goroot": { _ throws(RuntimeError) in .str(environmentVariable("GOROOT") ?? "") },
        "golang/runtime.num_cpu": { _ throws(RuntimeError) in .int(Int64(ProcessInfo.processInfo.activeProcessorCount)) },
        "golang/runtime.num_cgo_call": { _ throws(RuntimeError) in .int(0) },
        // Goroutines do not exist here; the process's threads are the nearest count.
        "golang/runtime.num_goroutine": { _ throws(RuntimeError) in .int(Int64(threadCount())) },
        "golang/runtime.read_trace": { _ throws(RuntimeError) in .str("") },  // nil while not tracing
        "golang/runtime.set_mutex_profile_fraction": { args throws(RuntimeError) in
            let rate = try args.int(0)
            return .int(RuntimeKnobs.mutexProfileFraction.exchange(rate, when: rate >= 0))  // a negative rate only reads
        },
        // Go formats stack traces into the buffer and returns the bytes written; the buffer
        // is a copy here, so only that count remains: the trace's length up to the buffer's.
        "golang/runtime.stack": { args throws(RuntimeError) in
            let capacity = try args.str(0).utf8.count
            let trace = Thread.callStackSymbols.joined(separator: "\n")
            return .int(Int64(min(capacity, trace.utf8.count)))
        },
        "golang/runtime.version": { _ throws(RuntimeError) in .str(RuntimeKnobs.toolchainVersion) },
    ]

    /// The thread count of this process (`Threads:` of `/proc/self/status`), 1 when unknown.
    private static func threadCount() -> Int {
        guard let data = FileManager.default.contents(atPath: "/proc/self/status") else { return 1 }
        let line = String(decoding: data, as: UTF8.self).split(separator: "\n").first { $0.hasPrefix("Threads:") }
        return line.flatMap { Int($0.dropFirst("Threads:".count).trimmingCharacters(in: .whitespaces)) } ?? 1
    }
}

/// Process-wide settings that `golang/runtime` reads and writes.
final class RuntimeKnobs: @unchecked Sendable {  // guarded by `lock`
    static let maxProcs = RuntimeKnobs(Int64(ProcessInfo.processInfo.activeProcessorCount))
    static let mutexProfileFraction = RuntimeKnobs(0)

    private let lock = NSLock()
    private var value: Int64

    private init(_ value: Int64) { self.value = value }

    /// The current value; `new` replaces it afterwards when `replace` is true.
    func exchange(_ new: Int64, when replace: Bool) -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        let old = value
        if replace { value = new }
        return old
    }

    /// The version of the toolchain that built this binary, in Go's `go1.22.0` style:
    /// `swift6.3`. Go's `runtime.Version` names its compiler the same way.
    static let toolchainVersion: String = {
        #if compiler(>=6.5)
        return "swift6.5+"
        #elseif compiler(>=6.4)
        return "swift6.4"
        #elseif compiler(>=6.3)
        return "swift6.3"
        #elseif compiler(>=6.2)
        return "swift6.2"
        #else
        return "swift6"
        #endif
    }()
}
