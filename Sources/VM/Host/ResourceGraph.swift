/// The resources and edges a program declares for one consistent set of values, with the
/// language's rules applied (names expanded, identical duplicates merged, edges resolved);
/// what the VM hands its host (spec/host-interface.md).
public struct ResourceGraph: Sendable, Equatable {
    /// Sorted by kind, then name.
    public var resources: [ResourceDeclaration]
    /// Sorted by from, then to.
    public var edges: [EdgeDeclaration]

    public init(resources: [ResourceDeclaration], edges: [EdgeDeclaration]) {
        self.resources = resources
        self.edges = edges
    }
}

/// A resource's identity: `kind[name]`.
public struct ResourceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var kind: String
    public var name: String
    public init(kind: String, name: String) { self.kind = kind; self.name = name }
    public var description: String { "\(kind)[\(name)]" }
    public static func < (a: ResourceID, b: ResourceID) -> Bool {
        a.kind != b.kind ? a.kind.utf8.lexicographicallyPrecedes(b.kind.utf8) : a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
    }
}

public struct ResourceDeclaration: Sendable, Equatable {
    public var id: ResourceID
    /// The params the program set (conditions applied), by mcl name.
    public var params: [String: Value]
    /// Metaparams by name (`Meta:x` entries and the fields of a `Meta` struct).
    public var metaparams: [String: Value]
    /// Byline of the declaring statement.
    public var position: String

    public init(id: ResourceID, params: [String: Value], metaparams: [String: Value], position: String) {
        self.id = id
        self.params = params
        self.metaparams = metaparams
        self.position = position
    }

    public var kind: String { id.kind }
    public var name: String { id.name }
}

public struct EdgeDeclaration: Sendable, Equatable {
    public var from: ResourceID
    public var to: ResourceID
    /// Whether a change of `from` sends a refresh to `to` (`Notify`/`Listen`).
    public var notify: Bool
    /// Send/recv: `from` sends `sendKey` into `to`'s param `recvKey`.
    public var sendKey: String?
    public var recvKey: String?

    public init(from: ResourceID, to: ResourceID, notify: Bool, sendKey: String? = nil, recvKey: String? = nil) {
        self.from = from
        self.to = to
        self.notify = notify
        self.sendKey = sendKey
        self.recvKey = recvKey
    }

    /// The edge's label: `kind[a] -> kind[b]`.
    public var label: String { "\(from) -> \(to)" }
}
