import Foundation
import VM

/// The host-local value store (engine.md "Local API: value store"): what a `value` resource
/// publishes under its name, and what `value.get*` read and follow (spec/local-state.md).
///
/// One file per key, `<prefix>/vardir/value/<escaped key>`, holding the value with its type as
/// JSON: `{"type": "<mcl type>", "value": <value>}`. Writes are atomic (a temporary file
/// renamed over the old one), so a reader following the file with inotify only ever sees
/// whole values, and a crash leaves the old value or the new one. The values survive restarts,
/// as upstream's store, which is cached on disk.
public struct LocalValueStore: Sendable {
    /// The folder holding one file per key.
    public let folder: String

    public init(prefix: String) {
        folder = prefix + "/vardir/value/"
    }

    /// The file of `key`: its bytes other than letters, digits, `-`, `_` and `.` are written
    /// `%XX`, so any key is one file name (`a/b` is `a%2Fb`; `.` and `..` are escaped too).
    public func path(of key: String) -> String {
        var name = ""
        for byte in key.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || c == "-" || c == "_" || (c == "." && key != "." && key != "..") {
                name.append(c)
            } else {
                name += String(format: "%%%02X", byte)
            }
        }
        return folder + name
    }

    /// Stores `value` of type `type` under `key`, or removes the key when `value` is nil
    /// (a `value` resource without `any` stores "no value").
    public func set(_ key: String, _ value: Value?, type: MclType) throws(RuntimeError) {
        guard !key.isEmpty else { throw RuntimeError("the value store has no empty key") }
        let file = path(of: key)
        guard let value else {
            if unlink(file) != 0, errno != ENOENT {
                throw RuntimeError("can't remove `\(file)`: \(Errno.text(errno))")
            }
            return
        }
        let text = #"{"type": "#  + JSONValue.quoted(type.description) + #", "value": "#
            + (try StoredValue.encode(value, as: type)) + "}\n"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o750])
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw RuntimeError("can't write `\(file)`: \(error.localizedDescription)")
        }
    }

    /// The value stored under `key` with its type, nil when there is none.
    /// - Throws: when the file cannot be read or is not a stored value (naming the file).
    public func get(_ key: String) throws(RuntimeError) -> (value: Value, type: MclType)? {
        let file = path(of: key)
        guard let data = FileManager.default.contents(atPath: file) else {
            if access(file, F_OK) != 0, errno == ENOENT { return nil }
            throw RuntimeError("can't read `\(file)`: \(Errno.text(errno))")
        }
        do throws(RuntimeError) {
            return try StoredValue.decode(String(decoding: data, as: UTF8.self))
        } catch {
            throw RuntimeError("`\(file)` is not a stored value: \(error.message)")
        }
    }
}

/// The JSON form of a typed value in the store. It keeps everything an mcl value can hold:
/// a map is a list of `[key, value]` pairs (keys of any type, in the map's order), a struct an
/// object with its fields in order, a float a number in its shortest exact form or one of the
/// strings `"+Inf"`, `"-Inf"`, `"NaN"`. Functions cannot be stored.
enum StoredValue {
    static func encode(_ value: Value, as type: MclType) throws(RuntimeError) -> String {
        switch (value, type) {
        case (.bool(let b), .bool): return b ? "true" : "false"
        case (.int(let i), .int): return String(i)
        case (.float(let f), .float):
            if f.isNaN { return #""NaN""# }
            if f.isInfinite { return f > 0 ? #""+Inf""# : #""-Inf""# }
            return "\(f)"
        case (.str(let s), .str): return JSONValue.quoted(s)
        case (.list(let items), .list(let element)):
            var parts: [String] = []
            for item in items { parts.append(try encode(item, as: element)) }
            return "[" + parts.joined(separator: ", ") + "]"
        case (.map(let map), .map(let keyType, let valueType)):
            var parts: [String] = []
            for (key, value) in zip(map.keys, map.values) {
                parts.append("[" + (try encode(key, as: keyType)) + ", " + (try encode(value, as: valueType)) + "]")
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case (.struct(let s), .struct(let fields)) where s.names == fields.map(\.name):
            var parts: [String] = []
            for (field, value) in zip(fields, s.values) {
                parts.append(JSONValue.quoted(field.name) + ": " + (try encode(value, as: field.type)))
            }
            return "{" + parts.joined(separator: ", ") + "}"
        case (.function, _):
            throw RuntimeError("a function value cannot be stored")
        default:
            throw RuntimeError("the value \(value) is not a \(type)")
        }
    }

    static func decode(_ text: String) throws(RuntimeError) -> (value: Value, type: MclType) {
        let json: JSONValue
        do {
            json = try JSONValue.parseFirst(text)
        } catch {
            throw RuntimeError(error.message)
        }
        guard case .object(let members) = json,
              case .string(let typeText)? = members.last(where: { $0.key == "type" })?.value,
              let encoded = members.last(where: { $0.key == "value" })?.value else {
            throw RuntimeError(#"want an object with "type" and "value""#)
        }
        let type: MclType
        do {
            type = try MclType(parsing: typeText)
        } catch {
            throw RuntimeError("bad type `\(typeText)`: \(error)")
        }
        return (try value(encoded, as: type), type)
    }

    private static func value(_ json: JSONValue, as type: MclType) throws(RuntimeError) -> Value {
        switch (type, json) {
        case (.bool, .bool(let b)): return .bool(b)
        case (.str, .string(let s)): return .str(s)
        case (.int, .number(let literal)):
            guard let i = Int64(literal) else { throw RuntimeError("`\(literal)` is not an int") }
            return .int(i)
        case (.float, .number(let literal)):
            guard let f = Double(literal) else { throw RuntimeError("`\(literal)` is not a float") }
            return .float(f)
        case (.float, .string(let special)):
            switch special {
            case "+Inf": return .float(.infinity)
            case "-Inf": return .float(-.infinity)
            case "NaN": return .float(.nan)
            default: throw RuntimeError("`\(special)` is not a float")
            }
        case (.list(let element), .array(let items)):
            var out: [Value] = []
            for item in items { out.append(try value(item, as: element)) }
            return .list(out)
        case (.map(let keyType, let valueType), .array(let pairs)):
            var out: [(Value, Value)] = []
            for pair in pairs {
                guard case .array(let kv) = pair, kv.count == 2 else { throw RuntimeError("a map entry is a [key, value] pair") }
                out.append((try value(kv[0], as: keyType), try value(kv[1], as: valueType)))
            }
            return .map(.init(pairs: out))
        case (.struct(let fields), .object(let members)):
            guard members.map(\.key) == fields.map(\.name) else {
                throw RuntimeError("want the fields \(fields.map(\.name)), got \(members.map(\.key))")
            }
            var values: [Value] = []
            for (field, member) in zip(fields, members) { values.append(try value(member.value, as: field.type)) }
            return .struct(.init(names: fields.map(\.name), values: values))
        default:
            throw RuntimeError("want a \(type), got JSON \(json.kindName)")
        }
    }

}
