#if canImport(Glibc)
import Glibc
#endif
import Foundation
import VM

/// `example.vumeter(symbol, multiplier, peak)`: a demo bar of the microphone's level.
///
/// At start and then at each second of the context's clock (when no measurement is running),
/// it records one second of audio with `rec` and reads the maximum amplitude (0…1) that
/// `sox`'s `stat` effect prints, through `sh -c`; it then emits `symbol` repeated
/// `level × multiplier` times, with ` PEAK!!!` appended when the level is above `peak`.
/// Without `rec`/`sox` (or a microphone) the stream fails with a fatal error naming them.
/// Stopping kills a measurement in progress (its whole process group).
final class VUMeterStream: StreamHandle, @unchecked Sendable {
    /// Records one second and prints the maximum amplitude alone.
    static let command = "rec -q -n stat trim 0 1 2>&1 | awk '/^Maximum amplitude/ { print $3 }'"

    private let sink: StreamSink
    private let symbol: String
    private let multiplier: Int64
    private let peak: Double
    private let lock = NSLock()
    private var measuring: RunningCommand?
    private var stopped = false
    private var ticker: ClockTicker?

    init(context: StreamContext, arguments: [Value], sink: StreamSink) throws(RuntimeError) {
        guard arguments.count == 3, case .str(let symbol) = arguments[0], case .int(let multiplier) = arguments[1],
              case .float(let peak) = arguments[2] else { throw RuntimeError("internal error: vumeter needs str, int, float") }
        self.sink = sink
        self.symbol = symbol
        self.multiplier = multiplier
        self.peak = peak
        measure()
        let ticker = ClockTicker.every(1, on: context.clock) { [weak self] _ in self?.measure() }
        lock.lock()
        self.ticker = ticker
        lock.unlock()
    }

    func stop() {
        lock.lock()
        stopped = true
        let (running, ticker) = (measuring, self.ticker)
        lock.unlock()
        ticker?.stop()
        running?.kill()
    }

    /// The bar for a level (functions.md: `symbol` × level × multiplier, ` PEAK!!!` above `peak`).
    static func bar(symbol: String, multiplier: Int64, peak: Double, level: Double) -> String {
        let count = max(0, Int((level * Double(multiplier)).rounded(.down)))
        return String(repeating: symbol, count: count) + (level > peak ? " PEAK!!!" : "")
    }

    /// Starts one measurement unless one is running; emits its bar (or fails) when it ends.
    private func measure() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, measuring == nil else { return }
        let shell: (pid: pid_t, output: Int32)
        do {
            shell = try SystemCommandStream.spawnShell(Self.command)
        } catch {
            switch error {
            case .pipe(let failure): return sink.fail(RuntimeError("vumeter: pipe: \(failure.text)"))
            case .spawn: return sink.fail(RuntimeError("vumeter: could not run sh"))
            }
        }
        let running = RunningCommand(pid: shell.pid)
        measuring = running
        Thread.detachNewThread { [self] in
            let text = SystemCommandStream.readAll(shell.output)
            close(shell.output)
            running.reap()
            finish(text)
        }
    }

    private func finish(_ text: String) {
        lock.lock()
        measuring = nil
        let done = stopped
        lock.unlock()
        guard !done else { return }
        guard let level = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return sink.fail(RuntimeError("vumeter: could not read the sound level (needs rec and sox, and a microphone)"))
        }
        sink.emit(.str(Self.bar(symbol: symbol, multiplier: multiplier, peak: peak, level: level)))
    }
}
