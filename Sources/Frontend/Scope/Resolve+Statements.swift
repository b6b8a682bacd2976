/// Resolving the statements and expressions of a declared block.
extension Resolver {
    func resolve(_ block: Block, _ context: Context) {
        for stmt in block.stmts { resolve(stmt, context) }
    }

    /// A nested block (`if` branch) of the same unit: its own scope, declared then resolved.
    private func resolveNested(_ block: Block, _ context: Context) {
        var inner = context
        inner.scope = Scope(parent: context.scope, unit: context.scope.unit)
        declare(block, inner)
        resolve(block, inner)
    }

    private func resolve(_ stmt: Stmt, _ context: Context) {
        switch stmt.kind {
        case .bind(let bind):
            var inner = context
            inner.owner = result.declarations[stmt.id]
            resolve(bind.value, inner)
        case .resource(let resource):
            resolve(resource.name, context)
            for entry in resource.entries {
                if let condition = entry.condition { resolve(condition, context) }
                if let value = entry.value { resolve(value, context) }
                if case .edge(_, let half) = entry.kind { resolve(half.name, context) }
            }
        case .edge(let halves):
            for half in halves { resolve(half.name, context) }
        case .ifStmt(let condition, let then, let otherwise):
            resolve(condition, context)
            resolveNested(then, context)
            if let otherwise { resolveNested(otherwise, context) }
        case .loop(let loop):
            resolve(loop.collection, context)
            let unit = makeUnit(.loop(stmt, loop), parent: context.scope.unit, module: context.scope.unit!.module)
            result.units[stmt.id] = unit
            var inner = context
            inner.scope = Scope(parent: context.scope, unit: unit)
            unit.params = declareParams([loop.first, loop.second], in: inner, loop: loop)
            resolveNested(loop.body, inner)
        case .function(let function):
            let unit = makeUnit(.function(stmt, function), parent: context.scope.unit, module: context.scope.unit!.module)
            result.units[stmt.id] = unit
            var inner = context
            inner.owner = result.declarations[stmt.id]
            inner.scope = Scope(parent: context.scope, unit: unit)
            unit.params = declareParams(function.params, in: inner)
            resolve(function.body, inner)
        case .class(let classDecl):
            guard classDecl.path.count == 1, let decl = result.declarations[stmt.id],
                  let body = bodyScope(ofClass: decl) else { return }  // `class a:b` without an `a`: unreachable
            resolve(classDecl.body, Context(scope: body, owner: decl, region: decl))
        case .include(let include):
            resolveInclude(stmt, include, context)
        case .import:
            break  // done while declaring
        case .panic(let args):
            for arg in args { resolve(arg, context) }
        }
    }

    private func resolveInclude(_ stmt: Stmt, _ include: Include, _ context: Context) {
        let alias = result.declarations[stmt.id]
        var argsContext = context
        if let alias { argsContext.owner = alias }  // args are part of the instance the alias names
        for arg in include.args { resolve(arg, argsContext) }
        guard let target = lookup(include.name.parts, .class, in: context.scope) else {
            report(Diagnostic(.scope, "class `\(include.name)` does not exist in this scope", at: stmt.span), context)
            return
        }
        result.includes[stmt.id] = target
        depend(context, on: target, at: stmt.span)
        if alias != nil { depend(argsContext, on: target, at: stmt.span) }
        includedFrom[context.region?.id, default: []].append(target.decl)
        if case .class(_, let classDecl) = target.decl.kind, classDecl.params.count != include.args.count {
            report(Diagnostic(.scope, "class `\(include.name)` expected \(classDecl.params.count) args but got \(include.args.count)",
                              at: stmt.span), context)
        }
    }

    // MARK: - Expressions

    func resolve(_ expr: Expr, _ context: Context) {
        switch expr.kind {
        case .bool, .int, .float, .string, .rawString: break
        case .interpolation(let parts):
            var references: [Reference] = []
            for case .variable(let name) in parts {
                guard let found = resolveVariable(name, at: expr.span, noun: "var", context) else { return }
                references.append(found)
            }
            result.interpolations[expr.id] = references
        case .variable(let name):
            if let found = resolveVariable(name, at: expr.span, noun: "var", context) { result.references[expr.id] = found }
        case .callVariable(let name, let args):
            if let found = resolveVariable(name, at: expr.span, noun: "lambda", context) { result.references[expr.id] = found }
            for arg in args { resolve(arg, context) }
        case .call(let name, let args):
            if let found = lookup(name.parts, .function, in: context.scope) {
                result.references[expr.id] = found
                depend(context, on: found, at: expr.span)
            } else {
                report(Diagnostic(.scope, "func `\(name)` does not exist in this scope", at: expr.span), context)
            }
            for arg in args { resolve(arg, context) }
        case .callLambda(let lambda, let args):
            resolveLambda(lambda, context)
            for arg in args { resolve(arg, context) }
        case .lambda(let lambda):
            resolveLambda(lambda, context)
        case .list(let items):
            for item in items { resolve(item, context) }
        case .map(let entries):
            for entry in entries { resolve(entry.key, context); resolve(entry.value, context) }
        case .struct(let entries):
            for entry in entries { resolve(entry.value, context) }
        case .ifElse(let condition, let then, let otherwise):
            resolve(condition, context); resolve(then, context); resolve(otherwise, context)
        case .binary(_, let left, let right), .except(let left, let right), .index(let left, let right):
            resolve(left, context); resolve(right, context)
        case .not(let operand), .field(let operand, _):
            resolve(operand, context)
        case .optionalField(let operand, _, let fallback):
            resolve(operand, context); resolve(fallback, context)
        }
    }

    private func resolveVariable(_ name: DottedName, at span: Span, noun: String, _ context: Context) -> Reference? {
        guard let found = lookup(name.parts, .variable, in: context.scope) else {
            report(Diagnostic(.scope, "\(noun) `$\(name)` does not exist in this scope", at: span), context)
            return nil
        }
        depend(context, on: found, at: span)
        return found
    }

    private func resolveLambda(_ lambda: Lambda, _ context: Context) {
        let unit = makeUnit(.lambda(lambda), parent: context.scope.unit, module: context.scope.unit!.module)
        result.units[lambda.id] = unit
        var inner = context
        inner.scope = Scope(parent: context.scope, unit: unit)
        unit.params = declareParams(lambda.params, in: inner)
        resolve(lambda.body, inner)
    }
}
