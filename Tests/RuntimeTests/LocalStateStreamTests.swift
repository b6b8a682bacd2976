import Foundation
import Testing
import VM
@testable import Runtime

/// The streams over this host's files that are not the program's inputs: the deploy tree
/// (`deploy.readfile` and friends) and the local value store (`value.get*`), on real files.
@Suite struct LocalStateStreamTests {
    // MARK: deploy

    @Test func deployReadfileFollowsTheFileInTheCallersModule() throws {
        let deploy = try ScratchFolder()
        defer { deploy.remove() }
        try FileManager.default.createDirectory(atPath: deploy.path + "/mod1/files", withIntermediateDirectories: true)
        try deploy.write("mod1/files/motd", "one")
        // The base `/mod1/` is what the compiler passes for code in the folder mod1.
        let file = try StartedStream("deploy.readfile", [.str("/mod1/"), .str("/files/motd")], deployRoot: deploy.path)
        defer { file.handle.stop() }
        #expect(file.values == [#""one""#])
        try deploy.writeAtomically("mod1/files/motd", "two")
        #expect(file.recorder.wait(last: #""two""#))
        try deploy.write("mod1/files/motd", "three")
        #expect(file.recorder.wait(last: #""three""#))
        // A deploy file that goes away is fatal, as a missing one at the start.
        try FileManager.default.removeItem(atPath: deploy.path + "/mod1/files/motd")
        #expect(file.recorder.wait(last: "error: can't read file `/files/motd` (\(deploy.path)/mod1/files/motd)"))
        #expect(file.values.count == 4)
    }

    @Test func deployReadfileabsAndFileExistsReadFromTheRoot() throws {
        let deploy = try ScratchFolder()
        defer { deploy.remove() }
        let absolute = try StartedStream("deploy.readfileabs", [.str("/mod1/"), .str("/top")], deployRoot: deploy.path)
        let exists = try StartedStream("deploy.file_exists", [.str("/mod1/"), .str("/top")], deployRoot: deploy.path)
        defer { absolute.handle.stop(); exists.handle.stop() }
        #expect(absolute.values == ["error: can't read file `/top` (\(deploy.path)/top)"])
        #expect(exists.values == ["false"])
        try deploy.writeAtomically("top", "at the root")
        #expect(exists.recorder.wait(last: "true"))
    }

    @Test func deployPathsMustBeAbsolute() throws {
        #expect(throws: RuntimeError("filename was not absolute, got: `files/x`")) {
            try StartedStream("deploy.readfile", [.str("/"), .str("files/x")])
        }
        #expect(throws: RuntimeError("filename was not absolute, got: `x`")) {
            try StartedStream("deploy.file_exists", [.str("/"), .str("x")])
        }
    }

    // MARK: value store

    @Test func storedValuesKeepTheirTypeAndValue() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let store = LocalValueStore(prefix: folder.path)
        let cases: [(Value, String)] = [
            (.bool(true), "bool"),
            (.int(-9_223_372_036_854_775_808), "int"),
            (.float(0.1), "float"), (.float(-.infinity), "float"), (.float(1e300), "float"),
            (.str("tab\t \"quoted\" \\ é \u{1}"), "str"),
            (.list([]), "[]str"),
            (.list([.list([.int(1)]), .list([])]), "[][]int"),
            (.map(.init(pairs: [(.int(2), .str("b")), (.int(1), .str("a"))])), "map{int: str}"),
            (.struct(.init(names: ["b", "a"], values: [.bool(false), .map(.init(pairs: []))])), "struct{b bool; a map{str: int}}"),
        ]
        for (value, typeText) in cases {
            let type = try MclType(parsing: typeText)
            try store.set("k", value, type: type)
            let stored = try #require(try store.get("k"))
            #expect(stored.value == value && stored.type == type, "\(typeText)")
        }
        try store.set("nan", .float(.nan), type: .float)
        guard case .float(let nan)? = try store.get("nan")?.value else { Issue.record("no float"); return }
        #expect(nan.isNaN)
        // No value removes the key; removing a missing key is fine.
        try store.set("k", nil, type: .int)
        #expect(try store.get("k") == nil)
        try store.set("k", nil, type: .int)
    }

    @Test func valuesThatCannotBeStored() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let store = LocalValueStore(prefix: folder.path)
        #expect(throws: RuntimeError("the value 1 is not a str")) { try store.set("k", .int(1), type: .str) }
        #expect(throws: RuntimeError("the value store has no empty key")) { try store.set("", .int(1), type: .int) }
        let function = Value.function(.init(template: 0, captures: [], type: try MclType(parsing: "func() int")))
        #expect(throws: RuntimeError("a function value cannot be stored")) {
            try store.set("f", function, type: try MclType(parsing: "func() int"))
        }
        #expect(try store.get("k") == nil)
    }

    @Test func aCorruptStoreFileIsNamed() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let store = LocalValueStore(prefix: folder.path)
        try FileManager.default.createDirectory(atPath: store.folder, withIntermediateDirectories: true)
        try Data(#"{"type": "int", "value": "x"}"#.utf8).write(to: URL(fileURLWithPath: store.path(of: "k")))
        #expect(throws: RuntimeError("`\(store.path(of: "k"))` is not a stored value: want a int, got JSON string")) {
            try store.get("k")
        }
        try Data("{".utf8).write(to: URL(fileURLWithPath: store.path(of: "k")))
        #expect {
            try store.get("k")
        } throws: { error in
            (error as? RuntimeError)?.message.hasPrefix("`\(store.path(of: "k"))` is not a stored value: ") == true
        }
    }

    @Test func everyKeyIsOneFileName() {
        let store = LocalValueStore(prefix: "/p")
        #expect(store.path(of: "hello1") == "/p/vardir/value/hello1")
        #expect(store.path(of: "a/b c") == "/p/vardir/value/a%2Fb%20c")
        #expect(store.path(of: "..") == "/p/vardir/value/%2E%2E")
        #expect(store.path(of: "v1.2") == "/p/vardir/value/v1.2")
        #expect(store.path(of: "é") == "/p/vardir/value/%C3%A9")
    }

    @Test func valueGetFollowsTheStore() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let store = LocalValueStore(prefix: folder.path)
        let get = try StartedStream(bound: "value.get_int", signature: "func(key str) struct{value int; ready bool}",
                                    [.str("answer")], prefix: folder.path)
        defer { get.handle.stop() }
        #expect(get.values == ["struct{value: 0; ready: false}"])
        try store.set("answer", .int(42), type: .int)
        #expect(get.recorder.wait(last: "struct{value: 42; ready: true}"))
        try store.set("answer", .int(43), type: .int)
        #expect(get.recorder.wait(last: "struct{value: 43; ready: true}"))
        try store.set("answer", .str("no"), type: .str)
        #expect(get.recorder.wait(last: "error: value.get_int: the value stored under `answer` is a str, not a int"))
        try store.set("answer", nil, type: .int)
        #expect(get.recorder.wait(last: "struct{value: 0; ready: false}"))
        // The same key keeps the stream; another key is refused.
        #expect(get.handle.update([.str("answer")]))
        #expect(get.handle.update([.str("other")]))
        #expect(get.recorder.wait(last: "error: value.get_int: can't change key, previously: `answer`, now: `other`"))
    }

    @Test func valueGetTakesTheCallSitesType() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try LocalValueStore(prefix: folder.path).set("xs", .list([.str("a")]), type: .list(.str))
        let get = try StartedStream(bound: "value.get", signature: "func(key str) struct{value []str; ready bool}",
                                    [.str("xs")], prefix: folder.path)
        get.handle.stop()
        #expect(get.values == [#"struct{value: ["a"]; ready: true}"#])
        #expect(throws: RuntimeError("value.get_str: can't use an empty key")) {
            try StartedStream(bound: "value.get_str", signature: "func(key str) struct{value str; ready bool}",
                              [.str("")], prefix: folder.path)
        }
    }
}

/// The deploy and local builtins that are plain calls or one-value streams: paths in the deploy
/// tree, mirrored deploy folders, function state folders and the persistent pool.
@Suite struct LocalStateFunctionTests {
    /// The function `name` as `RuntimeHost` binds it, with deploy tree `deployRoot` and local
    /// state under `prefix`.
    func function(_ name: String, _ signature: String, deployRoot: String = "/", prefix: String = "/nonexistent")
        throws -> @Sendable ([Value]) throws(RuntimeError) -> Value {
        let host = RuntimeHost(.init(hostname: "test", deployRoot: deployRoot, prefix: prefix, clock: ManualClock(at: 0)))
        let binding = host.builtin(named: name, signature: try MclType(parsing: signature))
        guard case .function(let body)? = binding else {
            throw RuntimeError("\(name) is bound as \(String(describing: binding)), not a function")
        }
        return body
    }

    @Test func abspathIsRelativeToTheCallersModule() throws {
        let abspath = try function("deploy.abspath", "func(base str, path str) str")
        #expect(try abspath([.str("/"), .str("/files/a")]) == .str("/files/a"))
        #expect(try abspath([.str("/mod1/"), .str("/files/a")]) == .str("/mod1/files/a"))
        #expect(try abspath([.str("/mod1/"), .str("")]) == .str("/mod1/"))
        #expect(throws: RuntimeError("filename was not absolute, got: `files/a`")) {
            try abspath([.str("/mod1/"), .str("files/a")])
        }
    }

    @Test func directoryMirrorsTheDeployFolder() throws {
        let deploy = try ScratchFolder()
        let prefix = try ScratchFolder()
        defer { deploy.remove(); prefix.remove() }
        let fm = FileManager.default
        try fm.createDirectory(atPath: deploy.path + "/mod1/www/css", withIntermediateDirectories: true)
        try deploy.write("mod1/www/index.html", "<p>hi</p>")
        try deploy.write("mod1/www/css/site.css", "p {}")
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: deploy.path + "/mod1/www/index.html")
        let directory = try function("deploy.directory", "func(base str, directory str) str", deployRoot: deploy.path, prefix: prefix.path)
        let local = prefix.path + "/vardir/directory/mod1/www/"
        #expect(try directory([.str("/mod1/"), .str("/www/")]) == .str(local))
        #expect(fm.contents(atPath: local + "index.html") == Data("<p>hi</p>".utf8))
        #expect(fm.contents(atPath: local + "css/site.css") == Data("p {}".utf8))
        #expect((try fm.attributesOfItem(atPath: local + "index.html")[.posixPermissions] as? Int) == 0o600)
        #expect((try fm.attributesOfItem(atPath: local)[.posixPermissions] as? Int) == 0o750)
        // Again after a change: the new file appears, the removed one goes, the others stay.
        try fm.removeItem(atPath: deploy.path + "/mod1/www/css")
        try deploy.write("mod1/www/new.txt", "new")
        #expect(try directory([.str("/mod1/"), .str("/www/")]) == .str(local))
        #expect(try fm.contentsOfDirectory(atPath: local).sorted() == ["index.html", "new.txt"])
        #expect(throws: RuntimeError("directory must start and end with a slash, got: `/www`")) {
            try directory([.str("/"), .str("/www")])
        }
        #expect(throws: RuntimeError("can't read directory `\(deploy.path)/missing/`")) {
            try directory([.str("/"), .str("/missing/")])
        }
    }

    @Test func vardirCreatesAFolderForFunctions() throws {
        let prefix = try ScratchFolder()
        defer { prefix.remove() }
        let vardir = try StartedStream(bound: "local.vardir", signature: "func(path str) str", [.str("cache/x/")], prefix: prefix.path)
        vardir.handle.stop()
        let folder = prefix.path + "/vardir/functions/cache/x/"
        #expect(vardir.values == ["\(Value.str(folder))"])
        #expect((try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int) == 0o750)
        for bad in ["/abs/", "noslash"] {
            #expect(throws: RuntimeError("path must be relative and end with a slash")) {
                try StartedStream(bound: "local.vardir", signature: "func(path str) str", [.str(bad)], prefix: prefix.path)
            }
        }
    }

    @Test func poolNumbersArePersistent() throws {
        let prefix = try ScratchFolder()
        defer { prefix.remove() }
        let pool = LocalPool(prefix: prefix.path)
        #expect(try pool.number(namespace: "vm", uid: "alpha") == 1)
        #expect(try pool.number(namespace: "vm", uid: "beta") == 2)
        #expect(try pool.number(namespace: "vm", uid: "alpha") == 1)
        #expect(try pool.number(namespace: "other", uid: "beta") == 1)
        // Another instance (a restart) reads the same numbers.
        #expect(try LocalPool(prefix: prefix.path).number(namespace: "vm", uid: "beta") == 2)
        #expect(try LocalPool(prefix: prefix.path).number(namespace: "vm", uid: "gamma") == 3)
        for (namespace, uid) in [("", "a"), ("vm", ""), ("a/b", "c"), ("vm", "x/y")] {
            #expect(throws: RuntimeError("namespace and uid must be non-empty and contain no slash")) {
                try pool.number(namespace: namespace, uid: uid)
            }
        }
    }
}
