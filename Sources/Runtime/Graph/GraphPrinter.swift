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

    /// JSON: `{"resources": [{"kind", "name", "params", "metaparams"}], "edges": [{"from", "to", "notify"}]}`,
    /// values as JSON (maps with non-str keys keyed by the key's printed form, structs as objects).
    public static func json(_ graph: BuiltGraph) -> String {
        var out = "{\n  \"resources\": ["
        for (i, r) in graph.resources.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"kind\": \(JSONValue.quoted(r.kind)), \"name\": \(JSONValue.quoted(r.name)), \"params\": \(jsonObject(r.params)), \"metaparams\": \(jsonObject(r.metaparams))}"
        }
        out += graph.resources.isEmpty ? "],\n  \"edges\": [" : "\n  ],\n  \"edges\": ["
        for (i, e) in graph.edges.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\"from\": \(JSONValue.quoted(e.from.description)), \"to\": \(JSONValue.quoted(e.to.description)), \"notify\": \(e.notify)}"
        }
        return out + (graph.edges.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    private static func jsonObject(_ fields: [String: Value]) -> String {
        "{" + fields.keys.sorted().map { "\(JSONValue.quoted($0)): \(json(fields[$0]!))" }.joined(separator: ", ") + "}"
    }

    static func json(_ value: Value) -> String {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return f.isFinite ? Value.formatFloat(f) : JSONValue.quoted(Value.formatFloat(f))
        case .str(let s): return JSONValue.quoted(s)
        case .list(let items): return "[" + items.map(json).joined(separator: ", ") + "]"
        case .map(let map):
            return "{" + (0..<map.count).map { i in
                let key = map.keys[i].rawDescription
                return "\(JSONValue.quoted(key)): \(json(map.values[i]))"
            }.joined(separator: ", ") + "}"
        case .struct(let s): return "{" + zip(s.names, s.values).map { "\(JSONValue.quoted($0)): \(json($1))" }.joined(separator: ", ") + "}"
        case .function(let f): return JSONValue.quoted(f.type.description)
        }
    }

}
