import Foundation
import Testing
import VM
@testable import Runtime

/// Exports and deploys: what `Meta:export`, `collect`, `world/collect.res` and `mgmt deploy` use.
@Suite struct WorldExchangeTests {
    private func exported(_ kind: String, _ name: String, from host: String, to: [String] = ["*"], data: String = "d") -> ExportedResource {
        ExportedResource(kind: kind, name: name, host: host, to: to, data: data)
    }

    @Test func exportsAreSeenByTheirDestinations() throws {
        let fixture = try WorldFixture()
        let one = try fixture.open("h1")
        let two = try fixture.open("h2")
        try one.export([exported("file", "/a", from: "h1"), exported("file", "/b", from: "h1", to: ["h3"])])
        #expect(try two.collect(kind: "file", name: nil, host: nil).map(\.name) == ["/a"])  // /b is for h3 only
        #expect(try one.collect(kind: "file", name: "/a", host: "h1").count == 1)
        #expect(try one.collect(kind: "exec", name: nil, host: nil).isEmpty)
        // Exporting again replaces (prunes) what was exported before.
        try one.export([exported("file", "/c", from: "h1")])
        #expect(try two.collect(kind: nil, name: nil, host: nil).map(\.name) == ["/c"])
    }

    @Test func collectStreamsFollowTheExports() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let (names, listed) = try startWorldStream("world/collect.res", [.str("file")], world: world, clock: fixture.clock)
        defer { names.stop() }
        let (collected, records) = try startWorldStream("_collect", [.str("file"), .list([.str("/a")])], world: world, clock: fixture.clock)
        defer { collected.stop() }
        #expect(listed.last?.value == .list([]))
        #expect(records.last?.value == .list([]))
        try world.export([exported("file", "/a", from: "h1", data: "A"), exported("file", "/z", from: "h1")])
        #expect(listed.last?.value == .list([structValue(["name": .str("/a"), "host": .str("h1")]), structValue(["name": .str("/z"), "host": .str("h1")])]))
        #expect(records.last?.value == .list([structValue(["name": .str("/a"), "host": .str("h1"), "data": .str("A")])]))
    }

    @Test func collectWithoutNamesIsEmptyAndBadNamesFail() throws {
        #expect(try StreamBuiltins.collectFilters(.list([])).isEmpty)
        #expect(try StreamBuiltins.collectFilters(.str("x")).map(\.name) == ["x"])
        #expect(throws: RuntimeError.self) { try StreamBuiltins.collectFilters(.int(1)) }
    }

    @Test func deploysAreSequential() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        #expect(try world.maxDeployID() == 0)
        #expect(try world.deploy(1) == nil)
        try world.addDeploy(id: 1, payload: [1, 2, 3], hash: "a", parentHash: nil)
        #expect(throws: RuntimeError.self) { try world.addDeploy(id: 1, payload: [9], hash: nil, parentHash: nil) }  // exists
        #expect(throws: RuntimeError.self) { try world.addDeploy(id: 3, payload: [9], hash: nil, parentHash: nil) }  // a gap
        #expect(throws: RuntimeError.self) { try world.addDeploy(id: 2, payload: [9], hash: "b", parentHash: "x") }  // wrong parent
        #expect(throws: RuntimeError.self) { try world.addDeploy(id: 2, payload: [9], hash: "a", parentHash: "a") }  // unchanged
        try world.addDeploy(id: 2, payload: [4, 5], hash: "b", parentHash: "a")
        #expect(try world.maxDeployID() == 2)
        #expect(try world.deploy(2) == [4, 5])
    }

    @Test func deployWatchSeesANewDeploy() throws {
        let fixture = try WorldFixture()
        let world = try fixture.open("h1")
        let seen = Recorder<Int>()
        let watch = world.watchDeploys { seen.add(1) }
        defer { watch.cancel() }
        try world.addDeploy(id: 1, payload: [0], hash: nil, parentHash: nil)
        #expect(seen.count == 1)
    }
}
