import Foundation
import Testing
import VM
@testable import Runtime

/// `golang/path` and `golang/path/filepath`; expectations produced by Go.
@Suite struct BuiltinsGolangPathTests {
    @Test func clean() throws {
        let cases = [("", "."), ("a/b/../c", "a/c"), ("/../a", "/a"), ("../../a/b", "../../a/b"), ("a//b/./c/", "a/b/c"),
                     ("/", "/"), ("//x", "/x"), ("a/..", "."), ("a/b/../../..", ".."), ("/a/b/../../..", "/")]
        for (path, cleaned) in cases {
            #expect(try call("golang/path.clean", .str(path)) == .str(cleaned), "\(path)")
            #expect(try call("golang/path/filepath.clean", .str(path)) == .str(cleaned), "\(path)")
        }
    }

    @Test func elements() throws {
        #expect(try call("golang/path.base", .str("/a/b/")) == .str("b"))
        #expect(try call("golang/path.base", .str("")) == .str("."))
        #expect(try call("golang/path.base", .str("///")) == .str("/"))
        #expect(try call("golang/path/filepath.base", .str("x.go")) == .str("x.go"))
        #expect(try call("golang/path.dir", .str("/a/b/c")) == .str("/a/b"))
        #expect(try call("golang/path.dir", .str("a")) == .str("."))
        #expect(try call("golang/path/filepath.dir", .str("/a")) == .str("/"))
        #expect(try call("golang/path.ext", .str("x/a.tar.gz")) == .str(".gz"))
        #expect(try call("golang/path/filepath.ext", .str("a.d/b")) == .str(""))
        #expect(try call("golang/path.is_abs", .str("/x")) == .bool(true))
        #expect(try call("golang/path/filepath.is_abs", .str("x")) == .bool(false))
        #expect(try call("golang/path.join", strList("", "a", "", "b/../c")) == .str("a/c"))
        #expect(try call("golang/path/filepath.join", strList("", "")) == .str(""))
        #expect(try call("golang/path/filepath.join", strList("/a", "../b")) == .str("/b"))
    }

    @Test func unixIdentities() throws {
        #expect(try call("golang/path/filepath.from_slash", .str("a/b")) == .str("a/b"))
        #expect(try call("golang/path/filepath.to_slash", .str("a/b")) == .str("a/b"))
        #expect(try call("golang/path/filepath.volume_name", .str("/a/b")) == .str(""))
        #expect(try call("golang/path/filepath.has_prefix", .str("/a/b"), .str("/a")) == .bool(true))
    }

    @Test func match() throws {
        let cases: [(String, String, Bool)] = [("*.go", "a.go", true), ("*.go", "d/a.go", false), ("a/*/c", "a/b/c", true),
                                               ("[a-c]x", "bx", true), ("[^a-c]x", "bx", false), ("\\*", "*", true),
                                               ("a?c", "abc", true), ("*x", "abx", true), ("[\\]a]", "]", true),
                                               ("a*b*c", "axxbyyc", true), ("a*", "a/b", false), ("", "", true),
                                               ("[é]", "é", true), ("a", "ab", false)]
        for (pattern, name, matched) in cases {
            #expect(try call("golang/path.match", .str(pattern), .str(name)) == .bool(matched), "\(pattern) \(name)")
            #expect(try call("golang/path/filepath.match", .str(pattern), .str(name)) == .bool(matched), "\(pattern) \(name)")
        }
        for (pattern, name) in [("[", "a"), ("a[", "b"), ("[]a]", "]"), ("x\\", "x"), ("[a-", "a"), ("b*[", "a")] {
            expectFailure("golang/path.match", [.str(pattern), .str(name)], "syntax error in pattern")
        }
    }

    @Test func rel() throws {
        let cases = [("/a/b", "/a/b/c/d", "c/d"), ("/a/b/c", "/a/x", "../../x"), ("a", "b", "../b"), (".", "a/b", "a/b"),
                     ("a/b", "a/b", "."), ("/", "/a", "a"), ("/a", "/", ".."), ("a/b", "a", "..")]
        for (base, target, relative) in cases {
            #expect(try call("golang/path/filepath.rel", .str(base), .str(target)) == .str(relative), "\(base) \(target)")
        }
        expectFailure("golang/path/filepath.rel", [.str("/a"), .str("b")], "Rel: can't make b relative to /a")
        expectFailure("golang/path/filepath.rel", [.str("../a"), .str("b")], "Rel: can't make b relative to ../a")
    }

    @Test func localPaths() throws {
        for (path, local) in [("a/../b", true), ("a/../../b", false), ("", false), ("/a", false), ("a/./b", true), ("..", false)] {
            #expect(try call("golang/path/filepath.is_local", .str(path)) == .bool(local), "\(path)")
        }
        #expect(try call("golang/path/filepath.localize", .str("a/b")) == .str("a/b"))
        #expect(try call("golang/path/filepath.localize", .str(".")) == .str("."))
        for bad in ["/a", "a/../b", "a//b", "", "a/"] {
            expectFailure("golang/path/filepath.localize", [.str(bad)], "invalid path")
        }
    }

    @Test func absAndSymlinks() throws {
        let cwd = FileManager.default.currentDirectoryPath
        #expect(try call("golang/path/filepath.abs", .str("x/../y")) == .str(SlashPath.join([cwd, "y"])))
        #expect(try call("golang/path/filepath.abs", .str("/a/./b/")) == .str("/a/b"))

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("symlinks-\(UUID().uuidString)").path
        let real = root + "/real"
        try FileManager.default.createDirectory(atPath: real + "/inner", withIntermediateDirectories: true)
        try "x".write(toFile: real + "/inner/file", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root + "/abs", withDestinationPath: real)
        try FileManager.default.createSymbolicLink(atPath: root + "/rel", withDestinationPath: "real/inner")
        let resolvedRoot = try Builtins.evalSymlinks(root)  // the temporary directory may itself be a link
        #expect(try call("golang/path/filepath.eval_symlinks", .str(root + "/abs/inner/file")) == .str(resolvedRoot + "/real/inner/file"))
        #expect(try call("golang/path/filepath.eval_symlinks", .str(root + "/rel/../inner/./file")) == .str(resolvedRoot + "/real/inner/file"))
        #expect(try call("golang/os.readlink", .str(root + "/rel")) == .str("real/inner"))
        expectFailure("golang/path/filepath.eval_symlinks", [.str(root + "/missing")], "lstat \(resolvedRoot)/missing: no such file or directory")
        expectFailure("golang/path/filepath.eval_symlinks", [.str(root + "/real/inner/file/x")], "not a directory")
        expectFailure("golang/os.readlink", [.str(real)], "readlink \(real): invalid argument")
    }
}
