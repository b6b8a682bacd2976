/// `iter.map`, `filter`, `reduce` and `zip`: one application of the function value per
/// element, each with an element extractor as its argument, gathered by a collector node.
/// The children are rebuilt when the function or the number of elements changes; a changed
/// element only flows through its own application.
extension VirtualMachine {
    func recomputeIterate(_ node: Int32, _ nodeSpec: NodeSpec, _ operation: IterateOperation) throws(VMFailure) {
        let count = nodeSpec.inputs.count
        // Inputs: map/filter (list, f); reduce (list, f) or (initial, list, f); zip (list1, list2, f).
        let functionIndex = count - 1
        var lists: [Int32] = []
        var initial: Int32?
        switch operation {
        case .map, .filter: lists = [input(node, 0)]
        case .zip: lists = [input(node, 0), input(node, 1)]
        case .reduce:
            if count == 3 { initial = input(node, 0); lists = [input(node, 1)] } else { lists = [input(node, 0)] }
        }
        var lengths: [Int] = []
        for list in lists {
            switch values[Int(list)] {
            case .pending: return
            case .error(let e): return fail(node, e)
            case .value(.list(let items)): lengths.append(items.count)
            case .value: throw internalError("iterating over a value that is not a list", node)
            }
        }
        let callee: Value
        switch values[Int(input(node, functionIndex))] {
        case .pending: return
        case .error(let e): return fail(node, e)
        case .value(let v): callee = v
        }
        guard case .function(let function) = callee, function.template < program.templates.count,
              program.templates[function.template].result != nil else { throw internalError("iterating with a value that is not a function", node) }
        let length = lengths.min() ?? 0
        let shape = Value.list([.int(Int64(length)), callee])
        if children[node]?.shape == shape, values[Int(node)] == .value(shape) { return }
        releaseChildren(of: node)
        let arity = operation == .reduce || operation == .zip ? 2 : 1
        guard program.templates[function.template].paramCount == arity + function.captures.count else {
            throw internalError("function value does not fit `iter`", node)
        }
        if operation == .reduce, initial == nil, length == 0 {
            throw VMFailure(error: RuntimeError("cannot reduce an empty list without an initial value", position: position(ofNode: node)))
        }
        var owned = Children(shape: shape)
        let base = max(lists.map { height[Int($0)] }.max() ?? 0, height[Int(node)]) + 1
        let captures = function.captures.map { makeSynthetic(.constant, value: .value($0), height: height[Int(node)]) }
        owned.synthetic += captures
        func element(_ list: Int, _ i: Int) -> Int32 {
            let e = makeSynthetic(.element(source: lists[list], index: i, key: nil), value: .pending, height: base)
            owned.synthetic.append(e)
            return e
        }
        // Checked only when something is instantiated: an empty iteration at the depth limit is fine.
        let applications = operation == .reduce && initial == nil ? length - 1 : length
        let childDepth = try applications > 0 ? depth(of: node) : 0
        func apply(_ params: [Int32]) throws(VMFailure) -> Int32 {
            let instance = instantiate(template: function.template, params: params + captures, base: base, depth: childDepth)
            owned.instances.append(instance)
            return resolve(program.templates[function.template].result!, in: instances[Int(instance)])
        }
        var collected: [Int32] = []
        switch operation {
        case .map:
            for i in 0..<length { collected.append(try apply([element(0, i)])) }
        case .filter:
            for i in 0..<length {
                let e = element(0, i)
                collected += [e, try apply([e])]
            }
        case .zip:
            for i in 0..<length { collected.append(try apply([element(0, i), element(1, i)])) }
        case .reduce:
            var accumulator = initial ?? element(0, 0)
            for i in (initial == nil ? 1 : 0)..<length { accumulator = try apply([accumulator, element(0, i)]) }
            collected = [accumulator]
        }
        let collectorHeight = (collected.map { height[Int($0)] }.max() ?? base) + 1
        let collector = makeSynthetic(.collector(of: node, inputs: collected), value: .pending, height: collectorHeight)
        owned.synthetic.append(collector)
        owned.result = collector
        children[node] = owned
        attachJoins(node, result: collector)
        setValue(node, .value(shape))
    }

    private func fail(_ node: Int32, _ error: RuntimeError) {
        releaseChildren(of: node)
        setValue(node, .error(error))
    }

    /// Element extractors and collectors.
    func recomputeSynthetic(_ node: Int32) {
        switch synthetic[node] {
        case .element(let source, let index, let key)?:
            switch values[Int(source)] {
            case .value(.list(let items)) where index < items.count: setValue(node, .value(items[index]))
            case .value(.map(let map)): setValue(node, map[key ?? .int(Int64(index))].map { .value($0) } ?? .pending)
            case .error(let e): setValue(node, .error(e))
            default: break  // the structure rebuilds its children before this matters
            }
        case .collector(let owner, let inputs)?:
            var items: [Value] = []
            for input in inputs {
                switch values[Int(input)] {
                case .pending: return setValue(node, .pending)
                case .error(let e): return setValue(node, .error(e))
                case .value(let v): items.append(v)
                }
            }
            guard case .iterate(let operation) = program.nodes[Int(spec[Int(owner)])].kind else { return }
            switch operation {
            case .map, .zip: setValue(node, .value(.list(items)))
            case .reduce: setValue(node, .value(items[0]))
            case .filter:
                var kept: [Value] = []
                for i in stride(from: 0, to: items.count, by: 2) where items[i + 1] == .bool(true) { kept.append(items[i]) }
                setValue(node, .value(.list(kept)))
            }
        default:
            break
        }
    }
}
