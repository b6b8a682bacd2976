import Foundation
@testable import Frontend
import Testing
import VM
@testable import Runtime

/// Stream builtins inside a running program: compiled by the Frontend, run by the VM with a
/// `RuntimeHost` whose clock is a `ManualClock`. Advancing the clock is the only input.
@Suite struct StreamProgramTests {
    /// A compiled program running in a VM over a RuntimeHost on a manual clock.
    final class Run: @unchecked Sendable {
        let clock: ManualClock
        let vm: VirtualMachine
        private(set) var graphs: [ResourceGraph] = []

        init(source: String, at time: Double) throws {
            let folder = try ScratchFolder()
            defer { folder.remove() }
            try folder.write("main.mcl", source)
            let compilation = Compilation(catalog: TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds,
                                                                variables: Registry.variables))
            let program: Program
            do {
                program = try compilation.compile(path: folder.path + "/main.mcl", fold: Registry.fold)
            } catch {
                throw RunError(description: error.rendered(with: compilation.sources))
            }
            clock = ManualClock(at: time)
            let host = RuntimeHost(.init(hostname: "test", deployRoot: "/", prefix: NSTemporaryDirectory(), clock: clock))
            vm = try VirtualMachine(program: program, host: host)
            host.onGraph = { [unowned self] in graphs.append($0) }
            try vm.start()
            try settle()
        }

        /// Applies what the streams sent and stabilizes, until nothing more arrives (a stream
        /// given new arguments answers at the next step).
        func settle() throws {
            while vm.applyEvents() { try vm.stabilize() }
        }

        /// Moves the clock forward, then settles.
        func advance(by seconds: Double) throws {
            clock.advance(by: seconds)
            try settle()
        }

        func param(_ id: String, _ name: String) -> Value? {
            graphs.last?.resources.first { $0.id.description == id }?.params[name]
        }
    }

    struct RunError: Error, CustomStringConvertible {
        var description: String
    }

    /// The seed's friday program (../shared/seed-examples/friday.mcl, as written), with the
    /// real `datetime.now` stream: one second after Thursday 23:59:59 the mode flips.
    @Test func fridayFlipsTheModeWhenTheClockAdvances() throws {
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/seed-examples/friday.mcl").standardizedFileURL
        let run = try Run(source: try String(contentsOf: seed, encoding: .utf8), at: StreamTests.thursdayBeforeMidnight)
        #expect(run.param("file[/srv/files/]", "mode") == .str("0770"))
        try run.advance(by: 1)
        #expect(run.param("file[/srv/files/]", "mode") == .str("0550"))
        try run.advance(by: 86400)
        #expect(run.param("file[/srv/files/]", "mode") == .str("0770"))
        run.vm.shutdown()
        #expect(run.clock.pendingTimers == 0)
    }

    /// `history` keeps its samples while its arguments change (the VM offers them to the
    /// running stream): a second later it shows the previous second.
    @Test func historyKeepsItsSamplesInAProgram() throws {
        let run = try Run(source: """
            import "datetime"
            $now = datetime.now()
            test "h" {
            \tint64 => history($now, 1000),
            }
            test "r" {
            \tanotherstr => random1(10),
            }

            """, at: 100)
        #expect(run.param("test[h]", "int64") == .int(100))
        let random = run.param("test[r]", "anotherstr")
        try run.advance(by: 1)
        #expect(run.param("test[h]", "int64") == .int(100))
        try run.advance(by: 1)
        #expect(run.param("test[h]", "int64") == .int(101))
        #expect(run.param("test[r]", "anotherstr") == random)
        run.vm.shutdown()
    }
}
