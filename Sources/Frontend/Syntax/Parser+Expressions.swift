/// Expressions, by precedence from loosest to tightest (language.md §2.3):
/// `<|>`, `or`, `and`, comparisons and `in` (non-associative), `+ -`, `* /`, prefix `not`,
/// then the postfix `->field` and `[index]`.
extension Parser {
    mutating func parseExpr() throws(Diagnostic) -> Expr {
        var left = try parseOr()
        while accept(.except) != nil {
            let right = try parseOr()
            left = Expr(.except(left, right), span: left.span.through(right.span), ids: ids)
        }
        return left
    }

    mutating func parseOr() throws(Diagnostic) -> Expr {
        var left = try parseAnd()
        while accept(.orKeyword) != nil {
            let right = try parseAnd()
            left = Expr(.binary(.or, left, right), span: left.span.through(right.span), ids: ids)
        }
        return left
    }

    mutating func parseAnd() throws(Diagnostic) -> Expr {
        var left = try parseComparison()
        while accept(.andKeyword) != nil {
            let right = try parseComparison()
            left = Expr(.binary(.and, left, right), span: left.span.through(right.span), ids: ids)
        }
        return left
    }

    static let comparisonOperators: [TokenKind: BinaryOperator] = [
        .eq: .equal, .neq: .notEqual, .lt: .less, .gt: .greater, .lte: .lessEqual, .gte: .greaterEqual, .inKeyword: .in,
    ]

    /// Comparisons do not chain: `a < b < c` is a syntax error.
    mutating func parseComparison() throws(Diagnostic) -> Expr {
        let left = try parseAdditive()
        guard let op = Parser.comparisonOperators[current.kind] else { return left }
        advance()
        let right = try parseAdditive()
        if Parser.comparisonOperators[current.kind] != nil { throw unexpected() }
        return Expr(.binary(op, left, right), span: left.span.through(right.span), ids: ids)
    }

    mutating func parseAdditive() throws(Diagnostic) -> Expr {
        var left = try parseMultiplicative()
        while at(.plus) || at(.minus) {
            let op: BinaryOperator = advance().kind == .plus ? .plus : .minus
            let right = try parseMultiplicative()
            left = Expr(.binary(op, left, right), span: left.span.through(right.span), ids: ids)
        }
        return left
    }

    mutating func parseMultiplicative() throws(Diagnostic) -> Expr {
        var left = try parseUnary()
        while at(.multiply) || at(.divide) {
            let op: BinaryOperator = advance().kind == .multiply ? .times : .divide
            let right = try parseUnary()
            left = Expr(.binary(op, left, right), span: left.span.through(right.span), ids: ids)
        }
        return left
    }

    mutating func parseUnary() throws(Diagnostic) -> Expr {
        if let not = accept(.notKeyword) {
            let operand = try parseUnary()
            return Expr(.not(operand), span: not.span.through(operand.span), ids: ids)
        }
        return try parsePostfix()
    }

    /// `e[i]`, `e->f`, and `e->f <|> d`: a field lookup directly followed by `<|>` always
    /// takes the default, even as the right operand of another operator (§2.3).
    mutating func parsePostfix() throws(Diagnostic) -> Expr {
        var expr = try parsePrimary()
        while true {
            if accept(.openBrack) != nil {
                let index = try parseExpr()
                try expect(.closeBrack)
                expr = Expr(.index(expr, index), span: expr.span.through(previous.span), ids: ids)
            } else if accept(.arrow) != nil {
                let name = try expect(.identifier)
                if accept(.except) != nil {
                    let fallback = try parseOr()
                    expr = Expr(.optionalField(expr, name: name.text, default: fallback),
                                span: expr.span.through(fallback.span), ids: ids)
                } else {
                    expr = Expr(.field(expr, name: name.text), span: expr.span.through(name.span), ids: ids)
                }
            } else {
                return expr
            }
        }
    }

    mutating func parseArguments() throws(Diagnostic) -> [Expr] {
        try parseList(open: .openParen, close: .closeParen) { (p: inout Parser) throws(Diagnostic) in try p.parseExpr() }
    }

    mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let token = current
        switch token.kind {
        case .trueKeyword, .falseKeyword:
            advance()
            return Expr(.bool(token.kind == .trueKeyword), span: token.span, ids: ids)
        case .integer:
            advance()
            return Expr(.int(Int64(token.text)!), span: token.span, ids: ids)  // range checked by the lexer
        case .float:
            advance()
            return Expr(.float(Double(token.text)!), span: token.span, ids: ids)
        case .string:
            advance()
            return Expr(.rawString(token.text), span: token.span, ids: ids)
        case .openBrack:
            let items = try parseList(open: .openBrack, close: .closeBrack) { (p: inout Parser) throws(Diagnostic) in try p.parseExpr() }
            return Expr(.list(items), span: token.span.through(previous.span), ids: ids)
        case .openCurly:
            let entries = try parseList(open: .openCurly, close: .closeCurly) { (p: inout Parser) throws(Diagnostic) -> MapEntry in
                let key = try p.parseExpr()
                try p.expect(.rocket)
                return MapEntry(key: key, value: try p.parseExpr())
            }
            return Expr(.map(entries), span: token.span.through(previous.span), ids: ids)
        case .structKeyword:
            advance()
            let entries = try parseList(open: .openCurly, close: .closeCurly, trailingComma: true) { (p: inout Parser) throws(Diagnostic) -> StructEntry in
                let name = try p.expect(.identifier)
                try p.expect(.rocket)
                return StructEntry(name: name.text, nameSpan: name.span, value: try p.parseExpr())
            }
            return Expr(.struct(entries), span: token.span.through(previous.span), ids: ids)
        case .dollar:
            advance()
            var name = try parseDottedName()
            name.span = token.span.through(name.span)
            if at(.openParen) {
                let args = try parseArguments()
                return Expr(.callVariable(name, args), span: token.span.through(previous.span), ids: ids)
            }
            return Expr(.variable(name), span: name.span, ids: ids)
        case .identifier, .mapKeyword, .collectKeyword:
            let name = try parseDottedName()
            guard at(.openParen) else { throw unexpected(expecting: [.openParen, .dot]) }
            let args = try parseArguments()
            return Expr(.call(name, args), span: token.span.through(previous.span), ids: ids)
        case .funcKeyword:
            let lambda = try parseLambda()
            if at(.openParen) {
                let args = try parseArguments()
                return Expr(.callLambda(lambda, args), span: token.span.through(previous.span), ids: ids)
            }
            return Expr(.lambda(lambda), span: lambda.span, ids: ids)
        case .ifKeyword:
            advance()
            let condition = try parseExpr()
            let then = try parseBodyExpr()
            try expect(.elseKeyword)
            let otherwise = try parseBodyExpr()
            return Expr(.ifElse(condition: condition, then: then, else: otherwise), span: token.span.through(previous.span), ids: ids)
        case .openParen:
            advance()
            let inner = try parseExpr()
            try expect(.closeParen)
            return inner
        default:
            throw unexpected()
        }
    }

    /// `func(params) [T] { body }`.
    mutating func parseLambda() throws(Diagnostic) -> Lambda {
        let start = try expect(.funcKeyword)
        let params = try parseParams()
        let result = at(.openCurly) ? nil : try parseTypeAnnotation()
        let body = try parseBodyExpr()
        return Lambda(params: params, result: result, body: body, span: start.span.through(previous.span), ids: ids)
    }
}
