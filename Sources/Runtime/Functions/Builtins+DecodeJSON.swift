import VM

/// `decode_json` and `decode_json_flexible`: JSON text to an mcl value of a given type.
extension Builtins {
    /// Parses the first JSON value of `text` (trailing text is ignored) as a value of `type`.
    ///
    /// `int` takes an integral number in int64 range, written without fraction or exponent
    /// (`1.0` and `1e3` fail, as upstream parses the literal with `ParseInt`); `float` any
    /// number; `str` a string; `bool` a boolean; `[]T` an array; `map{str: V}` an object
    /// (other key types fail); a struct an object with exactly its fields, or, when
    /// `flexible`, with missing fields set to zero values (`""`, `0`, `false`, empty
    /// containers) and unknown keys ignored. `null` matches no type; `func`, `variant` and
    /// type variables cannot be decoded. Every error is fatal.
    static func decodeJSON(_ text: String, as type: MclType, flexible: Bool) throws(RuntimeError) -> Value {
        let json: JSONValue
        do {
            json = try JSONValue.parseFirst(text)
        } catch {
            throw RuntimeError("could not decode JSON: \(error.message)")
        }
        return try convert(json, to: type, flexible: flexible, path: "")
    }

    private static func convert(_ json: JSONValue, to type: MclType, flexible: Bool, path: String) throws(RuntimeError) -> Value {
        func mismatch() -> RuntimeError {
            RuntimeError("cannot decode JSON \(json.kindName) as \(type)" + (path.isEmpty ? "" : " at \(path)"))
        }
        switch (type, json) {
        case (.bool, .bool(let b)): return .bool(b)
        case (.str, .string(let s)): return .str(s)
        case (.int, .number(let literal)):
            do throws(Strconv.NumError) {
                return .int(try Strconv.parseInt(literal, base: 10, bitSize: 64))
            } catch {
                throw RuntimeError("cannot decode JSON number \(literal) as int" + (path.isEmpty ? "" : " at \(path)"))
            }
        case (.float, .number(let literal)):
            do throws(Strconv.NumError) {
                return .float(try Strconv.parseFloat(literal))
            } catch {
                throw RuntimeError("cannot decode JSON number \(literal) as float: \(error.reason)")
            }
        case (.list(let element), .array(let items)):
            var values: [Value] = []
            for (index, item) in items.enumerated() {
                values.append(try convert(item, to: element, flexible: flexible, path: "\(path)[\(index)]"))
            }
            return .list(values)
        case (.map(let key, let valueType), .object(let members)):
            guard key == .str else { throw RuntimeError("cannot decode a JSON object as \(type): map keys must be str") }
            var pairs: [(Value, Value)] = []
            for member in members {
                pairs.append((.str(member.key), try convert(member.value, to: valueType, flexible: flexible,
                                                            path: "\(path).\(member.key)")))
            }
            return .map(Value.MapValue(pairs: pairs))  // a later duplicate key wins
        case (.struct(let fields), .object(let members)):
            return try structValue(fields, members, flexible: flexible, path: path, type: type)
        case (.function, _), (.variant, _), (.typeVar, _):
            throw RuntimeError("cannot decode JSON as \(type)")
        default:
            throw mismatch()
        }
    }

    private static func structValue(_ fields: [MclType.StructField], _ members: [(key: String, value: JSONValue)],
                                    flexible: Bool, path: String, type: MclType) throws(RuntimeError) -> Value {
        var byKey: [String: JSONValue] = [:]
        for member in members { byKey[member.key] = member.value }
        let names = Set(fields.map(\.name))
        if !flexible, let extra = members.first(where: { !names.contains($0.key) }) {
            throw RuntimeError("cannot decode JSON object as \(type): unknown field `\(extra.key)`")
        }
        var values: [Value] = []
        for field in fields {
            if let member = byKey[field.name] {
                values.append(try convert(member, to: field.type, flexible: flexible, path: "\(path).\(field.name)"))
            } else if flexible, let zero = zeroValue(of: field.type) {
                values.append(zero)
            } else {
                throw RuntimeError("cannot decode JSON object as \(type): missing field `\(field.name)`")
            }
        }
        return .struct(Value.StructValue(names: fields.map(\.name), values: values))
    }

    /// The zero value of a type (`""`, `0`, `0.0`, `false`, empty list or map, a struct of
    /// zeros); nil for types without one (`func`, `variant`, type variables).
    static func zeroValue(of type: MclType) -> Value? {
        switch type {
        case .bool: return .bool(false)
        case .str: return .str("")
        case .int: return .int(0)
        case .float: return .float(0)
        case .list: return .list([])
        case .map: return .map(Value.MapValue(pairs: []))
        case .struct(let fields):
            var values: [Value] = []
            for field in fields {
                guard let zero = zeroValue(of: field.type) else { return nil }
                values.append(zero)
            }
            return .struct(Value.StructValue(names: fields.map(\.name), values: values))
        case .function, .variant, .typeVar: return nil
        }
    }
}

extension JSONValue {
    /// The JSON kind, for error messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
