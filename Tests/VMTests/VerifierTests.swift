import Testing
@testable import VM

/// Expects `Verifier.verify` to refuse `program` with a message containing `expected`.
func expectRejected(_ program: Program, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let error = #expect(throws: LoadError.self, sourceLocation: sourceLocation) { try Verifier.verify(program) }
    guard let message = error?.message else { return }
    #expect(message.contains(expected), "\(message)", sourceLocation: sourceLocation)
    #expect(!message.contains("\n"), sourceLocation: sourceLocation)
}

/// A program whose template 0 has one compute node with `code` as its body and `inputs`
/// from earlier constant nodes (two int constants, then a `[]int`), then `template` more.
func oneBody(_ code: [UInt32], registers: Int = 4, handlers: [Handler] = [], inputs: Int = 0) -> ProgramBuilder {
    var b = ProgramBuilder()
    b.beginTemplate(params: 0)
    let values: [Value] = [.int(1), .int(2), .list([.int(3)])]
    let refs = (0..<inputs).map { b.constantNode(values[$0]) }
    b.node(.compute, refs, code: code, registers: registers, handlers: handlers)
    b.endTemplate()
    return b
}

/// One test per rule of spec/mcb.md "What the loader verifies": each breaks one rule of an
/// otherwise valid program.
@Suite struct VerifierTests {
    // MARK: Valid programs

    @Test func validProgramsPass() throws {
        try Verifier.verify(SamplePrograms.empty)
        try Verifier.verify(SamplePrograms.everything)
        try Verifier.verify(oneBody([Asm.k(0, 0), Asm.ret(0)], registers: 1).program.with(constants: [.int(1)]))
    }

    @Test func forwardJumpToTheReturnAndAHandlerPass() throws {
        let b = oneBody([Asm.input(0, 0), Asm.input(1, 2), Asm.op(.index, 2, 1, 0), Asm.jump(0), Asm.ret(2)],
                        registers: 3, handlers: [Handler(from: 2, to: 3, target: 3)], inputs: 3)
        try Verifier.verify(b.program)
    }

    // MARK: Templates

    @Test func template0MustExist() {
        expectRejected(Program(), "template 0 must exist")
    }

    @Test func template0TakesNoParameters() {
        var program = SamplePrograms.empty
        program.templates[0].paramCount = 1
        expectRejected(program, "take no parameters")
    }

    @Test func templateNodeRangeInBounds() {
        var program = SamplePrograms.everything
        program.templates[4].nodeCount = 1  // t4 has no nodes, and is last
        expectRejected(program, "node range out of bounds")
    }

    @Test func nodeBelongsToOneTemplate() {
        var program = SamplePrograms.everything
        program.templates[2].firstNode -= 1
        program.templates[2].nodeCount += 1
        expectRejected(program, "belongs to two templates")
    }

    @Test func nodeBelongsToSomeTemplate() {
        var program = SamplePrograms.everything
        program.templates[1].nodeCount = 0
        program.templates[1].result = .param(0)
        expectRejected(program, "belongs to no template")
    }

    @Test func templateResultInRange() {
        var program = SamplePrograms.everything
        program.templates[1].result = .node(1)
        expectRejected(program, "template 1 result: node 1 out of range")
        program.templates[1].result = .param(1)
        expectRejected(program, "template 1 result: parameter 1 out of range")
    }

    // MARK: Inputs and heights

    @Test func inputRefersToALaterNode() {
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        b.identity(.node(1))
        b.constantNode(.int(1))
        b.endTemplate()
        expectRejected(b.program, "node 1 out of range or not earlier")
    }

    @Test func inputRefersToItself() {
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        b.identity(.node(0))
        b.endTemplate()
        expectRejected(b.program, "node 0 out of range or not earlier")
    }

    @Test func inputParameterInRange() {
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        b.endTemplate()
        b.beginTemplate(params: 1)
        b.identity(.param(1))
        b.endTemplate()
        expectRejected(b.program, "parameter 1 out of range")
    }

    @Test func heightIsOneAboveTheHighestInput() {
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        let k = b.constantNode(.int(1))
        b.identity(k)
        b.endTemplate()
        var program = b.program
        #expect(throws: Never.self) { try Verifier.verify(program) }
        program.nodes[1].height = 3
        expectRejected(program, "height 3 should be 2")
        program.nodes[1].height = 1
        expectRejected(program, "height 1 should be 2")
        program.nodes[0].height = 0
        expectRejected(program, "height 0 should be 1")
    }

    @Test func spanAndTypeInRange() {
        var program = SamplePrograms.everything
        program.nodes[3].span = 1
        expectRejected(program, "node 3: span out of range")
        program = SamplePrograms.everything
        program.nodes[3].type = program.types.count
        expectRejected(program, "node 3: type out of range")
    }

    @Test func instructionSpansSortedAndInRange() {
        var program = SamplePrograms.everything
        program.instructionSpans.swapAt(1, 2)
        expectRejected(program, "instruction span 2 is invalid")
        program = SamplePrograms.everything
        program.instructionSpans[0].span = 5
        expectRejected(program, "instruction span 0 is invalid")
        program = SamplePrograms.everything
        program.instructionSpans[program.instructionSpans.count - 1].word = program.code.count
        expectRejected(program, "is invalid")
    }

    // MARK: Bodies

    @Test func bodyCodeInRange() {
        var program = oneBody([Asm.k(0, 0), Asm.ret(0)]).program.with(constants: [.int(1)])
        program.nodes[0].body?.wordCount = 3
        expectRejected(program, "code out of range")
        program.nodes[0].body?.wordCount = 2
        program.nodes[0].body?.firstWord = 1
        expectRejected(program, "code out of range")
    }

    @Test func registerCountFrom1To256() {
        var program = oneBody([Asm.k(0, 0), Asm.ret(0)]).program.with(constants: [.int(1)])
        program.nodes[0].body?.registerCount = 0
        expectRejected(program, "bad register count")
        program.nodes[0].body?.registerCount = 257
        expectRejected(program, "bad register count")
        program.nodes[0].body?.registerCount = 256
        #expect(throws: Never.self) { try Verifier.verify(program) }
    }

    @Test func badOpcode() {
        let program = oneBody([UInt32(Opcode.allCases.count), Asm.ret(0)]).program
        expectRejected(program, "bad opcode at 0")
    }

    @Test func registerOutOfRange() {
        expectRejected(oneBody([Asm.k(4, 0), Asm.ret(4)]).program.with(constants: [.int(1)]), "register 4 out of range at 0")
        expectRejected(oneBody([Asm.k(0, 0), Asm.op(.move, 1, 9, 0), Asm.ret(1)]).program.with(constants: [.int(1)]), "register 9 out of range at 1")
        expectRejected(oneBody([Asm.k(0, 0), Asm.op(.addInt, 1, 0, 4), Asm.ret(1)]).program.with(constants: [.int(1)]), "register 4 out of range at 1")
        expectRejected(oneBody([Asm.k(0, 0), Asm.ret(7)]).program.with(constants: [.int(1)]), "register 7 out of range at 1")
    }

    @Test func registerRangeOutOfRange() {
        // makeList r0, r2, 3 reads r2, r3, r4 of 4 registers.
        expectRejected(oneBody([Asm.op(.makeList, 0, 2, 3), Asm.ret(0)]).program, "registers out of range at 0")
        expectRejected(oneBody([Asm.op(.concat, 0, 0, 5), Asm.ret(0)]).program, "registers out of range at 0")
        // makeMap r0, r1, 2 reads r1 ... r4.
        expectRejected(oneBody([Asm.op(.makeMap, 0, 1, 2), Asm.ret(0)]).program, "registers out of range at 0")
        expectRejected(oneBody(Asm.wide(.callBuiltin, 0, 3, 2, 0) + [Asm.ret(0)]).program.with(builtins: [BuiltinImport(name: "f", signature: .int)]),
                       "registers out of range at 0")
    }

    @Test func constantOutOfRange() {
        expectRejected(oneBody([Asm.k(0, 1), Asm.ret(0)]).program.with(constants: [.int(1)]), "constant out of range at 0")
    }

    @Test func inputOutOfRange() {
        expectRejected(oneBody([Asm.input(0, 1), Asm.ret(0)], inputs: 1).program, "input out of range at 0")
    }

    @Test func structTypeMustBeAStructWithCFields() {
        let pair = MclType.struct([.init("a", .int), .init("b", .int)])
        expectRejected(oneBody(Asm.wide(.makeStruct, 2, 0, 1, 0) + [Asm.ret(2)]).program.with(types: [pair]), "bad struct type at 0")
        expectRejected(oneBody(Asm.wide(.makeStruct, 2, 0, 2, 0) + [Asm.ret(2)]).program.with(types: [.int]), "bad struct type at 0")
        expectRejected(oneBody(Asm.wide(.makeStruct, 2, 0, 2, 1) + [Asm.ret(2)]).program.with(types: [pair]), "bad struct type at 0")
        #expect(throws: Never.self) { try Verifier.verify(oneBody(Asm.wide(.makeStruct, 2, 0, 2, 0) + [Asm.ret(2)]).program.with(types: [pair])) }
    }

    @Test func builtinAndClosureTemplateInRange() {
        expectRejected(oneBody(Asm.wide(.callBuiltin, 0, 0, 0, 0) + [Asm.ret(0)]).program, "builtin out of range at 0")
        expectRejected(oneBody(Asm.wide(.closure, 0, 0, 0, 1) + [Asm.ret(0)]).program, "template out of range at 0")
    }

    @Test func twoWordInstructionNeedsItsExtraWord() {
        var b = oneBody([Asm.ret(0)] + [Asm.op(.callBuiltin, 0, 0, 0)])
        b.program.builtins = [BuiltinImport(name: "f", signature: .int)]
        expectRejected(b.program, "missing extra word at 1")
    }

    @Test func jumpIntoTheMiddleOfATwoWordInstruction() {
        // 0: jump 2 (the extra word of the closure at 1)
        let code = [Asm.jump(1)] + Asm.wide(.closure, 0, 0, 0, 0) + [Asm.ret(0)]
        expectRejected(oneBody(code).program, "jump into the middle of an instruction")
        let conditional = [Asm.k(1, 0), Asm.jumpIfFalse(1, 1)] + Asm.wide(.closure, 0, 0, 0, 0) + [Asm.ret(0)]
        expectRejected(oneBody(conditional).program.with(constants: [.bool(true)]), "jump into the middle of an instruction")
    }

    @Test func backwardJump() {
        expectRejected(oneBody([Asm.k(0, 0), Asm.jump(-2), Asm.ret(0)]).program.with(constants: [.int(1)]), "jump out of the body at 1")
        // A jump to itself loops forever too.
        expectRejected(oneBody([Asm.k(0, 0), Asm.jumpIfFalse(0, -1), Asm.ret(0)]).program.with(constants: [.bool(true)]),
                       "jump out of the body at 1")
    }

    @Test func jumpPastTheEnd() {
        expectRejected(oneBody([Asm.k(0, 0), Asm.jump(1), Asm.ret(0)]).program.with(constants: [.int(1)]), "jump out of the body at 1")
    }

    @Test func missingFinalReturn() {
        expectRejected(oneBody([Asm.k(0, 0)]).program.with(constants: [.int(1)]), "does not end with return")
        // A return in the middle does not count: the last instruction must be one.
        expectRejected(oneBody([Asm.ret(0), Asm.k(0, 0)]).program.with(constants: [.int(1)]), "does not end with return")
        // Nor does a return opcode in the extra word of the last instruction.
        expectRejected(oneBody([Asm.op(.closure, 0, 0, 0), Asm.ret(0)]).program, "does not end with return")
    }

    @Test func handlerOutsideTheBody() {
        let code = [Asm.input(0, 0), Asm.input(1, 1), Asm.op(.index, 2, 1, 0), Asm.jump(0), Asm.ret(2)]
        func program(_ handler: Handler) -> Program { oneBody(code, registers: 3, handlers: [handler], inputs: 3).program }
        #expect(throws: Never.self) { try Verifier.verify(program(Handler(from: 0, to: 3, target: 4))) }
        expectRejected(program(Handler(from: 0, to: 6, target: 4)), "bad handler")   // region past the end
        expectRejected(program(Handler(from: 0, to: 3, target: 5)), "bad handler")   // target past the end
        expectRejected(program(Handler(from: 3, to: 3, target: 4)), "bad handler")   // empty region
        expectRejected(program(Handler(from: 0, to: 3, target: 2)), "bad handler")   // target inside the region (a loop)
        var outside = program(Handler(from: 0, to: 3, target: 4))
        outside.nodes[3].body?.handlerCount = 2
        expectRejected(outside, "handlers out of range")
    }

    @Test func handlerTargetIsAnInstructionBoundary() {
        let code = [Asm.input(0, 0), Asm.input(1, 1), Asm.op(.index, 2, 1, 0)] + Asm.wide(.closure, 3, 0, 0, 0) + [Asm.ret(2)]
        let program = oneBody(code, registers: 4, handlers: [Handler(from: 0, to: 3, target: 4)], inputs: 3).program
        expectRejected(program, "jump into the middle of an instruction")
    }
}

extension Program {
    func with(constants: [Value]) -> Program { var p = self; p.constants = constants; return p }
    func with(types: [MclType]) -> Program { var p = self; p.types = types; return p }
    func with(builtins: [BuiltinImport]) -> Program { var p = self; p.builtins = builtins; return p }
}
