/// Go's predefined template functions (`text/template/funcs.go`).
///
/// Every one is implemented; `and`/`or` short-circuit in the executor. `call` exists but can
/// only fail, since template data converted from mcl never holds a function.
enum TemplateBuiltin: String, CaseIterable, Sendable {
    case and, or, not, len, index, slice, call
    case print, printf, println, html, js, urlquery
    case eq, ne, lt, le, gt, ge

    /// Go's signature: fixed parameter types, then the element type of a variadic tail.
    var signature: (params: [GoType], variadic: GoType?) {
        switch self {
        case .and, .or, .index, .slice, .call, .eq: ([.interface], .interface)
        case .not, .len: ([.interface], nil)
        case .print, .println, .html, .js, .urlquery: ([], .interface)
        case .printf: ([.string], .interface)
        case .ne, .lt, .le, .gt, .ge: ([.interface, .interface], nil)
        }
    }

    /// Runs the function on evaluated arguments. The error is the function's own text;
    /// the executor wraps it as `error calling NAME: …`.
    func call(_ args: [GoValue]) throws(TemplateError) -> GoValue {
        switch self {
        case .and, .or: return args.first { $0.isTrue == (self == .or) } ?? args.last ?? .invalid
        case .not: return .bool(!args[0].isTrue)
        case .len: return try TemplateBuiltin.length(args[0])
        case .index: return try TemplateBuiltin.index(args[0], Array(args.dropFirst()))
        case .slice: return try TemplateBuiltin.slice(args[0], Array(args.dropFirst()))
        case .call:
            if case .invalid = args[0] { throw TemplateError("call of nil") }
            throw TemplateError("non-function of type \(args[0].typeName)")
        case .print: return .string(try GoFormatter.sprint(args))
        case .println: return .string(try GoFormatter.sprintln(args))
        case .printf:
            guard case .string(let format) = args[0] else { throw TemplateError("printf: format is not a string") }
            return .string(try GoFormatter.sprintf(format, Array(args.dropFirst())))
        case .html: return .string(TemplateEscaping.html(try TemplateBuiltin.evalArgs(args)))
        case .js: return .string(TemplateEscaping.js(try TemplateBuiltin.evalArgs(args)))
        case .urlquery: return .string(TemplateEscaping.urlQuery(try TemplateBuiltin.evalArgs(args)))
        case .eq:
            guard args.count > 1 else { throw TemplateError("missing argument for comparison") }
            for other in args.dropFirst() where try TemplateComparison.equal(args[0], other) { return .bool(true) }
            return .bool(false)
        case .ne: return .bool(!(try TemplateComparison.equal(args[0], args[1])))
        case .lt: return .bool(try TemplateComparison.less(args[0], args[1]))
        case .le: return .bool(try TemplateComparison.lessOrEqual(args[0], args[1]))
        case .gt: return .bool(!(try TemplateComparison.lessOrEqual(args[0], args[1])))
        case .ge: return .bool(!(try TemplateComparison.less(args[0], args[1])))
        }
    }

    /// The text `html`, `js` and `urlquery` escape: a lone string as is, else `Sprint` (a nil
    /// argument prints as the string `<no value>`, as in an action).
    private static func evalArgs(_ args: [GoValue]) throws(TemplateError) -> String {
        if args.count == 1, case .string(let s) = args[0] { return s }
        return try GoFormatter.sprint(args.map { $0 == .invalid ? .string("<no value>") : $0 })
    }

    private static func length(_ item: GoValue) throws(TemplateError) -> GoValue {
        switch item {
        case .string(let s): return .int(Int64(s.utf8.count), .int)
        case .slice(let elements, _): return .int(Int64(elements.count), .int)
        case .map(let map): return .int(Int64(map.entries.count), .int)
        case .invalid: throw TemplateError("reflect: call of reflect.Value.Type on zero Value")
        default: throw TemplateError("len of type \(item.typeName)")
        }
    }

    /// `index x 1 2`: `x[1][2]` through slices, strings (a byte, `uint8`) and maps (a
    /// missing key gives the element type's zero value).
    private static func index(_ start: GoValue, _ indexes: [GoValue]) throws(TemplateError) -> GoValue {
        if case .invalid = start { throw TemplateError("index of untyped nil") }
        var item = start
        for index in indexes {
            switch item {
            case .invalid: throw TemplateError("index of nil pointer")
            case .slice(let elements, _):
                let x = try indexArg(index, cap: elements.count)
                guard x < elements.count else { throw TemplateError("reflect: slice index out of range") }
                item = elements[x]
            case .string(let s):
                let bytes = Array(s.utf8)
                let x = try indexArg(index, cap: bytes.count)
                guard x < bytes.count else { throw TemplateError("reflect: string index out of range") }
                item = .int(Int64(bytes[x]), .uint8)
            case .map(let map):
                let key = try prepareArg(index, map.keyType)
                item = map[key] ?? map.valueType.zero
            default:
                throw TemplateError("can't index item of type \(item.typeName)")
            }
        }
        return item
    }

    /// `slice x 1 2`: `x[1:2]` of a string or slice (a third index is the capacity bound).
    private static func slice(_ item: GoValue, _ indexes: [GoValue]) throws(TemplateError) -> GoValue {
        if case .invalid = item { throw TemplateError("slice of untyped nil") }
        if indexes.count > 3 { throw TemplateError("too many slice indexes: \(indexes.count)") }
        let count: Int
        switch item {
        case .string(let s):
            if indexes.count == 3 { throw TemplateError("cannot 3-index slice a string") }
            count = s.utf8.count
        case .slice(let elements, _): count = elements.count
        default: throw TemplateError("can't slice item of type \(item.typeName)")
        }
        var idx = [0, count, count]
        for (i, index) in indexes.enumerated() { idx[i] = try indexArg(index, cap: count) }
        if idx[0] > idx[1] { throw TemplateError("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw TemplateError("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch item {
        case .string(let s): return .string(String(decoding: Array(s.utf8)[idx[0]..<idx[1]], as: UTF8.self))
        case .slice(let elements, let element): return .slice(Array(elements[idx[0]..<idx[1]]), element: element)
        default: return item
        }
    }

    /// Go's `indexArg`: an integer index in `0...cap`.
    private static func indexArg(_ index: GoValue, cap: Int) throws(TemplateError) -> Int {
        switch index {
        case .int(let x, _):
            if x < 0 || x > cap { throw TemplateError("index out of range: \(x)") }
            return Int(x)
        case .invalid: throw TemplateError("cannot index slice/array with nil")
        default: throw TemplateError("cannot index slice/array with type \(index.typeName)")
        }
    }

    /// Go's `prepareArg` for a map key: assignable, or an integer converted to the key type.
    private static func prepareArg(_ value: GoValue, _ type: GoType) throws(TemplateError) -> GoValue {
        if case .invalid = value {
            if !type.canBeNil { throw TemplateError("value is nil; should be of type \(type)") }
            return type.zero
        }
        if GoType.isAssignable(value, to: type) { return value }
        if case .int(let x, _) = value, [.int, .int64, .uint8].contains(type) {
            return .int(type == .uint8 ? Int64(UInt8(truncatingIfNeeded: x)) : x, type)
        }
        throw TemplateError("value has type \(value.typeName); should be \(type)")
    }
}
