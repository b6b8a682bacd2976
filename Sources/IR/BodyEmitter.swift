/// Writes the register code of one node body: the fused tree under the node's value.
/// Registers are allocated in order and written once per path (SSA); other nodes and
/// template parameters enter through `loadInput`, each once.
struct BodyEmitter {
    let values: [IRValue]
    let root: [Bool]
    /// The value this node computes (emitted as an operation, not loaded as an input).
    let own: Int
    var tables: Codegen.Tables
    private(set) var code: [UInt32] = []
    private var handlers: [Handler] = []
    private var spans: [InstructionSpan] = []
    private var registerCount = 0
    private var inputs: [IRRef] = []
    private var inputIndex: [IRRef: Int] = [:]
    /// Registers already holding an input (an input is loaded once per body).
    private var loaded: [IRRef: Int] = [:]

    init(values: [IRValue], root: [Bool], self own: Int, tables: Codegen.Tables) {
        self.values = values
        self.root = root
        self.own = own
        self.tables = tables
        self.spans = [InstructionSpan(word: 0, span: values[own].span)]
    }

    mutating func newRegister() -> Int {
        registerCount += 1
        return registerCount - 1
    }

    mutating func append(_ word: UInt32) { code.append(word) }

    private mutating func mark(span: Int) {
        if spans.last?.span != span { spans.append(InstructionSpan(word: code.count, span: span)) }
    }

    /// Consecutive registers holding `registers` (moves them when they are not already).
    mutating func block(_ registers: [Int]) -> Int {
        if let first = registers.first, registers == Array(first..<first + registers.count) { return first }
        let first = registerCount
        for r in registers { append(Instruction.abc(.move, newRegister(), r, 0)) }
        return first
    }

    /// Emits `ref` and returns the register holding its value.
    mutating func emit(_ ref: IRRef) -> Int {
        if case .value(let i) = ref, i == own || !root[i] { return emitOperation(i) }
        if let r = loaded[ref] { return r }
        let index: Int
        if let known = inputIndex[ref] {
            index = known
        } else {
            index = inputs.count
            inputIndex[ref] = index
            inputs.append(ref)
        }
        let r = newRegister()
        if case .value(let i) = ref { mark(span: values[i].span) }
        append(Instruction.abx(.loadInput, r, index))
        loaded[ref] = r
        return r
    }

    private mutating func emitOperation(_ i: Int) -> Int {
        let value = values[i]
        switch value.op {
        case .constant(let v):
            let r = newRegister()
            append(Instruction.abx(.loadConst, r, tables.constant(v)))
            return r
        case .binary(let opcode):
            let a = emit(value.args[0])
            let b = emit(value.args[1])
            let r = newRegister()
            if opcode.canRaise { mark(span: value.span) }
            append(Instruction.abc(opcode, r, a, b))
            return r
        case .not:
            let a = emit(value.args[0])
            let r = newRegister()
            append(Instruction.abc(.not, r, a, 0))
            return r
        case .field(let n):
            let a = emit(value.args[0])
            let r = newRegister()
            append(Instruction.abc(.field, r, a, n))
            return r
        case .concat, .makeList, .makeMap:
            let first = block(value.args.map { emit($0) })
            let r = newRegister()
            let opcode: Opcode = value.op == .concat ? .concat : value.op == .makeList ? .makeList : .makeMap
            append(Instruction.abc(opcode, r, first, opcode == .makeMap ? value.args.count / 2 : value.args.count))
            return r
        case .makeStruct(let type):
            let first = block(value.args.map { emit($0) })
            let r = newRegister()
            append(Instruction.abc(.makeStruct, r, first, value.args.count))
            append(Instruction.extra(tables.type(type)))
            return r
        case .builtin(let name, let signature, _):
            let first = block(value.args.map { emit($0) })
            let r = newRegister()
            mark(span: value.span)
            append(Instruction.abc(.callBuiltin, r, first, value.args.count))
            append(Instruction.extra(tables.builtin(name, signature)))
            return r
        case .closure(let template):
            let first = block(value.args.map { emit($0) })
            let r = newRegister()
            append(Instruction.abc(.closure, r, first, value.args.count))
            append(Instruction.extra(template))
            return r
        case .select:
            let condition = emit(value.args[0])
            let r = newRegister()
            let savedLoads = loaded  // an input loaded on one path is not loaded on the other
            let toElse = code.count
            append(0)  // patched: jumpIfFalse condition -> else
            let a = emit(value.args[1])
            append(Instruction.abc(.move, r, a, 0))
            let toEnd = code.count
            append(0)  // patched: jump -> end
            code[toElse] = Instruction.asbx(.jumpIfFalse, condition, code.count - toElse - 1)
            loaded = savedLoads
            let b = emit(value.args[2])
            append(Instruction.abc(.move, r, b, 0))
            code[toEnd] = Instruction.asbx(.jump, 0, code.count - toEnd - 1)
            loaded = savedLoads
            return r
        case .catchError:
            let r = newRegister()
            let from = code.count
            let savedLoads = loaded  // inputs loaded in the guarded part may be skipped by an error
            let a = emit(value.args[0])
            append(Instruction.abc(.move, r, a, 0))
            let toEnd = code.count
            append(0)  // patched: jump -> end
            handlers.append(Handler(from: from, to: toEnd + 1, target: code.count))
            loaded = savedLoads
            let b = emit(value.args[1])
            append(Instruction.abc(.move, r, b, 0))
            code[toEnd] = Instruction.asbx(.jump, 0, code.count - toEnd - 1)
            loaded = savedLoads
            return r
        default:
            preconditionFailure("a \(value.op) value cannot be fused into a body")
        }
    }

    /// Appends the code to the program; returns the body and the node's inputs.
    func finish(into program: inout Program, ref: (IRRef) -> NodeRef) -> (Body, [NodeRef]) {
        let first = program.code.count
        program.code += code
        let handlerStart = program.handlers.count
        program.handlers += handlers
        program.instructionSpans += spans.map { InstructionSpan(word: $0.word + first, span: $0.span) }
        let body = Body(firstWord: first, wordCount: code.count, registerCount: max(1, registerCount),
                        firstHandler: handlerStart, handlerCount: handlers.count)
        return (body, inputs.map(ref))
    }
}
