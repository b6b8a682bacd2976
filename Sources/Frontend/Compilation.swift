import Foundation
import IR
import VM

/// One run of the frontend over a program: parse (with interpolation and the structural
/// checks), resolve scopes and imports, then type-check. The first error stops it, and
/// `sources` can render it with an excerpt.
public final class Compilation {
    public let sources = SourceMap()
    public let catalog: Catalog
    let ids = NodeIDs()
    /// The checked program's deploy root (where `deploy.readfile` reads): its folder, or the
    /// folder given; nil until `check` found the program.
    public private(set) var deployRoot: String?

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Checks the program at `path`: an `.mcl` file (its folder is the deploy root) or a
    /// folder holding `metadata.yaml` or `main.mcl`.
    public func check(path given: String) throws(Diagnostic) -> CheckedProgram {
        let path = InputPath.resolve(given)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        guard exists else { throw Diagnostic(.parse, "no such file or folder: \(path)", at: nil) }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let root = isDirectory.boolValue ? absolute : (absolute as NSString).deletingLastPathComponent
        deployRoot = root
        let loader = ModuleLoader(sources: sources, ids: ids, root: root)
        let main = try loader.loadProgram(at: absolute, isDirectory: isDirectory.boolValue)
        let resolved = try Resolver(catalog: catalog, loader: loader).run(main)
        let checker = Checker(program: resolved, catalog: catalog, sources: sources)
        let frame = try checker.run()
        return CheckedProgram(resolved: resolved, root: frame, moduleFrames: checker.moduleFrames, types: checker.store)
    }
}

extension Compilation {
    /// Checks the program at `path`, lowers it to IR and optimizes it. `fold` computes pure
    /// builtins on constants (the Runtime's implementations, handed in by the CLI).
    public func lower(path: String, fold: BuiltinFolder?) throws(Diagnostic) -> IRProgram {
        let checked = try check(path: path)
        let ir = Lower.run(checked, sources: sources)
        Optimize.run(ir, fold: fold)
        return ir
    }

    /// Compiles the program at `path` into a VM program (what `.mcb` files hold).
    public func compile(path: String, fold: BuiltinFolder?) throws(Diagnostic) -> Program {
        Codegen.generate(try lower(path: path, fold: fold))
    }
}

/// A program that passed every static check: resolved names and the typed instance tree.
public struct CheckedProgram: @unchecked Sendable {
    public let resolved: ResolvedProgram
    /// The instance of the program; every include, func call, lambda and loop below it.
    public let root: Frame
    /// The single instance of each top-level module, by unit id.
    let moduleFrames: [Int: Frame]
    let types: TypeStore

    /// The function type of a lambda literal evaluated in `frame`.
    public func type(ofLambda lambda: Lambda, in frame: Frame) -> MclType? {
        guard let inner = frame.children[lambda.id] else { return nil }
        var params: [MclType.FunctionParam] = []
        for (decl, param) in zip(inner.unit.params, lambda.params) {
            guard let t = inner.values[decl.id].flatMap({ types.resolved($0) }) else { return nil }
            params.append(.init(param.name, t))
        }
        return type(of: lambda.body, in: inner).map { .function(params: params, result: $0) }
    }

    /// The solved type of an expression evaluated in `frame`.
    public func type(of expr: Expr, in frame: Frame) -> MclType? {
        frame.expressions[expr.id].flatMap { types.resolved($0) }
    }
}
