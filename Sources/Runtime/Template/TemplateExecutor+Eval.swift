import VM

/// Evaluating pipelines, commands, fields and variables (Go's `eval*` functions).
///
/// A `final` argument is the value piped in from the previous command; nil means none
/// (Go's `missingVal`), which differs from a piped-in nil (`.invalid`).
extension TemplateExecutor {
    /// Evaluates the commands left to right, then declares or assigns the variables.
    mutating func evalPipeline(_ dot: GoValue, _ pipe: TemplatePipe) throws(TemplateError) -> GoValue {
        at(.pipe(pipe))
        var value: GoValue?
        for command in pipe.cmds { value = try evalCommand(dot, command, final: value) }
        let result = value ?? .invalid
        for variable in pipe.decl {
            if pipe.isAssign {
                try setVar(variable.idents[0], result)
            } else {
                vars.append((variable.idents[0], result))
            }
        }
        return result
    }

    private mutating func evalCommand(_ dot: GoValue, _ command: TemplateCommand, final: GoValue?) throws(TemplateError) -> GoValue {
        let first = command.args[0]
        switch first {
        case .field: return try evalFieldNode(dot, first, args: command.args, final: final)
        case .chain: return try evalChain(dot, first, args: command.args, final: final)
        case .identifier(_, let name):
            return try evalFunction(dot, name, first, .command(command), args: command.args, final: final)
        case .pipe(let pipe):
            try notAFunction(command.args, final)
            return try evalPipeline(dot, pipe)
        case .variable(let variable): return try evalVariable(dot, variable, args: command.args, final: final)
        default: break
        }
        at(.operand(first))
        try notAFunction(command.args, final)
        switch first {
        case .bool(_, let value): return .bool(value)
        case .dot: return dot
        case .nilConstant: throw error("nil is not a command")
        case .number(let number): return try idealConstant(number)
        case .string(_, _, let text): return .string(text)
        default: throw error("can't evaluate command \(GoQuoting.quote(first.description))")
        }
    }

    private func notAFunction(_ args: [TemplateOperand], _ final: GoValue?) throws(TemplateError) {
        if args.count > 1 || final != nil { throw error("can't give argument to non-function \(args[0])") }
    }

    /// A number in a context without a type: a float if spelled like one, else an `int`.
    mutating func idealConstant(_ number: TemplateNumber) throws(TemplateError) -> GoValue {
        at(.operand(.number(number)))
        let text = number.text
        let isHexInt = text.count > 2 && (text.hasPrefix("0x") || text.hasPrefix("0X")) && !text.contains { $0 == "p" || $0 == "P" }
        if number.isFloat && !isHexInt && !text.hasPrefix("'") && text.contains(where: { ".eEpP".contains($0) }) {
            return .float(number.float64)
        }
        if number.isInt { return .int(number.int64, .int) }
        if number.isUint { throw error("\(text) overflows int") }
        return .invalid
    }

    /// `.A.B` on dot.
    mutating func evalFieldNode(_ dot: GoValue, _ field: TemplateOperand, args: [TemplateOperand]?, final: GoValue?) throws(TemplateError) -> GoValue {
        guard case .field(_, let idents) = field else { return .invalid }
        at(.operand(field))
        return try evalFieldChain(dot, idents, args, final)
    }

    /// `(pipeline).A.B` or `fn.A`: evaluates the head, then walks the fields.
    mutating func evalChain(_ dot: GoValue, _ chain: TemplateOperand, args: [TemplateOperand]?, final: GoValue?) throws(TemplateError) -> GoValue {
        guard case .chain(_, let head, let fields) = chain else { return .invalid }
        at(.operand(chain))
        if case .nilConstant = head { throw error("indirection through explicit nil in \(chain)") }
        let receiver = try evalArg(dot, nil, head)
        return try evalFieldChain(receiver, fields, args, final)
    }

    mutating func evalVariable(_ dot: GoValue, _ variable: TemplateVariable, args: [TemplateOperand]?, final: GoValue?) throws(TemplateError) -> GoValue {
        at(.operand(.variable(variable)))
        let value = try varValue(variable.idents[0])
        if variable.idents.count == 1 {
            try notAFunction(args ?? [], final)
            return value
        }
        return try evalFieldChain(value, Array(variable.idents.dropFirst()), args, final)
    }

    /// Walks `.X.Y.Z` from `start`; only the last field could take arguments, and since
    /// template data has no methods, arguments are an error. Errors point at whatever node
    /// was evaluated last, as in Go.
    private func evalFieldChain(_ start: GoValue, _ idents: [String], _ args: [TemplateOperand]?, _ final: GoValue?) throws(TemplateError) -> GoValue {
        var receiver = start
        var fromInterface = false  // read out of an `interface {}` slot: Go names that type in errors
        for (i, field) in idents.enumerated() {
            let last = i == idents.count - 1
            (receiver, fromInterface) = try evalField(
                field, receiver, fromInterface: fromInterface, hasArgs: last && ((args?.count ?? 0) > 1 || final != nil))
        }
        return receiver
    }

    /// One field step: a struct field, or the value of a map with string keys under the
    /// name (a missing key is an error: `missingkey=error`).
    private func evalField(_ name: String, _ receiver: GoValue, fromInterface: Bool, hasArgs: Bool) throws(TemplateError) -> (GoValue, Bool) {
        switch receiver {
        case .invalid: throw error("nil data; no entry for key \(GoQuoting.quote(name))")
        case .structure(let record):
            if let value = record[name] {
                if hasArgs { throw error("\(name) has arguments but cannot be invoked as function") }
                return (value, false)
            }
        case .map(let map) where map.keyType == .string:
            if hasArgs { throw error("\(name) is not a method but has arguments") }
            guard let value = map[.string(name)] else { throw error("map has no entry for key \(GoQuoting.quote(name))") }
            return (value, map.valueType == .interface)
        default: break
        }
        throw error("can't evaluate field \(name) in type \(fromInterface ? "interface {}" : receiver.typeName)")
    }
}
