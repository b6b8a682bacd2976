/// Emitting one template: its nodes in value order, with bodies, heights and spans.
extension Codegen {
    /// `captured` holds the indices of the template's values other templates capture.
    static func emit(_ template: IRTemplate, captured: Set<Int>, into program: inout Program, tables: inout Tables) {
        let values = template.values
        let root = roots(of: template, captured: captured)
        let firstNode = program.nodes.count
        var nodeOf: [Int: Int] = [:]  // root value → template-relative node index
        func ref(_ r: IRRef) -> NodeRef {
            switch r {
            case .param(let p): return .param(p)
            case .value(let v): return .node(nodeOf[v]!)
            }
        }
        for i in values.indices where root[i] {
            let value = values[i]
            var inputs: [NodeRef] = []
            var body: Body?
            let kind: NodeKind
            switch value.op {
            case .source(let name, let signature):
                kind = .source(builtin: tables.builtin(name, signature))
                inputs = value.args.map(ref)
            case .branch(let then, let otherwise):
                kind = .branch(then: then, otherwise: otherwise, arguments: value.args.dropFirst().map(ref))
                inputs = [ref(value.args[0])]
            case .loop(let t, let keyValue):
                kind = .loop(template: t, keyValue: keyValue, arguments: value.args.dropFirst().map(ref))
                inputs = [ref(value.args[0])]
            case .lazyExcept(let t):
                kind = .except(template: t, arguments: value.args.dropFirst().map(ref))
                inputs = [ref(value.args[0])]
            case .apply:
                kind = .apply
                inputs = value.args.map(ref)
            case .iterate(let operation):
                kind = .iterate(operation)
                inputs = value.args.map(ref)
            case .join:
                kind = .join
                inputs = value.args.map(ref)
            case .resource(let kindName, let collect, let entries):
                var params: [(String, MclType)] = []
                var slot = 1
                for entry in entries {
                    if entry.hasCondition { slot += 1 }
                    if entry.kind == .param, case .value(let v) = value.args[slot], let type = values[v].type { params.append((entry.name, type)) }
                    if entry.kind == .param, case .param = value.args[slot] {
                        params.append((entry.name, template.paramType(value.args[slot]) ?? .variant))
                    }
                    slot += 1
                }
                kind = .resource(kind: tables.kind(kindName, params: params), collect: collect, entries: entries)
                (body, inputs) = emitBody(listOf: value.args, i, template, root, into: &program, tables: &tables, ref: ref)
            case .edge(let halves):
                kind = .edge(halves: halves)
                (body, inputs) = emitBody(listOf: value.args, i, template, root, into: &program, tables: &tables, ref: ref)
            case .assert:
                kind = .assert
                (body, inputs) = emitBody(value: value.args[0], i, template, root, into: &program, tables: &tables, ref: ref)
            default:
                kind = .compute
                (body, inputs) = emitBody(value: .value(i), i, template, root, into: &program, tables: &tables, ref: ref)
            }
            var height = 0
            for input in inputs where !input.isParam { height = max(height, program.nodes[firstNode + input.index].height) }
            nodeOf[i] = program.nodes.count - firstNode
            program.nodes.append(NodeSpec(kind: kind, height: height + 1, span: value.span,
                                          type: value.type.map { tables.type($0) }, inputs: inputs, body: body))
        }
        let nodes = program.nodes[firstNode...]
        program.templates.append(Template(paramCount: template.paramCount, firstNode: firstNode, nodeCount: nodes.count,
                                          result: template.result.map(ref), maxHeight: nodes.map(\.height).max() ?? 0,
                                          functionType: template.functionType.map { tables.type($0) }))
    }

    /// A body computing `value` (a root computed here, or a fused tree).
    private static func emitBody(value: IRRef, _ node: Int, _ template: IRTemplate, _ root: [Bool], into program: inout Program,
                                 tables: inout Tables, ref: (IRRef) -> NodeRef) -> (Body, [NodeRef]) {
        var emitter = BodyEmitter(values: template.values, root: root, self: node, tables: tables)
        let result = emitter.emit(value)
        emitter.append(Instruction.abc(.return, result, 0, 0))
        tables = emitter.tables
        return emitter.finish(into: &program, ref: ref)
    }

    /// A body returning the list of `args` (a resource's or an edge's slots).
    private static func emitBody(listOf args: [IRRef], _ node: Int, _ template: IRTemplate, _ root: [Bool], into program: inout Program,
                                 tables: inout Tables, ref: (IRRef) -> NodeRef) -> (Body, [NodeRef]) {
        var emitter = BodyEmitter(values: template.values, root: root, self: node, tables: tables)
        let registers = args.map { emitter.emit($0) }
        let list = emitter.block(registers)
        let result = emitter.newRegister()
        emitter.append(Instruction.abc(.makeList, result, list, registers.count))
        emitter.append(Instruction.abc(.return, result, 0, 0))
        tables = emitter.tables
        return emitter.finish(into: &program, ref: ref)
    }
}

extension IRTemplate {
    /// The type of a parameter reference (fixed params only; captures take the captured value's type).
    func paramType(_ ref: IRRef) -> MclType? {
        guard case .param(let p) = ref else { return nil }
        if p < fixedParams.count { return fixedParams[p] }
        let captured = captures.values[p - fixedParams.count]
        switch captured.ref {
        case .value(let v): return captured.template.values[v].type
        case .param: return captured.template.paramType(captured.ref)
        }
    }
}
