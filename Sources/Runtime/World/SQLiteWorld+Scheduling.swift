import Foundation
import GRDB
import VM

/// The scheduler on one host (spec/world.md, "Scheduling"): a member row per (namespace,
/// host) with an expiry that the joined World pushes forward every `lifetime / 3` seconds of
/// its clock; the chosen hosts come from `SchedulePolicy.choose`.
extension SQLiteWorld {
    /// Joins `namespace`'s election; `onChange` gets the chosen hosts now (this host among the
    /// members) and after each change. Cancelling the watch leaves the election: a persistent
    /// member stays with no expiry, a member with a ttl > 0 lingers for ttl seconds, one with
    /// ttl ≤ 0 goes at once. Joining twice in one World shares one row: the latest options
    /// count, and the row is left when the last join is cancelled.
    public func schedule(_ namespace: String, _ options: ScheduleOptions,
                         _ onChange: @escaping @Sendable ([String]) -> Void) throws(RuntimeError) -> WorldWatch {
        if namespace.isEmpty { throw RuntimeError("the scheduling namespace is empty") }
        try SchedulePolicy.validate(options)
        let join = memberships.join(namespace, options)
        do throws(RuntimeError) {
            try writeMember(namespace, options, expires: clock.now() + SchedulePolicy.lifetime(options))
        } catch {
            if case .last(let options)? = memberships.leave(namespace, join.token) { depart(namespace, options) }
            throw error
        }
        if join.first { armRefresh(namespace, epoch: join.epoch) }
        let watch = scheduled(namespace, onChange)
        hub.notify(.schedule(namespace))
        return OnceWatch { [weak self] in
            watch.cancel()
            self?.leave(namespace, join.token)
        }
    }

    /// The chosen hosts of `namespace`, now (`[]` while it has no live member) and after each
    /// change: this World's own writes at once, other connections' commits and expiries at
    /// the next poll.
    public func scheduled(_ namespace: String, _ onChange: @escaping @Sendable ([String]) -> Void) -> WorldWatch {
        let pool = self.pool
        let clock = self.clock
        let watcher = SnapshotWatcher<[String]>(
            filter: { change in
                switch change {
                case .schedule(let changed): changed == namespace
                case .external, .tick: true
                default: false
                }
            },
            read: { SchedulePolicy.choose(try pool.read { db in try Self.members(db, namespace) }, now: clock.now()) },
            deliver: onChange)
        return register(watcher, deliverNow: true)
    }

    /// Removes this host from `namespace` at once, persistent or not, and ends this World's
    /// joins of it (their watches keep reporting the chosen hosts).
    public func withdraw(_ namespace: String) throws(RuntimeError) {
        memberships.withdraw(namespace)
        try deleteMember(namespace)
        hub.notify(.schedule(namespace))
    }

    /// The member rows of `namespace`.
    static func members(_ db: Database, _ namespace: String) throws -> [ScheduleMember] {
        try Row.fetchAll(db, sql: "SELECT host, strategy, max, ttl, persist, expires FROM schedule_members WHERE namespace = ?",
                         arguments: [namespace]).map { row in
            ScheduleMember(host: row["host"],
                           options: ScheduleOptions(strategy: row["strategy"], max: row["max"], ttl: row["ttl"], persist: row["persist"]),
                           expires: row["expires"])
        }
    }

    /// Cancels one join; when it was the last, the row goes, lingers or stays (see `schedule`).
    func leave(_ namespace: String, _ token: Int) {
        switch memberships.leave(namespace, token) {
        case nil:
            return  // withdrawn meanwhile
        case .remaining(let options)?:
            try? writeMember(namespace, options, expires: clock.now() + SchedulePolicy.lifetime(options))
            hub.notify(.schedule(namespace))
        case .last(let options)?:
            depart(namespace, options)
        }
    }

    /// Writes the row as the last join of `namespace` leaves with `options`. A failure is
    /// dropped: the row then expires as if this process had died.
    func depart(_ namespace: String, _ options: ScheduleOptions) {
        if options.persist {
            try? writeMember(namespace, options, expires: nil)
        } else if options.ttl > 0 {
            try? writeMember(namespace, options, expires: clock.now() + Double(options.ttl))
        } else {
            try? deleteMember(namespace)
        }
        hub.notify(.schedule(namespace))
    }

    /// Pushes the expiry of a joined namespace forward every `lifetime / 3` seconds, while
    /// the join of `epoch` lasts.
    func armRefresh(_ namespace: String, epoch: Int) {
        guard let options = memberships.options(namespace, epoch: epoch) else { return }
        let timer = clock.after(SchedulePolicy.lifetime(options) / 3) { [weak self] in
            guard let self, let options = self.memberships.options(namespace, epoch: epoch) else { return }
            // A failed refresh is retried at the next one; the row lasts `lifetime` meanwhile.
            try? self.writeMember(namespace, options, expires: self.clock.now() + SchedulePolicy.lifetime(options))
            self.hub.notify(.schedule(namespace))
            self.armRefresh(namespace, epoch: epoch)
        }
        memberships.setTimer(namespace, epoch: epoch, timer)
    }

    func writeMember(_ namespace: String, _ options: ScheduleOptions, expires: Double?) throws(RuntimeError) {
        let host = hostname
        try write("join the scheduling namespace \(Value.goQuote(namespace))") { db in
            try db.execute(sql: """
                INSERT INTO schedule_members (namespace, host, strategy, max, ttl, persist, expires)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (namespace, host) DO UPDATE SET strategy = excluded.strategy, max = excluded.max,
                    ttl = excluded.ttl, persist = excluded.persist, expires = excluded.expires
                """, arguments: [namespace, host, options.strategy, options.max, options.ttl, options.persist, expires])
        }
    }

    func deleteMember(_ namespace: String) throws(RuntimeError) {
        let host = hostname
        try write("leave the scheduling namespace \(Value.goQuote(namespace))") { db in
            try db.execute(sql: "DELETE FROM schedule_members WHERE namespace = ? AND host = ?", arguments: [namespace, host])
        }
    }
}
