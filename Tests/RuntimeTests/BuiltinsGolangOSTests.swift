import Foundation
import Testing
import VM
@testable import Runtime

/// `golang/os`, `golang/os/exec` and `golang/runtime`.
@Suite struct BuiltinsGolangOSTests {
    @Test func processFacts() throws {
        #expect(try call("golang/os.getpid") == .int(Int64(ProcessInfo.processInfo.processIdentifier)))
        #expect(try call("golang/os.getuid") == .int(Int64(getuid())))
        #expect(try call("golang/os.geteuid") == .int(Int64(geteuid())))
        #expect(try call("golang/os.getgid") == .int(Int64(getgid())))
        #expect(try call("golang/os.getegid") == .int(Int64(getegid())))
        #expect(try call("golang/os.getppid") == .int(Int64(getppid())))
        #expect(try call("golang/os.getpagesize") == .int(Int64(getpagesize())))
        guard case .str(let hostname) = try call("golang/os.hostname") else { Issue.record("hostname"); return }
        let kernelName = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8)
        #expect(!hostname.isEmpty && hostname == kernelName.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(try call("golang/os.getwd") == .str(FileManager.default.currentDirectoryPath))
        guard case .str(let executable) = try call("golang/os.executable") else { Issue.record("executable"); return }
        #expect(executable.hasPrefix("/"))
    }

    @Test func environment() throws {
        #expect(TestEnvironment.ready)
        #expect(try call("golang/os.getenv", .str("MGMT_TEST_VALUE")) == .str("a=b"))
        #expect(try call("golang/os.getenv", .str("MGMT_TEST_UNSET_2")) == .str(""))
        #expect(try call("golang/os.expand_env", .str("a=$MGMT_TEST_VALUE, b=${MGMT_TEST_VALUE}x, c=$MGMT_TEST_UNSET_2."))
            == .str("a=a=b, b=a=bx, c=."))
        #expect(ShellExpansion.expand("$ ${} ${x $1 ${#} $$ end$") { "<\($0)>" } == "$  <x $1 ${#> <$> end$")  // as Go's
        #expect(ShellExpansion.expand("a${b}c${") { "<\($0)>" } == "a<b>c")
        #expect(ShellExpansion.expand("$1$#x") { "<\($0)>" } == "<1><#>x")
        #expect(ShellExpansion.expand("no dollars") { _ in "x" } == "no dollars")
    }

    @Test func userDirectories() throws {
        let table = ["HOME": "/home/tester", "XDG_CONFIG_HOME": "relative", "TMPDIR": "/var/tmp"]
        let environment: (String) -> String? = { table[$0] }
        #expect(try Builtins.userHome(environment: environment) == "/home/tester")
        #expect(try Builtins.userDirectory(variable: "XDG_CACHE_HOME", fallback: ".cache", environment: environment)
            == "/home/tester/.cache")
        #expect(throws: RuntimeError("path in $XDG_CONFIG_HOME is relative")) {
            try Builtins.userDirectory(variable: "XDG_CONFIG_HOME", fallback: ".config", environment: environment)
        }
        #expect(throws: RuntimeError("neither $XDG_CACHE_HOME nor $HOME are defined")) {
            try Builtins.userDirectory(variable: "XDG_CACHE_HOME", fallback: ".cache") { _ in nil }
        }
        #expect(throws: RuntimeError("$HOME is not defined")) { try Builtins.userHome { _ in nil } }
        #expect(Builtins.temporaryDirectory(environment: environment) == "/var/tmp")
        #expect(Builtins.temporaryDirectory { _ in nil } == "/tmp")
        #expect(try call("golang/os.temp_dir") == .str(Builtins.temporaryDirectory()))
    }

    @Test func files() throws {
        let dir = FileManager.default.temporaryDirectory.path
        guard case .str(let made) = try call("golang/os.mkdir_temp", .str(dir), .str("mgmt-*-test")) else { Issue.record("mkdir"); return }
        #expect(made.hasPrefix(dir + "/mgmt-") && made.hasSuffix("-test"))
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: made, isDirectory: &isDirectory) && isDirectory.boolValue)
        try "héllo".write(toFile: made + "/f", atomically: true, encoding: .utf8)
        #expect(try call("golang/os.read_file", .str(made + "/f")) == .str("héllo"))
        expectFailure("golang/os.read_file", [.str(made + "/missing")], "open \(made)/missing: no such file or directory")
        expectFailure("golang/os.mkdir_temp", [.str(dir), .str("a/b")], "mkdirtemp a/b: pattern contains path separator")
        do {
            _ = try call("golang/os.mkdir_temp", .str(made + "/missing"), .str("x"))
            Issue.record("mkdir_temp in a missing directory succeeded")
        } catch let error as RuntimeError {
            #expect(error.message.hasPrefix("mkdir \(made)/missing/x") && error.message.hasSuffix(": no such file or directory"))
        }
    }

    @Test func lookPath() throws {
        #expect(try call("golang/os/exec.look_path", .str("sh")) == .str(try #require(pathOf("sh"))))
        #expect(try call("golang/os/exec.look_path", .str("/bin/sh")) == .str("/bin/sh"))
        expectFailure("golang/os/exec.look_path", [.str("no-such-command-xyz")],
                      #"exec: "no-such-command-xyz": executable file not found in $PATH"#)
        expectFailure("golang/os/exec.look_path", [.str("./no-such")], #"exec: "./no-such": stat ./no-such: no such file or directory"#)
        expectFailure("golang/os/exec.look_path", [.str("/etc")], #"exec: "/etc": permission denied"#)
    }

    private func pathOf(_ command: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(command)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func runtimeKnobs() throws {
        #expect(try call("golang/runtime.num_cpu") == .int(Int64(ProcessInfo.processInfo.activeProcessorCount)))
        #expect(try call("golang/runtime.cpu_profile") == .str(""))
        #expect(try call("golang/runtime.read_trace") == .str(""))
        #expect(try call("golang/runtime.num_cgo_call") == .int(0))
        guard case .int(let threads) = try call("golang/runtime.num_goroutine") else { Issue.record("threads"); return }
        #expect(threads >= 1)
        let before = try call("golang/runtime.gomaxprocs", .int(0))  // n < 1 only reads
        #expect(try call("golang/runtime.gomaxprocs", .int(0)) == before)
        #expect(try call("golang/runtime.set_mutex_profile_fraction", .int(-1)) == .int(0))
        #expect(try call("golang/runtime.set_mutex_profile_fraction", .int(5)) == .int(0))
        #expect(try call("golang/runtime.set_mutex_profile_fraction", .int(0)) == .int(5))
        #expect(try call("golang/runtime.stack", .str("abc"), .bool(false)) == .int(3))
        #expect(try call("golang/runtime.stack", .str(""), .bool(true)) == .int(0))
        guard case .str(let version) = try call("golang/runtime.version") else { Issue.record("version"); return }
        #expect(version.hasPrefix("swift"))
    }
}
