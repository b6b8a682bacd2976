import Foundation
import Frontend
import Runtime
import Testing
@testable import VM

/// The loader's promise (spec/mcb.md): whatever the bytes, `MCBReader`, `Verifier` and
/// `VirtualMachine` either refuse them with a `LoadError`, stop with a `VMFailure`, or run;
/// they never trap. Real programs are compiled, written, then corrupted in many seeded ways,
/// most with the checksum recomputed so that the corruption reaches the section parsers,
/// the verifier and the engine.
///
/// A trap here kills the test process: rerun with `MCB_MUTATION_TRACE=1` in the environment
/// to print each case (program, number, operator) before it runs, and the last line names
/// the culprit.
@Suite struct MutationTests {
    /// Mutated artifacts per program; with `MutationPrograms.sources.count` programs the
    /// total must stay at least 10,000.
    static let casesPerProgram = 2_600

    @Test func unmutatedProgramsRunAndBuildGraphs() throws {
        for (name, source) in MutationPrograms.sources {
            let bytes = try MutationPrograms.compile(source, name: name)
            let host = RecordingHost()
            let vm = try VirtualMachine(program: try MCBReader.read(bytes), host: host)
            try vm.start()
            #expect(vm.isComplete, "\(name)")
            #expect(vm.checkInvariants(), "\(name)")
            #expect(host.graphs.count == 1, "\(name)")
            #expect(host.graphs.first?.resources.isEmpty == false, "\(name)")
        }
    }

    @Test func mutatedArtifactsAreRefusedOrRunButNeverTrap() throws {
        let trace = ProcessInfo.processInfo.environment["MCB_MUTATION_TRACE"] != nil
        var stats = MutationStats()
        let clock = ContinuousClock()
        let start = clock.now
        for (p, (name, source)) in MutationPrograms.sources.enumerated() {
            let original = try MutationPrograms.compile(source, name: name)
            var random = SplitMix64(seed: 0x6D63_625F_6D75_7400 &+ UInt64(p))
            for i in 0..<Self.casesPerProgram {
                let op = Mutation.allCases[i % Mutation.allCases.count]
                // Three cases in four recompute the checksum, so the corruption goes deeper.
                let fixChecksum = (i / Mutation.allCases.count) % 4 != 0
                var bytes = original
                op.apply(to: &bytes, &random)
                if fixChecksum { MCBBytes.fixChecksum(&bytes) }
                if trace { print("mutation \(name) #\(i) \(op) fixed=\(fixChecksum) size=\(bytes.count)") }
                let stage = MutationPipeline.run(bytes)
                stats.record(stage, op)
                if case .refused(_, let message) = stage {
                    #expect(!message.isEmpty && !message.contains("\n"), "\(name) #\(i) \(op): \(message)")
                }
            }
        }
        let elapsed = clock.now - start
        print("mutations: \(stats.summary) in \(elapsed)")
        for op in Mutation.allCases { print("  \(op): \(stats.summary(of: op))") }
        #expect(stats.total >= 10_000)
        // Every stage is reached: a regression that refuses everything early shows here.
        for stage in MutationStats.Stage.allCases {
            #expect(stats.byStage[stage, default: 0] > 0, "no mutation reached stage \(stage)")
        }
    }
}

/// Compiling the test programs through the Frontend.
enum MutationPrograms {
    static let catalog = TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds, variables: Registry.variables)

    /// mcl programs covering branches, loops, lambdas and closures, `iter.*`, `<|>`,
    /// structs, maps, resources, conditional entries, edges and an assert. `$hostname`
    /// (`mutant-host` in the tests) keeps values from being folded at compile time.
    static let sources: [(String, String)] = [
        ("loops", """
            import "fmt"
            import "iter"

            $names = ["a", "bb", "ccc"]
            $n = len($hostname)
            $big = if $n > 2 { "big" } else { "small" }
            $double = func($x) { $x * 2 }
            $lens = iter.map($names, func($s) { len($s) + $n })
            $twice = iter.map($lens, $double)
            $safe = $names[$n] <|> "fallback"
            $m = {"k1" => 1, "k2" => $n}
            $v = $m["k2"] <|> 0
            $st = struct{a => 1, b => $hostname}

            for $i, $name in $names {
            \tfile "/tmp/${name}" {
            \t\tcontent => fmt.printf("%d %s %s %d %s", $i, $big, $safe, $v, $st->b),
            \t\tmode => if $i > 0 { "0644" } else { "0600" },
            \t}
            }

            file "/tmp/sum" {
            \tcontent => fmt.printf("%v %v", $twice, $lens),
            \tMeta:noop => $n > 3,
            }

            test "t1" {}
            Test["t1"] -> File["/tmp/sum"]
            """),
        ("functions", """
            import "fmt"
            import "iter"

            $h = $hostname
            $n = len($h)
            $double = func($x) { $x * 2 }
            $triple = func($x) { $x * 3 }
            $f = if $n > 3 { $double } else { $triple }
            $r = $f($n)
            $items = [$h, "b", "c"]
            $item = $items[$n] <|> fmt.printf("missing-%d", $n)
            $evens = iter.filter([1, 2, 3, 4, $n], func($x) { $x > 2 })
            $sum = iter.reduce(0, [1, 2, $n], func($acc, $x) { $acc + $x })
            $pairs = iter.zip(["a", "b"], [$n, $r], func($s, $i) { fmt.printf("%s=%d", $s, $i) })
            $ratio = 10.0 / 4.0
            $q = $n / 0 <|> 1.5

            if $n > 3 {
            \ttest "long-${h}" {
            \t\tMeta:noop => true,
            \t}
            } else {
            \ttest "short" {}
            }

            test "values" {
            \tstringptr => fmt.printf("%d %s %v %d %v %f %f", $r, $item, $evens, $sum, $pairs, $ratio, $q),
            \tint64 => $n > 5 ?: 42,
            }
            """),
        ("maps", """
            import "fmt"

            $m = {"a" => 1, "b" => 2, $hostname => 3}
            forkv $k, $v in $m {
            \tfile "/tmp/kv/${k}" {
            \t\tcontent => fmt.printf("%d", $v),
            \t}
            }
            $st = struct{name => $hostname, port => len($hostname), tags => ["x", "y"]}
            for $i, $t in $st->tags {
            \tfor $j, $u in [$t, "z"] {
            \t\ttest "${t}-${u}" {
            \t\t\tint64 => $i + $j,
            \t\t}
            \t}
            }
            file "/tmp/a" {
            \tcontent => $st->name,
            \tDepend => Test["x-z"],
            \tMeta:retry => len($hostname),
            }
            file "/tmp/b" {
            \tmode => "0600",
            }
            exec "e1" {
            \tcmd => "echo ${hostname}",
            \tshell => "/bin/sh",
            }
            Exec["e1"].output -> File["/tmp/b"].content
            Test["x-x"] -> Test["y-y"] -> Test["y-z"]
            panic($st->port > 1000)
            """),
        ("classes", """
            import "fmt"

            class c1($name, $count) {
            \tfor $i, $x in [$name, "${name}-2"] {
            \t\ttest "${x}" {
            \t\t\tint64 => $count + $i,
            \t\t\tstringptr => $name,
            \t\t}
            \t}
            }
            $k = len($hostname)
            include c1("one", $k)
            include c1("two", $k * 2)
            $lookup = {"one" => [1, 2], "two" => [3]}
            $got = $lookup[$hostname] <|> $lookup["two"]
            $first = $got[0] <|> -1
            $adder = func($a) { func($b) { $a + $b + $k } }
            $add5 = $adder(5)
            test "sum" {
            \tint64 => $add5($first),
            \tstringptr => fmt.printf("%v", $got),
            \tBefore => Test["one"],
            }
            """),
    ]

    /// The `.mcb` bytes of `source` (a whole `main.mcl`).
    static func compile(_ source: String, name: String) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcb-mutation-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try (source + "\n").write(to: folder.appendingPathComponent("main.mcl"), atomically: true, encoding: .utf8)
        let compilation = Compilation(catalog: catalog)
        do {
            return MCBWriter.write(try compilation.compile(path: folder.path, fold: Registry.fold))
        } catch {
            Issue.record("\(name) does not compile: \(error.rendered(with: compilation.sources))")
            throw error
        }
    }
}

/// Read, verify, load against a host, start, stabilize: where an artifact stopped.
enum MutationPipeline {
    enum Outcome {
        case refused(MutationStats.Stage, String)
        case failed(String)
        case ran
    }

    static func run(_ bytes: [UInt8]) -> Outcome {
        let program: Program
        do {
            program = try MCBReader.read(bytes)
        } catch {
            let header = ["not an .mcb file", "unsupported .mcb", "corrupt .mcb file"].contains { error.message.hasPrefix($0) }
            let stage: MutationStats.Stage = error.message.hasSuffix("checksum mismatch") ? .checksum : header ? .header : .sections
            return .refused(stage, error.message)
        }
        do {
            try Verifier.verify(program)
        } catch {
            return .refused(.verifier, error.message)
        }
        // What the loader accepts, the writer can write, and that reads back to the same bytes.
        let rewritten = MCBWriter.write(program)
        #expect((try? MCBReader.read(rewritten)).map(MCBWriter.write) == rewritten, "re-encoding a verified program")
        let host = RecordingHost()
        let vm: VirtualMachine
        do {
            vm = try VirtualMachine(program: program, host: host)
        } catch {
            return .refused(.imports, error.message)
        }
        do {
            try vm.start()
            try vm.stabilize()
            try vm.stabilize()
        } catch {
            vm.shutdown()
            return .failed(error.description)
        }
        vm.shutdown()
        #expect(vm.checkInvariants(), "engine invariants after a run")
        return .ran
    }
}

/// How many mutated artifacts stopped where.
struct MutationStats {
    enum Stage: String, CaseIterable {
        case checksum, header, sections, verifier, imports, runtime = "run-time failure", ran
    }

    var byStage: [Stage: Int] = [:]
    var byOperator: [String: [Stage: Int]] = [:]
    var total = 0

    mutating func record(_ outcome: MutationPipeline.Outcome, _ op: Mutation) {
        let stage: Stage
        switch outcome {
        case .refused(let s, _): stage = s
        case .failed: stage = .runtime
        case .ran: stage = .ran
        }
        total += 1
        byStage[stage, default: 0] += 1
        byOperator["\(op)", default: [:]][stage, default: 0] += 1
    }

    var summary: String {
        "\(total) total; " + Stage.allCases.map { "\($0.rawValue) \(byStage[$0, default: 0])" }.joined(separator: ", ")
    }

    func summary(of op: Mutation) -> String {
        let counts = byOperator["\(op)", default: [:]]
        return Stage.allCases.map { "\($0.rawValue) \(counts[$0, default: 0])" }.joined(separator: ", ")
    }
}
