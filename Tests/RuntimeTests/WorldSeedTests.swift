import Foundation
import Testing
import VM
@testable import Frontend
@testable import Runtime

/// The seed's schedule program (../shared/seed-examples/schedule.mcl, as written), compiled
/// and run by the VM over a RuntimeHost whose World is a SQLiteWorld: on a single host,
/// `world.schedule("xsched", $opts)` chooses this host, so it prints.
@Suite struct WorldSeedTests {
    /// The seed as written (its options struct ends `ttl => 10,}`, a trailing comma the
    /// parser accepts).
    @Test func scheduleSeedAsWrittenSchedulesTheLoneHost() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/seed-examples/schedule.mcl").standardizedFileURL
        try expectScheduled(try String(contentsOf: seed, encoding: .utf8))
    }

    /// Compiles and runs `source` over a RuntimeHost whose World is a fresh SQLiteWorld named
    /// after this machine, and expects `print[i got scheduled]` in the first graph.
    private func expectScheduled(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fixture = try WorldFixture()
        try FileManager.default.createDirectory(atPath: fixture.prefix, withIntermediateDirectories: true)
        let main = fixture.prefix + "/main.mcl"
        try source.write(toFile: main, atomically: true, encoding: .utf8)
        // `sys.hostname()` reads the machine's name: the World must be known by it too.
        let world = try fixture.open(MachineName.current)
        let host = RuntimeHost(.init(hostname: world.hostname, deployRoot: "/", prefix: fixture.prefix,
                                     clock: fixture.clock, world: world))
        let graphs = Recorder<ResourceGraph>()
        host.onGraph = { graphs.add($0) }

        let compilation = Compilation(catalog: TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds,
                                                            variables: Registry.variables))
        let program: Program
        do {
            program = try compilation.compile(path: main, fold: Registry.fold)
        } catch {
            Issue.record("schedule.mcl does not compile: \(error.rendered(with: compilation.sources))", sourceLocation: sourceLocation)
            return
        }
        let vm = try VirtualMachine(program: program, host: host)
        defer { vm.shutdown() }
        try vm.start()
        // Streams may emit from other threads (sys.hostname): step until the first graph.
        let deadline = Date().addingTimeInterval(10)
        while graphs.count == 0 && Date() < deadline {
            _ = vm.waitForEvents(timeout: 0.1)
            vm.applyEvents()
            try vm.stabilize()
        }
        let first = try #require(graphs.all.first, "no graph within 10 s", sourceLocation: sourceLocation)
        #expect(first.resources.map(\.id.description).contains("print[i got scheduled]"),
                "\(first.resources.map(\.id.description))", sourceLocation: sourceLocation)

        // The VM's join is this host's membership: another reader of the World sees it.
        let chosen = Recorder<[String]>()
        let watch = try fixture.open("reader").scheduled("xsched", chosen.add)
        #expect(chosen.all == [[world.hostname]], sourceLocation: sourceLocation)
        watch.cancel()
    }
}
