/// Creating and releasing template instances and synthetic nodes; node heights.
extension VirtualMachine {
    /// Makes the per-node arrays hold ids below `n`.
    func grow(to n: Int) {
        guard spec.count < n else { return }
        let extra = n - spec.count
        spec += [Int32](repeating: -1, count: extra)
        instanceOf += [Int32](repeating: -1, count: extra)
        height += [Int32](repeating: 0, count: extra)
        values += [NodeValue](repeating: .pending, count: extra)
        live += [Bool](repeating: false, count: extra)
        isOutput += [Bool](repeating: false, count: extra)
        externalDependents += [[Int32]](repeating: [], count: extra)
        queue.grow(to: n)
    }

    /// A contiguous range of `count` ids for an instance of template `t` (a freed range of
    /// the same template when there is one).
    private func allocateRange(template t: Int32, count: Int) -> Int32 {
        if let first = freeRanges[t]?.popLast() { return first }
        let first = Int32(spec.count)
        grow(to: spec.count + count)
        return first
    }

    /// Creates an instance of template `t` whose parameters are bound to the nodes `params`;
    /// its nodes sit above `base` and above every parameter, and are queued for their first
    /// computation. Returns the instance id.
    @discardableResult
    func instantiate(template t: Int, params: [Int32], base: Int32, depth: Int) -> Int32 {
        let template = program.templates[t]
        let first = allocateRange(template: Int32(t), count: template.nodeCount)
        var floor = base
        for p in params { floor = max(floor, height[Int(p)]) }
        let instance = Instance(template: Int32(t), firstNode: first, params: params, depth: depth)
        let id: Int32
        if let reused = freeInstances.popLast() {
            id = reused
            instances[Int(id)] = instance
        } else {
            id = Int32(instances.count)
            instances.append(instance)
        }
        for local in 0..<template.nodeCount {
            let node = first + Int32(local)
            let s = template.firstNode + local
            spec[Int(node)] = Int32(s)
            instanceOf[Int(node)] = id
            height[Int(node)] = floor + Int32(program.nodes[s].height)
            values[Int(node)] = .pending
            live[Int(node)] = true
            pendingCount += 1
            for ref in program.nodes[s].inputs where ref.isParam {
                externalDependents[Int(params[ref.index])].append(node)
            }
            switch program.nodes[s].kind {
            case .resource, .edge, .assert:
                isOutput[Int(node)] = true
                outputsChanged = true
            default: break
            }
            queue.add(node, height: height[Int(node)])
        }
        return id
    }

    /// A node outside any template with a given value (or pending) and height.
    func makeSynthetic(_ kind: Synthetic, value: NodeValue, height h: Int32) -> Int32 {
        let node: Int32
        if let reused = freeSynthetic.popLast() {
            node = reused
        } else {
            node = Int32(spec.count)
            grow(to: spec.count + 1)
        }
        spec[Int(node)] = -1
        instanceOf[Int(node)] = -1
        height[Int(node)] = h
        values[Int(node)] = value
        live[Int(node)] = true
        if case .pending = value { pendingCount += 1 }
        synthetic[node] = kind
        switch kind {
        case .constant: break
        case .element(let source, _, _):
            externalDependents[Int(source)].append(node)
            queue.add(node, height: h)
        case .collector(_, let inputs):
            for input in inputs { externalDependents[Int(input)].append(node) }
            queue.add(node, height: h)
        }
        return node
    }

    /// Releases everything `structure` created: child instances (recursively) and synthetic
    /// nodes. Streams stop; outputs disappear; external registrations on surviving nodes go.
    func releaseChildren(of structure: Int32) {
        guard let owned = children.removeValue(forKey: structure) else { return }
        var dead = Set<Int32>()
        var touched = Set<Int32>()  // surviving nodes whose external dependents lists need filtering
        var links = owned.links
        for instance in owned.instances { release(instance: instance, dead: &dead, touched: &touched, links: &links) }
        for node in owned.synthetic { releaseSynthetic(node, dead: &dead, touched: &touched) }
        for (source, dependent) in links where !dead.contains(source) {
            externalDependents[Int(source)].removeAll { $0 == dependent }
        }
        for node in touched where !dead.contains(node) {
            externalDependents[Int(node)].removeAll { dead.contains($0) }
        }
    }

    private func release(instance id: Int32, dead: inout Set<Int32>, touched: inout Set<Int32>, links: inout [(Int32, Int32)]) {
        let instance = instances[Int(id)]
        let template = program.templates[Int(instance.template)]
        for local in 0..<template.nodeCount {
            let node = instance.firstNode + Int32(local)
            if let owned = children.removeValue(forKey: node) {
                links += owned.links
                for child in owned.instances { release(instance: child, dead: &dead, touched: &touched, links: &links) }
                for syn in owned.synthetic { releaseSynthetic(syn, dead: &dead, touched: &touched) }
            }
        }
        for local in 0..<template.nodeCount {
            let node = instance.firstNode + Int32(local)
            let s = template.firstNode + local
            for ref in program.nodes[s].inputs where ref.isParam { touched.insert(instance.params[ref.index]) }
            retire(node, dead: &dead)
        }
        freeRanges[instance.template, default: []].append(instance.firstNode)
        freeInstances.append(id)
    }

    private func releaseSynthetic(_ node: Int32, dead: inout Set<Int32>, touched: inout Set<Int32>) {
        switch synthetic.removeValue(forKey: node) {
        case .element(let source, _, _)?: touched.insert(source)
        case .collector(_, let inputs)?: touched.formUnion(inputs)
        default: break
        }
        retire(node, dead: &dead)
        freeSynthetic.append(node)
    }

    /// Takes a node out of service: stream stopped, dequeued, no longer an output.
    private func retire(_ node: Int32, dead: inout Set<Int32>) {
        dead.insert(node)
        if let stream = streams.removeValue(forKey: node) { stream.handle?.stop() }
        if isOutput[Int(node)] { outputsChanged = true }
        isOutput[Int(node)] = false
        queue.remove(node)
        if case .pending = values[Int(node)] { pendingCount -= 1 }
        values[Int(node)] = .pending
        live[Int(node)] = false
        externalDependents[Int(node)] = []
    }

    /// Raises `node` to at least height `h`, and its dependents above it, so that it is
    /// recomputed after everything it reads (joins and collectors gain inputs at run time).
    func raiseHeight(_ node: Int32, atLeast h: Int32) {
        var work: [(Int32, Int32)] = [(node, h)]
        while let (n, target) = work.popLast() {
            guard height[Int(n)] < target else { continue }
            height[Int(n)] = target
            if queue.contains(n) {
                queue.remove(n)
                queue.add(n, height: target)
            }
            forEachDependent(of: n) { work.append(($0, target + 1)) }
        }
    }

    /// The runtime node behind input `index` of template node `node`.
    @inline(__always)
    func input(_ node: Int32, _ index: Int) -> Int32 {
        let ref = program.nodes[Int(spec[Int(node)])].inputs[index]
        let instance = instances[Int(instanceOf[Int(node)])]
        return ref.isParam ? instance.params[ref.index] : instance.firstNode + Int32(ref.index)
    }

    /// The runtime node a template reference names inside instance `instance`.
    func resolve(_ ref: NodeRef, in instance: Instance) -> Int32 {
        ref.isParam ? instance.params[ref.index] : instance.firstNode + Int32(ref.index)
    }

    /// Checks the engine's invariants (debug test runs): every live template node is above
    /// its inputs, the pending count is right, the queue is consistent.
    public func checkInvariants() -> Bool {
        var pending = 0
        for node in 0..<spec.count where live[node] {
            if case .pending = values[node] { pending += 1 }
            let s = spec[node]
            guard s >= 0 else { continue }
            for i in program.nodes[Int(s)].inputs.indices {
                let source = input(Int32(node), i)
                if !live[Int(source)] || height[Int(source)] >= height[node] { return false }
            }
        }
        return pending == pendingCount && queue.checkInvariants()
    }
}
