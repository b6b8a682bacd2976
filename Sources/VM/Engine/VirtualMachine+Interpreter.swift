/// The register interpreter of node bodies (spec/bytecode.md): one `switch` on the opcode
/// byte, each case a few lines, slow paths in helpers.
extension VirtualMachine {
    /// An error raised inside a body: catchable ones may be handled, fatal ones stop the program.
    enum Raised: Error {
        case catchable(RuntimeError)
        case fatal(RuntimeError)
    }

    /// Runs the body of template node `node`. `.pending` if an input has no value yet; a
    /// catchable error no handler catches becomes the result; a fatal one is thrown.
    func runBody(_ node: Int32, _ nodeSpec: NodeSpec) throws(VMFailure) -> NodeValue {
        let inputCount = nodeSpec.inputs.count
        for i in 0..<inputCount {
            if case .pending = values[Int(input(node, i))] { return .pending }
        }
        guard let body = nodeSpec.body else { return .pending }
        if registers.count < body.registerCount {
            registers += [Value](repeating: .bool(false), count: body.registerCount - registers.count)
        }
        var pc = 0
        while true {
            do {
                return .value(try execute(node, nodeSpec, body, from: &pc))
            } catch {
                switch error {
                case .fatal(var e):
                    if e.position == nil { e.position = position(ofWord: body.firstWord + pc, node: nodeSpec) }
                    throw VMFailure(error: e)
                case .catchable(var e):
                    if e.position == nil { e.position = position(ofWord: body.firstWord + pc, node: nodeSpec) }
                    guard let handler = program.handlers[body.firstHandler..<body.firstHandler + body.handlerCount]
                        .first(where: { $0.from <= pc && pc < $0.to }) else { return .error(e) }
                    pc = handler.target
                }
            }
        }
    }

    /// The byline of the instruction at `word` (or of the node, if the map has nothing).
    func position(ofWord word: Int, node: NodeSpec) -> String {
        var low = 0
        var high = program.instructionSpans.count
        while low < high {
            let mid = (low + high) / 2
            if program.instructionSpans[mid].word <= word { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return position(ofSpan: node.span) }
        return position(ofSpan: program.instructionSpans[low - 1].span)
    }

    /// Executes from `pc` to a `return`; `pc` is left at the raising instruction on error.
    private func execute(_ node: Int32, _ nodeSpec: NodeSpec, _ body: Body, from pc: inout Int) throws(Raised) -> Value {
        let first = body.firstWord
        while true {
            let word = program.code[first + pc]
            let a = Instruction.a(word)
            guard let op = Opcode(rawValue: Instruction.opcodeByte(word)) else { throw .fatal(RuntimeError("internal error: bad opcode")) }
            switch op {
            case .loadConst:
                registers[a] = program.constants[Instruction.bx(word)]
            case .loadInput:
                switch values[Int(input(node, Instruction.bx(word)))] {
                case .value(let v): registers[a] = v
                case .error(let e): throw .catchable(e)
                case .pending: throw .fatal(RuntimeError("internal error: input not ready"))
                }
            case .move:
                registers[a] = registers[Instruction.b(word)]
            case .addInt, .subInt, .mulInt, .divInt, .addFloat, .subFloat, .mulFloat, .divFloat,
                 .equal, .notEqual, .lessInt, .lessEqualInt, .lessFloat, .lessEqualFloat, .and, .or, .index, .contains:
                registers[a] = try binary(op, registers[Instruction.b(word)], registers[Instruction.c(word)])
            case .concat:
                let b = Instruction.b(word)
                guard let joined = Operators.concat(registers[b..<b + Instruction.c(word)]) else { throw typeMismatch(op) }
                registers[a] = joined
            case .not:
                guard case .bool(let x) = registers[Instruction.b(word)] else { throw typeMismatch(op) }
                registers[a] = .bool(!x)
            case .makeList:
                let b = Instruction.b(word)
                registers[a] = .list(Array(registers[b..<b + Instruction.c(word)]))
            case .makeMap:
                let b = Instruction.b(word)
                let pairs = (0..<Instruction.c(word)).map { (registers[b + 2 * $0], registers[b + 2 * $0 + 1]) }
                registers[a] = .map(.init(pairs: pairs))
            case .makeStruct:
                let b = Instruction.b(word)
                guard let names = structFieldNames[Instruction.ax(program.code[first + pc + 1])] else { throw typeMismatch(op) }
                registers[a] = .struct(.init(names: names, values: Array(registers[b..<b + Instruction.c(word)])))
                pc += 1
            case .field:
                guard case .struct(let s) = registers[Instruction.b(word)], Instruction.c(word) < s.values.count else { throw typeMismatch(op) }
                registers[a] = s.values[Instruction.c(word)]
            case .callBuiltin:
                let b = Instruction.b(word)
                let builtin = Instruction.ax(program.code[first + pc + 1])
                registers[a] = try call(builtin, Array(registers[b..<b + Instruction.c(word)]))
                pc += 1
            case .closure:
                let b = Instruction.b(word)
                let template = Instruction.ax(program.code[first + pc + 1])
                let type = program.templates[template].functionType.map { program.types[$0] } ?? .function(params: [], result: .variant)
                registers[a] = .function(.init(template: template, captures: Array(registers[b..<b + Instruction.c(word)]), type: type))
                pc += 1
            case .jump:
                pc += Instruction.sbx(word)
            case .jumpIfFalse:
                guard case .bool(let c) = registers[a] else { throw typeMismatch(op) }
                if !c { pc += Instruction.sbx(word) }
            case .return:
                return registers[a]
            }
            pc += 1
        }
    }

    private func typeMismatch(_ op: Opcode) -> Raised {
        .fatal(RuntimeError("internal error: operands of `\(op)` have the wrong types"))
    }

    /// A binary operator through `Operators`, its errors as `Raised`.
    @inline(__always)
    private func binary(_ op: Opcode, _ x: Value, _ y: Value) throws(Raised) -> Value {
        let result: Value?
        do {
            result = try Operators.binary(op, x, y)
        } catch {
            throw .catchable(error)
        }
        guard let result else { throw typeMismatch(op) }
        return result
    }

    /// Calls a function builtin; its catchable errors may be handled, others are fatal.
    func call(_ builtin: Int, _ args: [Value]) throws(Raised) -> Value {
        switch bindings[builtin] {
        case .function(let body):
            do {
                return try body(args)
            } catch {
                throw error.catchable ? .catchable(error) : .fatal(error)
            }
        case .unimplemented:
            throw .fatal(RuntimeError("builtin `\(program.builtins[builtin].name)` is not implemented yet"))
        case .stream:
            throw .fatal(RuntimeError("internal error: stream `\(program.builtins[builtin].name)` called as a function"))
        }
    }
}
