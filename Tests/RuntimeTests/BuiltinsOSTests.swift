import Foundation
import Testing
import VM
@testable import Runtime

/// The os, sys, util, deploy (pure ones), example and test modules. Host files are read from
/// fixture trees built in a temporary directory.
@Suite struct BuiltinsOSTests {
    /// A fresh directory with `files` (relative path → contents); its path ends with `/`.
    private func fixture(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("builtins-\(UUID().uuidString)/").path + "/"
        for (path, contents) in files {
            let url = URL(fileURLWithPath: root + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try contents.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    @Test func distroFamily() throws {
        #expect(Builtins.osFamily(root: try fixture([:])) == "")
        #expect(Builtins.osFamily(root: try fixture(["etc/debian_version": "12\n"])) == "debian")
        #expect(Builtins.osFamily(root: try fixture(["etc/debian_version": "", "etc/redhat-release": ""])) == "redhat")
        #expect(Builtins.osFamily(root: try fixture(["etc/arch-release": ""])) == "archlinux")
    }

    @Test func osRelease() throws {
        let root = try fixture(["etc/os-release": "# comment\nNAME=\"Fedora Linux\"\nID=fedora\nVERSION_ID='39'\nVARIANT_ID=\"a \\\"b\\\"\"\n"])
        #expect(try Builtins.osRelease(root: root)
            == structValue(["id": .str("fedora"), "variant_id": .str(#"a "b""#), "version_id": .str("39")]))
        #expect(try Builtins.osRelease(root: try fixture(["etc/os-release": "ID=debian\n"]))
            == structValue(["id": .str("debian"), "variant_id": .str(""), "version_id": .str("")]))
        let empty = try fixture([:])
        #expect(throws: RuntimeError("open \(empty)etc/os-release: no such file or directory")) {
            try Builtins.osRelease(root: empty)
        }
    }

    @Test func parseDistroUID() throws {
        func parts(_ distro: String, _ version: String, _ arch: String) -> Value {
            structValue(["distro": .str(distro), "version": .str(version), "arch": .str(arch)])
        }
        #expect(try call("os.parse_distro_uid", .str("fedora39-x86_64")) == parts("fedora", "39", "x86_64"))
        #expect(try call("os.parse_distro_uid", .str("debian12-aarch64-extra")) == parts("debian", "12", "aarch64-extra"))
        for bad in ["fedora39", "fedora-x86_64", "39-x86_64", "fedora39-", ""] {
            #expect(try call("os.parse_distro_uid", .str(bad)) == parts("", "", ""), "\(bad)")
        }
    }

    @Test func users() throws {
        #expect(try call("os.home", .str("root")) == .str("/root/"))
        #expect(try call("os.uid", .str("root")) == .str("0"))
        #expect(try call("os.expand_home", .str("~root/a//b/../c/")) == .str("/root/a/c/"))
        #expect(try call("os.expand_home", .str("~root")) == .str("/root"))
        #expect(try call("os.expand_home", .str("/no/tilde")) == .str("/no/tilde"))
        let home = try UserDatabase.current().home
        #expect(try call("os.expand_home", .str("~/x")) == .str(SlashPath.clean(home + "/x")))
        expectFailure("os.home", [.str("no-such-user-xyz")], "user: unknown user no-such-user-xyz")
        expectFailure("os.uid", [.str("no-such-user-xyz")], "user: unknown user no-such-user-xyz")
        expectFailure("os.expand_home", [.str("~no-such-user-xyz/a")],
                      "can't expand ~ for user `no-such-user-xyz`: user: unknown user no-such-user-xyz")
    }

    @Test func virtualMachineDetection() throws {
        #expect(try Builtins.isVirtual(root: try fixture(["proc/cpuinfo": "flags : fpu hypervisor sse\n"])))
        #expect(try Builtins.isVirtual(root: try fixture(["proc/cpuinfo": "flags : fpu\n", "sys/class/dmi/id/sys_vendor": "QEMU\n"])))
        #expect(try !Builtins.isVirtual(root: try fixture(["proc/cpuinfo": "flags : fpu\n", "sys/class/dmi/id/sys_vendor": "Dell Inc.\n"])))
        #expect(try !Builtins.isVirtual(root: try fixture([:])))
    }

    @Test func startupFacts() throws {
        #expect(try call("os.args") == .list(CommandLine.arguments.map(Value.str)))
        guard case .str(let path) = try call("deploy.binary_path") else { Issue.record("not a str"); return }
        #expect(path.hasPrefix("/"))
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }

    @Test func bootstrapPackages() throws {
        #expect(try call("deploy.bootstrap_packages", .str("debian")) == strList("libaugeas-dev", "libvirt-dev", "packagekit-tools"))
        #expect(try call("deploy.bootstrap_packages", .str("fedora")) == strList("augeas-devel", "libvirt-devel", "PackageKit"))
        expectFailure("deploy.bootstrap_packages", [.str("gentoo")], "missing distro")
    }

    @Test func environment() throws {
        #expect(TestEnvironment.ready)
        #expect(try call("sys.getenv", .str("MGMT_TEST_VALUE")) == .str("a=b"))
        #expect(try call("sys.getenv", .str("MGMT_TEST_EMPTY")) == .str(""))
        expectFailure("sys.getenv", [.str("MGMT_TEST_UNSET_1")], "environment variable not set: MGMT_TEST_UNSET_1",
                      catchable: true)
        #expect(try call("sys.hasenv", .str("MGMT_TEST_EMPTY")) == .bool(true))
        #expect(try call("sys.hasenv", .str("MGMT_TEST_UNSET_1")) == .bool(false))
        guard case .map(let env) = try call("sys.env") else { Issue.record("not a map"); return }
        #expect(env[.str("MGMT_TEST_VALUE")] == .str("a=b"))  // split at the first `=`
        #expect(env[.str("MGMT_TEST_UNSET_1")] == nil)
    }

    @Test func hostnameMapper() throws {
        let sysfs = try fixture(["lo/address": "00:00:00:00:00:00\n", "lo/flags": "0x9\n",
                                 "eth0/address": "52:54:00:AA:bb:01\n", "eth0/flags": "0x1003\n",
                                 "wg0/flags": "0x91\n"])
        let macs = Builtins.localMACs(sysfs: sysfs)
        #expect(macs == ["52:54:00:aa:bb:01"])
        let mapping = Value.MapValue(pairs: [(.str("52:54:00:AA:BB:01"), .str("h1")), (.str("11:22:33:44:55:66"), .str("h2"))])
        #expect(try Builtins.hostnameMapper(mapping, macs: macs) == .str("h1"))
        #expect(try Builtins.hostnameMapper(mapping, macs: []) == .str(""))
        #expect(throws: RuntimeError("more than one hostname matches this machine: h1, h2")) {
            try Builtins.hostnameMapper(mapping, macs: ["52:54:00:aa:bb:01", "11:22:33:44:55:66"])
        }
    }

    @Test func exampleModule() throws {
        #expect(try call("example.answer") == .int(42))
        #expect(try call("example.nativeanswer") == .int(42))
        #expect(try call("example.int2str", .int(-5)) == .str("-5"))
        #expect(try call("example.plus", .str("a"), .str("b")) == .str("ab"))
        #expect(try call("example.str2int", .str("12")) == .int(12))
        #expect(try call("example.str2int", .str("twelve")) == .int(0))  // never errors
        #expect(try call("example.errorbool", .bool(false)) == .str("set input to true to generate an error"))
        expectFailure("example.errorbool", [.bool(true)], "we errored on request")
        #expect(try call("example/nested.hello") == .str("Hello!"))
    }

    @Test func testModule() throws {
        for letter in "abcdefgh" { #expect(try call("test.one_instance_\(letter)") == .str("hello")) }
        #expect(try call("test.one_stream", .int(13)) == .str(String(repeating: "x", count: 13)))
        #expect(try call("test.one_stream", .int(0)) == .str(""))
        expectFailure("test.one_stream", [.int(-1)], "count must not be negative, got: -1")
    }
}
