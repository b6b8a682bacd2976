import VM

/// Predeclared variables (functions.md §3). `$hostname` is not here: the CLI sets it.
extension Registry {
    /// `$purpleidea`, every `$const.res.*` constant, `$os.family_*` and `$example.test1`.
    public static let variables: [VariableDescriptor] = [
        VariableDescriptor(module: "", name: "purpleidea", value: .str("hello world!")),
    ]
        + constants("file.state", [("exists", .str("exists")), ("absent", .str("absent")), ("undefined", .str(""))])
        + constants("net.state", [("up", .str("up")), ("down", .str("down")), ("undefined", .str(""))])
        + constants("firewalld.state", [("exists", .str("exists")), ("absent", .str("absent")), ("undefined", .str(""))])
        + constants("gzip.level", [
            ("no_compression", .int(0)), ("best_speed", .int(1)), ("best_compression", .int(9)),
            ("default_compression", .int(-1)), ("huffman_only", .int(-2)),
        ])
        // Go archive/tar format bits.
        + constants("tar.format", [("unknown", .int(0)), ("ustar", .int(2)), ("pax", .int(4)), ("gnu", .int(8))])
        + [
            VariableDescriptor(module: "os", name: "family_redhat", value: .str("redhat")),
            VariableDescriptor(module: "os", name: "family_debian", value: .str("debian")),
            VariableDescriptor(module: "os", name: "family_archlinux", value: .str("archlinux")),
            // Upstream defines it in the example module's embedded mcl (`$test1 = 13`).
            VariableDescriptor(module: "example", name: "test1", value: .int(13)),
        ]

    /// Global `$const.res.<prefix>.<name>` variables.
    private static func constants(_ prefix: String, _ values: [(String, Value)]) -> [VariableDescriptor] {
        values.map { name, value in VariableDescriptor(module: "", name: "const.res.\(prefix).\(name)", value: value) }
    }
}
