import IR
import VM

/// Lowers a checked program into the dataflow IR (language.md §5: each bind one shared
/// value; statically known callees inlined; branches, loops, lambdas, lazy fallbacks and
/// dynamic calls become templates the VM instantiates at run time).
public enum Lower {
    public static func run(_ checked: CheckedProgram, sources: SourceMap) -> IRProgram {
        let lowering = Lowering(checked: checked, sources: sources)
        lowering.lowerProgram()
        return lowering.ir
    }
}

/// What names mean while lowering one instance (a frame of the checker): parameter values,
/// and the environment of the definition site for everything else.
final class Env {
    let frame: Frame
    let parent: Env?
    /// Parameters and loop variables, by `Decl.id`, with whether their value can fail.
    var params: [Int: (value: Located, infallible: Bool)] = [:]

    init(frame: Frame, parent: Env?) {
        self.frame = frame
        self.parent = parent
    }
}

final class Lowering {
    let checked: CheckedProgram
    let sources: SourceMap
    let ir = IRProgram()
    private var spanIndex: [Span: Int] = [:]
    private var fileIndex: [Int: Int] = [:]
    /// Values of binds, per frame and `Decl.id`.
    var bindValues: [ObjectIdentifier: [Int: Located]] = [:]
    /// The template each bind (by `Decl.id`) and include (by statement id) of a frame is
    /// lowered into: the template of its block.
    var bindHomes: [ObjectIdentifier: [Int: IRTemplate]] = [:]
    var includeHomes: [ObjectIdentifier: [Int: IRTemplate]] = [:]
    /// The template each frame's top block was lowered into.
    var bodyTemplates: [ObjectIdentifier: IRTemplate] = [:]
    /// The environment of each lowered include instance and module, by frame.
    var envs: [ObjectIdentifier: Env] = [:]
    var rootEnv: Env!
    var infallibleBinds: [ObjectIdentifier: [Int: Bool]] = [:]

    init(checked: CheckedProgram, sources: SourceMap) {
        self.checked = checked
        self.sources = sources
    }

    func lowerProgram() {
        let root = ir.makeTemplate(fixedParams: [], parent: nil)
        rootEnv = Env(frame: checked.root, parent: nil)
        envs[ObjectIdentifier(checked.root)] = rootEnv
        lowerBlock(checked.resolved.program.module.block, rootEnv, root)
    }

    /// The index of a source span in the IR's table.
    func span(_ span: Span) -> Int {
        if let i = spanIndex[span] { return i }
        let file = sources[Int(span.file)]
        let fileID: Int
        if let known = fileIndex[file.id] {
            fileID = known
        } else {
            fileID = ir.files.count
            fileIndex[file.id] = fileID
            ir.files.append(file.displayPath)
        }
        let (l1, c1) = file.location(of: Int(span.start))
        let (l2, c2) = sources.endLocation(span)
        spanIndex[span] = ir.spans.count
        ir.spans.append(SourceSpan(file: fileID, line1: l1, column1: c1, line2: l2, column2: c2))
        return ir.spans.count - 1
    }

    /// The solved type of `e` in the frame of `env`.
    func type(_ e: Expr, _ env: Env) -> MclType? { checked.type(of: e, in: env.frame) }

    // MARK: - Instances

    /// The environment holding `reference.decl` for a use in `env`: through the aliases
    /// (an include alias picks its instance), then out to the declaring unit.
    func env(for reference: Reference, from env: Env) -> Env {
        var current = env
        for alias in reference.via {
            switch alias.kind {
            case .includeAlias(let stmt, let include):
                current = lowerInclude(stmt, include, envOwning(alias.unit!, from: current))
            case .localModule(let module):
                current = envOwning(module.unit, from: current)
            default: break
            }
        }
        guard let unit = reference.decl.unit else { return current }
        return envOwning(unit, from: current)
    }

    /// The environment of `unit`'s instance seen from `env`.
    func envOwning(_ unit: Unit, from env: Env) -> Env {
        switch unit.kind {
        case .program: return rootEnv
        case .module: return moduleEnv(unit, from: env)
        default:
            var e: Env? = env
            while let current = e {
                if current.frame.unit === unit { return current }
                e = current.parent
            }
            preconditionFailure("no instance of the declaring scope while lowering")
        }
    }

    /// A module's environment (its binds are lowered on first use, in the template of the
    /// code that imported it: the program for a top-level import).
    private func moduleEnv(_ unit: Unit, from env: Env) -> Env {
        let owner = unit.parent.map { envOwning($0, from: env) }
        let frame = owner.map { $0.frame.children[-unit.id]! } ?? checked.moduleFrames[unit.id]!
        if let known = envs[ObjectIdentifier(frame)] { return known }
        let moduleEnv = Env(frame: frame, parent: owner)
        envs[ObjectIdentifier(frame)] = moduleEnv
        let home = owner.flatMap { bodyTemplates[ObjectIdentifier($0.frame)] } ?? ir.templates[0]
        if case .module(let module) = unit.kind { registerHomes(module.block, frame: frame, template: home) }
        return moduleEnv
    }

    /// Records that the binds and includes of `block` (in `frame`) live in `template`.
    func registerHomes(_ block: Block, frame: Frame, template: IRTemplate) {
        for stmt in block.stmts {
            switch stmt.kind {
            case .bind:
                if let decl = checked.resolved.declarations[stmt.id] { bindHomes[ObjectIdentifier(frame), default: [:]][decl.id] = template }
            case .include:
                includeHomes[ObjectIdentifier(frame), default: [:]][stmt.id] = template
            default: break
            }
        }
    }

    /// The value of a bind in the instance `env` (lowered once, in its block's template).
    func bindValue(_ decl: Decl, _ bind: Bind, _ env: Env) -> Located {
        let key = ObjectIdentifier(env.frame)
        if let known = bindValues[key]?[decl.id] { return known }
        let home = bindHomes[key]?[decl.id] ?? ir.templates[0]
        let value = Located(home, lowerValue(bind.value, env, home))
        bindValues[key, default: [:]][decl.id] = value
        return value
    }
}
