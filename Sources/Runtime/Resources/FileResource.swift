import VM

/// The `file` kind's pure logic: effective path, `Validate` (resources.md §1.5, first
/// failure wins, in upstream's order) and the UIDs its automatic edges match.
struct FileResource {
    let resource: ResourceDeclaration

    init(_ resource: ResourceDeclaration) { self.resource = resource }

    /// Path or name, with `dirname`/`basename` replacing their part.
    var path: String {
        var path = resource.string("path").isEmpty ? resource.name : resource.string("path")
        let dirname = resource.string("dirname")
        let basename = resource.string("basename")
        if !dirname.isEmpty || !basename.isEmpty {
            let isDirectory = path.hasSuffix("/")
            var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            let last = parts.popLast() ?? ""
            let directory = dirname.isEmpty ? "/" + parts.joined(separator: "/") + (parts.isEmpty ? "" : "/") : dirname
            path = directory + (basename.isEmpty ? last + (isDirectory ? "/" : "") : basename)
        }
        return path
    }

    var isDirectory: Bool { path.hasSuffix("/") }

    func validate() -> String? {
        let r = resource
        let rawPath = r.string("path").isEmpty ? r.name : r.string("path")
        if rawPath.isEmpty { return "path is empty" }
        let dirname = r.string("dirname")
        if !dirname.isEmpty, !dirname.hasSuffix("/") { return "dirname must end with a slash" }
        if r.string("basename").hasPrefix("/") { return "basename must not start with a slash" }
        if !path.hasPrefix("/") { return "resultant path must be absolute" }
        let state = r.string("state")
        if !["", "exists", "absent"].contains(state) { return "the State is invalid" }
        let hasContent = r.params["content"] != nil
        let source = r.string("source")
        let fragments = r.strings("fragments")
        if [hasContent, !source.isEmpty, !fragments.isEmpty].filter({ $0 }).count > 1 {
            return "can only specify one of Content, Source, and Fragments"
        }
        if state == "exists", r.bool("symlink"), source.isEmpty { return "can't use Symlink with an empty Source" }
        if state == "absent", hasContent || !source.isEmpty || !fragments.isEmpty {
            return "can't specify file Content, Source, or Fragments when State is absent"
        }
        if state == "absent", r.params["selinux"] != nil { return "can't specify SELinux when State is absent" }
        if !r.bool("symlink"), !source.isEmpty, source.hasSuffix("/") != isDirectory {
            return "the path and Source must either both be dirs or both not be"
        }
        if isDirectory, hasContent || !fragments.isEmpty || r.bool("symlink") {
            return "can't specify Content or Fragments or Symlink when creating a Dir"
        }
        if !source.isEmpty, source.hasSuffix("/"), !r.bool("recurse") { return "you'll want to Recurse when you have a Source dir to copy" }
        if r.bool("purge"), !r.bool("recurse") { return "you'll want to Recurse when you have a Purge to do" }
        if !source.isEmpty, !source.hasSuffix("/"), r.bool("recurse") { return "you can't recurse when copying a single file" }
        for fragment in fragments {
            if !fragment.hasPrefix("/") { return "the frag (`\(fragment)`) isn't an absolute path" }
            if Self.isInside(path, fragment) { return "inside a frag (`\(fragment)`)" }
        }
        if r.bool("purge"), hasContent || !fragments.isEmpty { return "can't combine Purge with Content or Fragments" }
        if let problem = Self.modeProblem(r.string("mode")) { return problem }
        if r.bool("symlink"), hasContent || !fragments.isEmpty { return "can't specify Content or Fragments with Symlink" }
        if r.bool("symlink"), r.bool("recurse") || r.bool("purge") { return "can't specify Recurse or Purge with Symlink" }
        return nil
    }

    /// Whether `path` is `container` or lies under it, comparing whole path components.
    static func isInside(_ path: String, _ container: String) -> Bool {
        let a = path.split(separator: "/")
        let b = container.split(separator: "/")
        return b.count <= a.count && Array(a.prefix(b.count)) == b
    }

    /// Why a mode is not an octal number or symbolic assignments (`u=rw,go=r`), or nil.
    static func modeProblem(_ mode: String) -> String? {
        guard !mode.isEmpty else { return nil }
        if mode.allSatisfy({ ("0"..."7").contains($0) }) {
            return Int(mode, radix: 8).map { $0 <= 0o7777 } == true ? nil : "mode should be an octal number or symbolic mode (\(mode)): out of range"
        }
        for assignment in mode.split(separator: ",", omittingEmptySubsequences: false) {
            let sides = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard sides.count == 2, !sides[0].isEmpty, sides[0].allSatisfy({ "ugoa".contains($0) }),
                  Set(sides[0]).count == sides[0].count, sides[1].allSatisfy({ "rwxXst".contains($0) }) else {
                return "mode should be an octal number or symbolic mode (\(mode)): invalid symbolic mode `\(assignment)`"
            }
        }
        return nil
    }
}

/// Automatic edges (engine.md §8.1): a file depends on the files of its fragments, then on
/// its nearest managed parent directory.
enum AutoEdges {
    static func edges(for resources: [ResourceDeclaration]) -> [BuiltEdge] {
        var filesByPath: [String: ResourceID] = [:]
        for r in resources where r.kind == "file" {
            let path = FileResource(r).path
            if filesByPath[path] == nil { filesByPath[path] = r.id }
        }
        var edges: [BuiltEdge] = []
        func add(_ from: ResourceID, _ to: ResourceID) {
            guard from != to else { return }
            edges.append(BuiltEdge(from: from, to: to, notify: false, label: "\(from) -> \(to)"))
        }
        for r in resources.sorted(by: { $0.id < $1.id }) where r.kind == "file" && r.metaparams["autoedge"] != .bool(false) {
            for fragment in r.strings("fragments") {
                if let match = filesByPath[fragment] { add(match, r.id) }
            }
            var directory = FileResource(r).path
            while directory != "/" {
                directory = parent(of: directory)
                if let match = filesByPath[directory] {
                    add(match, r.id)
                    break
                }
            }
        }
        return edges
    }

    /// `/a/b/c` and `/a/b/c/` both give `/a/b/`.
    static func parent(of path: String) -> String {
        var trimmed = path
        while trimmed.hasSuffix("/"), trimmed.count > 1 { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "/" }
        return String(trimmed[...slash])
    }
}
