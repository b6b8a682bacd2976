import VM

/// Inferring the type of each expression in a frame.
extension Checker {
    /// The type of `e` evaluated in `frame`; recorded in `frame.expressions`.
    @discardableResult
    func infer(_ e: Expr, in frame: Frame) throws(Diagnostic) -> TypeVar {
        let t = try inferUnrecorded(e, in: frame)
        frame.expressions[e.id] = t
        return t
    }

    private func inferUnrecorded(_ e: Expr, in frame: Frame) throws(Diagnostic) -> TypeVar {
        switch e.kind {
        case .bool: return store.make(.bool)
        case .int: return store.make(.int)
        case .float: return store.make(.float)
        case .string, .rawString: return store.make(.str)
        case .interpolation:
            for reference in program.interpolations[e.id] ?? [] {
                let t = try typeOf(reference, in: frame, at: e.span)
                try unify(store.make(.str), t, Reason(span: e.span, what: "a variable interpolated into a string"))
            }
            return store.make(.str)
        case .list(let items):
            let element = store.fresh()
            for item in items {
                try unify(element, try infer(item, in: frame), Reason(span: item.span, what: "an element of this list"))
            }
            return store.make(.list(element))
        case .map(let entries):
            let key = store.fresh()
            let value = store.fresh()
            for entry in entries {
                try unify(key, try infer(entry.key, in: frame), Reason(span: entry.key.span, what: "a key of this map"))
                try unify(value, try infer(entry.value, in: frame), Reason(span: entry.value.span, what: "a value of this map"))
            }
            let t = store.make(.map(key, value))
            mapLiterals.append((t, e))
            return t
        case .struct(let entries):
            var fields: [TypeVar] = []
            for entry in entries { fields.append(try infer(entry.value, in: frame)) }
            return store.make(.struct(names: entries.map(\.name), fields: fields))
        case .variable:
            return try typeOf(program.references[e.id]!, in: frame, at: e.span)
        case .call(let name, let args):
            return try inferCall(e, name: name, args: args, in: frame)
        case .callVariable(let name, let args):
            let callee = try typeOf(program.references[e.id]!, in: frame, at: e.span)
            return try apply(callee, args: args, call: e, what: "`$\(name)`", in: frame)
        case .callLambda(let lambda, let args):
            let callee = try inferLambda(lambda, in: frame)
            return try apply(callee, args: args, call: e, what: "this lambda", in: frame)
        case .lambda(let lambda):
            return try inferLambda(lambda, in: frame)
        case .ifElse(let condition, let then, let otherwise):
            try unify(store.make(.bool), try infer(condition, in: frame), Reason(span: condition.span, what: "the condition of an if expression"))
            let result = try infer(then, in: frame)
            try unify(result, try infer(otherwise, in: frame), Reason(span: otherwise.span, what: "the else branch (the then branch's type)"))
            return result
        case .binary(let op, let left, let right):
            return try inferOperator(op, left, right, e, in: frame)
        case .not(let operand):
            try unify(store.make(.bool), try infer(operand, in: frame), Reason(span: operand.span, what: "the operand of `not`"))
            return store.make(.bool)
        case .index(let container, let index):
            let c = try infer(container, in: frame)
            let i = try infer(index, in: frame)
            let result = store.fresh()
            let call = store.make(.function(names: ["", ""], params: [c, i], result: result))
            try constrain(call, candidates: Self.lookupSignatures, name: "index", span: e.span)
            return result
        case .field(let structure, let name):
            let s = try infer(structure, in: frame)
            let result = store.fresh()
            try postpone(.field(structure: s, name: name, result: result, optional: false, span: e.span))
            return result
        case .optionalField(let structure, let name, let fallback):
            let s = try infer(structure, in: frame)
            let d = try infer(fallback, in: frame)
            try postpone(.field(structure: s, name: name, result: d, optional: true, span: e.span))
            return d
        case .except(let left, let right):
            let result = try infer(left, in: frame)
            try unify(result, try infer(right, in: frame), Reason(span: right.span, what: "the fallback of `<|>` (the left side's type)"))
            return result
        }
    }

    /// `x[i]`: a list index or a map key.
    static let lookupSignatures: [MclType] = [
        .function(params: [.init("list", .list(.typeVar(1))), .init("index", .int)], result: .typeVar(1)),
        .function(params: [.init("map", .map(key: .typeVar(1), value: .typeVar(2))), .init("key", .typeVar(1))], result: .typeVar(2)),
    ]

    /// The type of what a reference names, in the instance `frame` selects.
    func typeOf(_ reference: Reference, in frame: Frame, at span: Span) throws(Diagnostic) -> TypeVar {
        switch reference.decl.kind {
        case .runtimeVariable(let variable):
            return type(variable.value.mclType)
        case .hostname:
            return store.make(.str)
        case .bind(_, let bind):
            let owner = try instance(of: reference, from: frame)
            if let known = owner.values[reference.decl.id] { return known }
            let t = store.fresh()
            owner.values[reference.decl.id] = t
            if let annotation = bind.annotation {
                try unify(type(annotation.type), t, Reason(span: annotation.span, what: "the annotation of `$\(bind.name)`"))
            }
            try unify(t, try infer(bind.value, in: owner), Reason(span: bind.value.span, what: "`$\(bind.name)`"))
            return t
        case .param, .loopVariable:
            let owner = try instance(of: reference, from: frame)
            guard let t = owner.values[reference.decl.id] else {
                throw Diagnostic(.type, "internal error: parameter has no type in this instance", at: span)
            }
            return t
        default:
            throw Diagnostic(.type, "internal error: `\(reference.decl.rendering)` is not a value", at: span)
        }
    }

    /// The frame holding `reference.decl` for a use in `frame`: follow the aliases (each
    /// include alias picks an instance), then walk out to the declaring unit's instance.
    func instance(of reference: Reference, from frame: Frame) throws(Diagnostic) -> Frame {
        var current = frame
        for alias in reference.via {
            current = try aliasFrame(alias, from: current)
        }
        guard let unit = reference.decl.unit else { return current }
        return try frameOf(unit, from: current)
    }

    func frameOf(_ unit: Unit, from frame: Frame) throws(Diagnostic) -> Frame {
        switch unit.kind {
        case .program: return moduleFrame(unit)
        case .module where unit.parent == nil: return moduleFrame(unit)
        case .module:
            // A module imported inside a block: one instance per instance of that block's unit.
            let owner = try frameOf(unit.parent!, from: frame)
            if let existing = owner.children[-unit.id] { return existing }
            let instance = makeFrame(unit, parent: owner)
            owner.children[-unit.id] = instance
            return instance
        default:
            guard let found = frame.enclosing(unit) else {
                throw Diagnostic(.type, "internal error: no instance of the declaring scope", at: nil)
            }
            return found
        }
    }

    /// The instance an alias names, seen from `frame`.
    private func aliasFrame(_ alias: Decl, from frame: Frame) throws(Diagnostic) -> Frame {
        switch alias.kind {
        case .localModule(let module): return try frameOf(module.unit, from: frame)
        case .includeAlias(let stmt, let include):
            let owner = try frameOf(alias.unit!, from: frame)
            return try instantiate(include: stmt, include, in: owner)
        default: return frame
        }
    }

    /// A lambda literal: one frame per evaluation site, parameters typed once.
    func inferLambda(_ lambda: Lambda, in frame: Frame) throws(Diagnostic) -> TypeVar {
        let unit = program.units[lambda.id]!
        let inner = makeFrame(unit, parent: frame)
        frame.children[lambda.id] = inner
        let params = bindParams(unit, lambda.params, in: inner)
        let result = try infer(lambda.body, in: inner)
        if let annotation = lambda.result {
            try unify(type(annotation.type), result, Reason(span: lambda.body.span, what: "the declared result of this lambda"))
        }
        return store.make(.function(names: lambda.params.map(\.name), params: params, result: result))
    }

    /// Fresh (or annotated) types for a unit's parameters, stored in `frame`.
    func bindParams(_ unit: Unit, _ params: [Param], in frame: Frame) -> [TypeVar] {
        zip(unit.params, params).map { decl, param in
            let t = param.type.map { type($0.type) } ?? store.fresh()
            frame.values[decl.id] = t
            declSpans[decl.id] = param.span
            return t
        }
    }

    /// Calling a function value: `callee` must be `func(args...) result`.
    func apply(_ callee: TypeVar, args: [Expr], call: Expr, what: String, in frame: Frame) throws(Diagnostic) -> TypeVar {
        var argTypes: [TypeVar] = []
        for arg in args { argTypes.append(try infer(arg, in: frame)) }
        let result = store.fresh()
        let expected = store.make(.function(names: args.map { _ in "" }, params: argTypes, result: result))
        try unify(expected, callee, Reason(span: call.span, what: "the function called by \(what)"))
        return result
    }
}

extension Value {
    /// The type of a value (a list's element type from its first element; `[]` of str).
    var mclType: MclType {
        switch self {
        case .bool: .bool
        case .str: .str
        case .int: .int
        case .float: .float
        case .list(let items): .list(items.first?.mclType ?? .str)
        case .map(let map): .map(key: map.keys.first?.mclType ?? .str, value: map.values.first?.mclType ?? .str)
        case .struct(let s): .struct(zip(s.names, s.values).map { .init($0, $1.mclType) })
        case .function(let f): f.type
        }
    }
}
