import VM

/// The state hosts share (spec/world.md): strings under keys, per-host string maps, the
/// scheduler. Backends: SQLite on one host (the default), etcd for clusters (later). No
/// backend type appears here. Watch callbacks may run on any thread.
public protocol World: WorldExchange {
    /// The name this host has in the World (maps and the scheduler are keyed by it).
    var hostname: String { get }

    /// The value under `key`, or nil when there is none.
    func getString(_ key: String) throws(RuntimeError) -> String?
    /// Writes `value` under `key`, atomically and durably (an equal value changes nothing).
    func setString(_ key: String, _ value: String) throws(RuntimeError)
    /// Removes `key`; a missing key is fine.
    func deleteString(_ key: String) throws(RuntimeError)
    /// Calls `onChange` after any change of a key starting with `prefix`, until cancelled.
    func watchStrings(prefix: String, _ onChange: @escaping @Sendable () -> Void) -> WorldWatch

    /// Hostname → value for every host with an entry in `namespace`.
    func getStringMap(_ namespace: String) throws(RuntimeError) -> [String: String]
    /// Writes this host's entry of `namespace`.
    func setStringMapEntry(_ namespace: String, _ value: String) throws(RuntimeError)
    /// Removes this host's entry of `namespace`.
    func deleteStringMapEntry(_ namespace: String) throws(RuntimeError)
    /// Calls `onChange` after any change of an entry of `namespace`, until cancelled.
    func watchStringMap(_ namespace: String, _ onChange: @escaping @Sendable () -> Void) -> WorldWatch

    /// Joins the election of `namespace`; `onChange` gets the chosen hostnames now and after
    /// each change, until the returned watch is cancelled (which also leaves the election
    /// unless `options.persist`).
    func schedule(_ namespace: String, _ options: ScheduleOptions,
                  _ onChange: @escaping @Sendable ([String]) -> Void) throws(RuntimeError) -> WorldWatch
    /// The chosen hostnames of `namespace`, now and after each change, without joining.
    func scheduled(_ namespace: String, _ onChange: @escaping @Sendable ([String]) -> Void) -> WorldWatch
    /// Removes this host from the election of `namespace` at once, even a persistent
    /// membership (the `schedule` resource's `withdraw => true`).
    func withdraw(_ namespace: String) throws(RuntimeError)
}

/// The export and deploy hooks (engine.md §12.4-12.5): what `Meta:export`, `collect`,
/// `world/collect.res` and `mgmt deploy` use. Part of every World.
public protocol WorldExchange: Sendable {
    /// Replaces what this host exports with `resources` (a resource no longer listed is
    /// pruned). Each goes to the hosts in its `to` list (`*` = every host).
    func export(_ resources: [ExportedResource]) throws(RuntimeError)
    /// The exported resources visible to this host (sent to it or to `*`), filtered by kind,
    /// name and exporting host (nil matches anything), sorted by kind, name, host.
    func collect(kind: String?, name: String?, host: String?) throws(RuntimeError) -> [ExportedResource]
    /// Calls `onChange` after the exports visible to this host may have changed.
    func watchExports(_ onChange: @escaping @Sendable () -> Void) -> WorldWatch

    /// Adds deploy `id` (`payload`: a compiled `.mcb`). Deploys are numbered 1, 2, 3...: `id`
    /// must be the next one; with both hashes given, the previous deploy's hash must be `parentHash`.
    func addDeploy(id: Int, payload: [UInt8], hash: String?, parentHash: String?) throws(RuntimeError)
    /// The highest deploy id, 0 when none.
    func maxDeployID() throws(RuntimeError) -> Int
    /// The payload of deploy `id`, nil when there is none.
    func deploy(_ id: Int) throws(RuntimeError) -> [UInt8]?
    func watchDeploys(_ onChange: @escaping @Sendable () -> Void) -> WorldWatch
}

/// A resource one host exports for others to collect.
public struct ExportedResource: Sendable, Equatable {
    public var kind: String
    public var name: String
    /// The exporting host.
    public var host: String
    /// The hosts it is for: hostnames, or `*` for all.
    public var to: [String]
    /// The encoded resource (the engine's own encoding; it must round-trip between its hosts).
    public var data: String

    public init(kind: String, name: String, host: String, to: [String], data: String) {
        self.kind = kind
        self.name = name
        self.host = host
        self.to = to
        self.data = data
    }
}

/// How a scheduling namespace chooses hosts (the `schedule` resource's params, or the
/// struct of `world.schedule(namespace, options)`).
public struct ScheduleOptions: Sendable, Equatable {
    /// `rr` or `alpha`.
    public var strategy: String = "rr"
    /// How many hosts to choose.
    public var max: Int = 1
    /// Seconds a member stays without refreshing its membership.
    public var ttl: Int = 10
    /// Keep the membership after a clean disconnect.
    public var persist: Bool = false

    public init(strategy: String = "rr", max: Int = 1, ttl: Int = 10, persist: Bool = false) {
        self.strategy = strategy
        self.max = max
        self.ttl = ttl
        self.persist = persist
    }
}

/// A running watch or membership; `cancel()` ends it.
public protocol WorldWatch: Sendable {
    func cancel()
}
