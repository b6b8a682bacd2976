import VM

/// Top-level functions and the language-level modules: fmt, iter, list, map, math.
extension Registry {
    static let coreBuiltins: [BuiltinEntry] = topLevel + fmtIterListMap + math

    /// Functions always in scope (`len`, `history`…) and `_collect`, the target of `collect`.
    private static let topLevel: [BuiltinEntry] = [
        overloaded("", "len", ["func(a str) int", "func(a []?1) int", "func(a map{?1: ?2}) int"], .pure,
                   "Byte length of a string, element count of a list, key count of a map."),
        fn("", "contains", "func(needle ?1, haystack []?1) bool", .pure,
           "Whether some element of the list equals the needle; backs `in`."),
        fn("", "concat", "func(a str, b str) str", .pure,
           "Concatenates two strings; backs string interpolation."),
        fn("", "history", "func(value ?1, index int) ?1", .stream,
           "The value its argument had `index` milliseconds ago."),
        fn("", "list_lookup", "func(list []?1, index int) ?1", .pure,
           "The list element at an index; a missing index is a catchable error."),
        fn("", "map_lookup", "func(map map{?1: ?2}, key ?1) ?2", .pure,
           "The map value for a key; a missing key is a catchable error."),
        fn("", "random1", "func(length int) str", .stream,
           "A random [a-zA-Z] string, kept while the length is unchanged."),
        overloaded("", "panic", ["func(x bool) bool", "func(x str) bool"], .host,
                   "Aborts the run on true or a non-empty string; reached only by the panic statement."),
        fn("", "panic_debug", "func(x bool, err str) bool", .host,
           "Like panic with a bool, with a message; the two-argument panic statement."),
        fn("", "_collect", "func(kind str, names ?1) []struct{name str; host str; data str}", .world,
           "Exported resources of a kind with matching names; target of `collect`."),
    ]

    private static let fmtIterListMap: [BuiltinEntry] = [
        callSite("fmt", "printf", .pure, "Formats its arguments with %s %q %d %f %t %v %T verbs.",
                 printfSignature),
        fn("iter", "map", "func(inputs []?1, function func(?1) ?2) []?2", .higherOrder,
           "Applies the function to every element."),
        fn("iter", "filter", "func(inputs []?1, function func(?1) bool) []?1", .higherOrder,
           "The elements for which the function is true, in order."),
        callSite("iter", "reduce", .higherOrder, "Left fold of a list, with an optional initial value first.",
                 iterReduceSignature),
        fn("iter", "zip", "func(inputs1 []?1, inputs2 []?2, function func(x ?1, y ?2) ?3) []?3", .higherOrder,
           "Applies the function pairwise, truncated to the shorter list."),
        fn("iter", "flatten", "func(inputs [][]?1) []?1", .pure,
           "Concatenates the inner lists in order."),
        callSite("iter", "range", .pure, "Python's range over ints: stop, start and stop, or start, stop and step.",
                 iterRangeSignature),
        callSite("list", "concat", .pure, "Joins one or more lists in argument order.",
                 listConcatSignature),
        fn("list", "lookup", "func(list []?1, index int) ?1", .pure,
           "The list element at an index; a missing index is a catchable error."),
        fn("map", "lookup", "func(map map{?1: ?2}, key ?1) ?2", .pure,
           "The map value for a key; a missing key is a catchable error."),
        fn("map", "keys", "func(x map{?1: ?2}) []?1", .pure,
           "All keys, in key order."),
        fn("map", "values", "func(x map{?1: ?2}) []?2", .pure,
           "All values, in key order."),
    ]

    private static let math: [BuiltinEntry] = [
        overloaded("math", "mod", ["func(a int, b int) int", "func(a float, b float) float"], .pure,
                   "Remainder with the sign of the dividend; a zero divisor is a catchable error."),
        fn("math", "pow", "func(x float, y float) float", .pure,
           "x to the power y; a NaN or infinite result is a catchable error."),
        fn("math", "sqrt", "func(x float) float", .pure,
           "Square root; a negative or infinite input is a catchable error."),
        fn("math", "minus1", "func(x int) int", .pure,
           "x - 1."),
        overloaded("math", "fortytwo", ["func() int", "func() float"], .pure,
                   "42 or 42.0, chosen by the inferred result type."),
    ]
}
