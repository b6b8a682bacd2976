import Foundation
import Testing
@testable import Runtime

/// The inotify watcher: real files in a scratch folder, events awaited with bounded waits
/// (so a slow machine only makes the tests slower).
@Suite struct FileWatcherTests {
    /// Counts `onChange` calls.
    final class Changes: @unchecked Sendable {
        private let condition = NSCondition()
        private var calls = 0

        func record() {
            condition.lock()
            calls += 1
            condition.broadcast()
            condition.unlock()
        }

        var count: Int {
            condition.lock()
            defer { condition.unlock() }
            return calls
        }

        /// Waits until more than `count` calls happened (10 s at most).
        @discardableResult
        func wait(beyond count: Int, timeout: Double = 10) -> Bool {
            let deadline = Date(timeIntervalSinceNow: timeout)
            condition.lock()
            defer { condition.unlock() }
            while calls <= count {
                guard condition.wait(until: deadline) else { return calls > count }
            }
            return true
        }
    }

    @Test func cleansPaths() {
        #expect(FileWatcher.clean("/a//b/./c/../d/") == ["a", "b", "d"])
        #expect(FileWatcher.clean("/") == [])
        #expect(FileWatcher.clean("x") == FileWatcher.clean(FileManager.default.currentDirectoryPath) + ["x"])
    }

    @Test func seesWritesRenamesAndDeletes() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let changes = Changes()
        let watcher = try FileWatcher(path: folder.path + "/file") { changes.record() }
        defer { watcher.stop() }
        try folder.write("file", "one")
        #expect(changes.wait(beyond: 0))
        var seen = changes.count
        try folder.write("other", "not watched")
        try folder.writeAtomically("file", "two")  // renamed over
        #expect(changes.wait(beyond: seen))
        seen = changes.count
        try FileManager.default.removeItem(atPath: folder.path + "/file")
        #expect(changes.wait(beyond: seen))
    }

    /// A path whose folders do not exist yet: the watch starts at the nearest ancestor and
    /// moves down as each folder appears, then up again when they go.
    @Test func followsAPathThatDoesNotExistYet() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let depth = FileWatcher.clean(folder.path).count
        let changes = Changes()
        let watcher = try FileWatcher(path: folder.path + "/a/b/file") { changes.record() }
        defer { watcher.stop() }
        #expect(watcher.watchedDepth == depth)
        try FileManager.default.createDirectory(atPath: folder.path + "/a/b", withIntermediateDirectories: true)
        #expect(waitFor { watcher.watchedDepth == depth + 2 })
        let seen = changes.count
        try folder.write("a/b/file", "here")
        #expect(changes.wait(beyond: seen))
        try FileManager.default.removeItem(atPath: folder.path + "/a")
        #expect(waitFor { watcher.watchedDepth == depth })
    }

    /// Two watchers of one folder share the kernel watch; stopping one leaves the other.
    @Test func stoppingOneWatcherLeavesTheOther() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let first = Changes()
        let second = Changes()
        let one = try FileWatcher(path: folder.path + "/x") { first.record() }
        let two = try FileWatcher(path: folder.path + "/x") { second.record() }
        defer { two.stop() }
        one.stop()
        try folder.write("x", "1")
        #expect(second.wait(beyond: 0))
        Thread.sleep(forTimeInterval: 0.1)
        #expect(first.count == 0)
    }

    /// Waits (10 s at most) until `condition` holds.
    func waitFor(_ condition: () -> Bool) -> Bool {
        let deadline = Date(timeIntervalSinceNow: 10)
        while !condition() {
            guard Date() < deadline else { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }
}
