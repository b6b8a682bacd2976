import Foundation
import VM

/// The `deploy` functions: they read the deploy tree and know the calling code's base
/// (`/` for the main program, `/mod1/` for a module folder), which the compiler passes as a
/// hidden first argument (spec/host-interface.md). Every error here is fatal, as upstream.
///
/// The file readers are streams that follow their file with inotify: our deploy tree is the
/// program's folder on disk, and an edit there shows in the running program. (Upstream's
/// deploy file system is fixed per deploy; there a change is a new deploy.)
struct DeployFunctions {
    let configuration: RuntimeHost.Configuration

    /// The builtins implemented here as plain functions.
    static let names: Set<String> = ["deploy.abspath", "deploy.directory"]

    /// The file readers, started by `StreamBuiltins` with the run's configuration.
    static let streams: [String: StreamStart] = [
        "deploy.readfile": StreamBuiltins.watched({ context, args throws(RuntimeError) in
            let (base, file) = try baseAndPath(args)
            try requireAbsolute(file)
            return context.configuration.deployRoot + String(base.dropLast()) + file
        }) { path, args throws(RuntimeError) in try read(path, shown: try baseAndPath(args).1) },
        "deploy.readfileabs": StreamBuiltins.watched({ context, args throws(RuntimeError) in
            let (_, file) = try baseAndPath(args)
            try requireAbsolute(file)
            return context.configuration.deployRoot + file
        }) { path, args throws(RuntimeError) in try read(path, shown: try baseAndPath(args).1) },
        // Upstream stats the path as given (ignoring the base); we look in the deploy tree.
        "deploy.file_exists": StreamBuiltins.watched({ context, args throws(RuntimeError) in
            let (_, file) = try baseAndPath(args)
            try requireAbsolute(file)
            return context.configuration.deployRoot + file
        }) { path, _ in .bool(FileManager.default.fileExists(atPath: path)) },
    ]

    func binding(_ name: String) -> BuiltinBinding? {
        let root = configuration.deployRoot
        let prefix = configuration.prefix
        switch name {
        case "deploy.abspath":
            return .function { args throws(RuntimeError) in
                let (base, path) = try Self.baseAndPath(args)
                if path.isEmpty { return .str(base) }
                try Self.requireAbsolute(path)
                return .str(String(base.dropLast()) + path)
            }
        case "deploy.directory":
            return .function { args throws(RuntimeError) in
                let (base, directory) = try Self.baseAndPath(args)
                guard directory.hasPrefix("/"), directory.hasSuffix("/") else {
                    throw RuntimeError("directory must start and end with a slash, got: `\(directory)`")
                }
                let deployPath = String(base.dropLast()) + directory
                let local = prefix + "/vardir/directory" + deployPath
                try Self.mirror(from: root + deployPath, to: local)
                return .str(local)
            }
        default:
            return nil
        }
    }

    static func baseAndPath(_ args: [Value]) throws(RuntimeError) -> (String, String) {
        guard args.count == 2, case .str(let base) = args[0], case .str(let path) = args[1] else {
            throw RuntimeError("internal error: deploy function called without its base")
        }
        return (base, path)
    }

    static func requireAbsolute(_ path: String) throws(RuntimeError) {
        guard path.hasPrefix("/") else { throw RuntimeError("filename was not absolute, got: `\(path)`") }
    }

    static func read(_ full: String, shown: String) throws(RuntimeError) -> Value {
        guard let data = FileManager.default.contents(atPath: full) else {
            throw RuntimeError("can't read file `\(shown)` (\(full))")
        }
        return .str(String(decoding: data, as: UTF8.self))
    }

    /// Makes `target` a copy of the folder `source`: folders 0750, files keep their modes,
    /// unchanged files are not rewritten, entries no longer in `source` are removed.
    static func mirror(from source: String, to target: String) throws(RuntimeError) {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RuntimeError("can't read directory `\(source)`")
        }
        do {
            try fm.createDirectory(atPath: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
            let wanted = Set(try fm.contentsOfDirectory(atPath: source))
            for stale in try fm.contentsOfDirectory(atPath: target) where !wanted.contains(stale) {
                try fm.removeItem(atPath: target + stale)
            }
            for name in wanted.sorted() {
                let from = (source as NSString).appendingPathComponent(name)
                let to = (target as NSString).appendingPathComponent(name)
                if fm.fileExists(atPath: from, isDirectory: &isDirectory), isDirectory.boolValue {
                    try mirror(from: from + "/", to: to + "/")
                } else if fm.contents(atPath: from) != fm.contents(atPath: to) {
                    if fm.fileExists(atPath: to) { try fm.removeItem(atPath: to) }
                    try fm.copyItem(atPath: from, toPath: to)
                }
            }
        } catch let error as RuntimeError {
            throw error
        } catch {
            throw RuntimeError("can't mirror `\(source)` into `\(target)`: \(error)")
        }
    }
}
