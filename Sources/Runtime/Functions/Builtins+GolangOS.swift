#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import VM

/// `golang/os` and `golang/os/exec`: Go's functions one to one, reading this process and
/// host. A Go error result is a fatal error with Go's text (`open /x: no such file or
/// directory`).
extension Builtins {
    static let golangOS: [String: BuiltinFunction] = [
        // Go reads /proc/self/exe and drops the " (deleted)" the kernel appends to a removed binary.
        "golang/os.executable": { _ throws(RuntimeError) in
            let path = try readLink("/proc/self/exe")
            return .str(path.hasSuffix(" (deleted)") ? String(path.dropLast(10)) : path)
        },
        "golang/os.expand_env": { args throws(RuntimeError) in
            .str(ShellExpansion.expand(try args.str(0)) { environmentVariable($0) ?? "" })
        },
        "golang/os.getenv": { args throws(RuntimeError) in .str(environmentVariable(try args.str(0)) ?? "") },
        "golang/os.getegid": { _ throws(RuntimeError) in .int(Int64(getegid())) },
        "golang/os.geteuid": { _ throws(RuntimeError) in .int(Int64(geteuid())) },
        "golang/os.getgid": { _ throws(RuntimeError) in .int(Int64(getgid())) },
        "golang/os.getpagesize": { _ throws(RuntimeError) in .int(Int64(getpagesize())) },
        "golang/os.getpid": { _ throws(RuntimeError) in .int(Int64(getpid())) },
        "golang/os.getppid": { _ throws(RuntimeError) in .int(Int64(getppid())) },
        "golang/os.getuid": { _ throws(RuntimeError) in .int(Int64(getuid())) },
        "golang/os.getwd": { _ throws(RuntimeError) in .str(try workingDirectory()) },
        "golang/os.hostname": { _ throws(RuntimeError) in
            var buffer = [CChar](repeating: 0, count: 256)
            guard gethostname(&buffer, buffer.count) == 0 else { throw RuntimeError("hostname: \(Errno.text(errno))") }
            return ByteString.value(buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) })
        },
        "golang/os.mkdir_temp": { args throws(RuntimeError) in .str(try makeTemporaryDirectory(try args.str(0), try args.str(1))) },
        "golang/os.read_file": { args throws(RuntimeError) in
            let name = try args.str(0)
            guard let handle = fopen(name, "rb") else { throw posixError("open", name, errno) }
            defer { fclose(handle) }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&chunk, 1, chunk.count, handle)
                bytes += chunk[..<count]
                if count < chunk.count { break }
            }
            if ferror(handle) != 0 { throw posixError("read", name, EIO) }
            return ByteString.value(bytes)
        },
        "golang/os.readlink": { args throws(RuntimeError) in .str(try readLink(try args.str(0))) },
        "golang/os.temp_dir": { _ throws(RuntimeError) in .str(temporaryDirectory()) },
        "golang/os.user_cache_dir": { _ throws(RuntimeError) in
            .str(try userDirectory(variable: "XDG_CACHE_HOME", fallback: ".cache", environment: environmentVariable))
        },
        "golang/os.user_config_dir": { _ throws(RuntimeError) in
            .str(try userDirectory(variable: "XDG_CONFIG_HOME", fallback: ".config", environment: environmentVariable))
        },
        "golang/os.user_home_dir": { _ throws(RuntimeError) in .str(try userHome(environment: environmentVariable)) },
        "golang/os/exec.look_path": { args throws(RuntimeError) in .str(try lookPath(try args.str(0))) },
    ]

    /// Go's `os.Getwd`: `$PWD` when it names the current directory, else `getcwd`.
    static func workingDirectory() throws(RuntimeError) -> String {
        var dot = stat()
        guard stat(".", &dot) == 0 else { throw posixError("stat", ".", errno) }
        if let pwd = environmentVariable("PWD"), pwd.hasPrefix("/") {
            var info = stat()
            if stat(pwd, &info) == 0 && info.st_dev == dot.st_dev && info.st_ino == dot.st_ino { return pwd }
        }
        guard let cwd = getcwd(nil, 0) else { throw RuntimeError("getwd: \(Errno.text(errno))") }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// Go's `os.TempDir` on Unix: `$TMPDIR`, else `/tmp`.
    static func temporaryDirectory(environment: (String) -> String? = environmentVariable) -> String {
        guard let dir = environment("TMPDIR"), !dir.isEmpty else { return "/tmp" }
        return dir
    }

    /// Go's `os.UserHomeDir` on Unix: `$HOME`.
    static func userHome(environment: (String) -> String?) throws(RuntimeError) -> String {
        guard let home = environment("HOME"), !home.isEmpty else { throw RuntimeError("$HOME is not defined") }
        return home
    }

    /// Go's `os.UserCacheDir` / `UserConfigDir` on Unix: `$XDG_…` if set (it must be
    /// absolute), else `$HOME/<fallback>`. `environment` reads variables (tests pass a table).
    static func userDirectory(variable: String, fallback: String, environment: (String) -> String?)
        throws(RuntimeError) -> String {
        if let dir = environment(variable), !dir.isEmpty {
            guard dir.hasPrefix("/") else { throw RuntimeError("path in $\(variable) is relative") }
            return dir
        }
        guard let home = environment("HOME"), !home.isEmpty else {
            throw RuntimeError("neither $\(variable) nor $HOME are defined")
        }
        return home + "/" + fallback
    }

    /// Go's `os.MkdirTemp`: creates (mode 0700) and returns `dir/prefix<random>suffix`, the
    /// random part replacing the last `*` of `pattern` or appended; `dir` `""` means the
    /// temporary directory.
    static func makeTemporaryDirectory(_ dir: String, _ pattern: String) throws(RuntimeError) -> String {
        let dir = dir.isEmpty ? temporaryDirectory() : dir
        guard !pattern.contains("/") else { throw RuntimeError("mkdirtemp \(pattern): pattern contains path separator") }
        let star = pattern.lastIndex(of: "*")
        let prefix = star.map { String(pattern[..<$0]) } ?? pattern
        let suffix = star.map { String(pattern[pattern.index(after: $0)...]) } ?? ""
        let base = (dir.hasSuffix("/") ? dir : dir + "/") + prefix
        for _ in 0..<10000 {
            let name = base + String(UInt32.random(in: 0...UInt32.max)) + suffix
            if mkdir(name, 0o700) == 0 { return name }
            guard errno == EEXIST else { throw posixError("mkdir", name, errno) }
        }
        throw RuntimeError("mkdirtemp \(base)*\(suffix): file already exists")
    }

    /// Go's `exec.LookPath`: a name with a slash is checked as given; otherwise the first
    /// executable regular file named `file` in a `$PATH` directory (an empty entry is `.`).
    static func lookPath(_ file: String) throws(RuntimeError) -> String {
        func failure(_ why: String) -> RuntimeError { RuntimeError("exec: \(Strconv.quote(file)): \(why)") }
        if file.contains("/") {
            if let why = executableProblem(file) { throw failure(why) }
            return file
        }
        for entry in (environmentVariable("PATH") ?? "").split(separator: ":", omittingEmptySubsequences: false) {
            let path = SlashPath.join([entry.isEmpty ? "." : String(entry), file])
            guard executableProblem(path) == nil else { continue }
            if !path.hasPrefix("/") { throw failure("cannot run executable found relative to current directory") }
            return path
        }
        throw failure("executable file not found in $PATH")
    }

    /// Why `path` cannot be executed (Go's `findExecutable`), or nil when it can.
    private static func executableProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "stat \(path): \(Errno.text(errno))" }
        if info.st_mode & S_IFMT != S_IFDIR && info.st_mode & 0o111 != 0 { return nil }
        return "permission denied"
    }
}
