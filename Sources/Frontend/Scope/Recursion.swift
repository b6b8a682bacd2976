/// The recursion check of scope resolution: any cycle among binds, funcs, classes and
/// include aliases (self-referential binds, recursive funcs or lambdas, classes that
/// include themselves) is an error, reported with the references on one cycle.
///
/// Linear in the number of dependency edges (Tarjan's strongly connected components).
enum Recursion {
    static func check(dependencies: [Int: [(Decl, Span)]], sources: SourceMap) throws(Diagnostic) {
        let components = stronglyConnected(dependencies)
        var best: [Span]?
        for component in components {
            let members = Set(component)
            let isCycle = component.count > 1 || (dependencies[component[0]] ?? []).contains { $0.0.id == component[0] }
            guard isCycle, let spans = cycleSpans(in: members, start: component.min()!, dependencies) else { continue }
            if best == nil || spans[0].isBefore(best![0]) { best = spans }
        }
        guard let spans = best else { return }
        let bylines = spans.map { sources.byline($0) }.joined(separator: ", ")
        throw Diagnostic(.scope, "recursive reference while setting scope: not a dag: \(bylines)", at: spans[0])
    }

    /// The references along one simple cycle through `start` inside the component: for each
    /// step the earliest reference, deduplicated and sorted by position.
    private static func cycleSpans(in members: Set<Int>, start: Int, _ dependencies: [Int: [(Decl, Span)]]) -> [Span]? {
        // Depth-first search for a path back to `start`, staying inside the component.
        var path: [Int] = [start]
        var seen: Set<Int> = [start]
        var iterators: [Int] = [0]
        while let node = path.last {
            let edges = dependencies[node] ?? []
            let i = iterators[iterators.count - 1]
            if i >= edges.count {
                path.removeLast()
                iterators.removeLast()
                continue
            }
            iterators[iterators.count - 1] += 1
            let next = edges[i].0.id
            guard members.contains(next) else { continue }
            if next == start {
                var spans: [Span] = []
                for (from, to) in zip(path, path.dropFirst() + [start]) {
                    let references = (dependencies[from] ?? []).filter { $0.0.id == to }.map(\.1)
                    if let earliest = references.min { $0.isBefore($1) } { spans.append(earliest) }
                }
                return Array(Set(spans)).sorted { $0.isBefore($1) }
            }
            if seen.insert(next).inserted {
                path.append(next)
                iterators.append(0)
            }
        }
        return nil
    }

    /// Tarjan's algorithm, iterative; returns the components (each a list of declaration ids).
    private static func stronglyConnected(_ graph: [Int: [(Decl, Span)]]) -> [[Int]] {
        var index = 0
        var indices: [Int: Int] = [:]
        var lowlinks: [Int: Int] = [:]
        var onStack: Set<Int> = []
        var stack: [Int] = []
        var components: [[Int]] = []
        for root in graph.keys.sorted() where indices[root] == nil {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            indices[root] = index; lowlinks[root] = index; index += 1
            stack.append(root); onStack.insert(root)
            while !work.isEmpty {
                let (node, edge) = work[work.count - 1]
                let edges = graph[node] ?? []
                if edge < edges.count {
                    work[work.count - 1].edge += 1
                    let next = edges[edge].0.id
                    if indices[next] == nil {
                        indices[next] = index; lowlinks[next] = index; index += 1
                        stack.append(next); onStack.insert(next)
                        work.append((next, 0))
                    } else if onStack.contains(next) {
                        lowlinks[node] = min(lowlinks[node]!, indices[next]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowlinks[parent] = min(lowlinks[parent]!, lowlinks[node]!) }
                if lowlinks[node] == indices[node] {
                    var component: [Int] = []
                    while let top = stack.popLast() {
                        onStack.remove(top)
                        component.append(top)
                        if top == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
