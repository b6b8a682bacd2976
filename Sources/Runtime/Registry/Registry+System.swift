import VM

/// Functions that read the host: datetime, deploy, local, net, net/http, os, sys, sys/fwupd, util.
///
/// Kinds: the deploy file readers are `stream`s (they follow their file in the deploy tree, which
/// is a folder on disk that can be edited while the program runs); `deploy.abspath` and
/// `deploy.directory` are `host` (they read the deploy tree when called); ctx:Local functions are
/// `world` (local state store).
extension Registry {
    static let systemBuiltins: [BuiltinEntry] = datetimeDeploy + net + os + sys

    private static let datetimeDeploy: [BuiltinEntry] = [
        fn("datetime", "now", "func() int", .stream, "Current Unix time in seconds, every second."),
        fn("datetime", "str_now", "func() str", .stream, "Current Unix time in seconds as text, every second."),
        fn("datetime", "weekday_fast", "func() str", .stream, "Today's weekday in lower case, updated at midnight."),
        fn("datetime", "hour", "func(a int) int", .pure, "Local hour of day 0-23 of a Unix time."),
        fn("datetime", "weekday", "func(a int) str", .pure, "Local lower-case weekday name of a Unix time."),
        fn("datetime", "print", "func(a int) str", .pure, "A Unix time in Go's Time.String layout."),
        fn("datetime", "format", "func(a int, b str) str", .pure, "A Unix time in a Go reference-time layout."),
        fn("deploy", "readfile", "func(filename str) str", .stream,
           "Contents of a deploy file, relative to the calling module.").takingDeployBase,
        fn("deploy", "readfileabs", "func(filename str) str", .stream,
           "Contents of a deploy file, from the deploy root.").takingDeployBase,
        fn("deploy", "abspath", "func(path str) str", .host,
           "The deploy path of a path relative to the calling module.").takingDeployBase,
        fn("deploy", "file_exists", "func(filename str) bool", .stream,
           "Whether a path exists in the deploy file system.").takingDeployBase,
        fn("deploy", "directory", "func(directory str) str", .host,
           "Mirrors a deploy directory to a local one and returns its path.").takingDeployBase,
        fn("deploy", "binary_path", "func() str", .startup,
           "Absolute path of the running mgmt executable."),
        fn("deploy", "bootstrap_packages", "func(a str) []str", .pure,
           "Packages needed to run mgmt on a distro (debian, fedora)."),
        fn("local", "vardir", "func(path str) str", .world,
           "Creates and returns a local state directory for functions."),
        fn("local", "pool", "func(namespace str, uid str) int", .world,
           "A persistent number for a (namespace, uid) pair, starting at 1."),
    ]

    private static let net: [BuiltinEntry] = [
        fn("net", "cidr_to_ip", "func(a str) str", .pure, "The address part of a CIDR."),
        fn("net", "cidr_to_prefix", "func(a str) str", .pure, "The prefix length of a CIDR, as text."),
        fn("net", "cidr_to_mask", "func(a str) str", .pure, "The netmask of a CIDR in dotted form."),
        fn("net", "cidr_to_network", "func(a str) str", .pure, "The network of a CIDR, with its prefix."),
        fn("net", "cidr_to_first", "func(a str) str", .pure, "The address after the given one."),
        fn("net", "cidr_to_last", "func(a str) str", .pure, "The address with all host bits set."),
        fn("net", "ip_in_cidr", "func(ip str, cidr str) bool", .pure, "Whether the CIDR's network contains the IP."),
        fn("net", "is_mac", "func(a str) bool", .pure, "Whether the text is a canonical lower-case MAC."),
        fn("net", "macfmt", "func(a str) str", .pure, "A MAC in lower-case colon form."),
        fn("net", "oldmacfmt", "func(a str) str", .pure, "A MAC in lower-case hyphen form."),
        fn("net", "split_hostport", "func(a str) struct{host str; port str}", .pure,
           "Splits host:port or [v6addr]:port."),
        fn("net", "url_parser", "func(a str) struct{scheme str; host str; path str; raw_query str}", .pure,
           "Parses a URL into scheme, host, path and raw query."),
        fn("net", "macs", "func() []str", .stream, "MACs of the non-loopback interfaces."),
        fn("net", "wired_interface", "func() str", .stream, "The first wired non-loopback interface."),
        fn("net", "interface_cidr", "func(interface str) str", .stream,
           "The first global IPv4 address of an interface, with its prefix."),
        fn("net/http", "response", "func(uid str) struct{status int; output str}", .world,
           "Status and body of the http:client resource with that name."),
    ]

    private static let os: [BuiltinEntry] = [
        fn("os", "readfile", "func(filename str) str", .stream,
           "File contents, again on every change; a missing file is catchable."),
        fn("os", "file_exists", "func(filename str) bool", .stream, "Whether a path exists, watched."),
        fn("os", "system", "func(cmd str) str", .stream, "Each stdout line of `sh -c cmd` in turn."),
        fn("os", "modinfo_loaded", "func(module str) bool", .stream, "Whether a kernel module is loaded, watched."),
        fn("os", "user_exists", "func(user str) bool", .stream, "Whether a user name resolves, watched."),
        fn("os", "args", "func() []str", .startup, "The process argv, program name first."),
        fn("os", "expand_home", "func(a str) str", .host, "Expands a leading ~ or ~user."),
        fn("os", "home", "func(a str) str", .host, "Home directory of a user, ending with /."),
        fn("os", "uid", "func(a str) str", .host, "Numeric uid of a user, as text."),
        fn("os", "family", "func() str", .host, "The distro family: redhat, debian, archlinux or \"\"."),
        fn("os", "is_family_redhat", "func() bool", .host, "Whether etc/redhat-release exists."),
        fn("os", "is_family_debian", "func() bool", .host, "Whether etc/debian_version exists."),
        fn("os", "is_family_archlinux", "func() bool", .host, "Whether etc/arch-release exists."),
        fn("os", "release", "func() struct{id str; variant_id str; version_id str}", .host,
           "ID, VARIANT_ID and VERSION_ID of etc/os-release."),
        fn("os", "parse_distro_uid", "func(a str) struct{distro str; version str; arch str}", .pure,
           "Splits a distro uid such as fedora39-x86_64."),
        fn("os", "is_virtual", "func() bool", .host, "Whether the host looks like a virtual machine."),
    ]

    private static let sys: [BuiltinEntry] = [
        fn("sys", "getenv", "func(a str) str", .host,
           "An environment variable; unset is a catchable error."),
        fn("sys", "hasenv", "func(a str) bool", .host, "Whether an environment variable is set."),
        fn("sys", "env", "func() map{str: str}", .host, "The whole environment."),
        fn("sys", "hostname", "func() str", .stream, "The current hostname from systemd-hostnamed."),
        fn("sys", "cpu_count", "func() int", .stream, "Number of online CPUs."),
        fn("sys", "load", "func() struct{x1 float; x5 float; x15 float}", .stream,
           "1, 5 and 15 minute load averages."),
        fn("sys", "uptime", "func() int", .stream, "Seconds since boot, every second."),
        fn("sys/fwupd", "reboot_needed", "func() bool", .stream,
           "Whether fwupd reports a device waiting for a reboot."),
        fn("util", "hostname_mapper", "func(a map{str: str}) str", .host,
           "The hostname whose MAC belongs to this machine."),
    ]
}
