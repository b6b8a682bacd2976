import Foundation
import Runtime
import VM

/// Per-call costs of common builtins: called directly through the host's binding (the
/// implementation alone), and applied by `iter.map` to each element of a 10,000-element list
/// in a compiled program (instantiation, dataflow and the call). Each figure is the median of
/// `runs` passes.
enum FunctionsBench {
    struct Row {
        var name: String
        var directMicros: Double?
        var mappedMicros: Double
    }

    static let elements = 10_000

    static func run(runs: Int) throws -> [Row] {
        let host = RuntimeHost(.init(hostname: "bench", deployRoot: "/", prefix: NSTemporaryDirectory()))
        func direct(_ name: String, _ signature: String, _ args: @escaping (Int) -> [Value]) throws -> Double {
            guard case .function(let body)? = host.builtin(named: name, signature: try MclType(parsing: signature)) else {
                throw BenchError("\(name) is not a function in this build")
            }
            var samples: [Double] = []
            for _ in 0..<runs {
                let start = DispatchTime.now()
                for i in 0..<elements { _ = try body(args(i)) }
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1000 / Double(elements))
            }
            return Report.median(samples)
        }
        return [
            Row(name: "fmt.printf", directMicros: try direct("fmt.printf", "func(format str, a int) str") { [.str("item-%d"), .int(Int64($0))] },
                mappedMicros: try mapped("fmt.printf(\"item-%d\", $x)", runs: runs)),
            Row(name: "golang.template", directMicros: try direct("golang.template", "func(template str, vars int) str") {
                    [.str("{{ . }} items"), .int(Int64($0))] },
                mappedMicros: try mapped("golang.template(\"{{ . }} items\", $x)", runs: runs)),
            // Mapped, to_upper needs a str per element: printf makes it (compare the last row).
            Row(name: "strings.to_upper", directMicros: try direct("strings.to_upper", "func(a str) str") { [.str("item-\($0)")] },
                mappedMicros: try mapped("strings.to_upper(fmt.printf(\"item-%d\", $x))", runs: runs)),
            Row(name: "printf(\"%d\", $x + 1)", directMicros: nil, mappedMicros: try mapped("fmt.printf(\"%d\", $x + 1)", runs: runs)),
        ]
    }

    /// µs per element of the first evaluation of `iter.map(iter.range(N), func($x) { body })`
    /// with N from a stream (so nothing is folded at compile time): the median of `runs` VMs.
    static func mapped(_ body: String, runs: Int) throws -> Double {
        let source = """
            import "datetime"
            import "fmt"
            import "golang"
            import "iter"
            import "strings"
            $out = iter.map(iter.range(datetime.now()), func($x) { \(body) })
            test "out" {
            \tslicestring => $out,
            }

            """
        let program = try Programs.compile(source)
        var samples: [Double] = []
        for _ in 0..<runs {
            let host = BenchHost(initial: Int64(elements))
            let vm = try VirtualMachine(program: program, host: host)
            vm.deliversGraphs = false
            let start = DispatchTime.now()
            try vm.start()
            vm.applyEvents()
            try vm.stabilize()
            precondition(vm.isComplete, "the mapped program did not complete")
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1000 / Double(elements))
            vm.shutdown()
        }
        return Report.median(samples)
    }

    static func print(_ rows: [Row], runs: Int) {
        Swift.print("function".padding(toLength: 24, withPad: " ", startingAt: 0)
                    + "direct µs/call   iter.map µs/element   (10,000 elements; median of \(runs) passes)")
        for row in rows {
            let name = row.name.padding(toLength: 24, withPad: " ", startingAt: 0)
            let direct = row.directMicros.map { String(format: "%14.2f", $0) } ?? String(repeating: " ", count: 13) + "-"
            Swift.print(name + direct + String(format: "%22.2f", row.mappedMicros))
        }
    }
}
