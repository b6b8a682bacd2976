#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation
import VM

/// `os.system`: runs `sh -c cmd` and emits each line it prints on stdout (line ending
/// stripped), in order; a last line without a newline is emitted at exit. Stopping (the VM
/// does so when `cmd` changes) kills the command's whole process group.
///
/// The shell is started with `posix_spawn` in a new process group, with an empty signal mask
/// and default signal handlers: a child started from a Dispatch or concurrency thread would
/// otherwise inherit that thread's blocked signals and ignore SIGTERM (ecosystem.md §4).
/// stdin is /dev/null, stderr is mgmt's own.
enum SystemCommandStream {
    /// Seconds between SIGTERM and SIGKILL to the process group on stop (real time: a
    /// process must not outlive its stream because a test's clock stands still).
    static let killGrace: Double = 1

    static func start(_ command: String, sink: StreamSink) throws(RuntimeError) -> StreamHandle {
        let shell: (pid: pid_t, output: Int32)
        do {
            shell = try spawnShell(command)
        } catch {
            switch error {
            case .pipe(let failure): throw RuntimeError("os.system: pipe: \(failure.text)")
            case .spawn(let failure): throw RuntimeError("os.system could not run sh: \(failure.text)")
            }
        }
        let running = RunningCommand(pid: shell.pid)
        let task = StreamTask(onStop: running.kill)
        let reader = Thread {
            readLines(shell.output, task: task, sink: sink)
            close(shell.output)
            running.reap()
        }
        reader.name = "os.system"
        reader.start()
        return task
    }

    /// Why `spawnShell` failed: making the pipe, or starting the shell.
    enum ShellFailure: Error {
        case pipe(Errno)
        case spawn(Errno)
    }

    /// Starts `sh -c command` with `spawn`, its stdout on a new pipe; returns the shell's pid
    /// and the pipe's read end, which the caller closes.
    static func spawnShell(_ command: String) throws(ShellFailure) -> (pid: pid_t, output: Int32) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw .pipe(Errno(errno)) }
        let (output, input) = (ends[0], ends[1])
        // Not inherited by other children (Glibc does not export pipe2 to Swift, so there is
        // a short window in which a concurrent spawn could inherit them).
        _ = fcntl(output, F_SETFD, FD_CLOEXEC)
        _ = fcntl(input, F_SETFD, FD_CLOEXEC)
        defer { close(input) }
        do {
            return (try spawn(["/bin/sh", "-c", command], stdout: input), output)
        } catch {
            close(output)
            throw .spawn(error)
        }
    }

    /// Emits each line read from `fd` until end of file (when every process of the group has
    /// closed its stdout), unless the task was stopped.
    private static func readLines(_ fd: Int32, task: StreamTask, sink: StreamSink) {
        var lines = LineBuffer()
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            for line in lines.append(chunk[0..<count]) where !task.isStopped { sink.emit(.str(line)) }
        }
        if let rest = lines.finish(), !task.isStopped { sink.emit(.str(rest)) }
    }

    /// Everything read from `fd` until end of file, as text.
    static func readAll(_ fd: Int32) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Starts `arguments` (an absolute program path first) in a new process group, with
    /// stdout on `stdout`, stdin from /dev/null, mgmt's environment, an empty signal mask
    /// and every signal at its default action.
    static func spawn(_ arguments: [String], stdout: Int32) throws(Errno) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)  // the copy loses O_CLOEXEC
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw Errno(status) }
        return pid
    }
}

/// A spawned process group: killed on stop, reaped by its reader when stdout closes.
final class RunningCommand: @unchecked Sendable {
    let pid: pid_t
    private let lock = NSLock()
    private var killed = false

    init(pid: pid_t) { self.pid = pid }

    /// SIGTERM to the whole group now, SIGKILL to what is left of it after the grace period.
    func kill() {
        lock.lock()
        let first = !killed
        killed = true
        lock.unlock()
        guard first else { return }
        let group = pid
        _ = Glibc.kill(-group, SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + SystemCommandStream.killGrace) {
            _ = Glibc.kill(-group, SIGKILL)
        }
    }

    /// Waits for the shell to exit, so it leaves no zombie.
    func reap() {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}

/// Splits bytes into lines, keeping an unfinished last line for later.
struct LineBuffer {
    /// The unfinished last line: no newline in it.
    private var pending: [UInt8] = []

    /// The complete lines in what has arrived so far, without `\n` or `\r\n`.
    mutating func append(_ bytes: ArraySlice<UInt8>) -> [String] {
        let newline = UInt8(ascii: "\n")
        var scan = pending.count  // what was pending has no newline
        pending.append(contentsOf: bytes)
        var start = 0
        var lines: [String] = []
        while let end = pending[scan...].firstIndex(of: newline) {
            var line = pending[start..<end]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            lines.append(String(decoding: line, as: UTF8.self))
            start = end + 1
            scan = start
        }
        pending.removeSubrange(..<start)
        return lines
    }

    /// The unfinished last line, if any; the buffer is then empty.
    mutating func finish() -> String? {
        guard !pending.isEmpty else { return nil }
        defer { pending = [] }
        return String(decoding: pending, as: UTF8.self)
    }
}
