import Foundation
import GRDB
import VM

/// Exports and deploys in the single-host World (spec/world.md).
extension SQLiteWorld {
    public func export(_ resources: [ExportedResource]) throws(RuntimeError) {
        let host = hostname
        let changed = try write("export \(resources.count) resources") { db in
            let before = try Row.fetchAll(db, sql: "SELECT kind, name, target, data FROM exports WHERE host = ? ORDER BY kind, name, target",
                                          arguments: [host]).map { [$0["kind"] as String, $0["name"], $0["target"], $0["data"]] as [String] }
            let rows = resources.flatMap { r in r.to.sorted().map { [r.kind, r.name, $0, r.data] } }
                .sorted { $0.lexicographicallyPrecedes($1) }
            guard rows != before else { return false }
            try db.execute(sql: "DELETE FROM exports WHERE host = ?", arguments: [host])
            for row in rows {
                try db.execute(sql: "INSERT INTO exports (host, kind, name, target, data) VALUES (?, ?, ?, ?, ?)",
                               arguments: [host, row[0], row[1], row[2], row[3]])
            }
            return true
        }
        if changed { hub.notify(.exports) }
    }

    public func collect(kind: String?, name: String?, host: String?) throws(RuntimeError) -> [ExportedResource] {
        let me = hostname
        return try read("collect exported resources") { db in try Self.collected(db, me, kind, name, host) }
    }

    /// The exports visible to `me`, filtered, merged per (kind, name, host).
    static func collected(_ db: Database, _ me: String, _ kind: String?, _ name: String?, _ host: String?) throws -> [ExportedResource] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT kind, name, host, target, data FROM exports
            WHERE (target = ? OR target = '*') AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR name = ?3) AND (?4 IS NULL OR host = ?4)
            ORDER BY kind, name, host, target
            """, arguments: [me, kind, name, host])
        var out: [ExportedResource] = []
        for row in rows {
            let (k, n, h, t, d): (String, String, String, String, String) = (row["kind"], row["name"], row["host"], row["target"], row["data"])
            if let last = out.last, last.kind == k, last.name == n, last.host == h {
                out[out.count - 1].to.append(t)
            } else {
                out.append(ExportedResource(kind: k, name: n, host: h, to: [t], data: d))
            }
        }
        return out
    }

    public func watchExports(_ onChange: @escaping @Sendable () -> Void) -> WorldWatch {
        let pool = self.pool
        let me = hostname
        let watcher = SnapshotWatcher<[ExportedResource]>(
            filter: { $0 == .exports || $0 == .external },
            read: { try pool.read { db in try Self.collected(db, me, nil, nil, nil) } },
            deliver: { _ in onChange() })
        return register(watcher, deliverNow: false)
    }

    public func addDeploy(id: Int, payload: [UInt8], hash: String?, parentHash: String?) throws(RuntimeError) {
        let problem: String? = try write("add deploy \(id)") { db in
            let max = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM deploys") ?? 0
            if id <= max { return "deploy \(id) already exists" }
            if id != max + 1 { return "deploy \(id) is not sequential (the latest is \(max))" }
            if let hash, let parentHash, max > 0 {
                let previous = try String.fetchOne(db, sql: "SELECT hash FROM deploys WHERE id = ?", arguments: [max])
                if previous == hash { return "deploy \(id) has an unchanged hash" }
                if previous != parentHash { return "deploy \(id): parent hash mismatch (latest is \(previous ?? "none"))" }
            }
            try db.execute(sql: "INSERT INTO deploys (id, hash, payload) VALUES (?, ?, ?)", arguments: [id, hash, Data(payload)])
            return nil
        }
        if let problem { throw RuntimeError(problem) }
        hub.notify(.deploys)
    }

    public func maxDeployID() throws(RuntimeError) -> Int {
        try read("read the latest deploy") { db in try Int.fetchOne(db, sql: "SELECT MAX(id) FROM deploys") ?? 0 }
    }

    public func deploy(_ id: Int) throws(RuntimeError) -> [UInt8]? {
        try read("read deploy \(id)") { db in
            try Data.fetchOne(db, sql: "SELECT payload FROM deploys WHERE id = ?", arguments: [id]).map { Array($0) }
        }
    }

    public func watchDeploys(_ onChange: @escaping @Sendable () -> Void) -> WorldWatch {
        let pool = self.pool
        let watcher = SnapshotWatcher<Int>(
            filter: { $0 == .deploys || $0 == .external },
            read: { try pool.read { db in try Int.fetchOne(db, sql: "SELECT MAX(id) FROM deploys") ?? 0 } },
            deliver: { _ in onChange() })
        return register(watcher, deliverNow: false)
    }
}
