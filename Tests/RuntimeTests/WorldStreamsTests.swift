import Foundation
import Testing
import VM
@testable import Runtime

/// The World stream builtins: first values, updates after writes, keys that may not be empty
/// or change, both forms of `world.schedule`.
@Suite struct WorldStreamsTests {
    private func getval(_ value: String, _ exists: Bool) -> Value {
        structValue(["value": .str(value), "exists": .bool(exists)])
    }

    @Test func getvalEmitsTheValueAndFollowsIt() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let (handle, emitted) = try startWorldStream("world.getval", [.str("k")], world: world, clock: fixture.clock)
        #expect(emitted.all.map(\.value) == [getval("", false)])
        try world.setString("k", "v")
        try world.deleteString("k")
        #expect(emitted.all.map(\.value) == [getval("", false), getval("v", true), getval("", false)])
        handle.stop()
        try world.setString("k", "after")
        #expect(emitted.count == 3)
    }

    @Test func getvalSeesAnotherProcessAtThePoll() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let two = try fixture.open("h2")
        let (handle, emitted) = try startWorldStream("world.getval", [.str("k")], world: one, clock: fixture.clock)
        defer { handle.stop() }
        try two.setString("k", "there")
        fixture.poll()
        #expect(emitted.last?.value == getval("there", true))
    }

    @Test func keyedStreamsRefuseAChangedKey() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let (handle, emitted) = try startWorldStream("world.getval", [.str("k")], world: world, clock: fixture.clock)
        defer { handle.stop() }
        #expect(handle.update([.str("other")]))  // handled: the VM keeps the stream
        #expect(emitted.last?.message == "world.getval: can't change key, previously: `k`, now: `other`")
        #expect(handle.update([.str("k")]))  // back to its key: the value again
        #expect(emitted.last?.value == getval("", false))
    }

    @Test func keyedStreamsRefuseAnEmptyKeyAndAMissingWorld() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        for name in ["world.getval", "world.kvlookup", "world.schedule", "world/collect.res"] {
            let keyName = ["world.getval": "key", "world/collect.res": "kind"][name] ?? "namespace"
            #expect(throws: RuntimeError("\(name): can't use an empty \(keyName)")) {
                try startWorldStream(name, [.str("")], world: world, clock: fixture.clock)
            }
            #expect(throws: RuntimeError("the World is not available: \(name) needs it, and this run has opened none")) {
                try startWorldStream(name, [.str("x")], world: nil, clock: fixture.clock)
            }
        }
    }

    @Test func kvlookupEmitsEveryHostsEntry() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let two = try fixture.open("h2")
        let (handle, emitted) = try startWorldStream("world.kvlookup", [.str("ns")], world: one, clock: fixture.clock)
        defer { handle.stop() }
        try one.setStringMapEntry("ns", "a")
        try two.setStringMapEntry("ns", "b")
        fixture.poll()
        #expect(emitted.all.map(\.value) == [
            mapValue([]),
            mapValue([(.str("h1"), .str("a"))]),
            mapValue([(.str("h1"), .str("a")), (.str("h2"), .str("b"))]),
        ])
    }

    @Test func scheduleWithANamespaceReadsTheElection() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let (handle, emitted) = try startWorldStream("world.schedule", [.str("ns")], world: world, clock: fixture.clock)
        defer { handle.stop() }
        #expect(emitted.all.map(\.value) == [strList()])  // no schedule resource yet
        let join = try world.schedule("ns", options(), { _ in })  // what a schedule resource does
        #expect(emitted.all.map(\.value) == [strList(), strList("h1")])
        join.cancel()
    }

    @Test func scheduleWithOptionsJoinsAndLeaves() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let seen = Recorder<[String]>()
        let watch = world.scheduled("ns", seen.add)
        defer { watch.cancel() }
        let opts = structValue(["strategy": .str("rr"), "max": .int(2), "ttl": .int(0)])
        let (handle, emitted) = try startWorldStream("world.schedule", [.str("ns"), opts], world: world, clock: fixture.clock)
        #expect(emitted.all.map(\.value) == [strList("h1")])
        // New options for the same namespace: joined again in place, never absent meanwhile.
        // The new join reports the set again (an equal value, which the VM ignores).
        let more = structValue(["strategy": .str("alpha"), "max": .int(3), "ttl": .int(0)])
        #expect(handle.update([.str("ns"), more]))
        #expect(emitted.all.map(\.value) == [strList("h1"), strList("h1")])
        #expect(seen.all == [[], ["h1"]])
        let members = try world.pool.read { db in try SQLiteWorld.members(db, "ns") }
        #expect(members.map(\.options) == [options(max: 3, ttl: 0, strategy: "alpha")])
        handle.stop()  // ttl 0: leaves at once
        #expect(seen.all == [[], ["h1"], []])
    }

    @Test func scheduleRefusesBadOptions() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let opts = structValue(["strategy": .str("nope"), "max": .int(1), "ttl": .int(1)])
        #expect(throws: RuntimeError("unknown scheduling strategy \"nope\" (known: alpha, rr)")) {
            try startWorldStream("world.schedule", [.str("ns"), opts], world: world, clock: fixture.clock)
        }
    }

    @Test func collectResIsEmptyUntilTheEngineExports() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let (handle, emitted) = try startWorldStream("world/collect.res", [.str("file")], world: world, clock: fixture.clock)
        #expect(emitted.all.map(\.value) == [.list([])])
        handle.stop()
    }

    @Test func theHostBindsTheWorldStreams() throws {
        let fixture = try WorldFixture()
        let host = RuntimeHost(.init(hostname: "h1", deployRoot: "/", prefix: fixture.prefix, clock: fixture.clock,
                                     world: try fixture.open("h1")))
        let signatures = [
            "world.getval": "func(key str) struct{value str; exists bool}",
            "world.kvlookup": "func(namespace str) map{str: str}",
            "world.schedule": "func(namespace str, opts struct{strategy str; max int; ttl int}) []str",
            "world/collect.res": "func(kind str) []struct{name str; host str}",
        ]
        for (name, signature) in signatures {
            let binding = host.builtin(named: name, signature: try MclType(parsing: signature))
            guard case .stream? = binding else {
                Issue.record("\(name) is bound as \(String(describing: binding))")
                continue
            }
        }
    }
}
