import Foundation
import Frontend
import IR
import Runtime
import VM

/// In-process benchmarks of the VM: generated dataflow programs compiled through the real
/// compiler, evaluated once in full, then driven by one changing source (bench/README.md).
///
///     mgmt-bench [--quick]
@main
struct DataflowBench {
    static func main() throws {
        let quick = CommandLine.arguments.contains("--quick")
        let runs = quick ? 21 : 201
        var rows: [Row] = []
        for (width, depth) in [(40, 25), (100, 100), (400, 250)] {
            rows.append(try measure(name: "layered-\(width * depth / 1000)k", source: Programs.layered(width: width, depth: depth),
                                    runs: runs, changing: 0))
        }
        rows.append(try measure(name: "chains-100k", source: Programs.chains(count: 10_000, length: 9), runs: runs, changing: 5_000))
        rows.append(try measure(name: "adder-20x25", source: Programs.layered(width: 20, depth: 25), runs: runs, changing: 0))
        Report.print(rows, runs: runs)
        Swift.print()
        let passes = quick ? 5 : 11
        FunctionsBench.print(try FunctionsBench.run(runs: passes), runs: passes)
    }

    struct Row {
        var name: String
        var nodes: Int
        var firstMicros: Double
        var coneSize: Int
        var changeMicros: [Double]
        var graphMicros: Double
        var bytesPerNode: Double
    }

    static func measure(name: String, source: String, runs: Int, changing index: Int) throws -> Row {
        let program = try Programs.compile(source)
        let host = BenchHost()
        let vm = try VirtualMachine(program: program, host: host)
        vm.deliversGraphs = false
        let start = DispatchTime.now()
        try vm.start()
        vm.applyEvents()
        try vm.stabilize()
        let first = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1000
        precondition(vm.isComplete, "\(name): the first evaluation is incomplete")
        let nodes = vm.liveNodeCount
        let bytes = Double(vm.footprint()) / Double(max(1, nodes))
        vm.recordRecomputes = true
        var latencies: [Double] = []
        var cone = 0
        for run in 0..<runs {
            host.sinks[index].emit(.int(Int64(1_000 + run)))
            let t0 = DispatchTime.now()
            vm.applyEvents()
            try vm.stabilize()
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - t0.uptimeNanoseconds) / 1000)
            cone = vm.lastRecomputed.count
        }
        let g0 = DispatchTime.now()
        _ = try vm.currentGraph()
        let graph = Double(DispatchTime.now().uptimeNanoseconds - g0.uptimeNanoseconds) / 1000
        return Row(name: name, nodes: nodes, firstMicros: first, coneSize: cone, changeMicros: latencies,
                   graphMicros: graph, bytesPerNode: bytes)
    }
}

/// A host whose `datetime.now` is a stream the benchmark drives by hand.
final class BenchHost: VM.Host, @unchecked Sendable {
    var interfaceVersion: Int { HostInterface.version }
    let runtime = RuntimeHost(.init(hostname: "bench", deployRoot: "/", prefix: NSTemporaryDirectory()))
    var sinks: [StreamSink] = []
    let initial: Int64

    init(initial: Int64 = 0) { self.initial = initial }

    func builtin(named name: String, signature: MclType) -> BuiltinBinding? {
        guard name == "datetime.now" else { return runtime.builtin(named: name, signature: signature) }
        return .stream { [unowned self] _, sink in
            self.sinks.append(sink)
            sink.emit(.int(self.initial))
            return Handle()
        }
    }

    func resourceKind(named kind: String) -> ResourceKindDescriptor? { runtime.resourceKind(named: kind) }
    func graphChanged(_ graph: ResourceGraph) {}

    final class Handle: StreamHandle, @unchecked Sendable { func stop() {} }
}
