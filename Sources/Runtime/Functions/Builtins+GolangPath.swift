#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VM

/// `golang/path` and `golang/path/filepath` (Unix: slash-separated, no volume names): Go's
/// functions one to one. A Go error result is a fatal error with Go's text.
extension Builtins {
    static let golangPath: [String: BuiltinFunction] = [
        "golang/path.base": { args throws(RuntimeError) in .str(SlashPath.base(try args.str(0))) },
        "golang/path.clean": { args throws(RuntimeError) in .str(SlashPath.clean(try args.str(0))) },
        "golang/path.dir": { args throws(RuntimeError) in .str(SlashPath.dir(try args.str(0))) },
        "golang/path.ext": { args throws(RuntimeError) in .str(SlashPath.ext(try args.str(0))) },
        "golang/path.is_abs": { args throws(RuntimeError) in .bool(SlashPath.isAbs(try args.str(0))) },
        "golang/path.join": { args throws(RuntimeError) in .str(SlashPath.join(try args.strings(0))) },
        "golang/path.match": { args throws(RuntimeError) in try globMatch(args) },
        "golang/path/filepath.abs": { args throws(RuntimeError) in
            let path = try args.str(0)
            if SlashPath.isAbs(path) { return .str(SlashPath.clean(path)) }
            return .str(SlashPath.join([try workingDirectory(), path]))
        },
        "golang/path/filepath.base": { args throws(RuntimeError) in .str(SlashPath.base(try args.str(0))) },
        "golang/path/filepath.clean": { args throws(RuntimeError) in .str(SlashPath.clean(try args.str(0))) },
        "golang/path/filepath.dir": { args throws(RuntimeError) in .str(SlashPath.dir(try args.str(0))) },
        "golang/path/filepath.eval_symlinks": { args throws(RuntimeError) in .str(try evalSymlinks(try args.str(0))) },
        "golang/path/filepath.ext": { args throws(RuntimeError) in .str(SlashPath.ext(try args.str(0))) },
        // On Unix the separator is already `/`: both conversions are the identity.
        "golang/path/filepath.from_slash": { args throws(RuntimeError) in .str(try args.str(0)) },
        "golang/path/filepath.to_slash": { args throws(RuntimeError) in .str(try args.str(0)) },
        "golang/path/filepath.has_prefix": { args throws(RuntimeError) in
            .bool(ByteString.hasPrefix(try args.str(0), try args.str(1)))
        },
        "golang/path/filepath.is_abs": { args throws(RuntimeError) in .bool(SlashPath.isAbs(try args.str(0))) },
        "golang/path/filepath.is_local": { args throws(RuntimeError) in .bool(SlashPath.isLocal(try args.str(0))) },
        "golang/path/filepath.join": { args throws(RuntimeError) in .str(SlashPath.join(try args.strings(0))) },
        "golang/path/filepath.localize": { args throws(RuntimeError) in
            guard let local = SlashPath.localize(try args.str(0)) else { throw RuntimeError("invalid path") }
            return .str(local)
        },
        "golang/path/filepath.match": { args throws(RuntimeError) in try globMatch(args) },
        "golang/path/filepath.rel": { args throws(RuntimeError) in
            let (base, target) = (try args.str(0), try args.str(1))
            guard let relative = SlashPath.rel(base: base, target: target) else {
                throw RuntimeError("Rel: can't make \(target) relative to \(base)")
            }
            return .str(relative)
        },
        "golang/path/filepath.volume_name": { _ throws(RuntimeError) in .str("") },  // no volumes on Unix
    ]

    private static func globMatch(_ args: [Value]) throws(RuntimeError) -> Value {
        let (pattern, name) = (try args.str(0), try args.str(1))
        do throws(GlobPattern.BadPattern) {
            return .bool(try GlobPattern.match(pattern, name))
        } catch {
            throw RuntimeError(error.message)
        }
    }

    /// Go's `filepath.EvalSymlinks`: the path with every symbolic link resolved, cleaned; a
    /// relative path stays relative. A missing element is an error (`lstat x: no such file
    /// or directory`), as is a non-directory in the middle and more than 255 links.
    static func evalSymlinks(_ original: String) throws(RuntimeError) -> String {
        var path = Array(original.utf8)
        let slash = UInt8(ascii: "/")
        var rootLength = path.first == slash ? 1 : 0
        var dest: [UInt8] = Array(path[..<rootLength])
        var links = 0
        var start = rootLength
        while start < path.count {
            while start < path.count && path[start] == slash { start += 1 }
            var end = start
            while end < path.count && path[end] != slash { end += 1 }
            let element = Array(path[start..<end])
            defer { start = end }
            if element.isEmpty { break }
            if element == [UInt8(ascii: ".")] { continue }
            if element == [UInt8(ascii: "."), UInt8(ascii: ".")] {
                let lastSlash = dest[rootLength...].lastIndex(of: slash)
                if lastSlash == nil && dest.count == rootLength || Array(dest[((lastSlash ?? rootLength - 1) + 1)...]) == element {
                    if dest.count > rootLength { dest.append(slash) }  // keep a `..` that cannot be undone
                    dest += element
                } else {
                    dest.removeSubrange((lastSlash ?? rootLength)...)
                }
                continue
            }
            if dest.count > rootLength && dest.last != slash { dest.append(slash) }
            dest += element
            let destText = ByteString.string(dest)
            var info = stat()
            guard lstat(destText, &info) == 0 else { throw posixError("lstat", destText, errno) }
            if info.st_mode & S_IFMT != S_IFLNK {
                if info.st_mode & S_IFMT != S_IFDIR && end < path.count { throw RuntimeError(Errno.text(ENOTDIR)) }
                continue
            }
            links += 1
            if links > 255 { throw RuntimeError("EvalSymlinks: too many links") }
            let link = Array(try readLink(destText).utf8)
            path = link + path[end...]
            if link.first == slash {  // absolute: restart from the root
                rootLength = 1
                dest = [slash]
                end = 1
            } else {  // relative: replace the last element of dest
                let lastSlash = dest[rootLength...].lastIndex(of: slash)
                dest.removeSubrange((lastSlash ?? rootLength)...)
                end = 0
            }
        }
        return SlashPath.clean(ByteString.string(dest))
    }

    /// The target of a symbolic link (Go's `os.Readlink`).
    static func readLink(_ path: String) throws(RuntimeError) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink(path, &buffer, buffer.count)
        guard length >= 0 else { throw posixError("readlink", path, errno) }
        return ByteString.string(buffer[..<length].map { UInt8(bitPattern: $0) })
    }

    /// Go's `*PathError` text: `open /x: no such file or directory` (Go's messages are
    /// the C library's with a lower-case first letter).
    static func posixError(_ operation: String, _ path: String, _ code: Int32) -> RuntimeError {
        RuntimeError("\(operation) \(path): \(Errno.text(code))")
    }
}
