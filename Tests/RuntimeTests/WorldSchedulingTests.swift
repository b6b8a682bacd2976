import Foundation
import Testing
import VM
@testable import Runtime

/// The SQLite World's scheduler: members refreshed through the clock, expiry, `persist`,
/// and the choice among hosts (each `SQLiteWorld` standing for a process with its hostname).
@Suite struct WorldSchedulingTests {
    @Test func aLoneHostIsChosenAtOnce() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let chosen = Recorder<[String]>()
        let watch = try world.schedule("ns", options(), chosen.add)
        defer { watch.cancel() }
        #expect(chosen.all == [["h1"]])
    }

    @Test func scheduledWithoutMembersIsEmpty() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let chosen = Recorder<[String]>()
        let watch = world.scheduled("ns", chosen.add)
        #expect(chosen.all == [[]])
        let join = try world.schedule("ns", options(), { _ in })
        #expect(chosen.all == [[], ["h1"]])  // this World's join is seen at once
        join.cancel()
        watch.cancel()
    }

    @Test func twoHostsWithMaxOneChooseOne() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let two = try fixture.open("h2")
        let seenByOne = Recorder<[String]>()
        let seenByTwo = Recorder<[String]>()
        let a = try two.schedule("ns", options(max: 1), seenByTwo.add)
        let b = try one.schedule("ns", options(max: 1), seenByOne.add)
        fixture.poll()
        // Both order the members by hostname: h1 wins, even though h2 joined first.
        #expect(seenByOne.all == [["h1"]])
        #expect(seenByTwo.all == [["h2"], ["h1"]])
        a.cancel()
        b.cancel()
    }

    @Test func twoHostsWithMaxTwoChooseBoth() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let two = try fixture.open("h2")
        let seenByOne = Recorder<[String]>()
        let a = try one.schedule("ns", options(max: 2), seenByOne.add)
        let b = try two.schedule("ns", options(max: 2), { _ in })
        #expect(seenByOne.all == [["h1"]])
        fixture.poll()
        #expect(seenByOne.all == [["h1"], ["h1", "h2"]])
        a.cancel()
        b.cancel()
    }

    @Test func aMemberThatStopsRefreshingExpiresAfterItsTTL() throws {
        let fixture = try WorldFixture()
        var one: SQLiteWorld? = try fixture.open("h1")
        let two = try fixture.open("h2")
        _ = try one!.schedule("ns", options(max: 2, ttl: 10), { _ in })
        let seen = Recorder<[String]>()
        let watch = try two.schedule("ns", options(max: 2, ttl: 10), seen.add)
        defer { watch.cancel() }
        #expect(seen.last == ["h1", "h2"])
        fixture.clock.advance(by: 31)  // both refresh every 10/3 s (last at +30): nothing changes
        #expect(seen.all == [["h1", "h2"]])
        one = nil  // h1's process dies at +31: no leaving, no more refreshes; it expires at +40
        fixture.clock.advance(by: 8.9)
        #expect(seen.last == ["h1", "h2"])
        fixture.clock.advance(by: 0.5)
        #expect(seen.all == [["h1", "h2"], ["h2"]])
    }

    @Test func leavingWithATTLLingersForIt() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let seen = Recorder<[String]>()
        let watch = one.scheduled("ns", seen.add)
        defer { watch.cancel() }
        try one.schedule("ns", options(ttl: 5), { _ in }).cancel()
        #expect(seen.all == [[], ["h1"]])
        fixture.clock.advance(by: 4.9)
        #expect(seen.last == ["h1"])
        fixture.clock.advance(by: 0.5)
        #expect(seen.all == [[], ["h1"], []])
    }

    @Test func leavingWithoutTTLGoesAtOnce() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let seen = Recorder<[String]>()
        let watch = one.scheduled("ns", seen.add)
        defer { watch.cancel() }
        let join = try one.schedule("ns", options(ttl: 0), { _ in })
        fixture.clock.advance(by: 60)  // ttl 0 still refreshes while joined
        #expect(seen.all == [[], ["h1"]])
        join.cancel()
        #expect(seen.all == [[], ["h1"], []])
    }

    @Test func persistKeepsTheMembershipAfterLeavingUntilWithdrawn() throws {
        let fixture = try WorldFixture()
        var one: SQLiteWorld? = try fixture.open("h1")
        let two = try fixture.open("h2")
        try one!.schedule("ns", options(max: 2, ttl: 0, persist: true), { _ in }).cancel()
        one!.close()
        one = nil
        let seen = Recorder<[String]>()
        let watch = two.scheduled("ns", seen.add)
        defer { watch.cancel() }
        fixture.clock.advance(by: 120)
        #expect(seen.all == [["h1"]])
        let again = try fixture.open("h1")
        try again.withdraw("ns")
        fixture.poll()
        #expect(seen.all == [["h1"], []])
    }

    @Test func twoJoinsInOneWorldShareTheMembership() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let seen = Recorder<[String]>()
        let watch = world.scheduled("ns", seen.add)
        defer { watch.cancel() }
        let first = try world.schedule("ns", options(ttl: 0), { _ in })
        let second = try world.schedule("ns", options(ttl: 0), { _ in })
        first.cancel()
        fixture.clock.advance(by: 30)
        #expect(seen.all == [[], ["h1"]])
        second.cancel()
        #expect(seen.all == [[], ["h1"], []])
    }

    @Test func withdrawEndsThisWorldsJoins() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let seen = Recorder<[String]>()
        let join = try world.schedule("ns", options(ttl: 10), seen.add)
        try world.withdraw("ns")
        fixture.clock.advance(by: 30)  // no refresh brings it back
        #expect(seen.all == [["h1"], []])
        join.cancel()  // already withdrawn: nothing to leave
        #expect(fixture.clock.pendingTimers == 0)
    }

    @Test func badOptionsAreRefused() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        #expect(throws: RuntimeError("unknown scheduling strategy \"best\" (known: alpha, rr)")) {
            try world.schedule("ns", options(strategy: "best"), { _ in })
        }
        #expect(throws: RuntimeError("the scheduling strategy is empty")) {
            try world.schedule("ns", options(strategy: ""), { _ in })
        }
        #expect(throws: RuntimeError("the scheduling namespace is empty")) {
            try world.schedule("", options(), { _ in })
        }
    }

    @Test func policyOrdersLiveMembersBytewiseAndTakesTheLargestMax() {
        func member(_ host: String, max: Int, expires: Double?) -> ScheduleMember {
            ScheduleMember(host: host, options: options(max: max), expires: expires)
        }
        let members = [member("b", max: 1, expires: 20), member("a", max: 2, expires: nil),
                       member("B", max: 1, expires: 20), member("c", max: 3, expires: 5)]
        // "c" expired at 5 (its max 3 no longer counts); "B" < "a" < "b" bytewise.
        #expect(SchedulePolicy.choose(members, now: 10) == ["B", "a"])
        #expect(SchedulePolicy.choose(members, now: 1) == ["B", "a", "b"])
        #expect(SchedulePolicy.choose([member("a", max: 0, expires: nil)], now: 0) == [])
        #expect(SchedulePolicy.choose([], now: 0) == [])
    }
}
