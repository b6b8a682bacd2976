import VM

/// The PLATFORM resource kinds of resources.md §3 (cloud, BMC, firmware, virt), whose reference
/// is a summary: Go fields follow upstream's CamelCase and initialisms, Go types its habits.
extension Registry {
    static let platformResources: [ResourceKindEntry] = cloudKinds + firmwareKinds + virtKinds

    /// The connection params shared by `bmc:power` and `bmc:firmware`.
    private static let bmcConnection: [ResourceParamEntry] = [
        p("hostname", "Hostname", "string"),
        p("port", "Port", "int"),
        p("username", "Username", "string"),
        p("password", "Password", "string"),
        p("insecure_password", "InsecurePassword", "bool"),
        p("driver", "Driver", "string"),
    ]

    /// `virt:network`'s and `virt`'s libvirt credentials.
    private static let virtAuth = "struct{username str; password str}"

    private static let cloudKinds: [ResourceKindEntry] = [
        kind("aws:ec2", "An AWS EC2 instance.", [
            p("state", "State", "string"),
            p("region", "Region", "string"),
            p("type", "Type", "string"),
            p("imageid", "ImageID", "string"),
            p("watchendpoint", "WatchEndpoint", "string"),
            p("watchlistenaddr", "WatchListenAddr", "string"),
            p("erroronmalformedpost", "ErrorOnMalformedPost", "bool"),
            p("userdata", "UserData", "string"),
        ]),
        kind("hetzner:vm", "A Hetzner cloud VM; needs Meta:poll.", [
            p("apitoken", "APIToken", "string"),
            p("state", "State", "string"),
            p("allowrebuild", "AllowRebuild", "string"),
            p("servertype", "ServerType", "string"),
            p("datacenter", "Datacenter", "string"),
            p("image", "Image", "string"),
            p("userdata", "UserData", "string"),
            p("serverrescuemode", "ServerRescueMode", "string"),
            p("serverrescuekeys", "ServerRescueSSHKeys", "[]string"),
            p("waitinterval", "WaitInterval", "uint32", default: .int(5)),
            p("waittimeout", "WaitTimeout", "uint32", default: .int(300)),
        ]),
        kind("bmc:power", "Power state of a machine, through its BMC.", bmcConnection + [
            p("state", "State", "string"),
        ]),
        kind("bmc:firmware", "Firmware of a machine, through its BMC.", bmcConnection + [
            p("provider", "Provider", "string"),
            p("file", "File", "string"),
            p("hash", "Hash", "string"),
            p("version", "Version", "string"),
            p("block", "Block", "string"),
        ]),
    ]

    private static let firmwareKinds: [ResourceKindEntry] = [
        kind("fwupd:device", "Firmware version of a device, through fwupd.", [
            p("device", "Device", "string"),
            p("version", "Version", "string"),
            p("allow_downgrade", "AllowDowngrade", "bool"),
        ]),
        kind("fwupd:remote", "An fwupd metadata remote.", [
            p("enabled", "Enabled", "*bool"),
            p("refresh_age", "RefreshAge", "string"),
        ]),
        kind("fwupd:system", "Firmware of every device, through fwupd.", [
            p("state", "State", "string"),
            p("exclude", "Exclude", "[]string"),
        ]),
        kind("fwattr", "A firmware attribute in sysfs.", [
            p("driver", "Driver", "string"),
            p("key", "Key", "string"),
            p("value", "Value", "string"),
            p("check", "Check", "bool", default: .bool(true)),
            p("strict", "Strict", "bool"),
            p("skip", "Skip", "bool"),
        ]),
    ]

    private static let virtKinds: [ResourceKindEntry] = [
        kind("virt", "A libvirt virtual machine.", [
            p("uri", "URI", "string"),
            p("state", "State", "string"),
            p("startup", "Startup", "string"),
            p("transient", "Transient", "bool"),
            p("cpus", "CPUs", "uint"),
            p("maxcpus", "MaxCPUs", "uint", default: .int(32)),
            p("hotcpus", "HotCPUs", "bool", default: .bool(true)),
            p("memory", "Memory", "uint64"),
            p("osinit", "OSInit", "string"),
            p("boot", "Boot", "[]string"),
            p("disk", "Disk", "[]*struct", mcl: "[]struct{source str; type str}"),
            p("cdrom", "CDRom", "[]*struct", mcl: "[]struct{source str; type str}"),
            p("network", "Network", "[]*struct", mcl: "[]struct{name str; mac str}"),
            p("filesystem", "Filesystem", "[]*struct",
              mcl: "[]struct{access str; source str; target str; read_only bool}"),
            p("auth", "Auth", "*struct", mcl: virtAuth),
            p("restartondiverge", "RestartOnDiverge", "string", default: .str("error")),
            p("restartonrefresh", "RestartOnRefresh", "bool"),
        ]),
        kind("virt:builder", "Builds a VM image with virt-builder.", [
            p("output", "Output", "string"),
            p("os_version", "OSVersion", "string"),
            p("arch", "Arch", "string"),
            p("hostname", "Hostname", "string"),
            p("format", "Format", "string"),
            p("size", "Size", "int"),
            p("packages", "Packages", "[]string"),
            p("update", "Update", "bool", default: .bool(true)),
            p("selinux_relabel", "SelinuxRelabel", "bool", default: .bool(true)),
            p("no_setup", "NoSetup", "bool"),
            p("ssh_keys", "SSHKeys", "[]*struct", mcl: "[]struct{user str; type str; key str; comment str}"),
            p("root_ssh_inject", "RootSSHInject", "bool", default: .bool(true)),
            p("root_password_selector", "RootPasswordSelector", "string", default: .str("disabled")),
            p("bootstrap", "Bootstrap", "bool", default: .bool(true)),
            p("seeds", "Seeds", "[]string"),
            p("mkdir", "Mkdir", "[]string"),
            p("copy_in", "CopyIn", "[]*struct", mcl: "[]struct{path str; dest str}"),
            p("run_cmd", "RunCmd", "[]string"),
            p("firstboot_cmd", "FirstbootCmd", "[]string"),
            p("log_output", "LogOutput", "bool", default: .bool(true)),
            p("tweaks", "Tweaks", "bool", default: .bool(true)),
        ]),
        kind("virt:network", group: true, "A libvirt network; hosts and ranges group into it.", [
            p("uri", "URI", "string"),
            p("state", "State", "string"),
            p("transient", "Transient", "bool"),
            p("startup", "Startup", "string"),
            p("uuid", "UUID", "string"),
            p("device", "Device", "string"),
            p("mode", "Mode", "string"),
            p("mac", "MAC", "string"),
            p("ip", "IP", "string"),
            p("purge_hosts", "PurgeHosts", "bool"),
            p("purge_ranges", "PurgeRanges", "bool"),
            p("auth", "Auth", "*struct", mcl: virtAuth),
        ]),
        kind("virt:network:host", group: true, "A static host of a virt:network.", [
            p("network", "Network", "string"),
            p("hostname", "Hostname", "string"),
            p("mac", "MAC", "string"),
            p("ip", "IP", "string"),
        ]),
        kind("virt:network:range", group: true, "A DHCP range of a virt:network.", [
            p("network", "Network", "string"),
            p("start", "Start", "string"),
            p("end", "End", "string"),
        ]),
    ]
}
