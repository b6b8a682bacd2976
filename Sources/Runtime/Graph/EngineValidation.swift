import VM

/// The engine's checks before a kind's own `Validate` (engine.md §2, language.md §5.4):
/// a name, no leading `$` unless `Meta:dollar`, metaparams in range, integer params that
/// fit their Go field.
enum EngineValidation {
    static func validate(_ resource: ResourceDeclaration) throws(RuntimeError) {
        func fail(_ message: String) -> RuntimeError { RuntimeError(message, position: resource.position) }
        if resource.name.isEmpty { throw fail("the Res has an empty Name") }
        if resource.name.hasPrefix("$"), resource.metaparams["dollar"] != .bool(true) {
            throw fail("the Res name starts with a $: \(resource.id)")
        }
        let metas = resource.metaparams
        if case .int(let retry)? = metas["retry"], retry < -1 || retry > Int64(Int16.max) { throw fail("retry must fit in int16 (and -1 means forever)") }
        if case .int(let delay)? = metas["delay"], delay < 0 { throw fail("delay must not be negative") }
        if case .int(let timeout)? = metas["timeout"], timeout < 0 { throw fail("timeout must not be negative") }
        if case .int(let poll)? = metas["poll"], poll < Int64(Int32.min) || poll > Int64(Int32.max) { throw fail("poll must fit in int32") }
        if case .float(let limit)? = metas["limit"], limit.isFinite {
            if case .int(let burst)? = metas["burst"], burst > 0 {} else { throw fail("can't have a finite limit with zero burst") }
        }
        if case .list(let semas)? = metas["sema"] {
            for case .str(let id) in semas where id.isEmpty || Int64(id) != nil {
                throw fail("sema id `\(id)` must not be empty or a bare number")
            }
        }
        if case .list(let hosts)? = metas["export"], hosts.contains(.str("")) { throw fail("export entries must not be empty") }
        guard let kind = Registry.kindsByName[resource.kind] else { return }
        for param in kind.params {
            guard let value = resource.params[param.name] else { continue }
            try checkRange(value, goType: param.goType, field: param.goField, fail)
        }
    }

    /// Upstream stores mcl ints into Go fields of any width: negatives into unsigned fields
    /// and values too wide for the field are errors.
    private static func checkRange(_ value: Value, goType: String, field: String, _ fail: (String) -> RuntimeError) throws(RuntimeError) {
        guard case .int(let i) = value else { return }
        let base = goType.drop { $0 == "*" }
        let ranges: [Substring: ClosedRange<Int64>] = [
            "int8": -128...127, "int16": Int64(Int16.min)...Int64(Int16.max), "int32": Int64(Int32.min)...Int64(Int32.max),
            "rune": Int64(Int32.min)...Int64(Int32.max), "uint8": 0...255, "byte": 0...255, "uint16": 0...Int64(UInt16.max),
            "uint32": 0...Int64(UInt32.max), "uint": 0...Int64.max, "uint64": 0...Int64.max,
        ]
        guard let range = ranges[base], !range.contains(i) else { return }
        if i < 0, base.hasPrefix("u") || base == "byte" {
            throw fail("can't store negative int `\(i)` into unsigned `\(base)` field")
        }
        throw fail("int `\(i)` overflows the `\(base)` field \(field)")
    }
}
