/// Name lookup through scopes, flattened imports and aliases (language.md §4.1, §4.5, §4.6).
extension Resolver {
    /// Looks `parts` up from `scope` outwards; the innermost scope that knows the name wins.
    func lookup(_ parts: [String], _ namespace: Namespace, in scope: Scope) -> Reference? {
        var current: Scope? = scope
        while let s = current {
            if let found = lookupLocal(parts, namespace, in: s) { return found }
            current = s.parent
        }
        return nil
    }

    /// Looks in one scope only: its own names, its aliases, then its flattened imports
    /// (the last flattened import that has the name wins).
    func lookupLocal(_ parts: [String], _ namespace: Namespace, in scope: Scope) -> Reference? {
        if parts.count == 1, let decl = table(namespace, of: scope)[parts[0]] {
            return Reference(decl: decl, via: [])
        }
        if parts.count > 1, let alias = scope.aliases[parts[0]] {
            return lookupThrough(alias, Array(parts.dropFirst()), namespace)
        }
        for source in scope.flattened.reversed() {
            if let found = lookupIn(source, parts, namespace) { return found }
        }
        if scope.parent == nil { return lookupGlobal(parts, namespace) }
        return nil
    }

    private func table(_ namespace: Namespace, of scope: Scope) -> [String: Decl] {
        switch namespace {
        case .variable: scope.variables
        case .function: scope.functions
        case .class: scope.classes
        }
    }

    /// Through an alias: into a core module, a local module's scope, or an include's body scope.
    private func lookupThrough(_ alias: Decl, _ rest: [String], _ namespace: Namespace) -> Reference? {
        switch alias.kind {
        case .coreModule, .localModule:
            return lookupIn(alias, rest, namespace)
        case .includeAlias:
            guard let target = includeTarget(alias), let body = bodyScope(ofClass: target),
                  let found = lookup(rest, namespace, in: body) else { return nil }
            return Reference(decl: found.decl, via: [alias] + found.via)
        default:
            return nil
        }
    }

    /// Inside an imported module (core or local), as `alias.name` or flattened.
    private func lookupIn(_ source: Decl, _ parts: [String], _ namespace: Namespace) -> Reference? {
        switch source.kind {
        case .coreModule(let path):
            return coreDecl(module: path, name: parts.joined(separator: "."), namespace)
        case .localModule(let module):
            return lookupLocal(parts, namespace, in: module.scope)
        default:
            return nil
        }
    }

    /// The global scope: the catalog's top-level functions and variables (`len`,
    /// `$purpleidea`, `$const.res.file.state.exists`) and `$hostname`.
    private func lookupGlobal(_ parts: [String], _ namespace: Namespace) -> Reference? {
        coreDecl(module: "", name: parts.joined(separator: "."), namespace)
    }

    /// A declaration for a catalog builtin or variable, made once per name.
    private func coreDecl(module: String, name: String, _ namespace: Namespace) -> Reference? {
        let key = "\(namespace.noun):\(module).\(name)"
        if let decl = builtinDecls[key] { return Reference(decl: decl, via: []) }
        let kind: Decl.Kind
        switch namespace {
        case .function:
            guard let builtin = catalog.builtin(module: module, name: name) else { return nil }
            kind = .builtin(builtin)
        case .variable:
            guard let variable = catalog.variable(module: module, name: name) else { return nil }
            kind = .runtimeVariable(variable)
        case .class:
            return nil
        }
        let decl = makeDecl(kind, unit: nil)
        builtinDecls[key] = decl
        return Reference(decl: decl, via: [])
    }
}
