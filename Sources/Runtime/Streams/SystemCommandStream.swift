import Foundation
import VM

/// `os.system`: runs `sh -c cmd` and emits each line it prints on stdout (line ending
/// stripped); stopping kills the process.
enum SystemCommandStream {
    static func start(_ command: String, sink: StreamSink) throws(RuntimeError) -> StreamHandle {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        let task = StreamTask()
        let buffer = LineBuffer()
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            guard !data.isEmpty else {
                handle.readabilityHandler = nil
                if let rest = buffer.finish() { sink.emit(.str(rest)) }
                return
            }
            for line in buffer.append(data) where !task.isStopped { sink.emit(.str(line)) }
        }
        do {
            try process.run()
        } catch {
            throw RuntimeError("os.system could not run sh: \(error)")
        }
        task.setStop {
            output.fileHandleForReading.readabilityHandler = nil
            if process.isRunning { process.terminate() }
        }
        return task
    }
}

/// Splits bytes into lines, keeping an unfinished last line for later.
final class LineBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = Data()

    func append(_ data: Data) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        pending.append(data)
        var lines: [String] = []
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            var line = pending[pending.startIndex..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            pending = Data(pending[(newline + 1)...])
        }
        return lines
    }

    func finish() -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard !pending.isEmpty else { return nil }
        defer { pending = Data() }
        return String(decoding: pending, as: UTF8.self)
    }
}
