import VM

/// Typing rules of the builtins whose signature depends on the call site: the number of
/// arguments and, for `fmt.printf` and `encoding.decode_json`, constant argument values.
extension Registry {
    /// `fmt.printf`: a constant format fixes one parameter per verb (`%d` int, `%v` a fresh
    /// `?N`…); otherwise every argument after the format gets a fresh variable.
    /// - Throws: with no argument, on a bad verb, on a verb count that differs from the
    ///   argument count, or when a constant argument has the wrong kind for its verb.
    static func printfSignature(_ site: CallSite) throws -> [MclType] {
        guard site.argumentCount >= 1 else { throw BuiltinInferenceError("printf needs at least a format string") }
        var params = [MclType.FunctionParam("format", .str)]
        var variables = 0
        func fresh() -> MclType {
            variables += 1
            return .typeVar(variables)
        }
        guard case .str(let text)? = site.constant(0) else {
            for index in 1..<site.argumentCount { params.append(.init(argumentName(index - 1), fresh())) }
            return [.function(params: params, result: .str)]
        }
        let format: FormatString
        do {
            format = try FormatString(parsing: text)
        } catch {
            throw BuiltinInferenceError("could not parse format string: \(error)")
        }
        let verbs = format.verbs
        guard verbs.count == site.argumentCount - 1 else {
            throw BuiltinInferenceError(
                "number of args (\(site.argumentCount - 1)) doesn't match format string verb count (\(verbs.count))")
        }
        for (offset, verb) in verbs.enumerated() {
            let index = offset + 1
            guard let type = verb.argumentType else {
                params.append(.init(argumentName(offset), fresh()))
                continue
            }
            // Value kind first, then the verb's: corpus graph/convert0 expects `str != int` for `%d` given "51820".
            if let value = site.constant(index), value.kindName != type.kindName {
                throw BuiltinInferenceError(
                    "inconsistent type at arg index \(index): type error: \(value.kindName) != \(type.kindName)")
            }
            params.append(.init(argumentName(offset), type))
        }
        return [.function(params: params, result: .str)]
    }

    /// `list.concat`: one or more lists of one element type, joined.
    static func listConcatSignature(_ site: CallSite) throws -> [MclType] {
        guard site.argumentCount >= 1 else { throw BuiltinInferenceError("concat needs at least one list") }
        let params = (0..<site.argumentCount).map { MclType.FunctionParam(argumentName($0), .list(.typeVar(1))) }
        return [.function(params: params, result: .list(.typeVar(1)))]
    }

    /// `iter.range`: `stop`, `start, stop` or `start, stop, step`, all `int`.
    static func iterRangeSignature(_ site: CallSite) throws -> [MclType] {
        guard (1...3).contains(site.argumentCount) else {
            throw BuiltinInferenceError("range needs 1, 2 or 3 arguments, got \(site.argumentCount)")
        }
        let params = (0..<site.argumentCount).map { MclType.FunctionParam(argumentName($0), .int) }
        return [.function(params: params, result: .list(.int))]
    }

    /// `iter.reduce`: `inputs, function` or `initval, inputs, function` (the initial value first).
    static func iterReduceSignature(_ site: CallSite) throws -> [MclType] {
        switch site.argumentCount {
        case 2: return [type("func(inputs []?1, function func(x ?1, y ?1) ?1) ?1")]
        case 3: return [type("func(initval ?1, inputs []?1, function func(x ?1, y ?1) ?1) ?1")]
        default: throw BuiltinInferenceError("reduce needs 2 or 3 arguments, got \(site.argumentCount)")
        }
    }

    /// `encoding.decode_json` and `decode_json_flexible`: the result type comes from a constant
    /// type string when there is one, else from the use site.
    static func decodeJSONSignature(_ site: CallSite) throws -> [MclType] {
        switch site.argumentCount {
        case 1:
            return [type("func(data str) ?1")]
        case 2:
            guard case .str(let text)? = site.constant(1) else { return [type("func(data str, type str) ?1")] }
            let result: MclType
            do {
                result = try MclType(parsing: text)
            } catch {
                throw BuiltinInferenceError("could not parse type string `\(text)`: \(error)")
            }
            guard result.isConcrete else { throw BuiltinInferenceError("type string `\(text)` is not a concrete type") }
            return [.function(params: [.init("data", .str), .init("type", .str)], result: result)]
        default:
            throw BuiltinInferenceError("decode_json needs 1 or 2 arguments, got \(site.argumentCount)")
        }
    }

    /// `golang.template`: a template alone, or a template and the data it renders.
    static func templateSignature(_ site: CallSite) throws -> [MclType] {
        switch site.argumentCount {
        case 1: return [type("func(template str) str")]
        case 2: return [type("func(template str, vars ?1) str")]
        default: throw BuiltinInferenceError("template needs 1 or 2 arguments, got \(site.argumentCount)")
        }
    }

    /// Upstream's positional parameter names: `a`…`z`, then `aa`, `ab`… (its `NumToAlpha`).
    static func argumentName(_ index: Int) -> String {
        let letter = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(index % 26)))
        return index < 26 ? letter : argumentName(index / 26 - 1) + letter
    }

    /// Parses one of the registry's own type strings; a bad one is a bug in the registry.
    static func type(_ text: String) -> MclType {
        do {
            return try MclType(parsing: text)
        } catch {
            preconditionFailure("bad type string `\(text)` in the registry: \(error)")
        }
    }
}

extension CallSite {
    /// The compile-time value of argument `index`, or nil when unknown or out of range.
    func constant(_ index: Int) -> Value? {
        constantArguments.indices.contains(index) ? constantArguments[index] : nil
    }
}
