/// Turning the values of the live output nodes into a `ResourceGraph`, with the language's
/// rules (language.md §5.4): list names expand, identical duplicates merge, edges are made
/// over the cross product of names and resolved against the declared resources.
extension VirtualMachine {
    private struct PendingEdge {
        var from: ResourceID, to: ResourceID
        var notify: Bool
        var sendKey: String?, recvKey: String?
        var position: String
    }

    func buildGraph() throws(VMFailure) -> ResourceGraph {
        var resources: [ResourceID: ResourceDeclaration] = [:]
        var edges: [PendingEdge] = []
        for index in isOutput.indices where isOutput[index] {
            let node = Int32(index)
            guard case .value(let value) = values[Int(node)], case .list(let slots) = value else { continue }
            let nodeSpec = program.nodes[Int(spec[Int(node)])]
            let where_ = position(ofNode: node)
            switch nodeSpec.kind {
            case .resource(let kindIndex, let collect, let entries):
                if collect {
                    throw VMFailure(error: RuntimeError("`collect` is not implemented yet: exported resources are published by the resource engine, which is not implemented yet", position: where_))
                }
                try declare(kindIndex: kindIndex, slots: slots, entries: entries, position: where_,
                            into: &resources, edges: &edges)
            case .edge(let halves):
                // A corrupt body may return fewer names than halves (MutationTests).
                guard slots.count == halves.count else {
                    throw VMFailure(error: RuntimeError("internal error: an edge's values do not match its halves", position: where_))
                }
                var carried: [String]?  // the previous pair's `to` names, this pair's `from` names
                for (i, pair) in zip(halves, halves.dropFirst()).enumerated() {
                    let fromNames: [String]
                    if let carried { fromNames = carried } else { fromNames = try names(slots[i], where_) }
                    carried = nil
                    guard !fromNames.isEmpty else { continue }
                    let toNames = try names(slots[i + 1], where_)
                    carried = toNames
                    for from in fromNames {
                        for to in toNames {
                            edges.append(PendingEdge(from: ResourceID(kind: pair.0.kind, name: from), to: ResourceID(kind: pair.1.kind, name: to),
                                                     notify: false, sendKey: pair.0.field, recvKey: pair.1.field, position: where_))
                        }
                    }
                }
            default:
                break
            }
        }
        return ResourceGraph(resources: resources.values.sorted { $0.id < $1.id }, edges: try resolve(edges, resources))
    }

    /// The names a resource or edge name value stands for: one for a str, each distinct
    /// element (in order) for a list.
    private func names(_ value: Value, _ position: String) throws(VMFailure) -> [String] {
        switch value {
        case .str(let s): return [s]
        case .list(let items):
            var seen = Set<String>()
            var out: [String] = []
            for case .str(let s) in items where seen.insert(s).inserted { out.append(s) }
            return out
        default:
            throw VMFailure(error: RuntimeError("internal error: a resource name is not a str or a list", position: position))
        }
    }

    private func declare(kindIndex: Int, slots: [Value], entries: [ResourceEntrySpec], position: String,
                         into resources: inout [ResourceID: ResourceDeclaration], edges: inout [PendingEdge]) throws(VMFailure) {
        guard !slots.isEmpty else { return }
        let kind = program.kinds[kindIndex].kind
        let resourceNames = try names(slots[0], position)
        var params: [String: Value] = [:]
        var metas: [String: Value] = [:]
        var bodyEdges: [(EdgeProperty, String, [String])] = []
        var slot = 1
        for entry in entries {
            var enabled = true
            if entry.hasCondition {
                guard slot < slots.count, case .bool(let c) = slots[slot] else { throw malformed(position) }
                enabled = c
                slot += 1
            }
            guard slot < slots.count else { throw malformed(position) }
            let value = slots[slot]
            slot += 1
            guard enabled else { continue }
            switch entry.kind {
            case .param: params[entry.name] = value
            case .meta:
                if metas[entry.name] != nil {
                    throw VMFailure(error: RuntimeError("resource has duplicate meta entry of: \(entry.name)", position: position))
                }
                metas[entry.name] = value
            case .metaStruct:
                guard case .struct(let s) = value else { throw malformed(position) }
                for (name, v) in zip(s.names, s.values) {
                    if metas[name] != nil {
                        throw VMFailure(error: RuntimeError("resource has duplicate meta entry of: \(name)", position: position))
                    }
                    metas[name] = v
                }
            case .edge:
                guard let property = EdgeProperty(rawValue: entry.name), let target = entry.targetKind else { throw malformed(position) }
                bodyEdges.append((property, target, try names(value, position)))
            }
        }
        guard !resourceNames.isEmpty else { return }
        guard let descriptor = kindDescriptors[kindIndex] else {
            throw VMFailure(error: RuntimeError("error building resource: cannot create resource kind `\(kind)` with name `\(resourceNames[0])`: no resource kind `\(kind)` available", position: position))
        }
        for name in resourceNames {
            let id = ResourceID(kind: kind, name: name)
            let declaration = ResourceDeclaration(id: id, params: params, metaparams: metas, position: position)
            if let existing = resources[id] {
                if let difference = Self.difference(existing, declaration, descriptor) {
                    throw VMFailure(error: RuntimeError("inequivalent duplicate resource `\(id)` found: \(difference)", position: position))
                }
                continue
            }
            resources[id] = declaration
            for (property, targetKind, targets) in bodyEdges {
                for target in targets {
                    let other = ResourceID(kind: targetKind, name: target)
                    let away = property == .before || property == .notify
                    edges.append(PendingEdge(from: away ? id : other, to: away ? other : id,
                                             notify: property == .notify || property == .listen, position: position))
                }
            }
        }
    }

    private func malformed(_ position: String) -> VMFailure {
        VMFailure(error: RuntimeError("internal error: a resource's values do not match its entries", position: position))
    }

    /// Why two declarations of one resource differ (upstream's `the X differs`, X the Go
    /// field name), or nil when they are the same resource.
    static func difference(_ a: ResourceDeclaration, _ b: ResourceDeclaration, _ kind: ResourceKindDescriptor) -> String? {
        for param in kind.params where a.params[param.name] != b.params[param.name] {
            return "the \(param.goField) differs"
        }
        for name in Set(a.params.keys).union(b.params.keys).sorted() where a.params[name] != b.params[name] {
            return "the \(name) differs"
        }
        for name in Set(a.metaparams.keys).union(b.metaparams.keys).sorted() where a.metaparams[name] != b.metaparams[name] {
            return "the metaparam \(name) differs"
        }
        return nil
    }

    /// Checks every edge's ends exist, rejects two senders into one param, merges repeated
    /// edges (notify OR-ed), and sorts them.
    private func resolve(_ pending: [PendingEdge], _ resources: [ResourceID: ResourceDeclaration]) throws(VMFailure) -> [EdgeDeclaration] {
        var merged: [String: EdgeDeclaration] = [:]
        var receivers: [String: ResourceID] = [:]
        for edge in pending {
            for end in [edge.from, edge.to] where resources[end] == nil {
                throw VMFailure(error: RuntimeError("edge cannot find resource kind: \(end.kind) named: `\(end.name)`", position: edge.position))
            }
            if let recv = edge.recvKey {
                let key = "\(edge.to)\u{0}\(recv)"
                if let sender = receivers[key], sender != edge.from {
                    throw VMFailure(error: RuntimeError("resource: `\(edge.to)` has duplicate receive on: `\(recv)` param", position: edge.position))
                }
                receivers[key] = edge.from
            }
            let key = "\(edge.from)\u{0}\(edge.to)\u{0}\(edge.sendKey ?? "")\u{0}\(edge.recvKey ?? "")"
            if var existing = merged[key] {
                existing.notify = existing.notify || edge.notify
                merged[key] = existing
            } else {
                merged[key] = EdgeDeclaration(from: edge.from, to: edge.to, notify: edge.notify, sendKey: edge.sendKey, recvKey: edge.recvKey)
            }
        }
        return merged.values.sorted { ($0.from, $0.to, $0.sendKey ?? "", $0.recvKey ?? "") < ($1.from, $1.to, $1.sendKey ?? "", $1.recvKey ?? "") }
    }
}

/// The edge properties of a resource body.
enum EdgeProperty: String {
    case before, depend, notify, listen
}
