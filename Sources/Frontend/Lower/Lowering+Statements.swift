import IR
import VM

/// Statements: resources and edges become output values; `if` statements and loops become
/// structure values instantiating templates; includes are inlined.
extension Lowering {
    /// Lowers a block of instance `env` into `template`.
    func lowerBlock(_ block: Block, _ env: Env, _ template: IRTemplate) {
        if bodyTemplates[ObjectIdentifier(env.frame)] == nil { bodyTemplates[ObjectIdentifier(env.frame)] = template }
        registerHomes(block, frame: env.frame, template: template)
        for stmt in block.stmts { lowerStatement(stmt, env, template) }
    }

    private func lowerStatement(_ stmt: Stmt, _ env: Env, _ t: IRTemplate) {
        switch stmt.kind {
        case .bind, .function, .class, .import:
            return
        case .resource(let resource):
            lowerResource(resource, stmt, env, t)
        case .edge(let halves):
            let args = halves.map { lowerValue($0.name, env, t) }
            t.append(IRValue(.edge(halves: halves.map { EdgeHalfSpec(kind: $0.kind, field: $0.field) }), args, type: nil, span: span(stmt.span)),
                     output: true)
        case .ifStmt(let condition, let then, let otherwise):
            let c = lowerValue(condition, env, t)
            let captures = CaptureList()
            let thenTemplate = ir.makeTemplate(fixedParams: [], parent: t, captures: captures)
            lowerBlock(then, env, thenTemplate)
            var elseTemplate: IRTemplate?
            if let otherwise {
                elseTemplate = ir.makeTemplate(fixedParams: [], parent: t, captures: captures)
                lowerBlock(otherwise, env, elseTemplate!)
            }
            t.append(IRValue(.branch(then: thenTemplate.id, otherwise: elseTemplate?.id), [c] + captures.values.map { t.use($0) },
                             type: nil, span: span(stmt.span)), output: true)
        case .loop(let loop):
            lowerLoop(loop, stmt, env, t)
        case .include(let include):
            _ = lowerInclude(stmt, include, env)
        case .panic(let args):
            let values = args.map { lowerValue($0, env, t) }
            let name = args.count == 2 ? "panic_debug" : "panic"
            let signature = MclType.function(params: args.map { .init("", type($0, env) ?? .bool) }, result: .bool)
            let check = t.append(IRValue(.builtin(name: name, signature: signature, pure: false), values, type: .bool, span: span(stmt.span)))
            t.append(IRValue(.assert, [check], type: nil, span: span(stmt.span)), output: true)
        }
    }

    /// `kind name { entries }`: one output whose arguments are the name, then each entry's
    /// condition (when it has one) and value.
    private func lowerResource(_ resource: Resource, _ stmt: Stmt, _ env: Env, _ t: IRTemplate) {
        var args = [lowerValue(resource.name, env, t)]
        var entries: [ResourceEntrySpec] = []
        for entry in resource.entries {
            if let condition = entry.condition { args.append(lowerValue(condition, env, t)) }
            switch entry.kind {
            case .param(let name):
                entries.append(ResourceEntrySpec(kind: .param, hasCondition: entry.condition != nil, name: name))
                args.append(lowerValue(entry.value!, env, t))
            case .meta(let name):
                entries.append(ResourceEntrySpec(kind: .meta, hasCondition: entry.condition != nil, name: name))
                args.append(lowerValue(entry.value!, env, t))
            case .metaStruct:
                entries.append(ResourceEntrySpec(kind: .metaStruct, hasCondition: entry.condition != nil, name: "Meta"))
                args.append(lowerValue(entry.value!, env, t))
            case .edge(let property, let half):
                entries.append(ResourceEntrySpec(kind: .edge, hasCondition: entry.condition != nil, name: property.rawValue, targetKind: half.kind))
                args.append(lowerValue(half.name, env, t))
            }
        }
        t.append(IRValue(.resource(kind: resource.kind, collect: resource.isCollect, entries: entries), args, type: nil,
                         span: span(stmt.span)), output: true)
    }

    /// `for`/`forkv`: a template with the index (key) and element as its first parameters,
    /// one instance per element at run time.
    private func lowerLoop(_ loop: Loop, _ stmt: Stmt, _ env: Env, _ t: IRTemplate) {
        let collection = lowerValue(loop.collection, env, t)
        let collectionType = type(loop.collection, env)
        let (first, second): (MclType, MclType) = switch collectionType {
        case .map(let key, let value)?: (key, value)
        case .list(let element)?: (.int, element)
        default: (.int, .variant)
        }
        let body = ir.makeTemplate(fixedParams: [first, second], parent: t)
        let frame = env.frame.children[stmt.id]!
        let loopEnv = Env(frame: frame, parent: env)
        for (i, decl) in frame.unit.params.enumerated() { loopEnv.params[decl.id] = (Located(body, .param(i)), true) }
        lowerBlock(loop.body, loopEnv, body)
        t.append(IRValue(.loop(template: body.id, keyValue: loop.isKeyValue), [collection] + body.captures.values.map { t.use($0) },
                         type: nil, span: span(stmt.span)), output: true)
    }

    /// An include: the class body inlined into the includer's template, with the parameters
    /// bound to the arguments; once per include statement and instance.
    func lowerInclude(_ stmt: Stmt, _ include: Include, _ env: Env) -> Env {
        let frame = env.frame.children[stmt.id]!
        if let done = envs[ObjectIdentifier(frame)] { return done }
        let home = includeHomes[ObjectIdentifier(env.frame)]?[stmt.id] ?? bodyTemplates[ObjectIdentifier(env.frame)] ?? ir.templates[0]
        let target = checked.resolved.includes[stmt.id]!
        guard case .class(_, let classDecl) = target.decl.kind else { preconditionFailure("include of a non-class") }
        let definition = self.env(for: target, from: env)
        let instance = Env(frame: frame, parent: definition)
        bindArguments(include.args, to: instance, from: env, home)
        envs[ObjectIdentifier(frame)] = instance
        lowerBlock(classDecl.body, instance, home)
        return instance
    }
}
