import VM

/// Test and demo functions: test (used by the conformance corpus), example, example/nested.
/// `example.nativeanswer` is written in mcl upstream; here it is native, with the same
/// type and value.
extension Registry {
    static let testBuiltins: [BuiltinEntry] = test + example

    private static let test: [BuiltinEntry] = [
        fn("test", "fastcount", "func() int", .stream, "A counter bumped as fast as possible."),
        fn("test", "forloop", "func() []str", .stream, "[\"foo\"] first, then [\"bar\"] every 5 s."),
        fn("test", "forkvloop", "func() map{str: str}", .stream, "{\"foo\": \"bar\"}, again every 5 s."),
        fn("test", "one_instance_a", "func() str", .host, "\"hello\"; initialized once per process."),
        fn("test", "one_instance_b", "func() str", .pure, "\"hello\"; must be called at most once."),
        fn("test", "one_instance_c", "func() str", .host, "\"hello\"; initialized once per process."),
        fn("test", "one_instance_d", "func() str", .pure, "\"hello\"; must be called at most once."),
        fn("test", "one_instance_e", "func() str", .host, "\"hello\"; initialized once per process."),
        fn("test", "one_instance_f", "func() str", .pure, "\"hello\"; must be called at most once."),
        fn("test", "one_instance_g", "func() str", .host, "\"hello\"; initialized once per process."),
        fn("test", "one_instance_h", "func() str", .pure, "\"hello\"; must be called at most once."),
        fn("test", "one_stream", "func(count int) str", .host,
           "count times \"x\"; a second input delivery is an error."),
        fn("test", "slow_string", "func() str", .stream, "\"five seconds has elapsed\", after 5 s."),
    ]

    private static let example: [BuiltinEntry] = [
        fn("example", "answer", "func() int", .pure, "42."),
        fn("example", "errorbool", "func(a bool) str", .host, "An error on true, a hint on false."),
        fn("example", "flipflop", "func() bool", .stream, "Alternates every 5 s, starting with true."),
        fn("example", "nativeanswer", "func() int", .pure, "42 (written in mcl upstream)."),
        fn("example", "int2str", "func(a int) str", .pure, "Decimal text of an int."),
        fn("example", "plus", "func(y str, z str) str", .pure, "y + z."),
        fn("example", "str2int", "func(a str) int", .pure, "Parses a base-10 int, 0 when invalid."),
        fn("example", "vumeter", "func(symbol str, multiplier int, peak float) str", .stream,
           "An ASCII bar of the microphone's peak level, every second."),
        fn("example/nested", "hello", "func() str", .pure, "\"Hello!\"."),
    ]
}
