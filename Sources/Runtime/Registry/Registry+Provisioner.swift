import VM

/// The embedded/provisioner module: the command-line flags of `mgmt provisioner`, fixed at start.
extension Registry {
    static let provisionerBuiltins: [BuiltinEntry] =
        flags(resultType: "str", [
            "cli_interface", "cli_network", "cli_router", "cli_prefix", "cli_distro", "cli_version", "cli_arch",
            "cli_flavour", "cli_mirror", "cli_rsync", "cli_mac", "cli_ip", "cli_part", "cli_handoff_exec",
            "cli_handoff_code", "cli_handoff_module_path", "cli_handoff_hostname", "cli_bmc_uri", "cli_password",
        ])
        + flags(resultType: "[]str", ["cli_dns", "cli_packages"])
        + flags(resultType: "bool", ["cli_firewalld", "cli_bios", "cli_luks", "check"])

    /// Zero-argument functions returning one provisioner flag each.
    private static func flags(resultType: String, _ names: [String]) -> [BuiltinEntry] {
        names.map { name in
            fn("embedded/provisioner", name, "func() \(resultType)", .startup,
               "The provisioner's \(name) flag; an unset optional flag is an error.")
        }
    }
}
