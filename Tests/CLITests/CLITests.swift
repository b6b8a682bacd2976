import Foundation
import Testing

/// The command-line contract of spec/cli.md, on the executables `swift build` made: exit
/// statuses, error lines, and what `mgmt graph` prints for artifacts, clocks and deploy trees.
@Suite struct CLITests {
    // MARK: mgmtc

    @Test func checkPointsAtTheError() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("main.mcl", "$x = 1\ntest \"t\" {\n\tanotherstr => $x,\n}\n")
        let result = try run("mgmtc", "check", folder.path + "/main.mcl")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: type: \(folder.path)/main.mcl:3:"))
        #expect(result.stderr.contains("^"))
        #expect(try run("mgmtc", "check", "--no-such-flag", folder.path).status == 64)
    }

    @Test func compiledArtifactsGiveTheSameGraph() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("main.mcl", """
            import "fmt"
            $names = ["a", "b"]
            file "/tmp/x" { content => fmt.printf("%d names", len($names)), }
            test "t" {}
            File["/tmp/x"] -> Test["t"]

            """)
        let compiled = try run("mgmtc", "compile", folder.path + "/main.mcl", "-o", folder.path + "/prog.mcb")
        #expect(compiled.status == 0, "\(compiled.stderr)")
        let fromSource = try run("mgmt", "graph", "--format=conformance", folder.path + "/main.mcl")
        let fromArtifact = try run("mgmt", "graph", "--format=conformance", folder.path + "/prog.mcb")
        #expect(fromSource.status == 0 && fromArtifact.status == 0, "\(fromSource.stderr)\(fromArtifact.stderr)")
        #expect(fromSource.stdout == fromArtifact.stdout)
        #expect(fromSource.stdout.contains("Edge: file[/tmp/x] -> test[t]"))
    }

    /// The same program compiled by two processes gives the same bytes (spec/cli.md).
    @Test func compilingIsDeterministicAcrossProcesses() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("main.mcl", """
            import "fmt"
            import "iter"
            $m = {"b" => 2, "a" => 1}
            $xs = iter.map([1, 2, 3], func($x) { fmt.printf("%d", $x * 2) })
            test "t" { slicestring => $xs, int64 => $m["a"] <|> 0, }

            """)
        for out in ["one.mcb", "two.mcb"] {
            let compiled = try run("mgmtc", "compile", folder.path + "/main.mcl", "-o", folder.path + "/" + out)
            #expect(compiled.status == 0, "\(compiled.stderr)")
        }
        let one = try #require(FileManager.default.contents(atPath: folder.path + "/one.mcb"))
        #expect(!one.isEmpty && FileManager.default.contents(atPath: folder.path + "/two.mcb") == one)
    }

    @Test func aCorruptArtifactIsOneLineAndStatusTwo() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("bad.mcb", "MCB\u{0}not really")
        let result = try run("mgmt", "graph", folder.path + "/bad.mcb")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }

    // MARK: mgmt graph

    @Test func theClockOptionSetsTheDay() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        try folder.write("main.mcl", """
            import "datetime"
            $friday = datetime.weekday(datetime.now()) == "friday"
            file "/srv/files/" { mode => if $friday { "0550" } else { "0770" }, }

            """)
        let environment = ["TZ": "UTC"]
        let thursday = try run("mgmt", "graph", "--format=json", "--clock=2026-11-26T23:59:59Z", folder.path + "/main.mcl",
                               environment: environment)
        let friday = try run("mgmt", "graph", "--format=json", "--clock=1795737600", folder.path + "/main.mcl",
                             environment: environment)
        #expect(thursday.stdout.contains(#""mode": "0770""#), "\(thursday.stdout)\(thursday.stderr)")
        #expect(friday.stdout.contains(#""mode": "0550""#), "\(friday.stdout)\(friday.stderr)")
        let bad = try run("mgmt", "graph", "--clock=thursday", folder.path + "/main.mcl")
        #expect(bad.status == 64 && bad.stderr.contains("--clock: `thursday` is neither RFC 3339"), "\(bad.stderr)")
    }

    @Test func deployFilesOfAnArtifactComeFromTheDeployRoot() throws {
        let source = try Scratch()
        let elsewhere = try Scratch()
        defer { source.remove(); elsewhere.remove() }
        try FileManager.default.createDirectory(atPath: source.path + "/files", withIntermediateDirectories: true)
        try source.write("files/motd", "hello")
        try source.write("main.mcl", """
            import "deploy"
            test "motd" { anotherstr => deploy.readfile("/files/motd"), }

            """)
        let artifact = elsewhere.path + "/prog.mcb"
        #expect(try run("mgmtc", "compile", source.path, "-o", artifact).status == 0)
        let fromSource = try run("mgmt", "graph", "--format=text", source.path)
        #expect(fromSource.status == 0 && fromSource.stdout.contains(#""hello""#), "\(fromSource.stdout)\(fromSource.stderr)")
        // The artifact's own folder has no files/motd: a run-time error naming the file.
        let alone = try run("mgmt", "graph", artifact)
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("error: runtime: can't read file `/files/motd` (\(elsewhere.path)/files/motd)"), "\(alone.stderr)")
        let rooted = try run("mgmt", "graph", "--format=text", "--deploy-root", source.path, artifact)
        #expect(rooted.status == 0 && rooted.stdout == fromSource.stdout, "\(rooted.stderr)")
        let notAFolder = try run("mgmt", "graph", "--deploy-root", source.path + "/main.mcl", artifact)
        #expect(notAFolder.status == 64 && notAFolder.stderr.contains("--deploy-root: `\(source.path)/main.mcl` is not a folder"))
    }

    @Test func onlyTheDeployTreeReadersGetADeployBase() throws {
        let folder = try Scratch()
        defer { folder.remove() }
        // A non-constant argument, so the call is not folded at compile time.
        try folder.write("main.mcl", """
            import "datetime"
            import "deploy"
            $distro = if datetime.now() > 0 { "debian" } else { "fedora" }
            test "p" { slicestring => deploy.bootstrap_packages($distro), }

            """)
        let result = try run("mgmt", "graph", "--format=text", folder.path + "/main.mcl")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("packagekit-tools"), "\(result.stdout)")
    }

    // MARK: mgmt functions

    @Test func functionsListsTheRegistry() throws {
        let result = try run("mgmt", "functions")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 300)
        #expect(lines.contains("strings.to_upper\tfunc(a str) str\tpure\tfunction"))
        #expect(lines.contains { $0.hasPrefix("deploy.readfile\t") && $0.hasSuffix("\tstream\tstream") })
        #expect(!result.stdout.contains("not implemented"))
    }
}

// MARK: Support

/// What a finished process left.
struct Finished {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built executable `tool` (beside this test bundle) with `arguments`, output to
/// files (no pipe to fill), for at most 60 seconds.
func run(_ tool: String, _ arguments: String..., environment: [String: String] = [:]) throws -> Finished {
    let process = Process()
    process.executableURL = productsFolder.appendingPathComponent(tool)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    let out = try Scratch()
    defer { out.remove() }
    FileManager.default.createFile(atPath: out.path + "/stdout", contents: nil)
    FileManager.default.createFile(atPath: out.path + "/stderr", contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out.path + "/stdout"))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: out.path + "/stderr"))
    try process.run()
    let deadline = Date(timeIntervalSinceNow: 60)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        throw CLITestError("\(tool) \(arguments.joined(separator: " ")) ran for more than 60 seconds")
    }
    return Finished(status: process.terminationStatus,
                    stdout: try String(contentsOfFile: out.path + "/stdout", encoding: .utf8),
                    stderr: try String(contentsOfFile: out.path + "/stderr", encoding: .utf8))
}

/// Where `swift build` put the executables: the folder of this test process.
let productsFolder: URL = {
    let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return URL(fileURLWithPath: exe).deletingLastPathComponent()
}()

struct CLITestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh folder under the temporary directory.
struct Scratch {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "mgmt-cli-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
