import GRDB

/// The tables of `<prefix>/world/world.sqlite` (spec/world.md, "The SQLite backend").
extension SQLiteWorld {
    /// Creates or upgrades the tables. Each version is a GRDB migration recorded in the file,
    /// so a newer mgmt adds a migration and never edits one that has shipped.
    static func migrate(_ pool: DatabasePool) throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // Global strings: `kv` and `world.getval`.
            try db.execute(sql: """
                CREATE TABLE strings (
                    key TEXT PRIMARY KEY NOT NULL,
                    value TEXT NOT NULL)
                """)
            // Per-host strings: `kv` with `mapped => true` and `world.kvlookup`.
            try db.execute(sql: """
                CREATE TABLE string_maps (
                    namespace TEXT NOT NULL,
                    host TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (namespace, host))
                """)
            // Scheduler members: `expires` in seconds since the epoch, NULL for a persistent
            // member that left (it stays until withdrawn).
            try db.execute(sql: """
                CREATE TABLE schedule_members (
                    namespace TEXT NOT NULL,
                    host TEXT NOT NULL,
                    strategy TEXT NOT NULL,
                    max INTEGER NOT NULL,
                    ttl INTEGER NOT NULL,
                    persist INTEGER NOT NULL,
                    expires REAL,
                    PRIMARY KEY (namespace, host))
                """)
        }
        migrator.registerMigration("v2") { db in
            // Exported resources, one row per (exporting host, kind, name, destination host or `*`).
            try db.execute(sql: """
                CREATE TABLE exports (
                    host TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    target TEXT NOT NULL,
                    data TEXT NOT NULL,
                    PRIMARY KEY (host, kind, name, target))
                """)
            // Deploys: compiled programs, numbered from 1.
            try db.execute(sql: """
                CREATE TABLE deploys (
                    id INTEGER PRIMARY KEY NOT NULL,
                    hash TEXT,
                    payload BLOB NOT NULL)
                """)
        }
        try migrator.migrate(pool)
    }
}
