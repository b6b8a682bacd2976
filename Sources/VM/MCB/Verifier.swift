/// Checks a `Program` before anything runs: every index in range, every body well formed
/// (valid opcodes and operands, forward jumps to instruction boundaries, a final `return`),
/// inputs in topological order, heights consistent, no template that instantiates itself,
/// and every import known to the host. A program that passes cannot make the VM trap; a
/// value of an unexpected type at run time is an internal error, not a crash.
public enum Verifier {
    public static func verify(_ program: Program) throws(LoadError) {
        guard !program.templates.isEmpty, program.templates[0].paramCount == 0 else {
            throw LoadError("invalid program: template 0 must exist and take no parameters")
        }
        var owner = [Int](repeating: -1, count: program.nodes.count)
        for (t, template) in program.templates.enumerated() {
            guard template.firstNode >= 0, template.nodeCount >= 0, template.firstNode <= program.nodes.count,
                  template.nodeCount <= program.nodes.count - template.firstNode else {
                throw LoadError("template \(t): node range out of bounds")
            }
            for n in template.firstNode..<template.firstNode + template.nodeCount {
                guard owner[n] == -1 else { throw LoadError("node \(n) belongs to two templates") }
                owner[n] = t
            }
            if let result = template.result { try checkRef(result, in: template, before: template.nodeCount, "template \(t) result") }
        }
        guard !owner.contains(-1) else { throw LoadError("a node belongs to no template") }
        for (i, entry) in program.instructionSpans.enumerated() {
            guard entry.word >= 0, entry.word < max(1, program.code.count), entry.span < program.spans.count,
                  i == 0 || program.instructionSpans[i - 1].word <= entry.word else {
                throw LoadError("instruction span \(i) is invalid")
            }
        }
        for (t, template) in program.templates.enumerated() {
            for local in 0..<template.nodeCount {
                try verifyNode(template.firstNode + local, local: local, template: t, program)
            }
        }
        try checkTemplatesAcyclic(program)
    }

    private static func checkRef(_ ref: NodeRef, in template: Template, before limit: Int, _ what: String) throws(LoadError) {
        if ref.isParam {
            guard ref.index < template.paramCount else { throw LoadError("\(what): parameter \(ref.index) out of range") }
        } else {
            guard ref.index < limit else { throw LoadError("\(what): node \(ref.index) out of range or not earlier") }
        }
    }

    private static func verifyNode(_ n: Int, local: Int, template t: Int, _ program: Program) throws(LoadError) {
        let node = program.nodes[n]
        let template = program.templates[t]
        let what = "node \(n)"
        guard node.span < program.spans.count else { throw LoadError("\(what): span out of range") }
        if let type = node.type, type >= program.types.count { throw LoadError("\(what): type out of range") }
        var height = 0
        for ref in node.inputs {
            try checkRef(ref, in: template, before: local, what)
            if !ref.isParam { height = max(height, program.nodes[template.firstNode + ref.index].height) }
        }
        guard node.height == height + 1 else { throw LoadError("\(what): height \(node.height) should be \(height + 1)") }
        func targetTemplate(_ index: Int, fixedParams: Int, arguments: [NodeRef]) throws(LoadError) {
            guard index < program.templates.count, index != t else { throw LoadError("\(what): template \(index) invalid") }
            for ref in arguments { try checkRef(ref, in: template, before: local, what) }
            guard program.templates[index].paramCount == fixedParams + arguments.count else {
                throw LoadError("\(what): template \(index) takes \(program.templates[index].paramCount) parameters, given \(fixedParams + arguments.count)")
            }
        }
        switch node.kind {
        case .compute, .assert, .resource, .edge:
            guard node.body != nil else { throw LoadError("\(what): needs a body") }
        case .source(let builtin):
            guard builtin < program.builtins.count else { throw LoadError("\(what): builtin out of range") }
        case .branch(let then, let otherwise, let arguments):
            guard !node.inputs.isEmpty else { throw LoadError("\(what): branch without condition") }
            try targetTemplate(then, fixedParams: 0, arguments: arguments)
            if let otherwise { try targetTemplate(otherwise, fixedParams: 0, arguments: arguments) }
        case .loop(let body, _, let arguments):
            guard node.inputs.count == 1 else { throw LoadError("\(what): loop needs one input") }
            try targetTemplate(body, fixedParams: 2, arguments: arguments)
        case .except(let fallback, let arguments):
            guard node.inputs.count == 1 else { throw LoadError("\(what): except needs one input") }
            try targetTemplate(fallback, fixedParams: 0, arguments: arguments)
            guard program.templates[fallback].result != nil else { throw LoadError("\(what): fallback has no result") }
        case .apply:
            guard !node.inputs.isEmpty else { throw LoadError("\(what): apply without function") }
        case .iterate(let operation):
            let counts: [Int] = switch operation {
            case .map, .filter: [2]
            case .reduce: [2, 3]
            case .zip: [3]
            }
            guard counts.contains(node.inputs.count) else { throw LoadError("\(what): wrong number of inputs") }
        case .join:
            guard node.inputs.count == 1, !node.inputs[0].isParam else { throw LoadError("\(what): join needs one node input") }
            switch program.nodes[template.firstNode + node.inputs[0].index].kind {
            case .branch, .apply, .except, .iterate: break
            default: throw LoadError("\(what): join of a node that has no result")
            }
        }
        if case .resource(let kind, _, _) = node.kind, kind >= program.kinds.count { throw LoadError("\(what): kind out of range") }
        if case .edge(let halves) = node.kind, halves.count < 2 { throw LoadError("\(what): edge with fewer than two halves") }
        if let body = node.body { try verifyBody(body, node: node, what: what, program) }
    }

    /// Decodes every instruction of a body and checks its operands.
    private static func verifyBody(_ body: Body, node: NodeSpec, what: String, _ program: Program) throws(LoadError) {
        guard body.firstWord >= 0, body.wordCount > 0, body.firstWord <= program.code.count,
              body.wordCount <= program.code.count - body.firstWord else { throw LoadError("\(what): code out of range") }
        guard body.registerCount > 0, body.registerCount <= 256 else { throw LoadError("\(what): bad register count") }
        guard body.firstHandler >= 0, body.handlerCount >= 0, body.firstHandler <= program.handlers.count,
              body.handlerCount <= program.handlers.count - body.firstHandler else { throw LoadError("\(what): handlers out of range") }
        var starts = Set<Int>()
        var jumps: [Int] = []
        var pc = 0
        var last: Opcode?
        while pc < body.wordCount {
            let word = program.code[body.firstWord + pc]
            guard let op = Opcode(rawValue: Instruction.opcodeByte(word)) else { throw LoadError("\(what): bad opcode at \(pc)") }
            starts.insert(pc)
            let a = Instruction.a(word), b = Instruction.b(word), c = Instruction.c(word)
            func register(_ r: Int) throws(LoadError) {
                guard r < body.registerCount else { throw LoadError("\(what): register \(r) out of range at \(pc)") }
            }
            func registerRange(_ from: Int, _ count: Int) throws(LoadError) {
                guard from + count <= body.registerCount else { throw LoadError("\(what): registers out of range at \(pc)") }
            }
            var extra: Int?
            if op.hasExtraWord {
                guard pc + 1 < body.wordCount else { throw LoadError("\(what): missing extra word at \(pc)") }
                extra = Instruction.ax(program.code[body.firstWord + pc + 1])
            }
            try register(a)
            switch op {
            case .loadConst:
                guard Instruction.bx(word) < program.constants.count else { throw LoadError("\(what): constant out of range at \(pc)") }
            case .loadInput:
                guard Instruction.bx(word) < node.inputs.count else { throw LoadError("\(what): input out of range at \(pc)") }
            case .move, .not:
                try register(b)
            case .addInt, .subInt, .mulInt, .divInt, .addFloat, .subFloat, .mulFloat, .divFloat, .equal, .notEqual,
                 .lessInt, .lessEqualInt, .lessFloat, .lessEqualFloat, .and, .or, .index, .contains:
                try register(b)
                try register(c)
            case .field:
                try register(b)
            case .concat, .makeList:
                try registerRange(b, c)
            case .makeMap:
                try registerRange(b, 2 * c)
            case .makeStruct:
                try registerRange(b, c)
                guard let type = extra, type < program.types.count, case .struct(let fields) = program.types[type], fields.count == c else {
                    throw LoadError("\(what): bad struct type at \(pc)")
                }
            case .callBuiltin:
                try registerRange(b, c)
                guard let builtin = extra, builtin < program.builtins.count else { throw LoadError("\(what): builtin out of range at \(pc)") }
            case .closure:
                try registerRange(b, c)
                guard let template = extra, template < program.templates.count else { throw LoadError("\(what): template out of range at \(pc)") }
            case .jump, .jumpIfFalse:
                let target = pc + 1 + Instruction.sbx(word)
                guard target > pc, target < body.wordCount else { throw LoadError("\(what): jump out of the body at \(pc)") }
                jumps.append(target)
            case .return:
                break
            }
            last = op
            pc += op.hasExtraWord ? 2 : 1
        }
        guard last == .return else { throw LoadError("\(what): body does not end with return") }
        for handler in program.handlers[body.firstHandler..<body.firstHandler + body.handlerCount] {
            guard handler.from >= 0, handler.from < handler.to, handler.to <= body.wordCount, handler.target >= handler.to,
                  handler.target < body.wordCount else { throw LoadError("\(what): bad handler") }
            jumps.append(handler.target)
        }
        for target in jumps where !starts.contains(target) { throw LoadError("\(what): jump into the middle of an instruction") }
    }

    /// Templates reachable from each template (branch, loop, except targets, `closure`
    /// instructions, function constants) must form a DAG: otherwise instantiation never ends.
    private static func checkTemplatesAcyclic(_ program: Program) throws(LoadError) {
        var edges = [[Int]](repeating: [], count: program.templates.count)
        func templates(in value: Value) -> [Int] {
            switch value {
            case .function(let f): return [f.template] + f.captures.flatMap(templates)
            case .list(let items): return items.flatMap(templates)
            case .map(let map): return map.values.flatMap(templates)
            case .struct(let s): return s.values.flatMap(templates)
            default: return []
            }
        }
        let constantTemplates = program.constants.map(templates)
        for t in constantTemplates.joined() where t >= program.templates.count { throw LoadError("function constant names template \(t)") }
        for (t, template) in program.templates.enumerated() {
            for node in program.nodes[template.firstNode..<template.firstNode + template.nodeCount] {
                switch node.kind {
                case .branch(let then, let otherwise, _): edges[t] += [then] + (otherwise.map { [$0] } ?? [])
                case .loop(let body, _, _): edges[t].append(body)
                case .except(let fallback, _): edges[t].append(fallback)
                default: break
                }
                guard let body = node.body else { continue }
                var pc = 0
                while pc < body.wordCount {
                    let word = program.code[body.firstWord + pc]
                    let op = Opcode(rawValue: Instruction.opcodeByte(word))!
                    if op == .closure { edges[t].append(Instruction.ax(program.code[body.firstWord + pc + 1])) }
                    if op == .loadConst { edges[t] += constantTemplates[Instruction.bx(word)] }
                    pc += op.hasExtraWord ? 2 : 1
                }
            }
        }
        var state = [UInt8](repeating: 0, count: program.templates.count)
        for start in 0..<program.templates.count where state[start] == 0 {
            var stack: [(Int, Int)] = [(start, 0)]
            state[start] = 1
            while let (t, i) = stack.last {
                if i < edges[t].count {
                    stack[stack.count - 1].1 += 1
                    let next = edges[t][i]
                    if state[next] == 1 { throw LoadError("template \(next) instantiates itself") }
                    if state[next] == 0 { state[next] = 1; stack.append((next, 0)) }
                } else {
                    state[t] = 2
                    stack.removeLast()
                }
            }
        }
    }
}
