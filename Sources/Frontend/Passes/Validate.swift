import VM

/// Structural checks right after parsing (upstream's `errInit`, reported at stage `parse`):
/// duplicate literal map keys, literal keys of mixed or unhashable types, duplicate struct
/// literal fields, duplicate resource params and `Meta:` entries, unknown metaparams,
/// imports directly inside loop bodies, and malformed variable names.
///
/// Only *literal* keys count as static: `{$k => 1, $k => 2}` is fine here.
enum Validate {
    /// The metaparams a resource body may set with `Meta:name`, with their types (language.md §5.4),
    /// in the order of the `Meta => struct{...}` form.
    static let metaparams: [(name: String, type: MclType)] = [
        ("noop", .bool), ("retry", .int), ("retryreset", .bool), ("delay", .int), ("timeout", .int),
        ("poll", .int), ("limit", .float), ("burst", .int), ("reset", .bool), ("sema", .list(.str)),
        ("rewatch", .bool), ("realize", .bool), ("dollar", .bool), ("hidden", .bool), ("export", .list(.str)),
        ("reverse", .bool), ("autoedge", .bool), ("autogroup", .bool),
    ]

    static func run(_ program: Block) throws(Diagnostic) {
        let walk = Walk(onStmt: { stmt, _ throws(Diagnostic) in try check(stmt) }, onExpr: { e throws(Diagnostic) in try check(e) })
        try walk.block(program)
    }

    private static func check(_ stmt: Stmt) throws(Diagnostic) {
        switch stmt.kind {
        case .resource(let resource):
            var params = Set<String>()
            var metas = Set<String>()
            for entry in resource.entries {
                switch entry.kind {
                case .param(let name):
                    if !params.insert(name).inserted {
                        throw Diagnostic(.parse, "resource has duplicate field of: \(name)", at: stmt.span)
                    }
                case .meta(let name):
                    guard metaparams.contains(where: { $0.name == name }) else {
                        throw Diagnostic(.parse, "invalid property: `\(name)`", at: entry.keySpan)
                    }
                    if !metas.insert(name).inserted {
                        throw Diagnostic(.parse, "resource has duplicate meta entry of: \(name)", at: stmt.span)
                    }
                case .edge, .metaStruct: break
                }
            }
        case .loop(let loop):
            for inner in loop.body.stmts {
                if case .import = inner.kind {
                    let kind = loop.isKeyValue ? "StmtForKV" : "StmtFor"
                    throw Diagnostic(.parse, "a StmtImport can't be contained inside a \(kind)", at: inner.span)
                }
            }
        case .bind(let bind): try checkVariableName(bind.name, at: bind.nameSpan)
        default: break
        }
    }

    private static func check(_ e: Expr) throws(Diagnostic) {
        switch e.kind {
        case .map(let entries):
            var seen: [Value] = []
            var firstType: MclType?
            for entry in entries {
                guard let (key, type) = staticKey(entry.key) else { continue }
                if !type.isHashable {
                    throw Diagnostic(.parse, "map key type \(type) is not hashable", at: e.span)
                }
                if let firstType, firstType.kindName != type.kindName {
                    throw Diagnostic(.parse, "inconsistent map key type: base kind does not match (\(firstType.kindName) != \(type.kindName))", at: e.span)
                }
                firstType = firstType ?? type
                if seen.contains(key) {
                    throw Diagnostic(.parse, "duplicate map key: \(key)", at: e.span)
                }
                seen.append(key)
            }
        case .struct(let entries):
            var names = Set<String>()
            for entry in entries where !names.insert(entry.name).inserted {
                throw Diagnostic(.parse, "duplicate struct field name of: `\(entry.name)`", at: e.span)
            }
        case .variable(let name), .callVariable(let name, _):
            try checkVariableName(name.description, at: name.span)
        case .interpolation(let parts):
            for case .variable(let name) in parts { try checkVariableName(name.description, at: e.span) }
        default: break
        }
    }

    /// `^[a-z]([a-z0-9_]|[._][a-z0-9_])*$` with no `__`: upstream re-checks names after parsing.
    private static func checkVariableName(_ name: String, at span: Span) throws(Diagnostic) {
        var previous: UInt8 = 0
        var bad = name.utf8.last == UInt8(ascii: ".")
        for byte in name.utf8 {  // no `__` or `..` (a byte scan: this runs for every variable use)
            if (byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")) && byte == previous { bad = true }
            previous = byte
        }
        if bad {
            throw Diagnostic(.parse, "invalid variable name: `$\(name)`", at: span)
        }
    }

    /// The value and type of a literal map key (scalars, and lists or structs of literals),
    /// or nil when the key is not static.
    static func staticKey(_ e: Expr) -> (Value, MclType)? {
        switch e.kind {
        case .bool(let b): return (.bool(b), .bool)
        case .int(let i): return (.int(i), .int)
        case .float(let f): return (.float(f), .float)
        case .string(let s): return (.str(s), .str)
        case .list(let items):
            var values: [Value] = []
            var elementType: MclType?
            for item in items {
                guard let (value, type) = staticKey(item) else { return nil }
                values.append(value)
                elementType = elementType ?? type
            }
            guard let elementType else { return nil }  // `[]` has no static element type
            return (.list(values), .list(elementType))
        case .struct(let entries):
            var values: [Value] = []
            var fields: [MclType.StructField] = []
            for entry in entries {
                guard let (value, type) = staticKey(entry.value) else { return nil }
                values.append(value)
                fields.append(.init(entry.name, type))
            }
            return (.struct(.init(names: fields.map(\.name), values: values)), .struct(fields))
        default: return nil
        }
    }
}
