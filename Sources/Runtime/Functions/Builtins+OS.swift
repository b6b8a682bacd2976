import Foundation
import VM

/// The os module's pure, startup and host functions, and deploy's `binary_path` and
/// `bootstrap_packages`. Host files are read relative to a root (`/` in production) so
/// that tests can use a fixture tree.
///
/// Not here: `os.readfile`, `os.file_exists`, `os.system`, `os.modinfo_loaded`,
/// `os.user_exists` (streams that watch files or processes), and the deploy functions that
/// read the deploy file system (they need the caller's module directory, a call-site fact).
extension Builtins {
    static let os: [String: BuiltinFunction] = [
        "os.args": { _ throws(RuntimeError) in .list(CommandLine.arguments.map(Value.str)) },
        "os.expand_home": { args throws(RuntimeError) in .str(try expandHome(try args.str(0))) },
        "os.home": { args throws(RuntimeError) in
            let home = try UserDatabase.lookup(name: try args.str(0)).home
            return .str(home.hasSuffix("/") ? home : home + "/")
        },
        "os.uid": { args throws(RuntimeError) in .str(String(try UserDatabase.lookup(name: try args.str(0)).uid)) },
        "os.family": { _ throws(RuntimeError) in .str(osFamily(root: "/")) },
        "os.is_family_redhat": { _ throws(RuntimeError) in .bool(exists(root: "/", "etc/redhat-release")) },
        "os.is_family_debian": { _ throws(RuntimeError) in .bool(exists(root: "/", "etc/debian_version")) },
        "os.is_family_archlinux": { _ throws(RuntimeError) in .bool(exists(root: "/", "etc/arch-release")) },
        "os.release": { _ throws(RuntimeError) in try osRelease(root: "/") },
        "os.parse_distro_uid": { args throws(RuntimeError) in parseDistroUID(try args.str(0)) },
        "os.is_virtual": { _ throws(RuntimeError) in .bool(try isVirtual(root: "/")) },
        "deploy.binary_path": { _ throws(RuntimeError) in .str(try binaryPath()) },
        "deploy.bootstrap_packages": { args throws(RuntimeError) in
            switch try args.str(0) {
            case "debian": return .list(["libaugeas-dev", "libvirt-dev", "packagekit-tools"].map(Value.str))
            case "fedora": return .list(["augeas-devel", "libvirt-devel", "PackageKit"].map(Value.str))
            default: throw RuntimeError("missing distro")
            }
        },
    ]

    /// `~/x` → the current user's home + `/x`, `~name/x` → that user's, cleaned, keeping a
    /// trailing slash; anything else unchanged. An unknown user is an error.
    static func expandHome(_ path: String) throws(RuntimeError) -> String {
        guard path.hasPrefix("~") else { return path }
        let bytes = Array(path.utf8)
        let slash = bytes.firstIndex(of: UInt8(ascii: "/")) ?? bytes.count
        let name = ByteString.string(bytes[1..<slash])
        let account: UserDatabase.Account
        do throws(RuntimeError) {
            account = name.isEmpty ? try UserDatabase.current() : try UserDatabase.lookup(name: name)
        } catch {
            throw RuntimeError("can't expand ~ for user `\(name)`: \(error.message)")
        }
        let expanded = SlashPath.clean(account.home + ByteString.string(bytes[slash...]))
        return path.hasSuffix("/") && !expanded.hasSuffix("/") ? expanded + "/" : expanded
    }

    /// `redhat`, `debian` or `archlinux` by the first marker file present under `root`, else `""`.
    static func osFamily(root: String) -> String {
        if exists(root: root, "etc/redhat-release") { return "redhat" }
        if exists(root: root, "etc/debian_version") { return "debian" }
        if exists(root: root, "etc/arch-release") { return "archlinux" }
        return ""
    }

    static func exists(root: String, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root + path)
    }

    /// `ID`, `VARIANT_ID` and `VERSION_ID` of `etc/os-release` under `root` (missing keys
    /// give `""`; shell quoting is removed). An unreadable file is an error.
    static func osRelease(root: String) throws(RuntimeError) -> Value {
        let path = root + "etc/os-release"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RuntimeError("open \(path): no such file or directory")
        }
        var fields: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.hasPrefix("#"), let equals = text.firstIndex(of: "=") else { continue }
            fields[String(text[..<equals])] = shellUnquote(String(text[text.index(after: equals)...]))
        }
        return .struct(Value.StructValue(names: ["id", "variant_id", "version_id"],
                                         values: ["ID", "VARIANT_ID", "VERSION_ID"].map { .str(fields[$0] ?? "") }))
    }

    /// An os-release value without its quotes: `"a \"b\""` → `a "b"`, `'x'` → `x`.
    private static func shellUnquote(_ value: String) -> String {
        guard value.count >= 2, let quote = value.first, quote == "\"" || quote == "'", value.last == quote else {
            return value
        }
        let inner = value.dropFirst().dropLast()
        guard quote == "\"" else { return String(inner) }
        var out = ""
        var escaped = false
        for character in inner {
            if !escaped && character == "\\" { escaped = true; continue }
            if escaped && !"$\"\\`".contains(character) { out.append("\\") }
            out.append(character)
            escaped = false
        }
        return out
    }

    /// `fedora39-x86_64` → `{distro: "fedora", version: "39", arch: "x86_64"}`: split at the
    /// first `-`, the version is the left part's trailing digits. Without a dash, or with
    /// any part empty, all three are `""` (never an error).
    static func parseDistroUID(_ uid: String) -> Value {
        var parts = ["", "", ""]
        if let dash = uid.firstIndex(of: "-") {
            let left = uid[..<dash]
            let arch = String(uid[uid.index(after: dash)...])
            let version = String(left.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
            let distro = String(left.dropLast(version.count))
            if !distro.isEmpty && !version.isEmpty && !arch.isEmpty { parts = [distro, version, arch] }
        }
        return .struct(Value.StructValue(names: ["distro", "version", "arch"], values: parts.map(Value.str)))
    }

    /// The absolute, symlink-resolved path of the running executable.
    static func binaryPath() throws(RuntimeError) -> String {
        #if os(Linux)
        let link = "/proc/self/exe"
        #else
        let link = CommandLine.arguments.first ?? ""
        #endif
        let resolved = URL(fileURLWithPath: link).resolvingSymlinksInPath().path
        guard resolved.hasPrefix("/"), FileManager.default.fileExists(atPath: resolved) else {
            throw RuntimeError("can't get the path of the running binary")
        }
        return resolved
    }
}
