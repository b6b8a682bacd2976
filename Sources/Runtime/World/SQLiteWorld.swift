import Foundation
import GRDB
import VM

/// The single-host World, and the default one (spec/world.md, "The SQLite backend"): one
/// SQLite file, `<prefix>/world/world.sqlite`, in WAL mode, written through one GRDB
/// `DatabasePool` (a single writer connection, concurrent readers).
///
/// Watches: a write by this World refreshes the watchers it may concern at once, on the
/// writing thread. Commits by other connections (other processes on the host, or another
/// `SQLiteWorld` on the same file) are found by polling `PRAGMA data_version` every
/// `pollInterval` seconds of the injected clock, while any watch is open. A watcher calls back
/// only when what it watches differs from what it saw last.
///
/// Thread-safe: every method may be called from any thread. Errors are `RuntimeError`s naming
/// the operation and SQLite's message.
public final class SQLiteWorld: World, @unchecked Sendable {
    public let hostname: String
    /// Where the file is (for messages and tests).
    public let path: String
    /// The time of memberships, expiries and polls.
    let clock: any Clock
    let pool: DatabasePool
    let hub: WorldWatchHub
    let memberships = Memberships()

    /// How often, in clock seconds, the watches look for other connections' commits.
    public static let pollInterval = 0.25

    /// Opens (creating folders, file and tables as needed) `<prefix>/world/world.sqlite` as
    /// the World of host `hostname`.
    public static func open(prefix: String, hostname: String, clock: any Clock = SystemClock()) throws(RuntimeError) -> SQLiteWorld {
        let folder = URL(fileURLWithPath: prefix).appendingPathComponent("world")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError("the World could not create \(folder.path): \(error.localizedDescription)")
        }
        return try SQLiteWorld(path: folder.appendingPathComponent("world.sqlite").path, hostname: hostname, clock: clock)
    }

    /// Opens the World file at `path` (its folder must exist).
    public init(path: String, hostname: String, clock: any Clock = SystemClock()) throws(RuntimeError) {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)  // another process holding the write lock
        configuration.label = "world"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrate(pool)
        } catch {
            throw RuntimeError("the World could not open \(path): \(error)")
        }
        let probe = DataVersionProbe(pool)
        self.hostname = hostname
        self.path = path
        self.clock = clock
        self.pool = pool
        self.hub = WorldWatchHub(clock: clock, interval: Self.pollInterval) { probe.changed() }
    }

    /// Leaves every election this World joined (as at a clean exit: persistent memberships
    /// stay) and closes every watch. The World must not be used afterwards.
    public func close() {
        for (namespace, options) in memberships.removeAll() { depart(namespace, options) }
        hub.close()
    }

    // MARK: strings

    public func getString(_ key: String) throws(RuntimeError) -> String? {
        try read("read the string \(Value.goQuote(key))") { db in
            try String.fetchOne(db, sql: "SELECT value FROM strings WHERE key = ?", arguments: [key])
        }
    }

    /// Writes only when the value differs (upstream's compare-and-put), so an equal value
    /// notifies nobody.
    public func setString(_ key: String, _ value: String) throws(RuntimeError) {
        let changed = try write("set the string \(Value.goQuote(key))") { db in
            try db.execute(sql: """
                INSERT INTO strings (key, value) VALUES (?, ?)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value != excluded.value
                """, arguments: [key, value])
            return db.changesCount > 0
        }
        if changed { hub.notify(.string(key)) }
    }

    public func deleteString(_ key: String) throws(RuntimeError) {
        let changed = try write("delete the string \(Value.goQuote(key))") { db in
            try db.execute(sql: "DELETE FROM strings WHERE key = ?", arguments: [key])
            return db.changesCount > 0
        }
        if changed { hub.notify(.string(key)) }
    }

    public func watchStrings(prefix: String, _ onChange: @escaping @Sendable () -> Void) -> WorldWatch {
        let pool = self.pool
        let watcher = SnapshotWatcher<[String: String]>(
            filter: { change in
                switch change {
                case .string(let key): key.hasPrefix(prefix)
                case .external: true
                default: false
                }
            },
            read: {
                try pool.read { db in
                    let rows = try Row.fetchAll(db, sql: "SELECT key, value FROM strings WHERE substr(key, 1, length(?1)) = ?1",
                                                arguments: [prefix])
                    return Dictionary(rows.map { ($0["key"] as String, $0["value"] as String) }, uniquingKeysWith: { a, _ in a })
                }
            },
            deliver: { _ in onChange() })
        return register(watcher, deliverNow: false)
    }

    // MARK: string maps

    public func getStringMap(_ namespace: String) throws(RuntimeError) -> [String: String] {
        try read("read the string map \(Value.goQuote(namespace))") { db in try Self.stringMap(db, namespace) }
    }

    public func setStringMapEntry(_ namespace: String, _ value: String) throws(RuntimeError) {
        let host = hostname
        let changed = try write("set \(host)'s entry of the string map \(Value.goQuote(namespace))") { db in
            try db.execute(sql: """
                INSERT INTO string_maps (namespace, host, value) VALUES (?, ?, ?)
                ON CONFLICT (namespace, host) DO UPDATE SET value = excluded.value WHERE value != excluded.value
                """, arguments: [namespace, host, value])
            return db.changesCount > 0
        }
        if changed { hub.notify(.stringMap(namespace)) }
    }

    public func deleteStringMapEntry(_ namespace: String) throws(RuntimeError) {
        let host = hostname
        let changed = try write("delete \(host)'s entry of the string map \(Value.goQuote(namespace))") { db in
            try db.execute(sql: "DELETE FROM string_maps WHERE namespace = ? AND host = ?", arguments: [namespace, host])
            return db.changesCount > 0
        }
        if changed { hub.notify(.stringMap(namespace)) }
    }

    public func watchStringMap(_ namespace: String, _ onChange: @escaping @Sendable () -> Void) -> WorldWatch {
        let pool = self.pool
        let watcher = SnapshotWatcher<[String: String]>(
            filter: { change in
                switch change {
                case .stringMap(let changed): changed == namespace
                case .external: true
                default: false
                }
            },
            read: { try pool.read { db in try Self.stringMap(db, namespace) } },
            deliver: { _ in onChange() })
        return register(watcher, deliverNow: false)
    }

    /// Hostname → value of `namespace`.
    static func stringMap(_ db: Database, _ namespace: String) throws -> [String: String] {
        let rows = try Row.fetchAll(db, sql: "SELECT host, value FROM string_maps WHERE namespace = ?", arguments: [namespace])
        return Dictionary(rows.map { ($0["host"] as String, $0["value"] as String) }, uniquingKeysWith: { a, _ in a })
    }

    // MARK: plumbing

    /// Registers a watcher with the hub and reads its first snapshot (delivering it if
    /// `deliverNow`); the returned watch unregisters it.
    func register<Snapshot>(_ watcher: SnapshotWatcher<Snapshot>, deliverNow: Bool) -> WorldWatch {
        let id = hub.add(watcher)
        watcher.prime(deliverNow: deliverNow)
        return OnceWatch { [hub] in hub.remove(id) }
    }

    /// Runs `body` in a read transaction; a failure becomes "the World could not <what>: …".
    func read<T>(_ what: @autoclosure () -> String, _ body: (Database) throws -> T) throws(RuntimeError) -> T {
        do {
            return try pool.read(body)
        } catch {
            throw RuntimeError("the World could not \(what()): \(error)")
        }
    }

    /// Runs `body` in a write transaction (committed when it returns).
    func write<T>(_ what: @autoclosure () -> String, _ body: (Database) throws -> T) throws(RuntimeError) -> T {
        do {
            return try pool.write(body)
        } catch {
            throw RuntimeError("the World could not \(what()): \(error)")
        }
    }
}

/// Whether another connection committed since the last look: `PRAGMA data_version` on the
/// pool's writer connection changes with every commit of another connection, never with its
/// own (so this World's writes, already notified, do not count twice).
final class DataVersionProbe: @unchecked Sendable {
    private let pool: DatabasePool
    private let lock = NSLock()
    private var last: Int?

    /// Takes the baseline at once, so a commit between opening and the first poll counts.
    init(_ pool: DatabasePool) {
        self.pool = pool
        _ = changed()
    }

    func changed() -> Bool {
        // `try?` flattens: nil when the read failed or returned no row.
        guard let version = try? pool.writeWithoutTransaction({ db in try Int.fetchOne(db, sql: "PRAGMA data_version") }) else {
            return false
        }
        lock.lock()
        defer { lock.unlock() }
        let changed = last != nil && last != version
        last = version
        return changed
    }
}

/// A watch whose cancel runs its body once, however often it is called.
final class OnceWatch: WorldWatch, @unchecked Sendable {
    private let lock = NSLock()
    private var body: (@Sendable () -> Void)?

    init(_ body: @escaping @Sendable () -> Void) { self.body = body }

    func cancel() {
        lock.lock()
        let run = body
        body = nil
        lock.unlock()
        run?()
    }
}
