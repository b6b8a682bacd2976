import Testing
@testable import VM

/// Structure nodes, templates that instantiate themselves, and imports checked against the host.
extension VerifierTests {
    // MARK: Structure nodes

    /// Template 0 (one `bool` constant, then `node`), and template 1 taking `params`.
    private func structure(_ kind: NodeKind, inputs: Int = 1, params: Int, result: Bool = true) -> Program {
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        let refs = (0..<inputs).map { _ in b.constantNode(.bool(true)) }
        b.node(kind, refs)
        b.endTemplate()
        b.beginTemplate(params: params)
        b.endTemplate(result: result && params > 0 ? .param(0) : nil)
        return b.program
    }

    @Test func branchTemplateWithTheWrongParameterCount() {
        #expect(throws: Never.self) { try Verifier.verify(structure(.branch(then: 1, otherwise: nil, arguments: [.node(0)]), params: 1)) }
        expectRejected(structure(.branch(then: 1, otherwise: nil, arguments: [.node(0)]), params: 2), "template 1 takes 2 parameters, given 1")
        expectRejected(structure(.branch(then: 1, otherwise: nil, arguments: []), params: 1), "template 1 takes 1 parameters, given 0")
        expectRejected(structure(.branch(then: 1, otherwise: 0, arguments: [.node(0)]), params: 1), "template 0 invalid")
    }

    @Test func branchTargetsValid() {
        expectRejected(structure(.branch(then: 2, otherwise: nil, arguments: []), params: 0), "template 2 invalid")
        expectRejected(structure(.branch(then: 0, otherwise: nil, arguments: []), params: 0), "template 0 invalid")
        expectRejected(structure(.branch(then: 1, otherwise: nil, arguments: [.node(1)]), params: 1), "node 1 out of range or not earlier")
        expectRejected(structure(.branch(then: 1, otherwise: nil, arguments: []), inputs: 0, params: 0), "branch without condition")
    }

    @Test func loopTemplateTakesIndexElementAndArguments() {
        #expect(throws: Never.self) { try Verifier.verify(structure(.loop(template: 1, keyValue: false, arguments: [.node(0)]), params: 3)) }
        expectRejected(structure(.loop(template: 1, keyValue: true, arguments: [.node(0)]), params: 2), "template 1 takes 2 parameters, given 3")
        expectRejected(structure(.loop(template: 1, keyValue: false, arguments: []), inputs: 2, params: 2), "loop needs one input")
    }

    @Test func exceptFallbackNeedsAResult() {
        #expect(throws: Never.self) { try Verifier.verify(structure(.except(template: 1, arguments: [.node(0)]), params: 1)) }
        expectRejected(structure(.except(template: 1, arguments: [.node(0)]), params: 1, result: false), "fallback has no result")
        expectRejected(structure(.except(template: 1, arguments: [.node(0), .node(0)]), params: 1), "template 1 takes 1 parameters, given 2")
        expectRejected(structure(.except(template: 1, arguments: []), inputs: 0, params: 0), "except needs one input")
    }

    @Test func applyIterateJoinInputs() {
        expectRejected(structure(.apply, inputs: 0, params: 0), "apply without function")
        expectRejected(structure(.iterate(.map), inputs: 3, params: 0), "wrong number of inputs")
        expectRejected(structure(.iterate(.zip), inputs: 2, params: 0), "wrong number of inputs")
        expectRejected(structure(.iterate(.reduce), inputs: 1, params: 0), "wrong number of inputs")
        expectRejected(structure(.join, inputs: 2, params: 0), "join needs one node input")
        expectRejected(structure(.join, inputs: 1, params: 0), "join of a node that has no result")
    }

    @Test func sourceBuiltinAndResourceKindInRange() {
        expectRejected(structure(.source(builtin: 0), inputs: 0, params: 0), "builtin out of range")
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        b.node(.resource(kind: 0, collect: false, entries: []), code: [Asm.op(.makeList, 0, 0, 0), Asm.ret(0)], registers: 1)
        b.endTemplate()
        expectRejected(b.program, "kind out of range")
    }

    @Test func outputsNeedBodiesAndEdgesTwoHalves() {
        expectRejected(structure(.compute, inputs: 0, params: 0), "needs a body")
        expectRejected(structure(.assert, inputs: 0, params: 0), "needs a body")
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        b.node(.edge(halves: [.init(kind: "test", field: nil)]), code: [Asm.op(.makeList, 0, 0, 0), Asm.ret(0)], registers: 1)
        b.endTemplate()
        expectRejected(b.program, "edge with fewer than two halves")
    }

    // MARK: Templates that instantiate themselves

    /// Template 0 makes a closure of t1; t1 (1 param, returns it) has `t1Body` as its one body.
    private func closures(_ t1Code: [UInt32], constants: [Value] = []) -> Program {
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        b.node(.compute, code: Asm.wide(.closure, 0, 0, 0, 1) + [Asm.ret(0)], registers: 1)
        b.endTemplate()
        b.beginTemplate(params: 1)
        b.endTemplate(result: b.node(.compute, [.param(0)], code: t1Code, registers: 2))
        b.beginTemplate(params: 1)
        b.endTemplate(result: .param(0))
        return b.program.with(constants: constants)
    }

    @Test func templateThatInstantiatesItselfThroughAClosure() {
        #expect(throws: Never.self) { try Verifier.verify(closures(Asm.wide(.closure, 0, 0, 0, 2) + [Asm.ret(0)])) }
        expectRejected(closures(Asm.wide(.closure, 0, 0, 0, 1) + [Asm.ret(0)]), "template 1 instantiates itself")
    }

    @Test func templatesThatInstantiateEachOtherThroughClosures() {
        var program = closures(Asm.wide(.closure, 0, 0, 0, 2) + [Asm.ret(0)])
        program.nodes.append(NodeSpec(kind: .compute, height: 1, span: 0, type: nil, inputs: [],
                                      body: Body(firstWord: program.code.count, wordCount: 3, registerCount: 1, firstHandler: 0, handlerCount: 0)))
        program.code += Asm.wide(.closure, 0, 0, 0, 1) + [Asm.ret(0)]
        program.templates[2].nodeCount = 1
        expectRejected(program, "instantiates itself")
    }

    @Test func templateThatInstantiatesItselfThroughAFunctionConstant() {
        let selfValue = Value.function(.init(template: 1, captures: [], type: .function(params: [], result: .int)))
        expectRejected(closures([Asm.k(0, 0), Asm.ret(0)], constants: [selfValue]), "template 1 instantiates itself")
        let nested = Value.list([.map(.init(pairs: [(.int(1), .function(.init(template: 2, captures: [selfValue], type: .int)))]))])
        expectRejected(closures([Asm.k(0, 0), Asm.ret(0)], constants: [nested]), "template 1 instantiates itself")
        let missing = Value.function(.init(template: 9, captures: [], type: .int))
        expectRejected(closures([Asm.k(0, 0), Asm.ret(0)], constants: [missing]), "function constant names template 9")
    }

    @Test func templatesThatInstantiateEachOtherThroughBranchesLoopsAndFallbacks() {
        var b = ProgramBuilder()
        b.beginTemplate(params: 0)
        b.node(.branch(then: 1, otherwise: nil, arguments: []), [b.constantNode(.bool(true))])
        b.endTemplate()
        b.beginTemplate(params: 0)                                                        // t1 loops with t2
        b.node(.loop(template: 2, keyValue: false, arguments: []), [b.constantNode(.list([]))])
        b.endTemplate()
        b.beginTemplate(params: 2)                                                        // t2 falls back to t3
        b.node(.except(template: 3, arguments: []), [.param(1)])
        b.endTemplate()
        b.beginTemplate(params: 0)                                                        // t3 branches to t1
        b.node(.branch(then: 1, otherwise: nil, arguments: []), [b.constantNode(.bool(true))])
        b.endTemplate(result: .node(0))
        expectRejected(b.program, "instantiates itself")
        var acyclic = b.program
        acyclic.nodes[acyclic.nodes.count - 1].kind = .compute
        acyclic.nodes[acyclic.nodes.count - 1].body = acyclic.nodes[acyclic.nodes.count - 2].body
        #expect(throws: Never.self) { try Verifier.verify(acyclic) }
    }

    // MARK: Imports against the host (VirtualMachine.init)

    @Test func importsMustBeKnownToTheHost() {
        var program = oneBody(Asm.wide(.callBuiltin, 0, 0, 0, 0) + [Asm.ret(0)]).program
        program.builtins = [BuiltinImport(name: "known", signature: .function(params: [], result: .int))]
        #expect(throws: Never.self) { _ = try VirtualMachine(program: program, host: TableHost()) }
        program.builtins[0].signature = .function(params: [], result: .str)
        var error = #expect(throws: LoadError.self) { _ = try VirtualMachine(program: program, host: TableHost()) }
        #expect(error?.message == #"unknown builtin "known" with signature "func() str""#)
        program.builtins[0].name = "unknown"
        error = #expect(throws: LoadError.self) { _ = try VirtualMachine(program: program, host: TableHost()) }
        #expect(error?.message.contains(#"unknown builtin "unknown""#) == true)
    }

    @Test func kindParamsMustMatchTheHost() {
        var program = SamplePrograms.empty
        program.kinds = [KindImport(kind: "test", params: [.init(name: "int64", type: .int)])]
        #expect(throws: Never.self) { _ = try VirtualMachine(program: program, host: TableHost()) }
        program.kinds[0].params[0].type = .str
        var error = #expect(throws: LoadError.self) { _ = try VirtualMachine(program: program, host: TableHost()) }
        #expect(error?.message == #"param "int64" of "test" is int, the program was compiled for str"#)
        program.kinds[0].params[0].name = "nope"
        error = #expect(throws: LoadError.self) { _ = try VirtualMachine(program: program, host: TableHost()) }
        #expect(error?.message == #"resource kind "test" has no param "nope""#)
        // An unknown kind loads: declaring it fails at run time.
        program.kinds = [KindImport(kind: "nosuchkind", params: [.init(name: "x", type: .int)])]
        #expect(throws: Never.self) { _ = try VirtualMachine(program: program, host: TableHost()) }
    }
}

/// A host with one builtin (`known`: `func() int`) and one kind (`test`: `int64 int`).
private final class TableHost: Host {
    var interfaceVersion: Int { HostInterface.version }
    func builtin(named name: String, signature: MclType) -> BuiltinBinding? {
        name == "known" && signature == .function(params: [], result: .int) ? .function { _ in .int(42) } : nil
    }

    func resourceKind(named kind: String) -> ResourceKindDescriptor? {
        kind == "test" ? ResourceKindDescriptor(kind: "test", params: [ResourceParam("int64", .int, goField: "Int64", goType: "int64")]) : nil
    }

    func graphChanged(_ graph: ResourceGraph) {}
}
