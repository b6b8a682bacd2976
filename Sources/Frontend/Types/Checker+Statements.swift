import VM

/// Checking the statements of a block in an instance: resources, edges, branches, loops,
/// includes and panics. Binds, funcs and classes are checked where they are used.
extension Checker {
    func check(_ block: Block, in frame: Frame) throws(Diagnostic) {
        for stmt in block.stmts {
            switch stmt.kind {
            case .bind, .function, .class, .import:
                continue
            case .resource(let resource):
                try check(resource, stmt, in: frame)
            case .edge(let halves):
                try check(edge: halves, stmt, in: frame)
            case .ifStmt(let condition, let then, let otherwise):
                try unify(store.make(.bool), try infer(condition, in: frame), Reason(span: condition.span, what: "the condition of an if statement"))
                try check(then, in: frame)
                if let otherwise { try check(otherwise, in: frame) }
            case .loop(let loop):
                try check(loop, stmt, in: frame)
            case .include(let include):
                _ = try instantiate(include: stmt, include, in: frame)
            case .panic(let args):
                let types = [MclType.bool] + (args.count == 2 ? [.str] : [])
                var argTypes: [TypeVar] = []
                for arg in args { argTypes.append(try infer(arg, in: frame)) }
                let call = store.make(.function(names: args.map { _ in "" }, params: argTypes, result: store.make(.bool)))
                let candidates: [MclType] = args.count == 2
                    ? [.function(params: types.map { .init("", $0) }, result: .bool)]
                    : [.function(params: [.init("x", .bool)], result: .bool), .function(params: [.init("x", .str)], result: .bool)]
                try constrain(call, candidates: candidates, name: "panic", span: stmt.span)
            }
        }
    }

    private func check(_ loop: Loop, _ stmt: Stmt, in frame: Frame) throws(Diagnostic) {
        let collection = try infer(loop.collection, in: frame)
        let unit = program.units[stmt.id]!
        let body = makeFrame(unit, parent: frame)
        frame.children[stmt.id] = body
        let first = store.fresh()
        let second = store.fresh()
        body.values[unit.params[0].id] = first
        body.values[unit.params[1].id] = second
        declSpans[unit.params[0].id] = loop.first.span
        declSpans[unit.params[1].id] = loop.second.span
        if loop.isKeyValue {
            try unify(store.make(.map(first, second)), collection, Reason(span: loop.collection.span, what: "the map of a forkv loop"))
        } else {
            try unify(store.make(.int), first, Reason(span: loop.first.span, what: "the index of a for loop"))
            try unify(store.make(.list(second)), collection, Reason(span: loop.collection.span, what: "the list of a for loop"))
        }
        try check(loop.body, in: body)
    }

    /// A resource: its name is `str` when statically known to be one, else `[]str`
    /// (language.md §4.7); params take the kind's types, metaparams theirs.
    private func check(_ resource: Resource, _ stmt: Stmt, in frame: Frame) throws(Diagnostic) {
        try checkName(resource.name, collect: resource.isCollect, of: "a `\(resource.kind)` resource", span: stmt.span, in: frame)
        let kind = catalog.resourceKind(resource.kind)
        if kind == nil, resource.entries.contains(where: { if case .param = $0.kind { true } else { false } }) {
            throw Diagnostic(.type, "no resource kind `\(resource.kind)` available", at: resource.kindSpan,
                             notes: ["run `mgmt functions` or see spec/ for the resource kinds this build knows"])
        }
        for entry in resource.entries {
            if let condition = entry.condition {
                try unify(store.make(.bool), try infer(condition, in: frame), Reason(span: condition.span, what: "the condition of a `?:` entry"))
            }
            switch entry.kind {
            case .param(let name):
                guard let param = kind?.param(named: name) else {
                    throw Diagnostic(.type, "field `\(name)` does not exist in `\(resource.kind)` resource", at: entry.keySpan)
                }
                let value = try infer(entry.value!, in: frame)
                if case .variant = param.type { continue }  // any type will do
                try unify(type(param.type), value, Reason(span: entry.value!.span, what: "parameter `\(name)` of `\(resource.kind)`"))
            case .meta(let name):
                let wanted = Validate.metaparams.first { $0.name == name }!.type
                try unify(type(wanted), try infer(entry.value!, in: frame), Reason(span: entry.value!.span, what: "`Meta:\(name)`"))
            case .metaStruct:
                let wanted = MclType.struct(Validate.metaparams.map { .init($0.name, $0.type) })
                try unify(type(wanted), try infer(entry.value!, in: frame), Reason(span: entry.value!.span, what: "`Meta`"))
            case .edge(let property, let half):
                try checkName(half.name, collect: false, of: "the `\(property.rawValue.capitalized)` edge", span: half.span, in: frame)
            }
        }
    }

    /// A resource or edge name: `str` if statically a string, else `[]str` (for `collect`,
    /// a list of `struct{name str; host str}` is allowed too).
    private func checkName(_ name: Expr, collect: Bool, of what: String, span: Span, in frame: Frame) throws(Diagnostic) {
        let t = try infer(name, in: frame)
        if isStaticString(name, in: frame) {
            try unify(store.make(.str), t, Reason(span: span, what: "the name of \(what)"))
        } else if collect {
            let call = store.make(.function(names: [""], params: [t], result: store.make(.bool)))
            let names = MclType.struct([.init("name", .str), .init("host", .str)])
            try constrain(call, candidates: [.function(params: [.init("names", .list(.str))], result: .bool),
                                             .function(params: [.init("names", .list(names))], result: .bool)],
                          name: "the names of \(what)", span: span)
        } else {
            try unify(t, store.make(.list(store.make(.str))),
                      Reason(span: span, what: "the name of \(what) (a list, since the name is not statically a string)", foundFirst: true))
        }
    }

    /// `A[a] -> B[b]`, and the send/recv checks of `A[a].out -> B[b].in`.
    private func check(edge halves: [EdgeHalf], _ stmt: Stmt, in frame: Frame) throws(Diagnostic) {
        guard halves.count >= 2 else {
            throw Diagnostic(.type, "can't create an edge with only one half", at: stmt.span)
        }
        for half in halves {
            try checkName(half.name, collect: false, of: "an edge half", span: half.span, in: frame)
        }
        guard let sendField = halves[0].field, let recvField = halves[1].field else { return }
        let (from, to) = (halves[0], halves[1])
        func shown(_ half: EdgeHalf) -> String {
            if case .str(let name)? = constantValue(half.name, in: frame) { return "\(half.kind)[\(name)]" }
            return half.kind
        }
        let pair = "\(shown(from)).\(sendField) to \(shown(to)).\(recvField)"
        guard let sender = catalog.resourceKind(from.kind), sender.canSend else {
            throw Diagnostic(.type, "cannot send from resource of kind: \(from.kind)", at: stmt.span)
        }
        guard let receiver = catalog.resourceKind(to.kind), receiver.canReceive else {
            throw Diagnostic(.type, "cannot recv to resource of kind: \(to.kind)", at: stmt.span)
        }
        guard let sent = sender.send(named: sendField) else {
            throw Diagnostic(.type, "cannot send/recv from \(pair): key not found in send struct", at: stmt.span,
                             notes: ["`\(from.kind)` sends: " + sender.sends.map(\.name).joined(separator: ", ")])
        }
        guard let received = receiver.param(named: recvField) else {
            throw Diagnostic(.type, "cannot send/recv from \(pair): key not found in recv struct", at: stmt.span)
        }
        let sentKind = sent.goKindName
        let receivedKind = received.goKindName
        if sentKind != receivedKind, sentKind != "interface", receivedKind != "interface" {
            throw Diagnostic(.type, "cannot send/recv from \(pair): field kind mismatch between \(sentKind) and \(receivedKind)", at: stmt.span,
                             notes: ["`\(sendField)` is \(sent.type), `\(recvField)` is \(received.type)"])
        }
    }
}
