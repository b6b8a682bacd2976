@testable import VM

/// Builds `Program`s by hand for the loader and verifier tests: templates one after the
/// other, nodes appended to the current template with their heights computed, bodies laid
/// out in `code` with a span entry each. What it builds is valid unless a test breaks it.
struct ProgramBuilder {
    var program = Program()
    private var current = -1

    init() {
        program.files = ["/main.mcl"]
        program.spans = [SourceSpan(file: 0, line1: 1, column1: 1, line2: 1, column2: 9)]
    }

    /// The index of type `t` (added if new).
    mutating func type(_ t: MclType) -> Int {
        if let i = program.types.firstIndex(where: { $0 == t && $0.description == t.description }) { return i }
        program.types.append(t)
        return program.types.count - 1
    }

    /// The index of constant `v` (added if new).
    mutating func constant(_ v: Value) -> Int {
        if let i = program.constants.firstIndex(of: v) { return i }
        program.constants.append(v)
        return program.constants.count - 1
    }

    mutating func builtin(_ name: String, _ signature: MclType) -> Int {
        program.builtins.append(BuiltinImport(name: name, signature: signature))
        return program.builtins.count - 1
    }

    mutating func kind(_ kind: String, _ params: [(String, MclType)]) -> Int {
        program.kinds.append(KindImport(kind: kind, params: params.map { .init(name: $0.0, type: $0.1) }))
        return program.kinds.count - 1
    }

    /// Starts template number `templates.count`; its nodes follow.
    @discardableResult
    mutating func beginTemplate(params: Int, functionType: Int? = nil) -> Int {
        program.templates.append(Template(paramCount: params, firstNode: program.nodes.count, nodeCount: 0, result: nil,
                                          maxHeight: 0, functionType: functionType))
        current = program.templates.count - 1
        return current
    }

    mutating func endTemplate(result: NodeRef? = nil) {
        program.templates[current].result = result
    }

    /// Appends a node to the current template; its height is 1 + the highest node input.
    /// `code` (if any) becomes its body, with `handlers` relative to the body's first word.
    @discardableResult
    mutating func node(_ kind: NodeKind, _ inputs: [NodeRef] = [], type: Int? = nil, code: [UInt32]? = nil,
                       registers: Int = 8, handlers: [Handler] = []) -> NodeRef {
        let template = program.templates[current]
        var height = 0
        for input in inputs where !input.isParam && input.index < template.nodeCount {
            height = max(height, program.nodes[template.firstNode + input.index].height)
        }
        var body: Body?
        if let code {
            body = Body(firstWord: program.code.count, wordCount: code.count, registerCount: registers,
                        firstHandler: program.handlers.count, handlerCount: handlers.count)
            program.instructionSpans.append(InstructionSpan(word: program.code.count, span: 0))
            program.code += code
            program.handlers += handlers
        }
        program.nodes.append(NodeSpec(kind: kind, height: height + 1, span: 0, type: type, inputs: inputs, body: body))
        program.templates[current].nodeCount += 1
        program.templates[current].maxHeight = max(template.maxHeight, height + 1)
        return .node(template.nodeCount)
    }

    /// A compute node whose body loads constant `value` and returns it.
    @discardableResult
    mutating func constantNode(_ value: Value, type: Int? = nil) -> NodeRef {
        let k = constant(value)
        return node(.compute, type: type, code: [Instruction.abx(.loadConst, 0, k), Instruction.abc(.return, 0, 0, 0)], registers: 1)
    }

    /// A compute node returning its one input.
    @discardableResult
    mutating func identity(_ input: NodeRef, type: Int? = nil) -> NodeRef {
        node(.compute, [input], type: type, code: [Instruction.abx(.loadInput, 0, 0), Instruction.abc(.return, 0, 0, 0)], registers: 1)
    }
}

/// Instruction shorthands for hand-written bodies.
enum Asm {
    static func k(_ r: Int, _ k: Int) -> UInt32 { Instruction.abx(.loadConst, r, k) }
    static func input(_ r: Int, _ i: Int) -> UInt32 { Instruction.abx(.loadInput, r, i) }
    static func ret(_ r: Int) -> UInt32 { Instruction.abc(.return, r, 0, 0) }
    static func op(_ op: Opcode, _ a: Int, _ b: Int, _ c: Int) -> UInt32 { Instruction.abc(op, a, b, c) }
    static func jump(_ offset: Int) -> UInt32 { Instruction.asbx(.jump, 0, offset) }
    static func jumpIfFalse(_ r: Int, _ offset: Int) -> UInt32 { Instruction.asbx(.jumpIfFalse, r, offset) }
    /// A two-word instruction (`makeStruct`, `callBuiltin`, `closure`).
    static func wide(_ op: Opcode, _ a: Int, _ b: Int, _ c: Int, _ ax: Int) -> [UInt32] {
        [Instruction.abc(op, a, b, c), Instruction.extra(ax)]
    }
}

/// Hand-built programs shared by the loader and verifier tests.
enum SamplePrograms {
    /// The smallest valid program: template 0 with no nodes.
    static var empty: Program {
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        b.endTemplate()
        return b.program
    }

    /// A valid program with every node kind, every constant kind, every iterate operation,
    /// every resource entry kind, handlers, jumps and every two-word instruction.
    static var everything: Program {
        var b = ProgramBuilder()
        let int = b.type(.int), str = b.type(.str), bool = b.type(.bool), ints = b.type(.list(.int))
        let pair = b.type(.struct([.init("a", .int), .init("b", .str)]))
        let function = b.type(.function(params: [.init("x", .int)], result: .int))
        let len = b.builtin("len", .function(params: [.init("l", .list(.int))], result: .int))
        let test = b.kind("test", [("int64", .int), ("stringptr", .str)])
        let lambda = Value.function(.init(template: 2, captures: [.int(3)], type: .function(params: [.init("x", .int)], result: .int)))
        let constants: [Value] = [
            .bool(false), .bool(true), .int(-42), .int(.max), .float(2.5), .float(-.infinity), .str("héllo ✓"), .str(""),
            .list([.int(1), .int(2)]), .list([]), .map(.init(pairs: [(.str("b"), .list([.bool(true)])), (.str("a"), .list([]))])),
            .map(.init(pairs: [])), .struct(.init(names: ["a", "b"], values: [.int(1), .str("b")])), .struct(.init(names: [], values: [])),
            lambda, .list([.map(.init(pairs: [(.int(1), lambda)]))]),
        ]
        for value in constants { _ = b.constant(value) }

        b.beginTemplate(params: 0)
        let list = b.constantNode(.list([.int(1), .int(2)]), type: ints)                              // n0
        let yes = b.constantNode(.bool(true), type: bool)                                             // n1
        let source = b.node(.source(builtin: len), [list], type: int)                                 // n2
        let branch = b.node(.branch(then: 1, otherwise: 1, arguments: [list]), [yes], type: bool)     // n3
        b.node(.join, [branch], type: ints)                                                           // n4
        b.node(.loop(template: 3, keyValue: false, arguments: [source]), [list])                      // n5
        let f = b.constantNode(lambda, type: function)                                                // n6
        let apply = b.node(.apply, [f, source], type: int)                                            // n7
        let applied = b.node(.join, [apply], type: int)                                               // n8
        let except = b.node(.except(template: 4, arguments: [source]), [applied], type: int)          // n9
        let guarded = b.node(.join, [except], type: int)                                              // n10
        b.node(.iterate(.map), [list, f], type: ints)                                                 // n11
        b.node(.iterate(.filter), [list, f], type: ints)                                              // n12
        b.node(.iterate(.reduce), [source, list, f], type: int)                                       // n13
        b.node(.iterate(.zip), [list, list, f], type: ints)                                           // n14
        let entries = [ResourceEntrySpec(kind: .param, hasCondition: true, name: "int64"),
                       ResourceEntrySpec(kind: .param, hasCondition: false, name: "stringptr"),
                       ResourceEntrySpec(kind: .meta, hasCondition: false, name: "noop"),
                       ResourceEntrySpec(kind: .metaStruct, hasCondition: true, name: "Meta"),
                       ResourceEntrySpec(kind: .edge, hasCondition: false, name: "before", targetKind: "test")]
        b.node(.resource(kind: test, collect: false, entries: entries), [yes, guarded],                // n15
               code: [Asm.k(0, b.constant(.str("r"))), Asm.input(1, 0), Asm.input(2, 1), Asm.k(3, b.constant(.str("s"))),
                      Asm.k(4, b.constant(.bool(true))), Asm.k(5, b.constant(.bool(false))),
                      Asm.k(6, b.constant(.struct(.init(names: [], values: [])))), Asm.k(7, b.constant(.str("t"))),
                      Asm.op(.makeList, 8, 0, 8), Asm.ret(8)], registers: 9)
        b.node(.resource(kind: test, collect: true, entries: []), [],                                 // n16
               code: [Asm.k(0, b.constant(.str("c"))), Asm.op(.makeList, 1, 0, 1), Asm.ret(1)], registers: 2)
        b.node(.edge(halves: [.init(kind: "test", field: nil), .init(kind: "test", field: "int64")]), [], // n17
               code: [Asm.k(0, b.constant(.str("r"))), Asm.k(1, b.constant(.str("c"))), Asm.op(.makeList, 2, 0, 2), Asm.ret(2)], registers: 3)
        b.node(.assert, [yes], code: [Asm.input(0, 0), Asm.op(.not, 1, 0, 0), Asm.ret(1)], registers: 2)  // n18
        // A handled region and a select: `$list[5] <|> 0`.
        b.node(.compute, [list], type: int,                                                           // n19
               code: [Asm.input(0, 0), Asm.k(1, b.constant(.int(5))), Asm.op(.index, 2, 0, 1), Asm.op(.move, 3, 2, 0),
                      Asm.jump(2), Asm.k(4, b.constant(.int(0))), Asm.op(.move, 3, 4, 0), Asm.ret(3)],
               registers: 5, handlers: [Handler(from: 0, to: 4, target: 5)])
        // Every two-word instruction, and a conditional jump over one.
        b.node(.compute, [source], type: pair,                                                        // n20
               code: [Asm.input(0, 0), Asm.k(1, b.constant(.str("s")))]
                   + Asm.wide(.makeStruct, 2, 0, 2, pair) + Asm.wide(.closure, 3, 0, 1, 2)
                   + [Asm.k(4, b.constant(.list([.int(1)])))] + Asm.wide(.callBuiltin, 5, 4, 1, len)
                   + [Asm.k(6, b.constant(.bool(true))), Asm.jumpIfFalse(6, 2)] + Asm.wide(.closure, 7, 0, 0, 4) + [Asm.ret(2)],
               registers: 8)
        b.endTemplate()

        b.beginTemplate(params: 1)                                                                    // t1: branch
        b.endTemplate(result: b.identity(.param(0), type: ints))
        b.beginTemplate(params: 2, functionType: function)                                            // t2: lambda
        b.endTemplate(result: b.node(.compute, [.param(0), .param(1)], type: int,
                                     code: [Asm.input(0, 0), Asm.input(1, 1), Asm.op(.addInt, 2, 0, 1), Asm.ret(2)], registers: 3))
        b.beginTemplate(params: 3)                                                                    // t3: loop body
        let index = b.identity(.param(0), type: int)
        b.node(.compute, [index, .param(1), .param(2)], type: str,
               code: [Asm.input(0, 0), Asm.input(1, 1), Asm.input(2, 2), Asm.op(.addInt, 3, 0, 1), Asm.op(.lessInt, 4, 3, 2),
                      Asm.ret(4)], registers: 5)
        b.endTemplate()
        b.beginTemplate(params: 1)                                                                    // t4: fallback
        b.endTemplate(result: .param(0))
        return b.program
    }
}
