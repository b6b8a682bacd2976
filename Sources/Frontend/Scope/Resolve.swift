import Foundation
import VM

/// Scope resolution (upstream's `errSetScope`, stage `scope`): loads imports, binds every
/// name to its declaration, checks arity of includes, duplicates, and recursion.
///
/// Order independence: a block's names are declared before anything in it is resolved, so
/// a use may precede its definition, and a definition shadows outer names for the whole
/// block. Errors inside a class body count only if the class is included from reachable
/// code (an unused class is not scope-checked); cycles are found over all code.
final class Resolver {
    let catalog: Catalog
    let loader: ModuleLoader
    private(set) var result: ResolvedProgram!
    private let globalScope: Scope
    private var nextDeclID = 0
    private var nextUnitID = 0
    /// Declarations of catalog builtins and variables, by namespace, module and name.
    var builtinDecls: [String: Decl] = [:]
    /// Scope errors with the class whose body they are in (nil: always reported).
    private var errors: [(Diagnostic, region: Decl?)] = []
    /// Classes included from each region (nil: code outside class bodies).
    var includedFrom: [Int?: [Decl]] = [:]
    /// Dependency edges for the recursion check: declaration id → (used declaration, where).
    private(set) var dependencies: [Int: [(Decl, Span)]] = [:]
    /// Scopes of class bodies and include statements, for lookups through include aliases.
    private var classBodyScopes: [Int: Scope] = [:]
    private var includeScopes: [Int: Scope] = [:]
    private var includeTargetCache: [Int: Decl?] = [:]
    /// Resolved modules by path and the scope they were imported into (see `resolveModule`).
    private var modulesByKey: [String: ResolvedModule] = [:]
    private var modulesInProgress: Set<String> = []

    /// What surrounds the code being resolved.
    struct Context {
        var scope: Scope
        /// The declaration whose definition this is: uses become its dependencies.
        var owner: Decl?
        /// The class whose body this is, if any: errors wait until it is included.
        var region: Decl?
    }

    init(catalog: Catalog, loader: ModuleLoader) {
        self.catalog = catalog
        self.loader = loader
        self.globalScope = Scope(parent: nil, unit: nil)
        globalScope.variables["hostname"] = Decl(.hostname, unit: nil, id: -1)
    }

    /// Resolves the program whose entry is `main`, and everything it imports.
    func run(_ main: Module) throws(Diagnostic) -> ResolvedProgram {
        let unit = makeUnit(.program(main), parent: nil, module: main)
        let scope = Scope(parent: globalScope, unit: unit)
        let program = ResolvedModule(module: main, unit: unit, scope: scope, importName: main.file.displayPath)
        result = ResolvedProgram(program: program)
        modulesInProgress.insert(main.file.path)
        let context = Context(scope: scope, owner: nil, region: nil)
        declare(main.block, context)
        resolve(main.block, context)
        try reportErrors()
        try Recursion.check(dependencies: dependencies, sources: loader.sources)
        return result
    }

    // MARK: - Bookkeeping

    func makeUnit(_ kind: Unit.Kind, parent: Unit?, module: Module) -> Unit {
        nextUnitID += 1
        return Unit(kind, parent: parent, module: module, id: nextUnitID)
    }

    func makeDecl(_ kind: Decl.Kind, unit: Unit?) -> Decl {
        nextDeclID += 1
        let decl = Decl(kind, unit: unit, id: nextDeclID)
        return decl
    }

    func report(_ diagnostic: Diagnostic, _ context: Context) {
        errors.append((diagnostic, context.region))
    }

    /// Records that `owner`'s definition uses `reference` (and the aliases it went through).
    func depend(_ context: Context, on reference: Reference, at span: Span) {
        guard let owner = context.owner else { return }
        for decl in reference.via + [reference.decl] {
            switch decl.kind {
            case .bind, .function, .class, .includeAlias: dependencies[owner.id, default: []].append((decl, span))
            default: break
            }
        }
    }

    /// Reports the first error (by position) among code outside classes and classes that
    /// are included from reachable code.
    private func reportErrors() throws(Diagnostic) {
        guard !errors.isEmpty else { return }
        var reached = Set<Int>()
        var work = includedFrom[nil] ?? []
        while let decl = work.popLast() {
            guard reached.insert(decl.id).inserted else { continue }
            work += includedFrom[decl.id] ?? []
        }
        let live = errors.filter { $0.region.map { reached.contains($0.id) } ?? true }.map(\.0)
        guard let first = live.min(by: { a, b in
            let (x, y) = (a.span ?? Span(file: 0, start: 0, end: 0), b.span ?? Span(file: 0, start: 0, end: 0))
            return x.isBefore(y)
        }) else { return }
        throw first
    }

    // MARK: - Declaring

    /// Declares the names a block defines, before anything in it is resolved.
    func declare(_ block: Block, _ context: Context) {
        let scope = context.scope
        for stmt in block.stmts {
            switch stmt.kind {
            case .bind(let bind):
                let decl = makeDecl(.bind(stmt, bind), unit: scope.unit)
                result.declarations[stmt.id] = decl
                add(decl, named: bind.name, to: \.variables, tag: "var", at: stmt.span, context)
            case .function(let function):
                let decl = makeDecl(.function(stmt, function), unit: scope.unit)
                result.declarations[stmt.id] = decl
                add(decl, named: function.name, to: \.functions, tag: "func", at: stmt.span, context)
            case .class(let classDecl) where classDecl.path.count == 1:
                let decl = makeDecl(.class(stmt, classDecl), unit: scope.unit)
                result.declarations[stmt.id] = decl
                scope.classes[classDecl.name] = decl  // duplicates were rejected by Interpolate
                declareClassBody(stmt, classDecl, decl, context)
            case .import(let imp):
                declareImport(stmt, imp, context)
            case .include(let include):
                includeScopes[stmt.id] = scope
                if let alias = include.alias {
                    let decl = makeDecl(.includeAlias(stmt, include), unit: scope.unit)
                    result.declarations[stmt.id] = decl
                    add(decl, named: alias, to: \.aliases, tag: "scoped", at: stmt.span, context)
                }
            default:
                break
            }
        }
    }

    /// Adds a declaration to a namespace, reporting a second one of the same name.
    private func add(_ decl: Decl, named name: String, to table: ReferenceWritableKeyPath<Scope, [String: Decl]>,
                     tag: String, at span: Span, _ context: Context) {
        if let existing = context.scope[keyPath: table][name] {
            report(Diagnostic(.scope, "could not generate ordering: duplicate assignment to `\(tag):\(name)`, have: \(existing.rendering)",
                              at: span), context)
            return
        }
        context.scope[keyPath: table][name] = decl
    }

    /// A class gets its unit and its parameter and body scopes at once, so include aliases
    /// can look inside it before its statement is reached.
    private func declareClassBody(_ stmt: Stmt, _ classDecl: ClassDecl, _ decl: Decl, _ context: Context) {
        let unit = makeUnit(.classBody(stmt, classDecl), parent: context.scope.unit, module: context.scope.unit!.module)
        result.units[stmt.id] = unit
        let paramScope = Scope(parent: context.scope, unit: unit)
        let inner = Context(scope: paramScope, owner: decl, region: decl)
        unit.params = declareParams(classDecl.params, in: inner)
        let bodyScope = Scope(parent: paramScope, unit: unit)
        classBodyScopes[decl.id] = bodyScope
        declare(classDecl.body, Context(scope: bodyScope, owner: decl, region: decl))
    }

    /// Declares parameters (or loop variables) as variables of `context.scope`.
    func declareParams(_ params: [Param], in context: Context, loop: Loop? = nil) -> [Decl] {
        params.enumerated().map { index, param in
            let kind: Decl.Kind = loop.map { .loopVariable(param, $0, isFirst: index == 0) } ?? .param(param, index: index)
            let decl = makeDecl(kind, unit: context.scope.unit)
            if context.scope.variables[param.name] != nil {
                report(Diagnostic(.scope, "duplicate parameter name `$\(param.name)`", at: param.span), context)
            }
            context.scope.variables[param.name] = decl
            return decl
        }
    }

    private func declareImport(_ stmt: Stmt, _ imp: Import, _ context: Context) {
        let scope = context.scope
        let module = scope.unit!.module
        if !scope.importPaths.insert(imp.path).inserted {
            report(Diagnostic(.scope, "import `\(imp.path)` already exists in this scope", at: stmt.span), context)
            return
        }
        let decl: Decl
        do {
            switch try loader.resolveImport(imp.path, span: imp.pathSpan, from: module, catalog: catalog) {
            case .core(let path): decl = makeDecl(.coreModule(path), unit: nil)
            case .local(let imported):
                decl = makeDecl(.localModule(try resolveModule(imported, name: imp.path, span: stmt.span, outer: scope.parent!)), unit: nil)
            }
        } catch {
            report(error, context)
            return
        }
        if imp.alias == "*" {
            scope.flattened.append(decl)
            return
        }
        var alias = imp.alias ?? ""
        if imp.alias == nil {
            do {
                alias = try ModuleLoader.defaultAlias(for: imp.path, span: imp.pathSpan)
            } catch {
                report(error, context)
                return
            }
        }
        if let existing = scope.aliases[alias] {
            let message = existing.isImport ? "import alias `\(alias)` already exists in this scope"
                : "could not generate ordering: duplicate assignment to `scoped:\(alias)`, have: \(existing.rendering)"
            report(Diagnostic(.scope, message, at: stmt.span), context)
            return
        }
        scope.aliases[alias] = decl
    }

    /// Resolves an imported local module. Its code sees the scope the importing block got
    /// from outside (`outer`: the global scope for a top-level import) and never the
    /// importer's own names (language.md §4.5); it is resolved once per path and outer scope.
    private func resolveModule(_ module: Module, name: String, span: Span, outer: Scope) throws(Diagnostic) -> ResolvedModule {
        let key = "\(module.file.path)\u{0}\(ObjectIdentifier(outer).hashValue)"
        if let done = modulesByKey[key] { return done }
        if modulesInProgress.contains(module.file.path) {
            throw Diagnostic(.scope, "recursive import of: `\(name)`", at: span)
        }
        modulesInProgress.insert(module.file.path)
        defer { modulesInProgress.remove(module.file.path) }
        let unit = makeUnit(.module(module), parent: outer.unit, module: module)
        let scope = Scope(parent: outer, unit: unit)
        let resolved = ResolvedModule(module: module, unit: unit, scope: scope, importName: name)
        let context = Context(scope: scope, owner: nil, region: nil)
        let before = errors.count
        declare(module.block, context)
        resolve(module.block, context)
        // Errors inside the module are reported on the import, inner position first.
        for index in before..<errors.count {
            errors[index].0 = loader.importFailure(errors[index].0, name: name, importSpan: span)
        }
        for stmt in module.block.stmts {
            switch stmt.kind {
            case .import, .bind, .function, .class: continue
            default:
                throw Diagnostic(.scope, "local import of `\(name)` failed: module contains unused statements: found stmt: \(Self.render(stmt))",
                                 at: span, notes: ["the statement is at \(loader.sources.byline(stmt.span)); an imported file may only hold imports, binds, funcs and classes"])
            }
        }
        modulesByKey[key] = resolved
        result.modules.append(resolved)
        return resolved
    }

    /// Upstream's short rendering of a statement in "unused statements" errors.
    static func render(_ stmt: Stmt) -> String {
        switch stmt.kind {
        case .resource(let r): "res(\(r.kind))"
        case .edge: "edge"
        case .include(let i): "include(\(i.name))"
        case .ifStmt, .panic: "if( ... ) { ... }"
        case .loop(let loop): loop.isKeyValue ? "forkv($\(loop.first.name), $\(loop.second.name)) in ..." : "for($\(loop.first.name), $\(loop.second.name)) in ..."
        default: "stmt"
        }
    }

    // MARK: - Include targets

    /// The class an `include ... as alias` instantiates (looked up lazily: aliases may be
    /// used before their include statement is resolved).
    func includeTarget(_ alias: Decl) -> Decl? {
        guard case .includeAlias(let stmt, let include) = alias.kind else { return nil }
        if let cached = includeTargetCache[stmt.id] { return cached }
        includeTargetCache[stmt.id] = .some(nil)  // guards against an alias used in its own include name
        guard let scope = includeScopes[stmt.id] else { return nil }
        let target = lookup(include.name.parts, .class, in: scope)?.decl
        includeTargetCache[stmt.id] = target
        return target
    }

    func bodyScope(ofClass decl: Decl) -> Scope? { classBodyScopes[decl.id] }
}

extension Decl {
    var isImport: Bool {
        switch kind {
        case .coreModule, .localModule: true
        default: false
        }
    }
}
