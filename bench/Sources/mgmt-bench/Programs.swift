import Foundation
import Frontend
import IR
import Runtime
import VM

/// The generated mcl programs of the dataflow benchmarks.
enum Programs {
    /// A layered DAG: `width` values derived from one source, then `depth` layers where
    /// each value adds two of the layer before (so every value feeds two others and is a
    /// node of its own), and one resource per value of the last layer. One source change
    /// recomputes everything: the cost per re-evaluated node at scale.
    static func layered(width: Int, depth: Int) -> String {
        // Floats: int sums of doubling deltas wrap to an unchanged value after 64 layers,
        // and cutoff would then stop the change early.
        var out = "import \"convert\"\nimport \"datetime\"\n$s = convert.to_float(datetime.now())\n"
        for i in 0..<width { out += "$l0_\(i) = $s + \(i).5\n" }
        for k in 1..<depth {
            for i in 0..<width { out += "$l\(k)_\(i) = $l\(k - 1)_\(i) + $l\(k - 1)_\((i + 1) % width)\n" }
        }
        for i in 0..<width { out += "test \"r\(i)\" {\n\tfloat64 => $l\(depth - 1)_\(i),\n}\n" }
        return out
    }

    /// `count` independent sources, each feeding a chain of `length` values (each used
    /// twice by the next, so each is a node) and a resource: one source change recomputes
    /// its own chain only.
    static func chains(count: Int, length: Int) -> String {
        var out = "import \"datetime\"\n"
        for c in 0..<count {
            out += "$c\(c)_0 = datetime.now()\n"
            for j in 1...length { out += "$c\(c)_\(j) = $c\(c)_\(j - 1) + $c\(c)_\(j - 1)\n" }
            out += "test \"c\(c)\" {\n\tint64 => $c\(c)_\(length),\n}\n"
        }
        return out
    }

    static func compile(_ source: String) throws -> Program {
        let folder = NSTemporaryDirectory() + "mgmt-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try source.write(toFile: folder + "/main.mcl", atomically: true, encoding: .utf8)
        let catalog = TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds, variables: Registry.variables)
        let compilation = Compilation(catalog: catalog)
        do {
            return try compilation.compile(path: folder + "/main.mcl", fold: Registry.fold)
        } catch {
            throw BenchError(error.rendered(with: compilation.sources))
        }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The table `bench/run` prints.
enum Report {
    /// The middle sample (the upper one of an even count).
    static func median(_ samples: [Double]) -> Double {
        let sorted = samples.sorted()
        return sorted[sorted.count / 2]
    }

    static func print(_ rows: [DataflowBench.Row], runs: Int) {
        Swift.print("benchmark          nodes   first µs/node   cone   change median µs   µs/node   graph ms   bytes/node")
        for row in rows {
            let median = Self.median(row.changeMicros)
            let name = row.name.padding(toLength: 16, withPad: " ", startingAt: 0)
            Swift.print(name + String(format: " %7d %15.3f %6d %18.1f %9.3f %10.2f %12.0f",
                               row.nodes, row.firstMicros / Double(max(1, row.nodes)), row.coneSize, median,
                               median / Double(max(1, row.coneSize)), row.graphMicros / 1000, row.bytesPerNode))
        }
        Swift.print("(change: median of \(runs) single-source changes, dataflow only; graph: building the resource graph once)")
    }
}
