import Foundation
import GRDB
import Testing
import VM
@testable import Runtime

/// The SQLite World's strings and string maps: reads, writes, and watches of this World's
/// writes (at once) and of another connection's (at the next poll).
@Suite struct WorldTests {
    @Test func fileIsCreatedUnderThePrefixInWALMode() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        #expect(world.path == fixture.prefix + "/world/world.sqlite")
        #expect(FileManager.default.fileExists(atPath: world.path))
        let mode = try world.pool.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func stringsSetGetDelete() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        #expect(try world.getString("k") == nil)
        try world.setString("k", "v1")
        #expect(try world.getString("k") == "v1")
        try world.setString("k", "")
        #expect(try world.getString("k") == "")  // empty is a value, not an absence
        try world.deleteString("k")
        #expect(try world.getString("k") == nil)
        try world.deleteString("k")  // deleting a missing key is fine
    }

    @Test func stringsOutliveTheWorldThatWroteThem() throws {
        let fixture = try WorldFixture()
        do {
            let world = try fixture.open("h1")
            try world.setString("k", "kept")
            world.close()
        }
        #expect(try fixture.open("h2").getString("k") == "kept")
    }

    @Test func stringWatchFiresAtOnceOnlyForChangesUnderItsPrefix() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let changes = Recorder<Int>()
        let watch = world.watchStrings(prefix: "a") { changes.add(1) }
        #expect(changes.count == 0)  // no call for the current state
        try world.setString("a", "1")
        #expect(changes.count == 1)
        try world.setString("a", "1")  // equal value: no write, no call
        try world.setString("b", "1")  // other prefix
        #expect(changes.count == 1)
        try world.setString("ab", "2")
        try world.deleteString("a")
        #expect(changes.count == 3)
        watch.cancel()
        try world.setString("a", "3")
        #expect(changes.count == 3)
        watch.cancel()  // twice is fine
    }

    @Test func anotherProcessesStringWritesArriveAtTheNextPoll() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let two = try fixture.open("h2")
        let changes = Recorder<String?>()
        let watch = one.watchStrings(prefix: "k") { changes.add(try? one.getString("k")) }
        defer { watch.cancel() }
        try two.setString("k", "from two")
        #expect(changes.count == 0)  // not polled yet
        fixture.poll()
        #expect(changes.all == ["from two"])
        fixture.poll()  // nothing new
        try two.setString("other", "x")
        fixture.poll()  // a commit, but nothing under "k" changed
        #expect(changes.all == ["from two"])
    }

    @Test func stringMapsHoldOneEntryPerHost() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let two = try fixture.open("h2")
        #expect(try one.getStringMap("ns") == [:])
        try one.setStringMapEntry("ns", "v1")
        try two.setStringMapEntry("ns", "v2")
        try two.setStringMapEntry("other", "x")
        #expect(try one.getStringMap("ns") == ["h1": "v1", "h2": "v2"])
        #expect(try two.getStringMap("ns") == ["h1": "v1", "h2": "v2"])
        try two.setStringMapEntry("ns", "v2b")
        try one.deleteStringMapEntry("ns")
        #expect(try two.getStringMap("ns") == ["h2": "v2b"])
    }

    @Test func stringMapWatchSeesThisHostAtOnceAndOthersAtThePoll() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let two = try fixture.open("h2")
        let seen = Recorder<[String: String]>()
        let watch = one.watchStringMap("ns") { seen.add((try? one.getStringMap("ns")) ?? [:]) }
        defer { watch.cancel() }
        try one.setStringMapEntry("ns", "a")
        #expect(seen.all == [["h1": "a"]])
        try two.setStringMapEntry("ns", "b")
        try one.setStringMapEntry("elsewhere", "c")
        #expect(seen.count == 1)
        fixture.poll()
        #expect(seen.all == [["h1": "a"], ["h1": "a", "h2": "b"]])
    }

    @Test func pollingStopsWithTheLastWatch() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        #expect(fixture.clock.pendingTimers == 0)
        let first = world.watchStrings(prefix: "") {}
        let second = world.watchStringMap("ns") {}
        #expect(fixture.clock.pendingTimers == 1)  // one poll for every watch
        first.cancel()
        #expect(fixture.clock.pendingTimers == 1)
        second.cancel()
        #expect(fixture.clock.pendingTimers == 0)
    }
}
