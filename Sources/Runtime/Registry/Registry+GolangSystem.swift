import VM

/// The generated wrappers of Go's os, os/exec, path, path/filepath and runtime packages
/// (see `Registry+Golang.swift`).
///
/// Upstream flags all of them pure; the ones that read the host or the process are `host` here.
extension Registry {
    static let golangSystemBuiltins: [BuiltinEntry] = golangOS + golangPath + golangFilepath + golangRuntime

    private static let golangOS: [BuiltinEntry] = [
        golang("os", "Executable", "executable", "func() str", .host, fails: true),
        golang("os", "ExpandEnv", "expand_env", "func(s str) str", .host),
        golang("os", "Getegid", "getegid", "func() int", .host),
        golang("os", "Getenv", "getenv", "func(key str) str", .host),
        golang("os", "Geteuid", "geteuid", "func() int", .host),
        golang("os", "Getgid", "getgid", "func() int", .host),
        golang("os", "Getpagesize", "getpagesize", "func() int", .host),
        golang("os", "Getpid", "getpid", "func() int", .host),
        golang("os", "Getppid", "getppid", "func() int", .host),
        golang("os", "Getuid", "getuid", "func() int", .host),
        golang("os", "Getwd", "getwd", "func() str", .host, fails: true),
        golang("os", "Hostname", "hostname", "func() str", .host, fails: true),
        golang("os", "MkdirTemp", "mkdir_temp", "func(dir str, pattern str) str", .host, fails: true),
        golang("os", "ReadFile", "read_file", "func(name str) str", .host, fails: true),
        golang("os", "Readlink", "readlink", "func(name str) str", .host, fails: true),
        golang("os", "TempDir", "temp_dir", "func() str", .host),
        golang("os", "UserCacheDir", "user_cache_dir", "func() str", .host, fails: true),
        golang("os", "UserConfigDir", "user_config_dir", "func() str", .host, fails: true),
        golang("os", "UserHomeDir", "user_home_dir", "func() str", .host, fails: true),
        golang("os/exec", "LookPath", "look_path", "func(file str) str", .host, fails: true),
    ]

    private static let golangPath: [BuiltinEntry] = [
        golang("path", "Base", "base", "func(path str) str"),
        golang("path", "Clean", "clean", "func(path str) str"),
        golang("path", "Dir", "dir", "func(path str) str"),
        golang("path", "Ext", "ext", "func(path str) str"),
        golang("path", "IsAbs", "is_abs", "func(path str) bool"),
        golang("path", "Join", "join", "func(elem []str) str"),
        golang("path", "Match", "match", "func(pattern str, name str) bool", fails: true),
    ]

    private static let golangFilepath: [BuiltinEntry] = [
        golang("path/filepath", "Abs", "abs", "func(path str) str", .host, fails: true),
        golang("path/filepath", "Base", "base", "func(path str) str"),
        golang("path/filepath", "Clean", "clean", "func(path str) str"),
        golang("path/filepath", "Dir", "dir", "func(path str) str"),
        golang("path/filepath", "EvalSymlinks", "eval_symlinks", "func(path str) str", .host, fails: true),
        golang("path/filepath", "Ext", "ext", "func(path str) str"),
        golang("path/filepath", "FromSlash", "from_slash", "func(path str) str"),
        golang("path/filepath", "HasPrefix", "has_prefix", "func(p str, prefix str) bool"),
        golang("path/filepath", "IsAbs", "is_abs", "func(path str) bool"),
        golang("path/filepath", "IsLocal", "is_local", "func(path str) bool"),
        golang("path/filepath", "Join", "join", "func(elem []str) str"),
        golang("path/filepath", "Localize", "localize", "func(path str) str", fails: true),
        golang("path/filepath", "Match", "match", "func(pattern str, name str) bool", fails: true),
        golang("path/filepath", "Rel", "rel", "func(basepath str, targpath str) str", fails: true),
        golang("path/filepath", "ToSlash", "to_slash", "func(path str) str"),
        golang("path/filepath", "VolumeName", "volume_name", "func(path str) str"),
    ]

    private static let golangRuntime: [BuiltinEntry] = [
        golang("runtime", "CPUProfile", "cpu_profile", "func() str", .host),
        golang("runtime", "GOMAXPROCS", "gomaxprocs", "func(n int) int", .host),
        golang("runtime", "GOROOT", "goroot", "func() str", .host),
        golang("runtime", "NumCPU", "num_cpu", "func() int", .host),
        golang("runtime", "NumCgoCall", "num_cgo_call", "func() int", .host),
        golang("runtime", "NumGoroutine", "num_goroutine", "func() int", .host),
        golang("runtime", "ReadTrace", "read_trace", "func() str", .host),
        golang("runtime", "SetMutexProfileFraction", "set_mutex_profile_fraction", "func(rate int) int", .host),
        golang("runtime", "Stack", "stack", "func(buf str, all bool) int", .host),
        golang("runtime", "Version", "version", "func() str", .host),
    ]
}
