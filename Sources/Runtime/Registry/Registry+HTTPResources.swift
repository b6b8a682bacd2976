import VM

/// The HTTP family of resources.md §2.5: `http:server`, the `http:server:*` kinds that group
/// into it, and `http:client`.
extension Registry {
    static let httpResources: [ResourceKindEntry] = [
        kind("http:server", group: true, "An HTTP server; its http:server:* children group into it.", [
            p("address", "Address", "string"),
            p("timeout", "Timeout", "*uint64"),
            p("read_timeout", "ReadTimeout", "*uint64"),
            p("write_timeout", "WriteTimeout", "*uint64"),
            p("shutdown_timeout", "ShutdownTimeout", "*uint64"),
            p("root", "Root", "string"),
        ]),
        kind("http:server:file", group: true, receive: true, "A file served by an http:server.", [
            p("server", "Server", "string"),
            p("filename", "Filename", "string"),
            p("path", "Path", "string"),
            p("data", "Data", "string"),
            p("longpoll", "Longpoll", "bool"),
        ]),
        kind("http:server:flag", group: true, "Receives a value by HTTP POST and sends it.", [
            p("server", "Server", "string"),
            p("path", "Path", "string"),
            p("key", "Key", "string"),
        ], sends: [p("value", "Value", "*string")]),
        kind("http:server:proxy", group: true, "A caching HTTP proxy under an http:server.", [
            p("server", "Server", "string"),
            p("path", "Path", "string"),
            p("sub", "Sub", "string"),
            p("head", "Head", "string"),
            p("cache", "Cache", "string"),
        ]),
        kind("http:server:ui", group: true, "A tiny web UI listing its http:server:ui:input children.", [
            p("server", "Server", "string"),
            p("path", "Path", "string"),
            p("data", "Data", "*struct", mcl: "struct{title str; head str}"),
        ]),
        kind("http:server:ui:input", group: true, "An input field of an http:server:ui; sends its value.", [
            p("path", "Path", "string"),
            p("id", "ID", "string"),
            p("value", "Value", "string"),
            p("store", "Store", "string"),
            p("type", "Type", "string", default: .str("text://")),
            p("sort", "Sort", "string"),
        ], sends: [p("value", "Value", "*string")]),
        kind("http:client", "HTTP requests and downloads; sends the content.", [
            p("file", "File", "string"),
            p("method", "Method", "string"),
            p("url", "URL", "string"),
            p("body", "Body", "*string"),
            p("mtime_check", "MtimeCheck", "bool", default: .bool(true)),
            p("sha256", "Sha256", "string"),
            p("longpoll", "Longpoll", "bool"),
            p("longpoll_redirect", "LongpollRedirect", "bool"),
            p("longpoll_conditional", "LongpollConditional", "bool"),
        ], sends: [p("content", "Content", "*string")]),
    ]
}
