import VM

/// A resource graph ready for the engine: every resource validated, automatic edges added,
/// acyclic. Edges keep the label they were made with (`kind[a] -> kind[b]`).
public struct BuiltGraph: Sendable {
    public var resources: [ResourceDeclaration]
    public var edges: [BuiltEdge]
}

public struct BuiltEdge: Sendable, Hashable {
    public var from: ResourceID
    public var to: ResourceID
    public var notify: Bool
    public var label: String
}

/// What the engine does to a graph the VM hands over before running it (engine.md §9
/// steps 2-6, without grouping): validate every resource (engine rules, then the kind's own
/// unless hidden), add automatic edges, reject cycles. Errors are upstream's texts.
public enum GraphBuilder {
    public static func build(_ graph: ResourceGraph) throws(RuntimeError) -> BuiltGraph {
        for resource in graph.resources {
            try EngineValidation.validate(resource)
            if resource.metaparams["hidden"] != .bool(true), let message = ResourceValidation.check(resource) {
                throw RuntimeError("\(resource.id) did not Validate: \(message)", position: resource.position)
            }
        }
        var edges = graph.edges.map { BuiltEdge(from: $0.from, to: $0.to, notify: $0.notify, label: $0.label) }
        var seen = Set(edges.map { "\($0.from)\u{0}\($0.to)" })
        for edge in AutoEdges.edges(for: graph.resources) where seen.insert("\(edge.from)\u{0}\(edge.to)").inserted {
            edges.append(edge)
        }
        try checkAcyclic(graph.resources, edges)
        return BuiltGraph(resources: graph.resources, edges: edges)
    }

    /// Kahn's algorithm over the graph; a remainder means a cycle.
    private static func checkAcyclic(_ resources: [ResourceDeclaration], _ edges: [BuiltEdge]) throws(RuntimeError) {
        var incoming: [ResourceID: Int] = [:]
        var outgoing: [ResourceID: [ResourceID]] = [:]
        for r in resources { incoming[r.id] = 0 }
        for e in edges {
            incoming[e.to, default: 0] += 1
            outgoing[e.from, default: []].append(e.to)
        }
        var ready = incoming.filter { $0.value == 0 }.map(\.key)
        var done = 0
        while let node = ready.popLast() {
            done += 1
            for next in outgoing[node] ?? [] {
                incoming[next]! -= 1
                if incoming[next] == 0 { ready.append(next) }
            }
        }
        if done < incoming.count { throw RuntimeError("resource graph has cycles: not a dag") }
    }
}
