import Foundation
import VM

/// The stream builtins that read the World (functions.md, "util, value, world, world/collect";
/// spec/world.md). Each is keyed by its first argument (a key, a namespace or a kind): `""` is
/// refused, and so is a key that changes after the first call. (`value.get*` read the local
/// value store, not the World, and live elsewhere.)
extension StreamBuiltins {
    static let world: [String: StreamStart] = [
        // struct{value str; exists bool}: `exists` false and `value` "" while the key is absent.
        "world.getval": keyed("world.getval", "key") { world, args, emit throws(RuntimeError) in
            let key = try args.key()
            let reader = SerialReader(emit) { () throws(RuntimeError) -> Value in
                let value = try world.getString(key)
                return .struct(.init(names: ["value", "exists"], values: [.str(value ?? ""), .bool(value != nil)]))
            }
            // A prefix watch also fires for longer keys; the value read then is unchanged and
            // the VM keeps it (an equal value changes nothing).
            let watch = world.watchStrings(prefix: key) { reader.run() }
            reader.run()
            return watch
        },
        // map{str: str}: hostname → value of every host's entry in the namespace.
        "world.kvlookup": keyed("world.kvlookup", "namespace") { world, args, emit throws(RuntimeError) in
            let namespace = try args.key()
            let reader = SerialReader(emit) { () throws(RuntimeError) -> Value in
                let entries = try world.getStringMap(namespace)
                return .map(.init(pairs: entries.map { (Value.str($0.key), Value.str($0.value)) }))
            }
            let watch = world.watchStringMap(namespace) { reader.run() }
            reader.run()
            return watch
        },
        // []str. One argument (upstream): the result of the namespace's election, which a
        // `schedule` resource joins; `[]` while it has no member. Two (the seed's form): joins
        // the election itself with {strategy, max, ttl} and leaves it when the stream stops.
        "world.schedule": keyed("world.schedule", "namespace") { world, args, emit throws(RuntimeError) in
            let namespace = try args.key()
            let deliver: @Sendable ([String]) -> Void = { hosts in emit(.success(.list(hosts.map(Value.str)))) }
            guard args.count > 1 else { return world.scheduled(namespace, deliver) }
            return try world.schedule(namespace, try scheduleOptions(args[1]), deliver)
        },
        // []struct{name str; host str}: every resource of the kind exported to this host (or to
        // all), with its exporting host; follows the World's exports.
        "world/collect.res": keyed("world/collect.res", "kind") { world, args, emit throws(RuntimeError) in
            let kind = try args.key()
            let reader = SerialReader(emit) { () throws(RuntimeError) -> Value in
                .list(try world.collect(kind: kind, name: nil, host: nil).map {
                    .struct(.init(names: ["name", "host"], values: [.str($0.name), .str($0.host)]))
                })
            }
            let watch = world.watchExports { reader.run() }
            reader.run()
            return watch
        },
        // []struct{name str; host str; data str}: the target of `collect kind names {...}`:
        // exported resources of the kind matching the names (a str, a []str, or
        // []struct{name str; host str} where a host "" matches any); no names, no resources.
        "_collect": keyed("_collect", "kind") { world, args, emit throws(RuntimeError) in
            let kind = try args.key()
            let filters = try collectFilters(args.count > 1 ? args[1] : .list([]))
            let reader = SerialReader(emit) { () throws(RuntimeError) -> Value in
                guard !filters.isEmpty else { return .list([]) }
                let matching = try world.collect(kind: kind, name: nil, host: nil).filter { r in
                    filters.contains { $0.name == r.name && ($0.host.isEmpty || $0.host == r.host) }
                }
                return .list(matching.map { .struct(.init(names: ["name", "host", "data"], values: [.str($0.name), .str($0.host), .str($0.data)])) })
            }
            let watch = world.watchExports { reader.run() }
            reader.run()
            return watch
        },
    ]

    /// A keyed World stream: checks the World and the key, then runs `start` in a
    /// `WorldStream` that refuses a changed key.
    static func keyed(_ name: String, _ keyName: String, _ start: @escaping WorldStream.Start) -> StreamStart {
        { context, args, sink throws(RuntimeError) in
            guard let world = context.world else {
                throw RuntimeError("the World is not available: \(name) needs it, and this run has opened none")
            }
            guard case .str(let key) = args.first else { throw RuntimeError("\(name) needs a \(keyName)") }
            if key.isEmpty { throw RuntimeError("\(name): can't use an empty \(keyName)") }
            let stream = WorldStream(name: name, keyName: keyName, key: key, world: world, sink: sink, start: start)
            try stream.begin(args)
            return stream
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

extension Array where Element == Value {
    /// The first argument as a string (the stream's key, checked by `keyed`).
    fileprivate func key() throws(RuntimeError) -> String {
        guard case .str(let key) = first else { throw RuntimeError("a World stream needs a string key") }
        return key
    }
}

extension StreamBuiltins {
    /// The error of a keyed stream (functions.md: `world.*`, `value.get*`...) whose key is not
    /// `key` any more in `arguments`, or nil when it is the same.
    static func refusedKeyChange(_ name: String, _ keyName: String, from key: String, to arguments: [Value]) -> RuntimeError? {
        if case .str(let newKey)? = arguments.first, newKey == key { return nil }
        let shown = arguments.first.map { value -> String in
            if case .str(let s) = value { return "`\(s)`" }
            return value.description
        } ?? "nothing"
        return RuntimeError("\(name): can't change \(keyName), previously: `\(key)`, now: \(shown)")
    }
}

/// Reads and emits under one lock, so emissions come in the order of the reads and a change
/// notified after a write always ends with a read of that write.
final class SerialReader: @unchecked Sendable {
    private let lock = NSLock()
    private let emit: @Sendable (Result<Value, RuntimeError>) -> Void
    private let read: @Sendable () throws(RuntimeError) -> Value

    init(_ emit: @escaping @Sendable (Result<Value, RuntimeError>) -> Void,
         _ read: @escaping @Sendable () throws(RuntimeError) -> Value) {
        self.emit = emit
        self.read = read
    }

    func run() {
        lock.lock()
        defer { lock.unlock() }
        do throws(RuntimeError) {
            emit(.success(try read()))
        } catch {
            emit(.failure(error))
        }
    }
}

/// A running keyed World stream. `update` takes new arguments in place: the same key with
/// other arguments (`world.schedule`'s options) starts a new watch before the old one ends,
/// so a joined election is never left in between; another key fails the stream, since a
/// World stream follows one key for its whole life.
final class WorldStream: StreamHandle, @unchecked Sendable {
    /// Starts watching `world` for `arguments`, emitting through the closure; returns the
    /// watch that ends it.
    typealias Start = @Sendable (_ world: any World, _ arguments: [Value],
                                 _ emit: @escaping @Sendable (Result<Value, RuntimeError>) -> Void) throws(RuntimeError) -> WorldWatch

    private let lock = NSLock()
    private var generation = 0
    private var watch: WorldWatch?
    private var stopped = false
    private let name: String
    private let keyName: String
    private let key: String
    private let world: any World
    private let sink: StreamSink
    private let start: Start

    init(name: String, keyName: String, key: String, world: any World, sink: StreamSink, start: @escaping Start) {
        self.name = name
        self.keyName = keyName
        self.key = key
        self.world = world
        self.sink = sink
        self.start = start
    }

    /// Starts a watch for `arguments`; only its emissions count from now on.
    func begin(_ arguments: [Value]) throws(RuntimeError) {
        lock.lock()
        generation += 1
        let current = generation
        lock.unlock()
        let next = try start(world, arguments) { [weak self] result in self?.deliver(result, current) }
        lock.lock()
        let previous = watch
        watch = next
        let ended = stopped
        lock.unlock()
        previous?.cancel()
        if ended { next.cancel() }
    }

    func stop() {
        lock.lock()
        stopped = true
        let last = watch
        watch = nil
        lock.unlock()
        last?.cancel()
    }

    func update(_ arguments: [Value]) -> Bool {
        if let refused = StreamBuiltins.refusedKeyChange(name, keyName, from: key, to: arguments) {
            sink.fail(refused)
            return true
        }
        do throws(RuntimeError) {
            try begin(arguments)
        } catch {
            sink.fail(error)
        }
        return true
    }

    /// Passes on what the watch of `generation` emits, unless a newer watch replaced it or the
    /// stream stopped.
    private func deliver(_ result: Result<Value, RuntimeError>, _ generation: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped, generation == self.generation else { return }
        switch result {
        case .success(let value): sink.emit(value)
        case .failure(let error): sink.fail(error)
        }
    }
}
