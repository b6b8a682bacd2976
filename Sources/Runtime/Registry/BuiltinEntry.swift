import VM

/// One builtin as the registry's tables write it: signatures as type strings, not yet parsed.
///
/// Keeping the strings lets the tests check that every one of them parses (and name the bad
/// one) before `Registry.builtins` turns the tables into `BuiltinDescriptor`s.
struct BuiltinEntry: Sendable {
    /// How calls are typed, before parsing.
    enum Typing: Sendable {
        /// One type string (a `.signature`) or several (`.overloads`).
        case types([String])
        /// A rule that looks at the call site (`fmt.printf`, `iter.range`…).
        case callSite(@Sendable (CallSite) throws -> [MclType])
    }

    var module: String
    var name: String
    var typing: Typing
    var kind: BuiltinKind
    var summary: String
    /// See `BuiltinDescriptor.takesDeployBase`.
    var takesDeployBase = false

    /// This builtin, taking the caller's deploy base as a hidden first argument.
    var takingDeployBase: BuiltinEntry {
        var entry = self
        entry.takesDeployBase = true
        return entry
    }

    /// The type strings of `.types` typing; empty for a call-site rule.
    var typeStrings: [String] {
        if case .types(let strings) = typing { return strings }
        return []
    }

    /// The descriptor with every type string parsed.
    /// - Throws: `MclType.ParseError` for a bad type string.
    func descriptor() throws -> BuiltinDescriptor {
        let typing: BuiltinTyping
        switch self.typing {
        case .types(let strings) where strings.count == 1:
            typing = .signature(try MclType(parsing: strings[0]))
        case .types(let strings):
            typing = .overloads(try strings.map { try MclType(parsing: $0) })
        case .callSite(let rule):
            typing = .callSite(rule)
        }
        return BuiltinDescriptor(module: module, name: name, typing: typing, kind: kind, summary: summary,
                                 takesDeployBase: takesDeployBase)
    }
}

extension Registry {
    /// A builtin with one signature, possibly with `?N` scheme variables.
    static func fn(_ module: String, _ name: String, _ signature: String, _ kind: BuiltinKind,
                   _ summary: String) -> BuiltinEntry {
        BuiltinEntry(module: module, name: name, typing: .types([signature]), kind: kind, summary: summary)
    }

    /// A builtin with several fixed signatures; exactly one must fit each call.
    static func overloaded(_ module: String, _ name: String, _ signatures: [String], _ kind: BuiltinKind,
                           _ summary: String) -> BuiltinEntry {
        BuiltinEntry(module: module, name: name, typing: .types(signatures), kind: kind, summary: summary)
    }

    /// A builtin whose signature depends on the call site.
    static func callSite(_ module: String, _ name: String, _ kind: BuiltinKind, _ summary: String,
                         _ rule: @escaping @Sendable (CallSite) throws -> [MclType]) -> BuiltinEntry {
        BuiltinEntry(module: module, name: name, typing: .callSite(rule), kind: kind, summary: summary)
    }
}
