import VM

/// `golang.template` and the generated wrappers of Go's html, strconv and strings packages.
///
/// Upstream generates the `golang/*` functions from Go's standard library (lang/funcgen): the
/// module is `golang/` plus the Go import path and the name is the Go name in strcase snake
/// case, digit runs becoming words (`Atan2` → `atan_2`, `ToValidUTF8` → `to_valid_utf_8`).
extension Registry {
    static let golangBuiltins: [BuiltinEntry] = [
        // Effectively pure, but upstream never speculates it: its errors are run-time errors
        // (corpus graph/template-missing-key expects errStream).
        callSite("golang", "template", .host, "Renders a Go text/template, with optional data.",
                 templateSignature),
    ] + golangHTML + golangStrconv + golangStrings

    /// A generated wrapper of the Go function `goPackage.goName`; `fails` marks a Go error
    /// result, which becomes a fatal mcl error.
    static func golang(_ goPackage: String, _ goName: String, _ name: String, _ signature: String,
                       _ kind: BuiltinKind = .pure, fails: Bool = false) -> BuiltinEntry {
        let summary = "Go's \(goPackage).\(goName)." + (fails ? " A Go error is fatal." : "")
        return fn("golang/" + goPackage, name, signature, kind, summary)
    }

    private static let golangHTML: [BuiltinEntry] = [
        golang("html", "EscapeString", "escape_string", "func(s str) str"),
        golang("html", "UnescapeString", "unescape_string", "func(s str) str"),
    ]

    private static let golangStrconv: [BuiltinEntry] = [
        golang("strconv", "AppendBool", "append_bool", "func(dst str, b bool) str"),
        golang("strconv", "AppendInt", "append_int", "func(dst str, i int, base int) str"),
        golang("strconv", "AppendQuote", "append_quote", "func(dst str, s str) str"),
        golang("strconv", "AppendQuoteToASCII", "append_quote_to_ascii", "func(dst str, s str) str"),
        golang("strconv", "AppendQuoteToGraphic", "append_quote_to_graphic", "func(dst str, s str) str"),
        golang("strconv", "Atoi", "atoi", "func(s str) int", fails: true),
        golang("strconv", "CanBackquote", "can_backquote", "func(s str) bool"),
        golang("strconv", "FormatBool", "format_bool", "func(b bool) str"),
        golang("strconv", "FormatInt", "format_int", "func(i int, base int) str"),
        golang("strconv", "Itoa", "itoa", "func(i int) str"),
        golang("strconv", "ParseBool", "parse_bool", "func(str str) bool", fails: true),
        golang("strconv", "ParseFloat", "parse_float", "func(s str, bitSize int) float", fails: true),
        golang("strconv", "ParseInt", "parse_int", "func(s str, base int, bitSize int) int", fails: true),
        golang("strconv", "Quote", "quote", "func(s str) str"),
        golang("strconv", "QuoteToASCII", "quote_to_ascii", "func(s str) str"),
        golang("strconv", "QuoteToGraphic", "quote_to_graphic", "func(s str) str"),
        golang("strconv", "QuotedPrefix", "quoted_prefix", "func(s str) str", fails: true),
        golang("strconv", "Unquote", "unquote", "func(s str) str", fails: true),
    ]

    private static let golangStrings: [BuiltinEntry] = [
        golang("strings", "Clone", "clone", "func(s str) str"),
        golang("strings", "Compare", "compare", "func(a str, b str) int"),
        golang("strings", "Contains", "contains", "func(s str, substr str) bool"),
        golang("strings", "ContainsAny", "contains_any", "func(s str, chars str) bool"),
        golang("strings", "Count", "count", "func(s str, substr str) int"),
        golang("strings", "EqualFold", "equal_fold", "func(s str, t str) bool"),
        golang("strings", "HasPrefix", "has_prefix", "func(s str, prefix str) bool"),
        golang("strings", "HasSuffix", "has_suffix", "func(s str, suffix str) bool"),
        golang("strings", "Index", "index", "func(s str, substr str) int"),
        golang("strings", "IndexAny", "index_any", "func(s str, chars str) int"),
        golang("strings", "Join", "join", "func(elems []str, sep str) str"),
        golang("strings", "LastIndex", "last_index", "func(s str, substr str) int"),
        golang("strings", "LastIndexAny", "last_index_any", "func(s str, chars str) int"),
        golang("strings", "Repeat", "repeat", "func(s str, count int) str"),
        golang("strings", "Replace", "replace", "func(s str, old str, new str, n int) str"),
        golang("strings", "ReplaceAll", "replace_all", "func(s str, old str, new str) str"),
        golang("strings", "Title", "title", "func(s str) str"),
        golang("strings", "ToLower", "to_lower", "func(s str) str"),
        golang("strings", "ToTitle", "to_title", "func(s str) str"),
        golang("strings", "ToUpper", "to_upper", "func(s str) str"),
        golang("strings", "ToValidUTF8", "to_valid_utf_8", "func(s str, replacement str) str"),
        golang("strings", "Trim", "trim", "func(s str, cutset str) str"),
        golang("strings", "TrimLeft", "trim_left", "func(s str, cutset str) str"),
        golang("strings", "TrimPrefix", "trim_prefix", "func(s str, prefix str) str"),
        golang("strings", "TrimRight", "trim_right", "func(s str, cutset str) str"),
        golang("strings", "TrimSpace", "trim_space", "func(s str) str"),
        golang("strings", "TrimSuffix", "trim_suffix", "func(s str, suffix str) str"),
    ]
}
