import Foundation
import Testing
import VM
@testable import Runtime

/// The file-watching, process and polled streams, on real files and processes; events are
/// awaited with bounded waits.
@Suite struct StreamFileTests {
    @Test func readfileFollowsTheFile() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = folder.path + "/sub/file"
        let missing = "error(catchable): error reading file: open \(path): no such file or directory"
        let file = try StartedStream("os.readfile", [.str(path)])
        defer { file.handle.stop() }
        #expect(file.values == [missing])
        try FileManager.default.createDirectory(atPath: folder.path + "/sub", withIntermediateDirectories: true)
        try folder.writeAtomically("sub/file", "one")  // appears complete (a plain create
        #expect(file.recorder.wait(last: #""one""#))    // may also show it empty for a moment)
        try folder.write("sub/file", "two")  // in place: seen at the close
        #expect(file.recorder.wait(last: #""two""#))
        try folder.writeAtomically("sub/file", "three")  // renamed over
        #expect(file.recorder.wait(last: #""three""#))
        try FileManager.default.removeItem(atPath: path)
        #expect(file.recorder.wait(last: missing))
        try folder.writeAtomically("sub/file", "four")
        #expect(file.recorder.wait(last: #""four""#))
        // Each change once, nothing repeated.
        #expect(file.values == [missing, #""one""#, #""two""#, #""three""#, missing, #""four""#])
    }

    @Test func aStoppedReadfileStopsWatching() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("file", "one")
        let file = try StartedStream("os.readfile", [.str(folder.path + "/file")])
        #expect(file.values == [#""one""#])
        file.handle.stop()
        try folder.write("file", "two")
        Thread.sleep(forTimeInterval: 0.2)
        #expect(file.values == [#""one""#])
    }

    @Test func readfileOfAFolderIsFatal() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let file = try StartedStream("os.readfile", [.str(folder.path)])
        file.handle.stop()
        #expect(file.values == ["error: error reading file: read \(folder.path): is a directory"])
    }

    @Test func fileExistsFollowsThePath() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let exists = try StartedStream("os.file_exists", [.str(folder.path + "/flag")])
        defer { exists.handle.stop() }
        #expect(exists.values == ["false"])
        try folder.write("flag", "")
        #expect(exists.recorder.wait(last: "true"))
        try FileManager.default.removeItem(atPath: folder.path + "/flag")
        #expect(exists.recorder.wait(last: "false"))
        try FileManager.default.createDirectory(atPath: folder.path + "/flag", withIntermediateDirectories: false)
        #expect(exists.recorder.wait(last: "true"))
    }

    @Test func userExistsAndHostname() throws {
        let root = try StartedStream("os.user_exists", [.str("root")])
        let nobody = try StartedStream("os.user_exists", [.str("no-such-user-mgmt")])
        let empty = try StartedStream("os.user_exists", [.str("")])
        #expect(root.values == ["true"] && nobody.values == ["false"] && empty.values == ["false"])
        let hostname = try StartedStream("sys.hostname")
        // What the kernel says, read apart from the code under test.
        let kernel = try String(contentsOfFile: "/proc/sys/kernel/hostname", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(hostname.values == ["\(Value.str(kernel))"])
        for stream in [root, nobody, empty, hostname] { stream.handle.stop() }
    }

    @Test func polledStreamsReadAgainOnTheClock() throws {
        let clock = ManualClock(at: 0)
        let cpus = try StartedStream("sys.cpu_count", clock: clock)
        let module = try StartedStream("os.modinfo_loaded", [.str("no_such_module_mgmt")], clock: clock)
        let macs = try StartedStream("net.macs", clock: clock)
        let wired = try StartedStream("net.wired_interface", clock: clock)
        let unknown = try StartedStream("net.interface_cidr", [.str("no-such-if0")], clock: clock)
        let fwupd = try StartedStream("sys/fwupd.reboot_needed", clock: clock)
        guard case .success(.int(let count)) = cpus.recorder.results.first else { Issue.record("no count"); return }
        #expect(count >= 1)
        #expect(module.values == ["false"] && fwupd.values == ["false"])
        #expect(macs.values.first?.hasPrefix("[") == true && wired.recorder.count == 1)
        #expect(unknown.values == ["error: route ip+net: no such network interface: no-such-if0"])
        #expect(clock.pendingTimers == 5)  // each poll waits on the clock
        clock.advance(by: 5)
        #expect(clock.pendingTimers == 5)
        #expect(cpus.recorder.count == 1)  // read again, unchanged: nothing sent
        for stream in [cpus, module, macs, wired, unknown, fwupd] { stream.handle.stop() }
        #expect(clock.pendingTimers == 0)
    }

    @Test func cpuListsAndModuleFiles() throws {
        #expect(StreamBuiltins.cpuCount(list: "0-3,5\n") == 5)
        #expect(StreamBuiltins.cpuCount(list: "0") == 1)
        #expect(StreamBuiltins.cpuCount(list: "3-1") == nil)
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("modules", "kvm_intel 372736 0 - Live 0x0\nkvm 1142784 1 kvm_intel, Live 0x0\n")
        #expect(try StreamBuiltins.moduleLoaded("kvm", modules: folder.path + "/modules"))
        #expect(try !StreamBuiltins.moduleLoaded("kvm_amd", modules: folder.path + "/modules"))
        #expect(try !StreamBuiltins.moduleLoaded("kvm", modules: folder.path + "/absent"))
    }
}
