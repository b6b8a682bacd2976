/// Computes a pure builtin at compile time when it can: the Runtime's implementation,
/// handed in by the driver (the IR does not import the Runtime). nil: leave the call.
public typealias BuiltinFolder = (_ name: String, _ signature: MclType, _ args: [Value]) -> Value?

/// The IR passes, in this order: constant folding (operators and pure builtins on
/// constants; a select or fallback decided by a constant), common-subexpression
/// elimination (identical pure values are one), dead-code elimination (only what
/// statements, results and live captures need stays, renumbered).
///
/// Folding and CSE never renumber: a replaced value stays in place, unused, and its uses
/// (arguments, results, other templates' captures) are redirected; DCE then compacts.
public enum Optimize {
    public static func run(_ program: IRProgram, fold builtin: BuiltinFolder?) {
        var substitutions: [ObjectIdentifier: [Int: IRRef]] = [:]
        for template in program.templates {
            var substitute: [Int: IRRef] = [:]
            fold(template, builtin: builtin, substitute: &substitute)
            eliminateCommonSubexpressions(template, substitute: &substitute)
            substitutions[ObjectIdentifier(template)] = substitute
        }
        for template in program.templates {
            template.captures.remap { value in
                guard let substitute = substitutions[ObjectIdentifier(value.template)] else { return value }
                return Located(value.template, follow(value.ref, substitute))
            }
        }
        eliminateDeadCode(program)
    }

    private static func follow(_ ref: IRRef, _ substitute: [Int: IRRef]) -> IRRef {
        var r = ref
        while case .value(let i) = r, let next = substitute[i] { r = next }
        return r
    }

    static func fold(_ template: IRTemplate, builtin: BuiltinFolder?, substitute: inout [Int: IRRef]) {
        var values = template.values
        func constant(_ ref: IRRef) -> Value? {
            guard case .value(let i) = ref, case .constant(let v) = values[i].op else { return nil }
            return v
        }
        for i in values.indices {
            values[i].args = values[i].args.map { follow($0, substitute) }
            let value = values[i]
            let args = value.args.map(constant)
            switch value.op {
            case .select:
                if case .bool(let c)? = args[0] { substitute[i] = c ? value.args[1] : value.args[2] }
                continue
            case .catchError:
                if args[0] != nil { substitute[i] = value.args[0] }
                continue
            default: break
            }
            guard value.op.isPure, !value.args.isEmpty, args.allSatisfy({ $0 != nil }) else { continue }
            if let folded = evaluate(value.op, args.map { $0! }, builtin: builtin) {
                values[i] = IRValue(.constant(folded), [], type: value.type, span: value.span)
            }
        }
        template.replace(values: values, outputs: template.outputs, result: template.result.map { follow($0, substitute) })
    }

    /// A pure operation on known values, or nil when it cannot be done now (an error is
    /// left for run time, where it gets its position and can be caught).
    private static func evaluate(_ op: IROp, _ known: [Value], builtin: BuiltinFolder?) -> Value? {
        switch op {
        case .binary(let opcode): return (try? Operators.binary(opcode, known[0], known[1])) ?? nil
        case .not: if case .bool(let b) = known[0] { return .bool(!b) }
        case .concat: return Operators.concat(known)
        case .makeList: return .list(known)
        case .makeMap: return .map(.init(pairs: stride(from: 0, to: known.count, by: 2).map { (known[$0], known[$0 + 1]) }))
        case .makeStruct(let type):
            if case .struct(let fields) = type { return .struct(.init(names: fields.map(\.name), values: known)) }
        case .field(let n): if case .struct(let s) = known[0], n < s.values.count { return s.values[n] }
        case .builtin(let name, let signature, _): return builtin?(name, signature, known)
        default: break
        }
        return nil
    }

    static func eliminateCommonSubexpressions(_ template: IRTemplate, substitute: inout [Int: IRRef]) {
        var values = template.values
        var seen: [IRValue: Int] = [:]
        for i in values.indices {
            values[i].args = values[i].args.map { follow($0, substitute) }
            guard values[i].op.isPure, substitute[i] == nil else { continue }
            var key = values[i]
            key.span = 0  // the same computation at two places is one value
            if let first = seen[key] {
                substitute[i] = .value(first)
            } else {
                seen[key] = i
            }
        }
        template.replace(values: values, outputs: template.outputs, result: template.result.map { follow($0, substitute) })
    }

    /// Keeps the values that statements, results and captures of live templates need;
    /// templates are live when template 0 reaches them through live values. Renumbers.
    static func eliminateDeadCode(_ program: IRProgram) {
        let templates = program.templates
        var live = templates.map { [Bool](repeating: false, count: $0.values.count) }
        var liveTemplates = Set<Int>([0])
        var work: [(Int, Int)] = []  // (template, value)
        func mark(_ t: Int, _ ref: IRRef) {
            guard case .value(let i) = ref, !live[t][i] else { return }
            live[t][i] = true
            work.append((t, i))
        }
        func reach(_ t: Int) {
            guard liveTemplates.insert(t).inserted else { return }
            rootsOf(t)
        }
        func rootsOf(_ t: Int) {
            let template = templates[t]
            for o in template.outputs { mark(t, .value(o)) }
            if let r = template.result { mark(t, r) }
            for captured in template.captures.values { mark(captured.template.id, captured.ref) }
        }
        rootsOf(0)
        while let (t, i) = work.popLast() {
            let value = templates[t].values[i]
            for arg in value.args { mark(t, arg) }
            switch value.op {
            case .closure(let c), .loop(let c, _), .lazyExcept(let c): reach(c)
            case .branch(let then, let otherwise): reach(then); if let o = otherwise { reach(o) }
            case .constant(let v): for c in functionTemplates(in: v) { reach(c) }
            default: break
            }
        }
        // Templates nothing instantiates keep their number (others refer to templates by
        // index) but lose their contents.
        for (t, template) in templates.enumerated() where !liveTemplates.contains(t) {
            template.replace(values: [], outputs: [], result: nil)
            template.captures.removeAll()
            live[t] = []
        }
        var renumber: [ObjectIdentifier: [Int: Int]] = [:]
        for (t, template) in templates.enumerated() {
            var map: [Int: Int] = [:]
            var kept: [IRValue] = []
            for (i, value) in template.values.enumerated() where live[t][i] {
                map[i] = kept.count
                var v = value
                v.args = v.args.map { renumbered($0, map) }
                kept.append(v)
            }
            let outputs = template.outputs.compactMap { map[$0] }
            template.replace(values: kept, outputs: outputs, result: template.result.map { renumbered($0, map) })
            renumber[ObjectIdentifier(template)] = map
        }
        for template in templates {
            template.captures.remap { value in
                Located(value.template, renumbered(value.ref, renumber[ObjectIdentifier(value.template)] ?? [:]))
            }
        }
    }

    private static func renumbered(_ ref: IRRef, _ map: [Int: Int]) -> IRRef {
        guard case .value(let i) = ref, let j = map[i] else { return ref }
        return .value(j)
    }

    private static func functionTemplates(in value: Value) -> [Int] {
        switch value {
        case .function(let f): [f.template] + f.captures.flatMap(functionTemplates)
        case .list(let items): items.flatMap(functionTemplates)
        case .map(let map): map.values.flatMap(functionTemplates)
        case .struct(let s): s.values.flatMap(functionTemplates)
        default: []
        }
    }
}
