import VM

/// Operands and terms: constants, `.`, fields, variables, function names, `( … )`.
extension TemplateParser {
    /// `term .Field*`; nil when the next token does not start an operand.
    func operand() throws(TemplateError) -> TemplateOperand? {
        guard let node = try term() else { return nil }
        guard peek().kind == .field else { return node }
        let chainPos = peek().pos
        var fields: [String] = []
        while peek().kind == .field { fields.append(String(next().text.dropFirst())) }
        // As in Go, a field or variable absorbs the chain, taking the chain's position
        // (`.A.Foo` reports column 5: GoTemplateErrorTests.fieldErrors).
        switch node {
        case .field(_, let idents): return .field(pos: chainPos, idents: idents + fields)
        case .variable(let variable):
            return .variable(TemplateVariable(pos: chainPos, idents: variable.idents + fields))
        case .bool, .string, .number, .nilConstant, .dot:
            throw error("unexpected . after term \(GoQuoting.quote(node.description))")
        default: return .chain(pos: chainPos, node: node, fields: fields)
        }
    }

    /// A literal, a function name, `.`, `.Field`, `$x` or `( pipeline )`; nil (and nothing
    /// consumed) otherwise.
    private func term() throws(TemplateError) -> TemplateOperand? {
        let item = nextNonSpace()
        switch item.kind {
        case .identifier:
            guard isFunction(item.text) else { throw error("function \(GoQuoting.quote(item.text)) not defined") }
            return .identifier(pos: item.pos, name: item.text)
        case .dot: return .dot(pos: item.pos)
        case .nilKeyword: return .nilConstant(pos: item.pos)
        case .variable: return .variable(try useVar(item))
        case .field: return .field(pos: item.pos, idents: [String(item.text.dropFirst())])
        case .bool: return .bool(pos: item.pos, item.text == "true")
        case .charConstant, .complex, .number:
            do {
                return .number(try TemplateNumber(pos: item.pos, text: item.text, kind: item.kind))
            } catch {
                throw self.error(error.message)
            }
        case .leftParen: return .pipe(try pipeline("parenthesized pipeline", end: .rightParen))
        case .string, .rawString:
            guard let text = Strconv.unquote(item.text) else { throw error("invalid syntax") }
            return .string(pos: item.pos, quoted: item.text, text: text)
        default:
            backup()
            return nil
        }
    }

    /// A variable reference, which must be in scope.
    private func useVar(_ item: TemplateToken) throws(TemplateError) -> TemplateVariable {
        let variable = TemplateVariable(pos: item.pos, text: item.text)
        guard vars.contains(variable.idents[0]) else {
            throw error("undefined variable \(GoQuoting.quote(variable.idents[0]))")
        }
        return variable
    }
}

extension TemplateVariable {
    /// A variable node from its spelling: `$x.A.B` → `["$x", "A", "B"]`.
    init(pos: Int, text: String) {
        self.init(pos: pos, idents: text.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }
}
