import Foundation

/// A time zone as Go's `time.Location` presents it: the UTC offset at an instant and the
/// zone abbreviation (`UTC`, `CEST`, `-03`) from the tz database.
///
/// Foundation gives offsets and daylight-saving state, but on Linux its abbreviations are
/// `GMT+2` where Go prints `CEST`, so the names come from the zone's TZif file: the type of
/// the last transition at or before the instant, or past the last transition the standard
/// or daylight name of the file's POSIX TZ footer (`CET-1CEST,M3.5.0,M10.5.0/3`).
struct ZoneInfo: Sendable {
    let timeZone: TimeZone
    private let transitions: [(time: Int64, type: Int)]
    private let types: [(offset: Int, isDST: Bool, name: String)]
    private let footerNames: (standard: String, daylight: String)?

    /// UTC, named `UTC` as Go names it.
    static let utc = ZoneInfo(timeZone: TimeZone(identifier: "UTC")!, tzif: nil, fallbackName: "UTC")

    /// The process's local zone, found as Go's `time.Local`: `TZ` unset → `/etc/localtime`;
    /// `TZ=""` → UTC; `TZ=:name` or `TZ=name` → that file (absolute) or zoneinfo entry;
    /// anything unreadable → UTC.
    static let local: ZoneInfo = {
        let environment = ProcessInfo.processInfo.environment
        guard var name = environment["TZ"] else {
            return ZoneInfo(file: "/etc/localtime", timeZone: TimeZone.current) ?? .utc
        }
        if name.hasPrefix(":") { name.removeFirst() }
        if name.isEmpty || name == "UTC" { return .utc }
        let path = name.hasPrefix("/") ? name : "/usr/share/zoneinfo/" + name
        return ZoneInfo(file: path, timeZone: TimeZone(identifier: name) ?? TimeZone.current) ?? .utc
    }()

    /// The zone `identifier` of the system's tz database (`Europe/Berlin`), or nil.
    init?(identifier: String) {
        guard let timeZone = TimeZone(identifier: identifier) else { return nil }
        self.init(file: "/usr/share/zoneinfo/" + identifier, timeZone: timeZone)
    }

    private init?(file: String, timeZone: TimeZone) {
        guard let data = FileManager.default.contents(atPath: file), let tzif = TZif(Array(data)) else { return nil }
        self.init(timeZone: timeZone, tzif: tzif, fallbackName: "")
    }

    private init(timeZone: TimeZone, tzif: TZif?, fallbackName: String) {
        self.timeZone = timeZone
        transitions = tzif?.transitions ?? []
        types = tzif?.types ?? [(0, false, fallbackName)]
        footerNames = tzif?.footerNames
    }

    /// Seconds east of UTC at Unix time `seconds`.
    func offset(at seconds: Int64) -> Int {
        if let type = transitionType(at: seconds) { return types[type].offset }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// The abbreviation at Unix time `seconds`; empty when the database has none (Go then
    /// prints the offset).
    func name(at seconds: Int64) -> String {
        if let type = transitionType(at: seconds) { return types[type].name }
        let isDST = timeZone.isDaylightSavingTime(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        if let footerNames { return isDST && !footerNames.daylight.isEmpty ? footerNames.daylight : footerNames.standard }
        let offset = offset(at: seconds)
        return types.last { $0.offset == offset && $0.isDST == isDST }?.name ?? types.first?.name ?? ""
    }

    /// The type in force at `seconds` from the transition table, or nil where the footer rule
    /// governs (after the last transition). Before the first transition Go uses the first
    /// standard-time type; a file without transitions or footer has one type for all time.
    private func transitionType(at seconds: Int64) -> Int? {
        guard let first = transitions.first, let last = transitions.last else {
            return footerNames == nil && !types.isEmpty ? 0 : nil
        }
        if seconds < first.time { return types.firstIndex { !$0.isDST } ?? 0 }
        if seconds >= last.time && footerNames != nil { return nil }
        var low = 0
        var high = transitions.count - 1
        while low < high {  // the last transition at or before `seconds`
            let mid = (low + high + 1) / 2
            if transitions[mid].time <= seconds { low = mid } else { high = mid - 1 }
        }
        return transitions[low].type
    }
}
