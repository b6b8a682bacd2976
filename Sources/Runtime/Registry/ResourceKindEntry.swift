import VM

/// One resource kind as the registry's tables write it, before its parameter types are worked out.
struct ResourceKindEntry: Sendable {
    var kind: String
    var params: [ResourceParamEntry]
    var sends: [ResourceParamEntry]
    var canReceive: Bool
    var canGroup: Bool
    var summary: String

    /// The descriptor with every parameter typed.
    /// - Throws: `ResourceParamEntry.TypeError` for a parameter without a usable type.
    func descriptor() throws -> ResourceKindDescriptor {
        ResourceKindDescriptor(kind: kind, params: try params.map { try $0.param() },
                               sends: try sends.map { try $0.param() },
                               canReceive: canReceive, canGroup: canGroup, summary: summary)
    }
}

/// One parameter (or send key) of a resource kind as the tables write it: the mcl name, the Go
/// field and its Go type, and an mcl type string only where the Go type does not decide it
/// (structs, funcs).
struct ResourceParamEntry: Sendable {
    /// A parameter whose mcl type can be neither derived nor parsed.
    struct TypeError: Error, CustomStringConvertible {
        var param: String
        var reason: String
        var description: String { "param `\(param)`: \(reason)" }
    }

    var name: String
    var goField: String
    var goType: String
    /// An explicit mcl type string; nil to derive the type from `goType`.
    var mclType: String?
    var defaultValue: Value?

    /// The parameter with its mcl type.
    func param() throws -> ResourceParam {
        let type: MclType
        if let mclType {
            do {
                type = try MclType(parsing: mclType)
            } catch {
                throw TypeError(param: name, reason: "\(error)")
            }
        } else if let derived = Self.mclType(goType: Substring(goType)) {
            type = derived
        } else {
            throw TypeError(param: name, reason: "no mcl type for Go type `\(goType)`")
        }
        return ResourceParam(name, type, goField: goField, goType: goType, defaultValue: defaultValue)
    }

    /// The mcl type upstream derives from a Go field type (resources.md §0): pointers are
    /// transparent, every integer width is `int`, `float32`/`float64` are `float`, `string` is
    /// `str`, slices and maps map element-wise, `interface{}` is a variant. Nil for anything
    /// else (structs, funcs, complex numbers), which needs an explicit type.
    static func mclType(goType: Substring) -> MclType? {
        var text = goType
        while text.hasPrefix("*") { text = text.dropFirst() }
        if text.hasPrefix("[]") { return mclType(goType: text.dropFirst(2)).map { .list($0) } }
        if text.hasPrefix("map[") {
            // The key ends at the `]` that closes `map[`; nested brackets belong to the key.
            var depth = 0
            for index in text.indices.dropFirst(3) {
                if text[index] == "[" { depth += 1 }
                if text[index] == "]" { depth -= 1 }
                guard depth == 0 else { continue }
                let key = text[text.index(text.startIndex, offsetBy: 4)..<index]
                guard let keyType = mclType(goType: key),
                      let valueType = mclType(goType: text[text.index(after: index)...]) else { return nil }
                return .map(key: keyType, value: valueType)
            }
            return nil
        }
        switch text {
        case "string": return .str
        case "bool": return .bool
        case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "byte", "rune":
            return .int
        case "float32", "float64": return .float
        case "interface{}": return .variant
        default: return nil
        }
    }
}

extension Registry {
    /// A resource kind. `group` is upstream's G trait (autogroupable), `receive` its V trait.
    static func kind(_ kind: String, group: Bool = false, receive: Bool = false, _ summary: String,
                     _ params: [ResourceParamEntry], sends: [ResourceParamEntry] = []) -> ResourceKindEntry {
        ResourceKindEntry(kind: kind, params: params, sends: sends, canReceive: receive, canGroup: group,
                          summary: summary)
    }

    /// A parameter typed from its Go type, or from `mcl` when given.
    static func p(_ name: String, _ goField: String, _ goType: String, mcl: String? = nil,
                  default defaultValue: Value? = nil) -> ResourceParamEntry {
        ResourceParamEntry(name: name, goField: goField, goType: goType, mclType: mcl, defaultValue: defaultValue)
    }
}
