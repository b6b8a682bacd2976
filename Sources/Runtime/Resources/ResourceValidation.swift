import Foundation
import VM

/// Each kind's own `Validate` (resources.md), by kind. Kinds without checks here accept
/// any params the type checker let through.
enum ResourceValidation {
    /// The reason `resource` is invalid, or nil.
    static func check(_ resource: ResourceDeclaration) -> String? {
        switch resource.kind {
        case "file": return FileResource(resource).validate()
        case "test": return validateTest(resource)
        case "exec": return validateExec(resource)
        case "pkg": return validatePackage(resource)
        case "svc": return validateService(resource)
        case "user", "group": return validateAccount(resource)
        case "kv": return resource.string("key").isEmpty && resource.name.isEmpty ? "key must not be empty" : nil
        case "timer": return resource.int("interval") == 0 ? "the Interval must be greater than zero" : nil
        case "msg": return validateMessage(resource)
        default: return nil
        }
    }

    private static func validateTest(_ r: ResourceDeclaration) -> String? {
        if r.bool("validatebool") { return "the validate param was set to true" }
        let error = r.string("validateerror")
        return error.isEmpty ? nil : "the validate error param was set to: \(error)"
    }

    private static func validateExec(_ r: ResourceDeclaration) -> String? {
        let cmd = r.string("cmd").isEmpty ? r.name : r.string("cmd")
        if cmd.isEmpty { return "the Cmd can't be empty" }
        if r.params["args"] != nil, !r.string("shell").isEmpty { return "the Args param can't be used with a Shell" }
        if r.params["args"] != nil, cmd.split(whereSeparator: { $0 == " " || $0 == "\t" }).count > 1 {
            return "the Args param can't be used when Cmd has args"
        }
        if case .map(let env)? = r.params["env"] {
            for case .str(let name) in env.keys where !name.isValidEnvironmentName { return "invalid variable name: \(name)" }
        }
        for path in r.strings("watchfiles") where !path.hasPrefix("/") { return "the path (`\(path)`) in WatchFiles must be absolute" }
        let creates = r.string("creates")
        if !creates.isEmpty, !creates.hasPrefix("/") { return "the Creates param must be an absolute path" }
        for path in r.strings("mtimes") where !path.hasPrefix("/") { return "the path (`\(path)`) in Mtimes must be absolute" }
        return nil
    }

    private static func validatePackage(_ r: ResourceDeclaration) -> String? {
        guard let state = r.params["state"] else { return nil }  // default `installed`
        if state == .str("") { return "state cannot be empty" }
        if state == .str("latest") { return "state is invalid, did you mean `newest` ?" }
        return nil
    }

    private static func validateService(_ r: ResourceDeclaration) -> String? {
        if !["", "running", "stopped"].contains(r.string("state")) { return "state must be either `running` or `stopped` or undefined" }
        if !["", "enabled", "disabled"].contains(r.string("startup")) { return "startup must be either `enabled` or `disabled` or undefined" }
        return nil
    }

    private static func validateAccount(_ r: ResourceDeclaration) -> String? {
        if !["exists", "absent"].contains(r.string("state")) { return "state must be 'exists' or 'absent'" }
        let valid = r.name.range(of: "^[a-zA-Z_][a-zA-Z0-9_-]{0,30}$", options: .regularExpression) != nil
        if !valid { return "\(r.kind) contains invalid character(s)" }
        if r.kind == "user", r.params["gid"] != nil, r.params["group"] != nil { return "cannot use both GID and Group" }
        return nil
    }

    private static func validateMessage(_ r: ResourceDeclaration) -> String? {
        let priorities = ["Emerg", "Alert", "Crit", "Err", "Warning", "Notice", "Info", "Debug"]
        return priorities.contains(r.string("priority")) ? nil : "invalid priority"
    }
}

extension ResourceDeclaration {
    /// A str param, `""` when unset.
    func string(_ name: String) -> String {
        if case .str(let s)? = params[name] { return s }
        return ""
    }

    func bool(_ name: String) -> Bool { params[name] == .bool(true) }

    func int(_ name: String) -> Int64 {
        if case .int(let i)? = params[name] { return i }
        return 0
    }

    /// A []str param, empty when unset.
    func strings(_ name: String) -> [String] {
        guard case .list(let items)? = params[name] else { return [] }
        return items.compactMap { if case .str(let s) = $0 { s } else { nil } }
    }
}

extension String {
    var isValidEnvironmentName: Bool {
        guard let first = unicodeScalars.first, first == "_" || (first.properties.isAlphabetic && first.isASCII) else { return false }
        return unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
    }
}
