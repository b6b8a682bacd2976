/// The readable listing of a program (`mgmtc disasm`): templates, their nodes, and each
/// body's instructions with operands decoded, one per line.
public enum Disassembler {
    public static func listing(_ program: Program) -> String {
        var out = ""
        for (t, template) in program.templates.enumerated() {
            out += "template \(t): params \(template.paramCount), nodes \(template.nodeCount)"
            if let result = template.result { out += ", result \(ref(result))" }
            if let type = template.functionType { out += ", type \(program.types[type])" }
            out += "\n"
            for local in 0..<template.nodeCount {
                out += node(program, template.firstNode + local, local: local)
            }
        }
        return out
    }

    static func ref(_ r: NodeRef) -> String { r.isParam ? "p\(r.index)" : "n\(r.index)" }

    private static func node(_ program: Program, _ n: Int, local: Int) -> String {
        let node = program.nodes[n]
        var line = "  n\(local) h\(node.height) \(kind(node.kind, program))"
        if !node.inputs.isEmpty { line += " (" + node.inputs.map(ref).joined(separator: ", ") + ")" }
        if let type = node.type { line += " : \(program.types[type])" }
        var out = line + "\n"
        if let body = node.body {
            var pc = 0
            while pc < body.wordCount {
                let word = program.code[body.firstWord + pc]
                let text = instruction(word, pc: pc, body: body, program)
                out += "      \(pc): \(text)\n"
                pc += Opcode(rawValue: Instruction.opcodeByte(word))?.hasExtraWord == true ? 2 : 1
            }
            for handler in program.handlers[body.firstHandler..<body.firstHandler + body.handlerCount] {
                out += "      handler \(handler.from)..<\(handler.to) -> \(handler.target)\n"
            }
        }
        return out
    }

    private static func kind(_ kind: NodeKind, _ program: Program) -> String {
        switch kind {
        case .compute: "compute"
        case .source(let b): "source \(program.builtins[b].name)"
        case .branch(let then, let otherwise, let args): "branch then t\(then)" + (otherwise.map { " else t\($0)" } ?? "") + " args [\(args.map(ref).joined(separator: ", "))]"
        case .loop(let t, let keyValue, let args): "\(keyValue ? "forkv" : "for") t\(t) args [\(args.map(ref).joined(separator: ", "))]"
        case .apply: "apply"
        case .except(let t, let args): "except t\(t) args [\(args.map(ref).joined(separator: ", "))]"
        case .join: "join"
        case .resource(let k, let collect, let entries):
            "\(collect ? "collect " : "")resource \(program.kinds[k].kind) [" + entries.map { ($0.hasCondition ? "?" : "") + $0.name }.joined(separator: " ") + "]"
        case .edge(let halves): "edge " + halves.map { $0.kind + ($0.field.map { ".\($0)" } ?? "") }.joined(separator: " -> ")
        case .iterate(let op): "iterate \(op)"
        case .assert: "assert"
        }
    }

    private static func instruction(_ word: UInt32, pc: Int, body: Body, _ program: Program) -> String {
        guard let op = Opcode(rawValue: Instruction.opcodeByte(word)) else { return "??? \(word)" }
        let a = Instruction.a(word), b = Instruction.b(word), c = Instruction.c(word)
        let extra = op.hasExtraWord ? Instruction.ax(program.code[body.firstWord + pc + 1]) : 0
        switch op {
        case .loadConst: return "loadConst r\(a), k\(Instruction.bx(word))  ; \(program.constants[Instruction.bx(word)])"
        case .loadInput: return "loadInput r\(a), i\(Instruction.bx(word))"
        case .move, .not: return "\(op) r\(a), r\(b)"
        case .field: return "field r\(a), r\(b), \(c)"
        case .concat, .makeList, .makeMap: return "\(op) r\(a), r\(b), \(c)"
        case .makeStruct: return "makeStruct r\(a), r\(b), \(c)  ; \(program.types[extra])"
        case .callBuiltin: return "callBuiltin r\(a), r\(b), \(c)  ; \(program.builtins[extra].name)"
        case .closure: return "closure r\(a), r\(b), \(c)  ; t\(extra)"
        case .jump: return "jump \(pc + 1 + Instruction.sbx(word))"
        case .jumpIfFalse: return "jumpIfFalse r\(a), \(pc + 1 + Instruction.sbx(word))"
        case .return: return "return r\(a)"
        default: return "\(op) r\(a), r\(b), r\(c)"
        }
    }
}
