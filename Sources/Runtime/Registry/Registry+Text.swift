import VM

/// Conversions and text: the convert, encoding, regexp and strings modules.
extension Registry {
    static let textBuiltins: [BuiltinEntry] = convert + encoding + strings

    private static let convert: [BuiltinEntry] = [
        fn("convert", "format_bool", "func(a bool) str", .pure, "\"true\" or \"false\"."),
        fn("convert", "parse_bool", "func(a str) bool", .pure,
           "Parses 1 t T TRUE true True and 0 f F FALSE false False; anything else is a catchable error."),
        fn("convert", "str_to_int", "func(a str) int", .pure,
           "Parses a base-10 int; bad syntax or range is a catchable error."),
        fn("convert", "str_to_float", "func(a str) float", .pure,
           "Parses a float with Go's syntax; a range error is catchable."),
        fn("convert", "to_float", "func(a int) float", .pure, "Converts an int to a float."),
        fn("convert", "to_int", "func(a float) int", .pure, "Truncates a float toward zero."),
        fn("convert", "int_to_str", "func(a int) str", .pure, "Decimal text of an int."),
    ]

    private static let encoding: [BuiltinEntry] = [
        fn("encoding", "base64_encode", "func(data str) str", .pure,
           "Standard base64 with padding."),
        fn("encoding", "base64_decode", "func(data str) str", .pure,
           "Decodes standard base64; CR and LF are skipped, other bad bytes are an error."),
        callSite("encoding", "decode_json", .pure,
                 "Parses JSON as the type given by a type string or by the use site.",
                 decodeJSONSignature),
        callSite("encoding", "decode_json_flexible", .pure,
                 "Like decode_json; missing struct fields get zero values, extra keys are ignored.",
                 decodeJSONSignature),
    ]

    private static let strings: [BuiltinEntry] = [
        fn("regexp", "match", "func(pattern str, s str) bool", .pure,
           "Whether s contains a match of the RE2 pattern."),
        fn("strings", "contains", "func(s str, substr str) bool", .pure, "Substring test."),
        fn("strings", "has_prefix", "func(s str, prefix str) bool", .pure, "Prefix test."),
        fn("strings", "has_suffix", "func(s str, suffix str) bool", .pure, "Suffix test."),
        fn("strings", "split", "func(a str, b str) []str", .pure,
           "Splits on every occurrence of the separator."),
        fn("strings", "join_nonempty", "func(s []str, sep str) str", .pure,
           "Joins the non-empty elements with the separator."),
        fn("strings", "replace_all", "func(s str, old str, new str) str", .pure,
           "Replaces every non-overlapping occurrence, left to right."),
        fn("strings", "substr", "func(s str, low int, high int) str", .pure,
           "Bytes [low, high); out of range is a catchable error."),
        fn("strings", "left_pad", "func(s str, pad str, len int) str", .pure,
           "Prepends whole copies of pad while shorter than len."),
        fn("strings", "right_pad", "func(s str, pad str, len int) str", .pure,
           "Appends whole copies of pad while shorter than len."),
        fn("strings", "to_lower", "func(a str) str", .pure, "Per-rune simple lower-case mapping."),
        fn("strings", "to_upper", "func(a str) str", .pure, "Per-rune simple upper-case mapping."),
        fn("strings", "trim_space", "func(a str) str", .pure,
           "Strips leading and trailing Unicode white space."),
    ]
}
