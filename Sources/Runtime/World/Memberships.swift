import Foundation

/// The elections one World has joined, by namespace: its joins (several `world.schedule`
/// calls or `schedule` resources may name one namespace), the options that count (the
/// latest join's), and the timer refreshing the row.
///
/// Each time a namespace goes from no join to one it gets a new `epoch`, so a refresh timer
/// of an earlier membership (withdrawn, then joined again) finds its epoch gone and stops.
final class Memberships: @unchecked Sendable {
    /// What cancelling a join left.
    enum Leaving: Equatable {
        /// Other joins remain; these options count now.
        case remaining(ScheduleOptions)
        /// That was the last join, made with these options.
        case last(ScheduleOptions)
    }

    private struct Entry {
        var joins: [(token: Int, options: ScheduleOptions)]
        var epoch: Int
        var timer: ClockTimer?
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var counter = 0

    /// Adds a join; `first` when the namespace had none (the caller then arms the refresh).
    func join(_ namespace: String, _ options: ScheduleOptions) -> (token: Int, epoch: Int, first: Bool) {
        lock.lock()
        defer { lock.unlock() }
        counter += 1
        let token = counter
        if var entry = entries[namespace] {
            entry.joins.append((token, options))
            entries[namespace] = entry
            return (token, entry.epoch, false)
        }
        counter += 1
        entries[namespace] = Entry(joins: [(token, options)], epoch: counter)
        return (token, counter, true)
    }

    /// Removes a join; nil if it was gone already (withdrawn). The last one stops the timer.
    func leave(_ namespace: String, _ token: Int) -> Leaving? {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[namespace], let index = entry.joins.firstIndex(where: { $0.token == token }) else { return nil }
        let options = entry.joins.remove(at: index).options
        if let current = entry.joins.last {
            entries[namespace] = entry
            return .remaining(current.options)
        }
        entry.timer?.cancel()
        entries[namespace] = nil
        return .last(options)
    }

    /// The options that count for `namespace`, if its membership of `epoch` still lasts.
    func options(_ namespace: String, epoch: Int) -> ScheduleOptions? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[namespace], entry.epoch == epoch else { return nil }
        return entry.joins.last?.options
    }

    /// Keeps the refresh timer of `epoch` so leaving can cancel it; cancels it at once if that
    /// membership has ended meanwhile.
    func setTimer(_ namespace: String, epoch: Int, _ timer: ClockTimer) {
        lock.lock()
        guard entries[namespace]?.epoch == epoch else {
            lock.unlock()
            return timer.cancel()
        }
        entries[namespace]?.timer = timer
        lock.unlock()
    }

    /// Ends every join of `namespace`.
    func withdraw(_ namespace: String) {
        lock.lock()
        let entry = entries.removeValue(forKey: namespace)
        lock.unlock()
        entry?.timer?.cancel()
    }

    /// Ends every join; returns each namespace with the options that counted.
    func removeAll() -> [(String, ScheduleOptions)] {
        lock.lock()
        let all = entries
        entries.removeAll()
        lock.unlock()
        return all.compactMap { namespace, entry in
            entry.timer?.cancel()
            return entry.joins.last.map { (namespace, $0.options) }
        }
    }
}
