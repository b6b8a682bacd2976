import Foundation
import VM

/// Text forms of a built graph.
public enum GraphPrinter {
    /// `Vertex: kind[name]` and `Edge: a -> b # label` lines, sorted bytewise
    /// (../shared/conformance/README.md).
    public static func conformance(_ graph: BuiltGraph) -> String {
        var lines = graph.resources.map { "Vertex: \($0.id)" }
        lines += graph.edges.map { "Edge: \($0.from) -> \($0.to) # \($0.label)" }
        lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return lines.map { $0 + "\n" }.joined()
    }

    /// Graphviz: one node per resource (label `kind[name]`), edges dashed when they notify.
    public static func dot(_ graph: BuiltGraph) -> String {
        func quote(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        var out = "digraph mgmt {\n"
        for r in graph.resources { out += "\t\(quote(r.id.description));\n" }
        for e in graph.edges {
            out += "\t\(quote(e.from.description)) -> \(quote(e.to.description))\(e.notify ? " [style=dashed]" : "");\n"
        }
        return out + "}\n"
    }

    /// Every resource with its params and metaparams, one block per resource, then edges.
    public static func text(_ graph: BuiltGraph) -> String {
        var out = ""
        for r in graph.resources {
            out += "\(r.id)\n"
            for name in r.params.keys.sorted() { out += "\t\(name) => \(r.params[name]!)\n" }
            for name in r.metaparams.keys.sorted() { out += "\tMeta:\(name) => \(r.metaparams[name]!)\n" }
        }
        for e in graph.edges { out += "\(e.from) -> \(e.to)\(e.notify ? " (notify)" : "")\n" }
        return out
    }
}
