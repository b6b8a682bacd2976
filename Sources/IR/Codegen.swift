/// Turns the IR into a VM `Program`: groups values into nodes and writes node bodies.
///
/// A value gets a node of its own (a *root*) when it is a source, a structure, a join or a
/// statement, when it is used other than exactly once in its template, when another
/// template captures it, when it is its template's result, or when its one user needs node
/// inputs (sources, structures, joins). Every other value is fused into the body of its
/// one user, so an expression tree is one node and one register program. Constants are
/// loaded by each of their users unless a node must hold them.
public enum Codegen {
    /// Bodies keep well below 256 registers; bigger trees are split into more nodes.
    static let maximumFusedValues = 120

    public static func generate(_ ir: IRProgram) -> Program {
        var tables = Tables()
        var program = Program()
        program.files = ir.files
        program.spans = ir.spans
        // The values each template has captured by others, in one pass over all captures.
        var captured: [ObjectIdentifier: Set<Int>] = [:]
        for other in ir.templates {
            for value in other.captures.values {
                if case .value(let i) = value.ref { captured[ObjectIdentifier(value.template), default: []].insert(i) }
            }
        }
        for template in ir.templates {
            emit(template, captured: captured[ObjectIdentifier(template)] ?? [], into: &program, tables: &tables)
        }
        program.types = tables.types
        program.constants = tables.constants
        program.builtins = tables.builtins
        program.kinds = tables.kinds.map { KindImport(kind: $0.kind, params: $0.params.map { .init(name: $0.name, type: $0.type) }) }
        return program
    }

    /// Numbering of constants, types and imports in first-use order (deterministic).
    struct Tables {
        var types: [MclType] = []
        var typeIndex: [String: Int] = [:]
        var constants: [Value] = []
        var constantIndex: [Value: Int] = [:]
        var builtins: [BuiltinImport] = []
        var builtinIndex: [String: Int] = [:]
        var kinds: [(kind: String, params: [(name: String, type: MclType)])] = []
        var kindIndex: [String: Int] = [:]

        mutating func type(_ t: MclType) -> Int {
            if let i = typeIndex[t.description] { return i }
            typeIndex[t.description] = types.count
            types.append(t)
            return types.count - 1
        }

        mutating func constant(_ v: Value) -> Int {
            if let i = constantIndex[v] { return i }
            constantIndex[v] = constants.count
            constants.append(v)
            return constants.count - 1
        }

        mutating func builtin(_ name: String, _ signature: MclType) -> Int {
            let key = "\(name) \(signature)"
            if let i = builtinIndex[key] { return i }
            builtinIndex[key] = builtins.count
            builtins.append(BuiltinImport(name: name, signature: signature))
            return builtins.count - 1
        }

        /// The kind import, with the params set here added (a param set at two types is `variant`).
        mutating func kind(_ kind: String, params: [(String, MclType)]) -> Int {
            let index: Int
            if let i = kindIndex[kind] {
                index = i
            } else {
                index = kinds.count
                kindIndex[kind] = index
                kinds.append((kind, []))
            }
            for (name, type) in params {
                if let j = kinds[index].params.firstIndex(where: { $0.name == name }) {
                    if kinds[index].params[j].type != type { kinds[index].params[j].type = .variant }
                } else {
                    kinds[index].params.append((name, type))
                }
            }
            return index
        }
    }

    /// Which values of a template are roots (see the type's summary); `captured` holds the
    /// indices of its values other templates capture.
    static func roots(of template: IRTemplate, captured: Set<Int>) -> [Bool] {
        let values = template.values
        var uses = [Int](repeating: 0, count: values.count)
        var needsNode = [Bool](repeating: false, count: values.count)
        for value in values {
            let nodeInputs: Bool
            switch value.op {
            case .source, .branch, .loop, .apply, .lazyExcept, .iterate, .join: nodeInputs = true
            default: nodeInputs = false
            }
            for case .value(let i) in value.args {
                uses[i] += 1
                if nodeInputs { needsNode[i] = true }
            }
        }
        if case .value(let i)? = template.result { needsNode[i] = true }
        for i in captured { needsNode[i] = true }
        var root = values.indices.map { i -> Bool in
            let op = values[i].op
            // A constant is loaded by each user rather than shared through a node.
            if case .constant = op { return needsNode[i] }
            return op.isStructure || op.isStatement || needsNode[i] || uses[i] != 1 || {
                switch op {
                case .source, .join: return true
                default: return false
                }
            }()
        }
        // Split trees too big for one body.
        var changed = true
        while changed {
            changed = false
            for i in values.indices where root[i] && fusedSize(i, values, root) > maximumFusedValues {
                for case .value(let a) in values[i].args where !root[a] {
                    root[a] = true
                    changed = true
                }
            }
        }
        return root
    }

    private static func fusedSize(_ i: Int, _ values: [IRValue], _ root: [Bool]) -> Int {
        var size = 1
        for case .value(let a) in values[i].args where !root[a] { size += fusedSize(a, values, root) }
        return size
    }
}
