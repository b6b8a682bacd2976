import VM

/// The EXTENDED resource kinds of resources.md §2, except the HTTP family
/// (`Registry+HTTPResources.swift`).
///
/// The reference gives Go types only for some of these; the others follow upstream's habits
/// (`*T` where unset differs from zero, `uint64` seconds for timeouts).
extension Registry {
    static let extendedResources: [ResourceKindEntry] = archiveKinds + networkKinds + clusterKinds + hostKinds

    private static let archiveKinds: [ResourceKindEntry] = [
        kind("json:edit", "Small jq-like edits of a JSON file or World key.", [
            p("store", "Store", "string"),
            p("edits", "Edits", "[]string"),
        ]),
        kind("tar", "Builds a tar archive.", [
            p("path", "Path", "string"),
            p("inputs", "Inputs", "[]string"),
            p("format", "Format", "int"),
        ]),
        kind("gzip", "Gzips a file or some content.", [
            p("path", "Path", "string"),
            p("input", "Input", "*string"),
            p("content", "Content", "string"),
            p("level", "Level", "int", default: .int(-1)),
        ]),
        kind("deploy:tar", "A tar of the running deploy's code.", [
            p("path", "Path", "string"),
            p("format", "Format", "int"),
        ]),
        kind("ssh:authorized_key", "One entry of an authorized_keys file.", [
            p("state", "State", "string"),
            p("file", "File", "string"),
            p("user", "User", "string"),
            p("content", "Content", "string"),
            p("options", "Options", "[]string"),
            p("type", "Type", "string"),
            p("key", "Key", "string"),
            p("comment", "Comment", "string"),
            p("mkdir", "Mkdir", "bool", default: .bool(true)),
        ]),
    ]

    private static let networkKinds: [ResourceKindEntry] = [
        kind("tftp:server", group: true, "A read-only TFTP server.", [
            p("address", "Address", "string"),
            p("timeout", "Timeout", "uint64", default: .int(5)),
            p("root", "Root", "string"),
        ]),
        kind("tftp:file", group: true, "A file served by a tftp:server.", [
            p("server", "Server", "string"),
            p("filename", "Filename", "string"),
            p("path", "Path", "string"),
            p("data", "Data", "string"),
        ]),
        kind("dhcp:server", group: true, "A DHCPv4 server.", [
            p("address", "Address", "string"),
            p("interface", "Interface", "string"),
            p("serverid", "ServerID", "*string"),
            p("leasetime", "LeaseTime", "*string"),
            p("dns", "DNS", "[]string"),
            p("routers", "Routers", "[]string"),
            p("nbp", "NBP", "string"),
        ]),
        kind("dhcp:host", group: true, "A static DHCP lease of a dhcp:server.", [
            p("server", "Server", "string"),
            p("mac", "Mac", "string"),
            p("ip", "IP", "string"),
            p("nbp", "NBP", "string"),
            p("nbp_path", "NBPPath", "string"),
        ]),
        kind("dhcp:range", group: true, "A dynamic address range of a dhcp:server.", [
            p("server", "Server", "string"),
            p("network", "Network", "string"),
            p("from", "From", "string"),
            p("to", "To", "string"),
            p("mask", "Mask", "string"),
            p("skip", "Skip", "[]string"),
            p("persist", "Persist", "bool"),
            p("nbp", "NBP", "string"),
            p("nbp_path", "NBPPath", "string"),
        ]),
    ]

    private static let clusterKinds: [ResourceKindEntry] = [
        kind("schedule", "This host's vote in a cluster scheduling namespace.", [
            p("namespace", "Namespace", "string"),
            p("strategy", "Strategy", "*string"),
            p("max", "Max", "*int"),
            p("persist", "Persist", "bool"),
            p("ttl", "TTL", "*int"),
            p("withdraw", "Withdraw", "bool"),
        ]),
        kind("remote", "Runs mgmt on another host over SSH, joined to our World.", [
            p("remote", "Remote", "string"),
            p("hostname", "Hostname", "string"),
            p("state", "State", "string"),
            p("ssh_id", "SSHID", "*string"),
            p("hostkey", "HostKey", "string"),
            p("interactive", "Interactive", "bool"),
            p("interactive_timeout", "InteractiveTimeout", "uint64"),
            p("max_password_tries", "MaxPasswordTries", "int"),
            p("allow_cleartext_password", "AllowCleartextPassword", "bool"),
            p("caching", "Caching", "bool", default: .bool(true)),
            p("transient", "Transient", "bool", default: .bool(true)),
            p("tunnelled", "Tunnelled", "bool", default: .bool(true)),
            p("tunnel_addr", "TunnelAddr", "string", default: .str("127.0.0.1:2379")),
            p("install_deps", "InstallDeps", "bool"),
            p("converger_timeout", "ConvergerTimeout", "*uint64"),
        ]),
        kind("consul:kv", "A consul key.", [
            p("key", "Key", "string"),
            p("value", "Value", "string"),
            p("scheme", "Scheme", "string"),
            p("address", "Address", "string"),
            p("token", "Token", "string"),
        ]),
    ]

    private static let hostKinds: [ResourceKindEntry] = [
        kind("augeas", "Edits a file through augeas.", [
            p("file", "File", "string"),
            p("lens", "Lens", "string"),
            p("sets", "Sets", "[]*struct", mcl: "[]struct{path str; value str}"),
        ]),
        kind("gsettings", "A dconf setting, through gsettings.", [
            p("schema", "Schema", "string"),
            p("key", "Key", "string"),
            p("type", "Type", "string"),
            p("value", "Value", "interface{}"),
            p("user", "User", "string"),
            p("group", "Group", "string"),
        ]),
        kind("firewalld", "Zones, services and ports of firewalld.", [
            p("zone", "Zone", "string"),
            p("state", "State", "string"),
            p("services", "Services", "[]string"),
            p("ports", "Ports", "[]string"),
        ]),
        kind("net", "A network interface, through systemd-networkd.", [
            p("state", "State", "string"),
            p("addrs", "Addrs", "[]string"),
            p("gateway", "Gateway", "string"),
            p("ip_forward", "IPForward", "*bool"),
        ]),
        kind("nspawn", "A systemd-nspawn container.", [
            p("state", "State", "string", default: .str("running")),
        ]),
        kind("docker:container", "A docker container.", [
            p("state", "State", "string", default: .str("running")),
            p("image", "Image", "string"),
            p("cmd", "Cmd", "[]string"),
            p("env", "Env", "[]string"),
            p("ports", "Ports", "map[string]map[int64]int64"),
            p("apiversion", "APIVersion", "string"),
            p("force", "Force", "bool"),
        ]),
        kind("docker:image", "A docker image.", [
            p("state", "State", "string", default: .str("exists")),
            p("apiversion", "APIVersion", "string"),
        ]),
    ]
}
