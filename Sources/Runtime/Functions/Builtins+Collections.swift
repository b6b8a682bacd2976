import VM

/// The list and map modules and the first-order functions of iter (`flatten`, `range`).
///
/// Not here: `iter.map`, `iter.filter`, `iter.reduce`, `iter.zip`, which apply function
/// values and so need the VM to build sub-graphs.
extension Builtins {
    static let collections: [String: BuiltinFunction] = [
        // One or more lists (the arity is fixed per call site), joined in argument order.
        "list.concat": { args throws(RuntimeError) in
            var joined: [Value] = []
            for index in args.indices { joined += try args.list(index) }
            return .list(joined)
        },
        "list.lookup": { args throws(RuntimeError) in try listLookup(args) },
        "map.lookup": { args throws(RuntimeError) in try mapLookup(args) },
        // Upstream returns Go's random map order; maps here are kept sorted by key, so both
        // come out in key order (functions.md asks for that).
        "map.keys": { args throws(RuntimeError) in .list(try args.map(0).keys) },
        "map.values": { args throws(RuntimeError) in .list(try args.map(0).values) },
        "iter.flatten": { args throws(RuntimeError) in
            var flat: [Value] = []
            for inner in try args.list(0) {
                guard case .list(let elements) = inner else { throw RuntimeError("flatten needs a list of lists") }
                flat += elements
            }
            return .list(flat)
        },
        "iter.range": { args throws(RuntimeError) in
            switch args.count {
            case 1: return try range(start: 0, stop: args.int(0), step: 1)
            case 2: return try range(start: args.int(0), stop: args.int(1), step: 1)
            default: return try range(start: args.int(0), stop: args.int(1), step: args.int(2))
            }
        },
    ]

    /// Python's `range`: from `start` by `step` while below `stop` (above it for a negative
    /// step); empty when `stop` cannot be reached. A zero step is fatal, as upstream.
    static func range(start: Int64, stop: Int64, step: Int64) throws(RuntimeError) -> Value {
        guard step != 0 else { throw RuntimeError("step value cannot be 0") }
        var values: [Value] = []
        var current = start
        while step > 0 ? current < stop : current > stop {
            values.append(.int(current))
            let (next, overflow) = current.addingReportingOverflow(step)
            if overflow { break }  // the next value would pass Int64's end, so also `stop`
            current = next
        }
        return .list(values)
    }
}
