import VM

/// Functions that read or watch the World and the local value store: value, world, world/collect.
extension Registry {
    static let worldBuiltins: [BuiltinEntry] = [
        fn("value", "get", "func(key str) struct{value ?1; ready bool}", .world,
           "The value a value resource published under that name in the local store; ready false until one is."),
        fn("value", "get_bool", "func(key str) struct{value bool; ready bool}", .world,
           "value.get for a bool."),
        fn("value", "get_str", "func(key str) struct{value str; ready bool}", .world,
           "value.get for a str."),
        fn("value", "get_int", "func(key str) struct{value int; ready bool}", .world,
           "value.get for an int."),
        fn("value", "get_float", "func(key str) struct{value float; ready bool}", .world,
           "value.get for a float."),
        fn("world", "getval", "func(key str) struct{value str; exists bool}", .world,
           "The cluster-wide string stored under a key."),
        fn("world", "kvlookup", "func(namespace str) map{str: str}", .world,
           "Hostname to value for a namespace written by mapped kv resources."),
        // Upstream's form, and the seed's form with scheduling options (seed-examples/schedule.mcl).
        overloaded("world", "schedule", [
            "func(namespace str) []str",
            "func(namespace str, opts struct{strategy str; max int; ttl int}) []str",
        ], .world, "Hostnames the cluster scheduler chose for a namespace."),
        fn("world/collect", "res", "func(kind str) []struct{name str; host str}", .world,
           "Every exported resource of a kind, with its exporting host."),
    ]
}
