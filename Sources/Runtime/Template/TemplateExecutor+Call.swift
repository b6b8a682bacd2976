import VM

/// Calling functions: arity checks, argument evaluation against Go parameter types, and
/// the call itself (Go's `evalFunction`, `evalCall`, `evalArg`, `validateType`).
extension TemplateExecutor {
    /// What a name in function position denotes: a registered mcl function (which wins, as
    /// Go looks in the template's FuncMap first) or a Go builtin.
    enum Callee {
        case function(TemplateFunction)
        case builtin(TemplateBuiltin)
    }

    mutating func evalFunction(
        _ dot: GoValue, _ name: String, _ identifier: TemplateOperand, _ node: NodeRef, args: [TemplateOperand]?, final: GoValue?
    ) throws(TemplateError) -> GoValue {
        at(.operand(identifier))
        if let function = functions[name] { return try evalCall(dot, .function(function), node, name, args, final) }
        if let builtin = TemplateBuiltin(rawValue: name) { return try evalCall(dot, .builtin(builtin), node, name, args, final) }
        throw error("\(GoQuoting.quote(name)) is not a defined function")
    }

    /// The Go signature of a callee; mcl `int` parameters are `int64`, `[]str` `[]string`.
    private func signature(_ callee: Callee, _ name: String) throws(TemplateError) -> (params: [GoType], variadic: GoType?) {
        switch callee {
        case .builtin(let builtin): return builtin.signature
        case .function(let function):
            var params: [GoType] = []
            for type in function.params {
                guard let goType = GoType(type) else { throw error("can't call \(name): a \(type) parameter cannot be passed") }
                params.append(goType)
            }
            return (params, nil)
        }
    }

    /// Checks the argument count, evaluates the arguments (`args[0]` is the function's own
    /// node; `final` is appended last), and calls. `and`/`or` stop at the first argument that
    /// decides the result. A failing call reports `error calling NAME: …` at `node`.
    private mutating func evalCall(
        _ dot: GoValue, _ callee: Callee, _ node: NodeRef, _ name: String, _ args: [TemplateOperand]?, _ final: GoValue?
    ) throws(TemplateError) -> GoValue {
        let argNodes = Array((args ?? []).dropFirst())
        let (params, variadic) = try signature(callee, name)
        let numIn = argNodes.count + (final == nil ? 0 : 1)
        var numFixed = argNodes.count
        if variadic != nil {
            numFixed = params.count
            if numIn < numFixed {
                throw error("wrong number of args for \(name): want at least \(params.count) got \(argNodes.count)")
            }
        } else if numIn != params.count {
            throw error("wrong number of args for \(name): want \(params.count) got \(numIn)")
        }
        // Short-circuit (GoTemplatePrintingTests.andOrShortCircuit).
        if case .builtin(let builtin) = callee, builtin == .and || builtin == .or {
            var evaluated: [GoValue] = []
            for node in argNodes {
                let value = try evalArg(dot, .interface, node)
                if value.isTrue == (builtin == .or) { return value }
                evaluated.append(value)
            }
            if let final { evaluated.append(final) }
            return try builtin.call(evaluated)
        }
        var argv: [GoValue] = []
        for i in 0..<min(numFixed, argNodes.count) { argv.append(try evalArg(dot, params[i], argNodes[i])) }
        if let variadic, argNodes.count > numFixed {
            for node in argNodes[numFixed...] { argv.append(try evalArg(dot, variadic, node)) }
        }
        if let final {
            var type = params.last ?? .interface
            if let variadic { type = numIn - 1 < numFixed ? params[numIn - 1] : variadic }
            argv.append(try validateType(final, type))
        }
        do {
            return try invoke(callee, argv)
        } catch {
            at(node)
            throw self.error("error calling \(name): \(error.message)")
        }
    }

    /// Runs a builtin, or converts the arguments to mcl, runs the mcl function and converts
    /// its result back (any error of the function, even a catchable one, fails the call).
    private func invoke(_ callee: Callee, _ argv: [GoValue]) throws(TemplateError) -> GoValue {
        switch callee {
        case .builtin(let builtin): return try builtin.call(argv)
        case .function(let function):
            var values: [Value] = []
            for (arg, type) in zip(argv, function.params) { values.append(try arg.mclValue(as: type)) }
            let result: Value
            do {
                result = try function.call(values)
            } catch {
                throw TemplateError(error.message)
            }
            return try GoValue(converting: result, type: function.result)
        }
    }

    /// Evaluates an argument for a parameter of Go type `type` (nil: no type, as for the head
    /// of a field chain). Constants take the parameter's type (`1` is an `int64` for an mcl
    /// `int` parameter, a `float64` for a `float` one); other values must be assignable.
    mutating func evalArg(_ dot: GoValue, _ type: GoType?, _ node: TemplateOperand) throws(TemplateError) -> GoValue {
        at(.operand(node))
        // Evaluate into a local first: `validateType(eval…)` would read `self` (and so the
        // error node) before the evaluation moves it (GoTemplateErrorTests.helperCallErrors).
        let value: GoValue
        switch node {
        case .dot: value = dot
        case .nilConstant:
            guard let type, type.canBeNil else { throw error("cannot assign nil to \(type?.description ?? "<nil>")") }
            return type.zero
        case .field: value = try evalFieldNode(dot, node, args: [node], final: nil)
        case .variable(let variable): value = try evalVariable(dot, variable, args: nil, final: nil)
        case .pipe(let pipe): value = try evalPipeline(dot, pipe)
        case .identifier(_, let name): value = try evalFunction(dot, name, node, .operand(node), args: nil, final: nil)
        case .chain: value = try evalChain(dot, node, args: nil, final: nil)
        case .bool, .number, .string: return try evalConstant(node, type ?? .interface)
        }
        return try validateType(value, type)
    }

    /// A constant argument for a parameter of type `target`.
    private mutating func evalConstant(_ node: TemplateOperand, _ target: GoType) throws(TemplateError) -> GoValue {
        switch (target, node) {
        case (.interface, .bool(_, let value)): return .bool(value)
        case (.interface, .string(_, _, let text)): return .string(text)
        case (.interface, .number(let number)): return try idealConstant(number)
        case (.bool, .bool(_, let value)): return .bool(value)
        case (.bool, _): throw error("expected bool; found \(node)")
        case (.string, .string(_, _, let text)): return .string(text)
        case (.string, _): throw error("expected string; found \(node)")
        case (.int, .number(let number)) where number.isInt, (.int64, .number(let number)) where number.isInt:
            return .int(number.int64, target)
        case (.int, _), (.int64, _): throw error("expected integer; found \(node)")
        case (.uint8, .number(let number)) where number.isUint:
            return .int(Int64(UInt8(truncatingIfNeeded: number.uint64)), .uint8)
        case (.uint8, _): throw error("expected unsigned integer; found \(node)")
        case (.float64, .number(let number)) where number.isFloat: return .float(number.float64)
        case (.float64, _): throw error("expected float; found \(node)")
        default: throw error("can't handle \(node) for arg of type \(target)")
        }
    }

    /// Go's `validateType`: a nil becomes the zero value of a type that can be nil;
    /// otherwise the value must be assignable to `type`.
    func validateType(_ value: GoValue, _ type: GoType?) throws(TemplateError) -> GoValue {
        guard let type else { return value }
        if case .invalid = value {
            if type.canBeNil { return type.zero }
            throw error("invalid value; expected \(type)")
        }
        if GoType.isAssignable(value, to: type) { return value }
        throw error("wrong type for value; expected \(type); got \(value.typeName)")
    }
}
