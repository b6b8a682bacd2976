import VM

/// A row of `schedule_members`: a host in a namespace's election, with its options.
struct ScheduleMember: Sendable, Equatable {
    var host: String
    var options: ScheduleOptions
    /// Seconds since the epoch after which the member no longer counts; nil: never (a
    /// persistent member that left).
    var expires: Double?

    /// Whether the member counts at time `now`.
    func isLive(at now: Double) -> Bool { expires.map { $0 > now } ?? true }
}

/// How the single-host backend chooses among the members of a namespace (spec/world.md).
///
/// Upstream elects one scheduler per cluster: `rr` keeps the previously chosen hosts in order
/// and appends newcomers, `alpha` sorts. Without a leader keeping history, every process on a
/// host must reach the same answer from the table alone, so here **both strategies order the
/// live members by hostname** (bytewise, as Go sorts) and take the first `max`. Members may
/// ask for different counts: the largest `max` of the live members wins, and ≤ 0 chooses none.
enum SchedulePolicy {
    /// The strategies upstream knows.
    static let strategies: Set<String> = ["rr", "alpha"]

    /// How long a member that refreshes counts, in seconds. A ttl ≤ 0 (upstream: no lingering
    /// after leaving) still needs a horizon for a process that dies without leaving: 3 seconds,
    /// refreshed every second.
    static func lifetime(_ options: ScheduleOptions) -> Double {
        options.ttl > 0 ? Double(options.ttl) : 3
    }

    /// Refuses options no strategy can run.
    static func validate(_ options: ScheduleOptions) throws(RuntimeError) {
        if options.strategy.isEmpty { throw RuntimeError("the scheduling strategy is empty") }
        guard strategies.contains(options.strategy) else {
            throw RuntimeError("unknown scheduling strategy \(Value.goQuote(options.strategy)) (known: alpha, rr)")
        }
    }

    /// The chosen hostnames among `members` at time `now`, in order.
    static func choose(_ members: [ScheduleMember], now: Double) -> [String] {
        let live = members.filter { $0.isLive(at: now) }
            .sorted { $0.host.utf8.lexicographicallyPrecedes($1.host.utf8) }
        guard let count = live.map(\.options.max).max(), count > 0 else { return [] }
        return live.prefix(count).map(\.host)
    }
}
