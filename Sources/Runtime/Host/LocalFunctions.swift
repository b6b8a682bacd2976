import Foundation
import VM

/// Builtins that read this host's local state under the configuration's prefix (ctx:Local
/// in functions.md), and the provisioner's flags.
struct LocalFunctions {
    let configuration: RuntimeHost.Configuration

    /// The builtins implemented here.
    static let names: Set<String> = Set(["local.vardir", "local.pool", "net/http.response",
                                         "value.get", "value.get_bool", "value.get_str", "value.get_int", "value.get_float"])
        .union(Registry.builtins.filter { $0.module == "embedded/provisioner" }.map(\.qualifiedName))

    func binding(_ name: String, signature: MclType) -> BuiltinBinding? {
        let prefix = configuration.prefix
        switch name {
        case "local.vardir":
            return Self.once { args throws(RuntimeError) in
                guard case .str(let path)? = args.first, !path.hasPrefix("/"), path.hasSuffix("/") else {
                    throw RuntimeError("path must be relative and end with a slash")
                }
                let full = prefix + "/vardir/functions/" + path
                do {
                    try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o750])
                } catch {
                    throw RuntimeError("can't create `\(full)`: \(error.localizedDescription)")
                }
                return .str(full)
            }
        case "local.pool":
            return Self.once { args throws(RuntimeError) in
                guard args.count == 2, case .str(let namespace) = args[0], case .str(let uid) = args[1] else {
                    throw RuntimeError("internal error: local.pool needs a namespace and a uid")
                }
                return .int(try LocalPool(prefix: prefix).number(namespace: namespace, uid: uid))
            }
        case "value.get", "value.get_bool", "value.get_str", "value.get_int", "value.get_float":
            // struct{value T; ready bool}, T being this call site's type.
            guard case .function(_, .struct(let fields)) = signature, let valueType = fields.first?.type else { return nil }
            let follow = Self.valueStore(name, LocalValueStore(prefix: prefix), type: valueType)
            return .stream { args, sink throws(RuntimeError) in try KeyedStream(name, keyName: "key", args, sink: sink, start: follow) }
        case "net/http.response":
            // The state of an http:client resource; before the engine ran one, upstream reports
            // status 0 and no output.
            return Self.once { _ in .struct(.init(names: ["status", "output"], values: [.int(0), .str("")])) }
        default:
            guard name.hasPrefix("embedded/provisioner."), case .function(_, let result) = signature else { return nil }
            let flag = String(name.dropFirst("embedded/provisioner.".count))
            // Only `mgmt provisioner` sets these flags, and this build has no such command:
            // every optional flag is unset (an error, as upstream), a bool flag is false.
            return .function { _ throws(RuntimeError) in
                if result == .bool { return .bool(false) }
                throw RuntimeError("the provisioner flag for `\(flag)` is not set (this build has no `mgmt provisioner`)")
            }
        }
    }

    /// `value.get*`: follows one key of the local value store (its file, with inotify), emitting
    /// `{value, ready: true}` while a value of the call site's type is stored and `{zero, ready:
    /// false}` while none is. A value of another type is a fatal error; the key is checked and
    /// kept by `KeyedStream` (functions.md, "keyed streams").
    private static func valueStore(_ name: String, _ store: LocalValueStore, type: MclType) -> KeyedStream.Start {
        let notReady = Value.struct(.init(names: ["value", "ready"], values: [SignatureSpecific.zero(of: type), .bool(false)]))
        return { key, _, sink throws(RuntimeError) in
            let read: @Sendable () throws(RuntimeError) -> Value = { () throws(RuntimeError) -> Value in
                guard let stored = try store.get(key) else { return notReady }
                // A `variant` call site takes a value of any type.
                guard stored.type == type || type == .variant else {
                    throw RuntimeError("\(name): the value stored under `\(key)` is a \(stored.type), not a \(type)")
                }
                return .struct(.init(names: ["value", "ready"], values: [stored.value, .bool(true)]))
            }
            let watcher = try StreamBuiltins.follow(path: store.path(of: key), changes: ChangeFilter(sink), read: read)
            return { watcher.stop() }
        }
    }

    /// A stream that emits one value computed from its arguments.
    private static func once(_ body: @escaping @Sendable ([Value]) throws(RuntimeError) -> Value) -> BuiltinBinding {
        .stream { args, sink throws(RuntimeError) in
            sink.emit(try body(args))
            return StreamTask()
        }
    }
}

/// `local.pool`: a persistent allocator; a (namespace, uid) pair keeps its number across
/// restarts (one file per uid), a new uid gets the highest number + 1, starting at 1.
struct LocalPool {
    let prefix: String

    func number(namespace: String, uid: String) throws(RuntimeError) -> Int64 {
        guard !namespace.isEmpty, !uid.isEmpty, !namespace.contains("/"), !uid.contains("/") else {
            throw RuntimeError("namespace and uid must be non-empty and contain no slash")
        }
        let folder = prefix + "/vardir/pool/" + namespace + "/"
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if let data = fm.contents(atPath: folder + uid), let n = Int64(String(decoding: data, as: UTF8.self)) { return n }
            var highest: Int64 = 0
            for file in try fm.contentsOfDirectory(atPath: folder) {
                if let data = fm.contents(atPath: folder + file), let n = Int64(String(decoding: data, as: UTF8.self)) { highest = max(highest, n) }
            }
            try Data(String(highest + 1).utf8).write(to: URL(fileURLWithPath: folder + uid), options: .atomic)
            return highest + 1
        } catch {
            throw RuntimeError("local.pool: \(error.localizedDescription)")
        }
    }
}
