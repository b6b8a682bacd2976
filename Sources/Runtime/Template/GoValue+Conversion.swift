import VM

/// Converting mcl values to what templates see and back (functions.md §7).
extension GoValue {
    /// The template view of an mcl value: scalars as themselves, lists as typed slices,
    /// maps with their keys (an empty one as a string-keyed map), structs as
    /// `map[string]interface {}` with title-cased keys, or as Go structs when used as map
    /// keys so they stay comparable.
    ///
    /// `type` is the value's mcl type when known (a helper's result); otherwise element types
    /// are inferred from the elements, and an empty container gets `interface {}` ones.
    /// - Throws: for function values, which Go templates cannot hold.
    init(converting value: Value, type: MclType? = nil, asKey: Bool = false) throws(TemplateError) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .str(let s): self = .string(s)
        case .int(let i): self = .int(i, .int64)
        case .float(let f): self = .float(f)
        case .function:
            throw TemplateError("template: can't use a func value (\(value)) as template data")
        case .list(let elements):
            var elementType: MclType?
            if case .list(let known) = type { elementType = known }
            var converted: [GoValue] = []
            converted.reserveCapacity(elements.count)
            for element in elements { converted.append(try GoValue(converting: element, type: elementType)) }
            self = .slice(converted, element: GoValue.elementType(of: converted, declared: elementType, asKey: false))
        case .map(let map):
            var keyType: MclType?
            var valueType: MclType?
            if case .map(let key, let value) = type { (keyType, valueType) = (key, value) }
            var entries: [(key: GoValue, value: GoValue)] = []
            entries.reserveCapacity(map.count)
            for i in 0..<map.count {
                let key = try GoValue(converting: map.keys[i], type: keyType, asKey: true)
                entries.append((key, try GoValue(converting: map.values[i], type: valueType)))
            }
            var goKey = GoValue.elementType(of: entries.map(\.key), declared: keyType, asKey: true)
            if goKey == .interface { goKey = .string }  // an empty map is string-keyed
            let goValue = GoValue.elementType(of: entries.map(\.value), declared: valueType, asKey: false)
            self = .map(GoMap(key: goKey, value: goValue, entries: entries))
        case .struct(let record):
            var fieldTypes: [MclType]?
            if case .struct(let fields) = type, fields.count == record.names.count { fieldTypes = fields.map(\.type) }
            var values: [GoValue] = []
            for (i, field) in record.values.enumerated() {
                values.append(try GoValue(converting: field, type: fieldTypes?[i], asKey: asKey))
            }
            let names = record.names.map(GoType.titleCase)
            if asKey {
                let fields = zip(names, values).map { GoType.GoField(name: $0, type: $1.goType ?? .interface) }
                self = .structure(GoStruct(fields: fields, values: values))
            } else {
                self = .map(GoMap(key: .string, value: .interface, entries: zip(names, values).map { (.string($0), $1) }))
            }
        }
    }

    /// The Go element type of a container: from the declared mcl type when known, else
    /// merged from the converted elements, else `interface {}`.
    private static func elementType(of elements: [GoValue], declared: MclType?, asKey: Bool) -> GoType {
        if let declared, let type = GoType(declared, asKey: asKey) { return type }
        var result = GoType.interface
        for element in elements {
            guard let type = element.goType else { continue }
            result = result == .interface ? type : result.merged(with: type)
        }
        return result
    }

    /// The mcl value for a helper argument of mcl type `type`, after the Go-level checks
    /// made it assignable. Title-cased maps turn back into structs.
    /// - Throws: when the value cannot be expressed in `type` (a nil for a variant).
    func mclValue(as type: MclType) throws(TemplateError) -> Value {
        switch (self, type) {
        case (.bool(let b), _): return .bool(b)
        case (.int(let i, _), _): return .int(i)
        case (.float(let f), _): return .float(f)
        case (.string(let s), _): return .str(s)
        case (.slice(let elements, _), .list(let element)):
            var values: [Value] = []
            for item in elements { values.append(try item.mclValue(as: element)) }
            return .list(values)
        case (.map(let map), .map(let keyType, let valueType)):
            var pairs: [(Value, Value)] = []
            for entry in map.entries {
                pairs.append((try entry.key.mclValue(as: keyType), try entry.value.mclValue(as: valueType)))
            }
            return .map(Value.MapValue(pairs: pairs))
        case (.map(let map), .struct(let fields)):
            var values: [Value] = []
            for field in fields {
                guard let value = map[.string(GoType.titleCase(field.name))] else {
                    throw TemplateError("missing field \(GoType.titleCase(field.name)) for type \(type)")
                }
                values.append(try value.mclValue(as: field.type))
            }
            return .struct(Value.StructValue(names: fields.map(\.name), values: values))
        case (.structure(let record), .struct(let fields)) where fields.count == record.values.count:
            var values: [Value] = []
            for (value, field) in zip(record.values, fields) { values.append(try value.mclValue(as: field.type)) }
            return .struct(Value.StructValue(names: fields.map(\.name), values: values))
        default:
            throw TemplateError("can't convert a value of type \(typeName) to mcl type \(type)")
        }
    }
}
