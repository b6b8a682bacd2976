import Foundation
import Testing
@testable import Frontend
@testable import Runtime
@testable import VM

/// A host whose `datetime.now` and `os.readfile` streams the test drives by hand; every other
/// builtin comes from the Runtime. Records the graphs it is handed.
final class ManualHost: VM.Host, @unchecked Sendable {
    var interfaceVersion: Int { HostInterface.version }
    let runtime = RuntimeHost(.init(hostname: "test", deployRoot: "/", prefix: NSTemporaryDirectory()))
    /// Sinks of the started `datetime.now` streams, in start order.
    var clocks: [StreamSink] = []
    var graphs: [ResourceGraph] = []
    var stopped = 0
    let initial: Int64

    init(now initial: Int64 = 0) { self.initial = initial }

    func builtin(named name: String, signature: MclType) -> BuiltinBinding? {
        guard name == "datetime.now" else { return runtime.builtin(named: name, signature: signature) }
        return .stream { [unowned self] _, sink in
            self.clocks.append(sink)
            sink.emit(.int(self.initial))
            return Handle { self.stopped += 1 }
        }
    }

    func resourceKind(named kind: String) -> ResourceKindDescriptor? { runtime.resourceKind(named: kind) }
    func graphChanged(_ graph: ResourceGraph) { graphs.append(graph) }

    final class Handle: StreamHandle, @unchecked Sendable {
        let onStop: () -> Void
        init(_ onStop: @escaping () -> Void) { self.onStop = onStop }
        func stop() { onStop() }
    }
}

/// A program compiled from `source`, running in a VM over a `ManualHost`.
struct Running {
    let vm: VirtualMachine
    let host: ManualHost
    let source: String

    init(_ source: String, now: Int64 = 0) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vm-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try source.write(to: folder.appendingPathComponent("main.mcl"), atomically: true, encoding: .utf8)
        let compilation = Compilation(catalog: TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds,
                                                            variables: Registry.variables))
        let program: Program
        do {
            program = try compilation.compile(path: folder.appendingPathComponent("main.mcl").path, fold: Registry.fold)
        } catch {
            throw RunningError(error.rendered(with: compilation.sources))
        }
        self.source = source
        host = ManualHost(now: now)
        vm = try VirtualMachine(program: program, host: host)
        try vm.start()
        vm.applyEvents()
        try vm.stabilize()
        #expect(vm.checkInvariants())
        vm.recordRecomputes = true
    }

    /// Sets every clock to `time`, stabilizes, and returns the source text of each node that
    /// was recomputed (synthetic nodes as `(synthetic)`), in order.
    @discardableResult
    func tick(_ time: Int64) throws -> [String] {
        for clock in host.clocks { clock.emit(.int(time)) }
        vm.applyEvents()
        try vm.stabilize()
        #expect(vm.checkInvariants())
        return vm.lastRecomputed.map(text)
    }

    /// The source text a node's span covers.
    func text(_ node: Int32) -> String {
        guard let s = vm.specIndex(ofNode: node) else { return "(synthetic)" }
        let span = vm.program.spans[vm.program.nodes[s].span]
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard span.line1 == span.line2 else { return lines[span.line1 - 1].trimmingCharacters(in: .whitespaces) + "…" }
        let line = Array(lines[span.line1 - 1].unicodeScalars)
        return String(String.UnicodeScalarView(line[(span.column1 - 1)..<min(line.count, span.column2 - 1)]))
    }

    /// `kind[name]` of every resource in the last graph, sorted.
    var resources: [String] { (host.graphs.last?.resources ?? []).map(\.id.description) }

    func param(_ id: String, _ name: String) -> Value? {
        host.graphs.last?.resources.first { $0.id.description == id }?.params[name]
    }
}

struct RunningError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Incremental evaluation: after each input change, exactly which nodes re-ran
/// (an empty list where nothing should).
@Suite struct VirtualMachineTests {
    /// A value used once is fused into its user's body (one node); a value used twice is a
    /// node of its own. Only the clock's cone re-runs, and an unchanged input re-runs nothing.
    @Test func onlyTheChangedConeReruns() throws {
        let run = try Running("""
            import "datetime"
            $now = datetime.now()
            $later = $now + 60
            $label = "fixed"
            test "clock" {
            \tint64 => $later,
            \tanotherstr => $label,
            }
            test "also clock" {
            \tint64 => $later,
            }
            test "constant" {
            \tanotherstr => $label,
            }

            """)
        #expect(run.resources == ["test[also clock]", "test[clock]", "test[constant]"])
        let rerun = try run.tick(5)
        #expect(Set(rerun) == ["$now + 60", "test \"clock\" {…", "test \"also clock\" {…"], "\(rerun)")
        #expect(rerun.count == 3 && rerun.first == "$now + 60", "\(rerun)")
        #expect(run.param("test[clock]", "int64") == .int(65))
        #expect(try run.tick(5) == [])  // the same value: nothing re-runs
    }

    /// Cutoff: a recomputed value equal to the old one stops propagation.
    @Test func cutoffStopsAtAnUnchangedValue() throws {
        let run = try Running("""
            import "datetime"
            import "math"
            $even = math.mod(datetime.now(), 2) == 0
            test "parity" {
            \tboolptr => $even,
            }
            test "parity again" {
            \tboolptr => $even,
            }

            """)
        let same = try run.tick(2)  // 0 → 2: still even
        #expect(same == ["math.mod(datetime.now(), 2) == 0"], "\(same)")
        let flipped = try run.tick(3)
        #expect(flipped.count == 3 && flipped.first == "math.mod(datetime.now(), 2) == 0", "\(flipped)")
        #expect(run.param("test[parity]", "boolptr") == .bool(false))
    }

    /// The seed's friday program (../shared/seed-examples/friday.mcl, as written): the mode
    /// flips the instant the weekday does, and only the clock's cone re-runs.
    @Test func fridayFlipsTheMode() throws {
        // Thursday 2026-11-26 23:59:59 in the local zone (no setenv: tests run in parallel).
        let thursday: Int64 = 1_795_737_599 - Int64(ZoneInfo.local.offset(at: 1_795_737_599))
        // The seed example is read where it lives (../shared is beside the checkout in CI).
        let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/seed-examples/friday.mcl").standardizedFileURL
        let run = try Running(try String(contentsOf: seed, encoding: .utf8), now: thursday)
        #expect(run.param("file[/srv/files/]", "mode") == .str("0770"))
        // `$is_friday` is used once, so it is fused into the file's node: that node alone re-runs.
        #expect(try run.tick(thursday + 1) == ["file \"/srv/files/\" {…"])
        #expect(run.param("file[/srv/files/]", "mode") == .str("0550"))
    }

    /// An if statement swaps its branch's instance; the released branch's resources go away.
    @Test func branchSwapReleasesTheOldBranch() throws {
        let run = try Running("""
            import "datetime"
            import "math"
            $odd = math.mod(datetime.now(), 2) == 1
            if $odd {
            \ttest "odd" {}
            } else {
            \ttest "even" {}
            \ttest "also even" {}
            }

            """)
        #expect(run.resources == ["test[also even]", "test[even]"])
        try run.tick(1)
        #expect(run.resources == ["test[odd]"])
        try run.tick(2)
        #expect(run.resources == ["test[also even]", "test[even]"])
    }

    /// A loop rebuilds its instances when the length changes; an element change only flows.
    @Test func loopLengthRebuildsElementFlows() throws {
        let run = try Running("""
            import "datetime"
            import "fmt"
            import "iter"
            $n = datetime.now()
            $names = iter.range($n)
            for $i, $v in $names {
            \ttest [fmt.printf("item-%d", $v)] {}
            }

            """, now: 2)
        #expect(run.resources == ["test[item-0]", "test[item-1]"])
        try run.tick(3)
        #expect(run.resources == ["test[item-0]", "test[item-1]", "test[item-2]"])
        #expect(try run.tick(3) == [])
    }

    /// A stream inside a released branch is stopped.
    @Test func releasedBranchStopsItsStreams() throws {
        let run = try Running("""
            import "datetime"
            import "math"
            $first = datetime.now()
            if $first < 10 {
            \t$inner = datetime.now()
            \ttest [fmt.printf("inner-%d", $inner)] {}
            }
            import "fmt"

            """)
        #expect(run.host.clocks.count == 2)
        try run.tick(20)
        #expect(run.host.stopped == 1)
        #expect(run.resources.isEmpty)
    }

    /// `<|>` with a fallback that could fail is a lazy template: built only while the guarded
    /// value fails, released when it recovers.
    @Test func lazyFallbackIsBuiltOnlyWhileNeeded() throws {
        let run = try Running("""
            import "datetime"
            import "fmt"
            $l = ["a", "b", "c"]
            $i = datetime.now()
            $pick = $l[$i] <|> fmt.printf("none-%d", $i)
            test [$pick] {}

            """, now: 1)
        #expect(run.resources == ["test[b]"])
        try run.tick(7)
        #expect(run.resources == ["test[none-7]"])
        try run.tick(0)
        #expect(run.resources == ["test[a]"])
    }

    /// A function value that changes rebuilds what applies it.
    @Test func changingFunctionValueRebuildsTheApplication() throws {
        let run = try Running("""
            import "datetime"
            import "math"
            $odd = math.mod(datetime.now(), 2) == 1
            $f = if $odd { func($x) { $x + "-odd" } } else { func($x) { $x + "-even" } }
            $name = $f("n")
            test [$name] {}

            """)
        #expect(run.resources == ["test[n-even]"])
        try run.tick(1)
        #expect(run.resources == ["test[n-odd]"])
    }

    /// iter.map applies a lambda per element; a changed element re-runs only its application.
    @Test func iterMapRerunsOnlyTheChangedElement() throws {
        let run = try Running("""
            import "datetime"
            import "iter"
            $t = datetime.now()
            $l = [1, $t, 3]
            $m = iter.map($l, func($x) { $x * 10 })
            test "m" {
            \tslicestring => iter.map($m, func($y) { fmt.printf("%d", $y) }),
            }
            import "fmt"

            """)
        #expect(run.param("test[m]", "slicestring") == .list([.str("10"), .str("0"), .str("30")]))
        let rerun = try run.tick(2)
        #expect(run.param("test[m]", "slicestring") == .list([.str("10"), .str("20"), .str("30")]))
        // The changed element's extractor and application in each map, not the other elements'.
        #expect(rerun.filter { $0 == "$x * 10" }.count == 1)
        #expect(rerun.filter { $0 == "fmt.printf(\"%d\", $y)" }.count == 1)
    }

    /// Run-time errors carry their position and stage: an uncaught missing index fails the
    /// program when a statement consumes it.
    @Test func uncaughtErrorReachingAStatementFails() throws {
        #expect(throws: VMFailure.self) {
            _ = try Running("""
                $l = ["a"]
                test [$l[4]] {}

                """)
        }
        do {
            _ = try Running("$z = 0\ntest [\"${x}\"] {}\n$x = \"a\"\n$y = 1 / $z\ntest \"div\" {\n\tfloat64 => $y,\n}\n")
            Issue.record("expected a division by zero")
        } catch let failure as VMFailure {
            #expect(failure.error.message == "can't divide by zero")
            #expect(failure.error.position == "/main.mcl @ 4:6-4:12")
        }
    }
}
