import VM

/// Something a name can refer to: a variable, a function, a class or an alias.
/// Created by `Resolve`; `Unify` and the lowering key their per-instance state by it.
public final class Decl: @unchecked Sendable {
    public enum Kind {
        /// `$x = e` (variable).
        case bind(Stmt, Bind)
        /// A parameter of a class, `func` or lambda (variable).
        case param(Param, index: Int)
        /// `$i`/`$v` of `for`, `$k`/`$v` of `forkv` (variable).
        case loopVariable(Param, Loop, isFirst: Bool)
        /// A predeclared variable of the runtime (`$const.res...`, `$os.family_debian`): a constant.
        case runtimeVariable(VariableDescriptor)
        /// `$hostname`: a value the engine supplies at start.
        case hostname
        /// `func name(...) {...}` (function).
        case function(Stmt, FunctionDecl)
        /// A builtin function of the catalog.
        case builtin(BuiltinDescriptor)
        /// `class name(...) {...}`.
        case `class`(Stmt, ClassDecl)
        /// `import "m" as a`: an alias for a core module.
        case coreModule(String)
        /// `import "m.mcl" as a` or `import "m/" as a`: an alias for a local module's scope.
        case localModule(ResolvedModule)
        /// `include c(...) as a`: an alias for that instance's body scope.
        case includeAlias(Stmt, Include)
    }

    public let kind: Kind
    /// The unit whose instances hold this declaration's value (nil for builtins and
    /// runtime variables, which belong to no instance).
    public let unit: Unit?
    public let id: Int

    init(_ kind: Kind, unit: Unit?, id: Int) {
        self.kind = kind
        self.unit = unit
        self.id = id
    }

    /// `bind(x)`, `func(f)`, `include(c)`, `import(fmt)`: upstream's rendering in duplicate errors.
    var rendering: String {
        switch kind {
        case .bind(_, let bind): "bind(\(bind.name))"
        case .param(let param, _), .loopVariable(let param, _, _): "param(\(param.name))"
        case .runtimeVariable(let v): "var(\(v.name))"
        case .hostname: "var(hostname)"
        case .function(_, let f): "func(\(f.name))"
        case .builtin(let b): "func(\(b.qualifiedName))"
        case .class(_, let c): "class(\(c.name))"
        case .coreModule(let path): "import(\(path))"
        case .localModule(let module): "import(\(module.importName))"
        case .includeAlias(_, let include): "include(\(include.name))"
        }
    }
}

/// A unit of instantiation: code whose declarations get fresh values (and types) per
/// instance. A class body is instantiated per `include`, a `func` body per call site, a
/// lambda per evaluation of its literal, a loop body per element; the program and each
/// module have one instance. `if` branches belong to the enclosing unit.
public final class Unit: @unchecked Sendable {
    public enum Kind {
        case program(Module)
        case module(Module)
        case classBody(Stmt, ClassDecl)
        case function(Stmt, FunctionDecl)
        case lambda(Lambda)
        case loop(Stmt, Loop)
    }

    public let kind: Kind
    /// The lexically enclosing unit (nil for the program and modules).
    public let parent: Unit?
    /// The parameters (class, func, lambda) or loop variables, in order.
    public internal(set) var params: [Decl] = []
    /// The module whose code this is (for `deploy` bases and diagnostics).
    public let module: Module
    public let id: Int

    init(_ kind: Kind, parent: Unit?, module: Module, id: Int) {
        self.kind = kind
        self.parent = parent
        self.module = module
        self.id = id
    }
}

/// A resolved name: the declaration, reached through zero or more aliases (`$i1.i0.x`
/// goes through include aliases `i1` then `i0`). The aliases pick the instance.
public struct Reference: Sendable {
    public let decl: Decl
    public let via: [Decl]
}
