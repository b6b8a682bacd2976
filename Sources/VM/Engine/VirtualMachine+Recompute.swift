/// Recomputing one node, by kind. Structure nodes (branch, loop, apply, except, iterate)
/// create and release child instances; their joins read the current child's result.
extension VirtualMachine {
    func recompute(_ node: Int32) throws(VMFailure) {
        let s = spec[Int(node)]
        guard s >= 0 else { return recomputeSynthetic(node) }
        let nodeSpec = program.nodes[Int(s)]
        switch nodeSpec.kind {
        case .compute:
            setValue(node, try runBody(node, nodeSpec))
        case .resource, .edge, .assert:
            // A statement consumes the value: an uncaught error here fails the program.
            let result = try runBody(node, nodeSpec)
            if case .error(let e) = result { throw VMFailure(error: e) }
            setValue(node, result)
        case .source(let builtin):
            try recomputeSource(node, nodeSpec, builtin: builtin)
        case .branch(let then, let otherwise, let arguments):
            try recomputeBranch(node, then: then, otherwise: otherwise, arguments: arguments)
        case .loop(let template, let keyValue, let arguments):
            try recomputeLoop(node, template: template, keyValue: keyValue, arguments: arguments)
        case .apply:
            try recomputeApply(node, nodeSpec)
        case .except(let template, let arguments):
            try recomputeExcept(node, template: template, arguments: arguments)
        case .iterate(let operation):
            try recomputeIterate(node, nodeSpec, operation)
        case .join:
            recomputeJoin(node)
        }
    }

    /// The values of a node's inputs: nil while one is pending; the first error if one failed.
    private func inputValues(_ node: Int32, count: Int) -> Result<[Value], RuntimeError>? {
        var out: [Value] = []
        for i in 0..<count {
            switch values[Int(input(node, i))] {
            case .pending: return nil
            case .error(let e): return .failure(e)
            case .value(let v): out.append(v)
            }
        }
        return .success(out)
    }

    private func recomputeSource(_ node: Int32, _ nodeSpec: NodeSpec, builtin: Int) throws(VMFailure) {
        guard let inputs = inputValues(node, count: nodeSpec.inputs.count) else { return }
        let args: [Value]
        switch inputs {
        case .failure(let e): return setValue(node, .error(e))
        case .success(let a): args = a
        }
        if let running = streams[node] {
            if running.arguments == args { return }
            if running.handle?.update(args) == true {
                streams[node]?.arguments = args
                return
            }
        }
        streams.removeValue(forKey: node)?.handle?.stop()
        nextStreamGeneration += 1
        let generation = nextStreamGeneration
        switch bindings[builtin] {
        case .stream(let start):
            let events = self.events
            let sink = StreamSink { result in events.push(.init(node: node, generation: generation, result: result)) }
            streams[node] = RunningStream(generation: generation, arguments: args, handle: nil)
            do {
                streams[node]?.handle = try start(args, sink)
            } catch {
                try sourceFailed(node, error)
            }
        case .function(let body):
            // A host may implement a stream kind as a one-shot function.
            streams[node] = RunningStream(generation: generation, arguments: args, handle: nil)
            do {
                setValue(node, .value(try body(args)))
            } catch {
                try sourceFailed(node, error)
            }
        case .unimplemented:
            throw VMFailure(error: RuntimeError("builtin `\(program.builtins[builtin].name)` is not implemented yet",
                                                position: position(ofNode: node)))
        }
    }

    /// A source's builtin failed: a catchable error becomes its value, any other stops the program.
    private func sourceFailed(_ node: Int32, _ error: RuntimeError) throws(VMFailure) {
        let e = withPosition(error, node)
        guard e.catchable else { throw VMFailure(error: e) }
        setValue(node, .error(e))
    }

    func withPosition(_ error: RuntimeError, _ node: Int32) -> RuntimeError {
        var e = error
        if e.position == nil { e.position = position(ofNode: node) }
        return e
    }

    /// The template arguments of a structure node, as runtime nodes of its instance.
    private func argumentNodes(_ node: Int32, _ arguments: [NodeRef]) -> [Int32] {
        let instance = instances[Int(instanceOf[Int(node)])]
        return arguments.map { resolve($0, in: instance) }
    }

    func depth(of node: Int32) throws(VMFailure) -> Int {
        let d = instances[Int(instanceOf[Int(node)])].depth + 1
        guard d <= Self.maximumDepth else {
            throw VMFailure(error: RuntimeError("instantiation nested more than \(Self.maximumDepth) deep", position: position(ofNode: node)))
        }
        return d
    }

    /// Points the joins of `structure` at `result` (raising them above it) and queues them.
    func attachJoins(_ structure: Int32, result: Int32?) {
        guard let result else { return queueJoins(structure) }
        let first = instances[Int(instanceOf[Int(structure)])].firstNode
        for local in staticConsumers[Int(spec[Int(structure)])] {
            let join = first + local
            guard case .join = program.nodes[Int(spec[Int(join)])].kind else { continue }
            externalDependents[Int(result)].append(join)
            children[structure]?.links.append((result, join))
            raiseHeight(join, atLeast: height[Int(result)] + 1)
            queue.add(join, height: height[Int(join)])
        }
    }

    private func queueJoins(_ structure: Int32) {
        forEachDependent(of: structure) { queue.add($0, height: height[Int($0)]) }
    }

    /// Instantiates one child template under `structure` and records it as its result.
    private func instantiateChild(_ structure: Int32, template: Int, params: [Int32], shape: Value?, base: Int32) throws(VMFailure) {
        let instance = instantiate(template: template, params: params, base: base, depth: try depth(of: structure))
        let result = program.templates[template].result.map { resolve($0, in: instances[Int(instance)]) }
        children[structure, default: Children()].instances.append(instance)
        children[structure]?.shape = shape
        children[structure]?.result = result
        attachJoins(structure, result: result)
    }

    private func recomputeBranch(_ node: Int32, then: Int, otherwise: Int?, arguments: [NodeRef]) throws(VMFailure) {
        let isStatement = program.templates[then].result == nil
        switch values[Int(input(node, 0))] {
        case .pending: return
        case .error(let e):
            if isStatement { throw VMFailure(error: e) }  // an if statement's condition is a sink
            releaseChildren(of: node)
            setValue(node, .error(e))
            queueJoins(node)
        case .value(let condition):
            guard case .bool(let chosen) = condition else { throw internalError("branch condition is not a bool", node) }
            if children[node]?.shape == condition, values[Int(node)] == .value(condition) { return }
            releaseChildren(of: node)
            if let template = chosen ? then : otherwise {
                try instantiateChild(node, template: template, params: argumentNodes(node, arguments), shape: condition, base: height[Int(node)])
            } else {
                children[node] = Children(shape: condition)
            }
            setValue(node, .value(condition))
            queueJoins(node)
        }
    }

    private func recomputeLoop(_ node: Int32, template: Int, keyValue: Bool, arguments: [NodeRef]) throws(VMFailure) {
        let collectionNode = input(node, 0)
        switch values[Int(collectionNode)] {
        case .pending: return
        case .error(let e): throw VMFailure(error: e)  // a loop's collection is a sink
        case .value(let collection):
            let keys: [Value]
            switch collection {
            case .list(let items): keys = (0..<items.count).map { .int(Int64($0)) }
            case .map(let map): keys = map.keys
            default: throw internalError("loop over a value that is not a list or map", node)
            }
            let shape = Value.list(keys)
            if children[node]?.shape == shape { return }
            releaseChildren(of: node)
            var owned = Children(shape: shape)
            let args = argumentNodes(node, arguments)
            let elementHeight = max(height[Int(collectionNode)], height[Int(node)]) + 1
            let childDepth = try keys.isEmpty ? 0 : depth(of: node)
            for (i, key) in keys.enumerated() {
                let first = makeSynthetic(.constant, value: .value(key), height: height[Int(node)])
                let element = makeSynthetic(.element(source: collectionNode, index: i, key: keyValue ? key : nil),
                                            value: .pending, height: elementHeight)
                owned.synthetic += [first, element]
                let instance = instantiate(template: template, params: [first, element] + args, base: elementHeight, depth: childDepth)
                owned.instances.append(instance)
            }
            children[node] = owned
            setValue(node, .value(shape))
        }
    }

    private func recomputeApply(_ node: Int32, _ nodeSpec: NodeSpec) throws(VMFailure) {
        switch values[Int(input(node, 0))] {
        case .pending: return
        case .error(let e):
            releaseChildren(of: node)
            setValue(node, .error(e))
            queueJoins(node)
        case .value(let callee):
            guard case .function(let function) = callee else { throw internalError("applying a value that is not a function", node) }
            if children[node]?.shape == callee { return }
            let argumentCount = nodeSpec.inputs.count - 1
            guard function.template < program.templates.count,
                  program.templates[function.template].paramCount == argumentCount + function.captures.count,
                  program.templates[function.template].result != nil else {
                throw internalError("function value does not fit its call", node)
            }
            releaseChildren(of: node)
            let captures = function.captures.map { makeSynthetic(.constant, value: .value($0), height: height[Int(node)]) }
            let args = (0..<argumentCount).map { input(node, $0 + 1) }
            try instantiateChild(node, template: function.template, params: args + captures, shape: callee, base: height[Int(node)])
            children[node]?.synthetic += captures
            setValue(node, .value(callee))
            queueJoins(node)
        }
    }

    private func recomputeExcept(_ node: Int32, template: Int, arguments: [NodeRef]) throws(VMFailure) {
        let guarded = values[Int(input(node, 0))]
        if case .error = guarded {
            if children[node] == nil {
                let instance = instantiate(template: template, params: argumentNodes(node, arguments),
                                           base: height[Int(node)], depth: try depth(of: node))
                let result = resolve(program.templates[template].result!, in: instances[Int(instance)])
                children[node] = Children(instances: [instance], result: result)
                attachJoins(node, result: result)
            }
        } else {
            releaseChildren(of: node)
        }
        setValue(node, guarded)
        queueJoins(node)
    }

    private func recomputeJoin(_ node: Int32) {
        let structure = input(node, 0)
        let own = values[Int(structure)]
        var result: NodeValue
        switch program.nodes[Int(spec[Int(structure)])].kind {
        case .except:
            if case .error = own {
                result = children[structure]?.result.map { values[Int($0)] } ?? .pending
            } else {
                result = own
            }
        default:
            switch own {
            case .pending: result = .pending
            case .error: result = own
            case .value: result = children[structure]?.result.map { values[Int($0)] } ?? .pending
            }
        }
        setValue(node, result)
    }

    func internalError(_ message: String, _ node: Int32) -> VMFailure {
        VMFailure(error: RuntimeError("internal error: \(message)", position: position(ofNode: node)))
    }
}
