import VM

/// What the checker can know about expressions before running anything: whether one is
/// statically a string (for resource names), and compile-time values (what builtins'
/// call-site rules see: a `fmt.printf` format held in a constant bind, say).
extension Checker {
    /// Statically `str` (language.md §4.7): string literals, annotated `str` binds and
    /// binds of such, if-expressions and `<|>` with such a side, class parameters whose
    /// include argument is such, immediately applied lambdas whose body is such. Calls,
    /// loop variables and unannotated parameters are not.
    func isStaticString(_ e: Expr, in frame: Frame) -> Bool {
        switch e.kind {
        case .string, .rawString, .interpolation: return true
        case .ifElse(_, let then, let otherwise): return isStaticString(then, in: frame) || isStaticString(otherwise, in: frame)
        case .except(let left, let right): return isStaticString(left, in: frame) || isStaticString(right, in: frame)
        case .callLambda(let lambda, _): return isStaticString(lambda.body, in: frame)
        case .variable:
            guard let reference = program.references[e.id] else { return false }
            switch reference.decl.kind {
            case .bind(_, let bind):
                if let annotation = bind.annotation { return annotation.type == .str }
                guard let owner = try? instance(of: reference, from: frame) else { return false }
                return isStaticString(bind.value, in: owner)
            case .param:
                guard let owner = try? instance(of: reference, from: frame), case .classBody = owner.unit.kind,
                      let (arg, argFrame) = owner.arguments[reference.decl.id] else { return false }
                return isStaticString(arg, in: argFrame)
            case .runtimeVariable(let variable):
                if case .str = variable.value { return true }
                return false
            case .hostname: return true
            default: return false
            }
        default: return false
        }
    }

    /// The value of `e` when it can be computed at compile time: literals, containers of
    /// them, binds and class or func arguments holding them, operators on them. Builtin
    /// calls are not folded here. Never throws: anything that would fail is simply unknown.
    func constantValue(_ e: Expr, in frame: Frame) -> Value? {
        switch e.kind {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        case .string(let s): return .str(s)
        case .interpolation(let parts):
            let references = program.interpolations[e.id] ?? []
            var out = ""
            var next = 0
            for part in parts {
                switch part {
                case .literal(let text): out += text
                case .variable:
                    guard next < references.count, case .str(let s)? = constantValue(of: references[next], in: frame) else { return nil }
                    out += s
                    next += 1
                }
            }
            return .str(out)
        case .list(let items):
            var values: [Value] = []
            for item in items {
                guard let v = constantValue(item, in: frame) else { return nil }
                values.append(v)
            }
            return .list(values)
        case .map(let entries):
            var pairs: [(Value, Value)] = []
            for entry in entries {
                guard let k = constantValue(entry.key, in: frame), let v = constantValue(entry.value, in: frame) else { return nil }
                pairs.append((k, v))
            }
            return .map(.init(pairs: pairs))
        case .struct(let entries):
            var values: [Value] = []
            for entry in entries {
                guard let v = constantValue(entry.value, in: frame) else { return nil }
                values.append(v)
            }
            return .struct(.init(names: entries.map(\.name), values: values))
        case .variable:
            return program.references[e.id].flatMap { constantValue(of: $0, in: frame) }
        case .ifElse(let condition, let then, let otherwise):
            guard case .bool(let c)? = constantValue(condition, in: frame) else { return nil }
            return constantValue(c ? then : otherwise, in: frame)
        case .except(let left, _):
            return constantValue(left, in: frame)
        case .not(let operand):
            guard case .bool(let b)? = constantValue(operand, in: frame) else { return nil }
            return .bool(!b)
        case .binary(let op, let left, let right):
            guard let l = constantValue(left, in: frame), let r = constantValue(right, in: frame) else { return nil }
            return Self.fold(op, l, r)
        case .index(let container, let index):
            guard let c = constantValue(container, in: frame), let i = constantValue(index, in: frame) else { return nil }
            return try? Operators.binary(.index, c, i)
        case .field(let structure, let name):
            guard case .struct(let s)? = constantValue(structure, in: frame) else { return nil }
            return s[name]
        case .optionalField(let structure, let name, let fallback):
            guard case .struct(let s)? = constantValue(structure, in: frame) else { return nil }
            return s[name] ?? constantValue(fallback, in: frame)
        default:
            return nil
        }
    }

    /// The compile-time value of what a reference names, memoized per instance.
    func constantValue(of reference: Reference, in frame: Frame) -> Value? {
        switch reference.decl.kind {
        case .runtimeVariable(let variable): return variable.value
        case .bind(_, let bind):
            guard let owner = try? instance(of: reference, from: frame) else { return nil }
            let key = ObjectIdentifier(owner)
            if let known = constants[key]?[reference.decl.id] { return known }
            constants[key, default: [:]][reference.decl.id] = .some(nil)  // no cycles exist, but stay safe
            let value = constantValue(bind.value, in: owner)
            constants[key, default: [:]][reference.decl.id] = value
            return value
        case .param:
            guard let owner = try? instance(of: reference, from: frame),
                  let (arg, argFrame) = owner.arguments[reference.decl.id] else { return nil }
            return constantValue(arg, in: argFrame)
        default: return nil
        }
    }

    /// An operator on two known values, or nil when it would fail (division by zero) or
    /// the operands do not fit it (the type checker reports those). The VM's `Operators`
    /// decide, through the opcode lowering would pick for the left operand's type.
    static func fold(_ op: BinaryOperator, _ l: Value, _ r: Value) -> Value? {
        let type: MclType
        switch l {
        case .str: type = .str
        case .float: type = .float
        case .int: type = .int
        default: type = .variant
        }
        guard let (opcode, swapped) = op.opcode(for: type) else { return nil }
        if opcode == .concat { return Operators.concat([l, r]) }
        return try? Operators.binary(opcode, swapped ? r : l, swapped ? l : r)
    }
}
