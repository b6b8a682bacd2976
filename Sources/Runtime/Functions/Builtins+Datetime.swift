import VM

/// The pure functions of the datetime module: `hour`, `weekday`, `print`, `format`. Times
/// are Unix seconds, shown in the host's local zone (`ZoneInfo.local`, Go's `time.Local`).
///
/// Not here: `now`, `str_now`, `weekday_fast` (timer streams).
extension Builtins {
    static let datetime: [String: BuiltinFunction] = [
        "datetime.hour": { args throws(RuntimeError) in
            .int(Int64(TimeLayout.Fields(seconds: try epoch(args), zone: .local).hour))
        },
        "datetime.weekday": { args throws(RuntimeError) in
            .str(TimeLayout.dayNames[TimeLayout.Fields(seconds: try epoch(args), zone: .local).weekday].lowercased())
        },
        "datetime.print": { args throws(RuntimeError) in .str(TimeLayout.goString(try epoch(args), zone: .local)) },
        "datetime.format": { args throws(RuntimeError) in
            .str(TimeLayout.format(try epoch(args), layout: try args.str(1), zone: .local))
        },
    ]

    /// The time argument; negative times are a fatal error, as upstream.
    private static func epoch(_ args: [Value]) throws(RuntimeError) -> Int64 {
        let seconds = try args.int(0)
        guard seconds >= 0 else { throw RuntimeError("epoch delta must be positive") }
        return seconds
    }
}
