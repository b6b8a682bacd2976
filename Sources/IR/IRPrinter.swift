/// The readable form of the IR (`mgmtc compile --emit=ir`):
///
///     template 0 (params 0):
///       %0 = constant "hello" : str                      /main.mcl @ 1:6-1:13
///       %1 = resource test entries[] (%0)                 /main.mcl @ 1:1-1:16   [output]
public enum IRPrinter {
    public static func print(_ program: IRProgram) -> String {
        var out = ""
        for template in program.templates {
            let params = template.fixedParams.map(\.description) + template.captures.values.map { "captured \($0.ref) of template \($0.template.id)" }
            out += "template \(template.id)"
            if let parent = template.parent { out += " (in \(parent.id))" }
            if let type = template.functionType { out += " : \(type)" }
            out += "\n"
            for (i, param) in params.enumerated() { out += "  %p\(i): \(param)\n" }
            for (i, value) in template.values.enumerated() {
                var line = "  %\(i) = \(describe(value.op))"
                if !value.args.isEmpty { line += " (" + value.args.map(\.description).joined(separator: ", ") + ")" }
                if let type = value.type { line += " : \(type)" }
                if line.count < 60 { line += String(repeating: " ", count: 60 - line.count) }
                line += "  " + position(program, value.span)
                if template.outputs.contains(i) { line += "  [output]" }
                out += line + "\n"
            }
            if let result = template.result { out += "  result \(result)\n" }
        }
        return out
    }

    static func position(_ program: IRProgram, _ span: Int) -> String {
        guard span < program.spans.count else { return "" }
        let s = program.spans[span]
        return "\(program.files[s.file]) @ \(s.line1):\(s.column1)-\(s.line2):\(s.column2)"
    }

    static func describe(_ op: IROp) -> String {
        switch op {
        case .constant(let v): "constant \(v)"
        case .builtin(let name, let signature, let pure): "call\(pure ? "" : " (impure)") \(name) : \(signature)"
        case .source(let name, let signature): "source \(name) : \(signature)"
        case .binary(let opcode): "\(opcode)"
        case .not: "not"
        case .concat: "concat"
        case .makeList: "makeList"
        case .makeMap: "makeMap"
        case .makeStruct(let type): "makeStruct \(type)"
        case .field(let i): "field \(i)"
        case .select: "select"
        case .catchError: "catchError"
        case .closure(let t): "closure of template \(t)"
        case .branch(let then, let otherwise): "branch then \(then)" + (otherwise.map { " else \($0)" } ?? "")
        case .loop(let t, let keyValue): "\(keyValue ? "forkv" : "for") template \(t)"
        case .apply: "apply"
        case .lazyExcept(let t): "except fallback template \(t)"
        case .iterate(let operation): "iterate \(operation)"
        case .join: "join"
        case .resource(let kind, let collect, let entries):
            "\(collect ? "collect " : "")resource \(kind) entries[" + entries.map { ($0.hasCondition ? "?" : "") + $0.name }.joined(separator: " ") + "]"
        case .edge(let halves): "edge " + halves.map { $0.kind + ($0.field.map { ".\($0)" } ?? "") }.joined(separator: " -> ")
        case .assert: "assert"
        }
    }
}
