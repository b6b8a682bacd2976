import Foundation
import VM

/// The stream builtins that read the World (functions.md, "util, value, world, world/collect";
/// spec/world.md), each a `KeyedStream` keyed by its first argument (a key, a namespace or a
/// kind). (`value.get*` read the local value store, not the World, and live elsewhere.)
extension StreamBuiltins {
    static let world: [String: StreamStart] = [
        // struct{value str; exists bool}: `exists` false and `value` "" while the key is absent.
        "world.getval": keyed("world.getval", "key") { world, key, _, sink throws(RuntimeError) in
            let changes = ChangeFilter(sink)
            let read: @Sendable () throws(RuntimeError) -> Value = { () throws(RuntimeError) -> Value in
                let value = try world.getString(key)
                return .struct(.init(names: ["value", "exists"], values: [.str(value ?? ""), .bool(value != nil)]))
            }
            // A prefix watch also fires for longer keys; the filter drops the unchanged value.
            let watch = world.watchStrings(prefix: key) { changes.send(read) }
            changes.send(read)
            return watch
        },
        // map{str: str}: hostname → value of every host's entry in the namespace.
        "world.kvlookup": keyed("world.kvlookup", "namespace") { world, namespace, _, sink throws(RuntimeError) in
            let changes = ChangeFilter(sink)
            let read: @Sendable () throws(RuntimeError) -> Value = { () throws(RuntimeError) -> Value in
                let entries = try world.getStringMap(namespace)
                return .map(.init(pairs: entries.map { (Value.str($0.key), Value.str($0.value)) }))
            }
            let watch = world.watchStringMap(namespace) { changes.send(read) }
            changes.send(read)
            return watch
        },
        // []str. One argument (upstream): the result of the namespace's election, which a
        // `schedule` resource joins; `[]` while it has no member. Two (the seed's form): joins
        // the election itself with {strategy, max, ttl} and leaves it when the stream stops.
        "world.schedule": keyed("world.schedule", "namespace") { world, namespace, args, sink throws(RuntimeError) in
            let deliver: @Sendable ([String]) -> Void = { hosts in sink.emit(.list(hosts.map(Value.str))) }
            guard args.count > 1 else { return world.scheduled(namespace, deliver) }
            return try world.schedule(namespace, try scheduleOptions(args[1]), deliver)
        },
        // []struct{name str; host str}: every resource of the kind exported to this host (or to
        // all), with its exporting host; follows the World's exports.
        "world/collect.res": keyed("world/collect.res", "kind") { world, kind, _, sink throws(RuntimeError) in
            let changes = ChangeFilter(sink)
            let read: @Sendable () throws(RuntimeError) -> Value = { () throws(RuntimeError) -> Value in
                .list(try world.collect(kind: kind, name: nil, host: nil).map {
                    .struct(.init(names: ["name", "host"], values: [.str($0.name), .str($0.host)]))
                })
            }
            let watch = world.watchExports { changes.send(read) }
            changes.send(read)
            return watch
        },
        // []struct{name str; host str; data str}: the target of `collect kind names {...}`:
        // exported resources of the kind matching the names (a str, a []str, or
        // []struct{name str; host str} where a host "" matches any); no names, no resources.
        "_collect": keyed("_collect", "kind") { world, kind, args, sink throws(RuntimeError) in
            let filters = try collectFilters(args.count > 1 ? args[1] : .list([]))
            let changes = ChangeFilter(sink)
            let read: @Sendable () throws(RuntimeError) -> Value = { () throws(RuntimeError) -> Value in
                guard !filters.isEmpty else { return .list([]) }
                let matching = try world.collect(kind: kind, name: nil, host: nil).filter { r in
                    filters.contains { $0.name == r.name && ($0.host.isEmpty || $0.host == r.host) }
                }
                return .list(matching.map { .struct(.init(names: ["name", "host", "data"], values: [.str($0.name), .str($0.host), .str($0.data)])) })
            }
            let watch = world.watchExports { changes.send(read) }
            changes.send(read)
            return watch
        },
    ]

    /// Starts following the World for a key and the stream's arguments, emitting into the
    /// sink; returns the watch that ends it.
    typealias WorldStart = @Sendable (_ world: any World, _ key: String, _ arguments: [Value],
                                      _ sink: StreamSink) throws(RuntimeError) -> WorldWatch

    /// A keyed World stream: checks that a World is open, then runs `start` in a `KeyedStream`.
    static func keyed(_ name: String, _ keyName: String, _ start: @escaping WorldStart) -> StreamStart {
        { context, args, sink throws(RuntimeError) in
            guard let world = context.world else {
                throw RuntimeError("the World is not available: \(name) needs it, and this run has opened none")
            }
            return try KeyedStream(name, keyName: keyName, args, sink: sink) { key, args, sink throws(RuntimeError) in
                let watch = try start(world, key, args, sink)
                return { watch.cancel() }
            }
        }
    }

    /// The names of a `collect`: a str, a []str, or []struct{name str; host str}.
    static func collectFilters(_ names: Value) throws(RuntimeError) -> [(name: String, host: String)] {
        switch names {
        case .str(let name): return [(name, "")]
        case .list(let items):
            var out: [(name: String, host: String)] = []
            for item in items {
                switch item {
                case .str(let name): out.append((name, ""))
                case .struct(let s):
                    guard case .str(let name)? = s["name"], case .str(let host)? = s["host"] else { fallthrough }
                    out.append((name, host))
                default: throw RuntimeError("collect names must be str, []str or []struct{name str; host str}, not \(names)")
                }
            }
            return out
        default: throw RuntimeError("collect names must be str, []str or []struct{name str; host str}, not \(names)")
        }
    }

    /// The seed form's `struct{strategy str; max int; ttl int}` as options (not persistent).
    static func scheduleOptions(_ value: Value) throws(RuntimeError) -> ScheduleOptions {
        guard case .struct(let fields) = value, case .str(let strategy)? = fields["strategy"],
              case .int(let max)? = fields["max"], case .int(let ttl)? = fields["ttl"] else {
            throw RuntimeError("world.schedule needs options struct{strategy str; max int; ttl int}, not \(value)")
        }
        return ScheduleOptions(strategy: strategy, max: Int(clamping: max), ttl: Int(clamping: ttl))
    }
}
