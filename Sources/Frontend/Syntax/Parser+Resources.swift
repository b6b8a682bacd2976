/// Resource statements, their bodies, and edge statements (language.md §2.2).
extension Parser {
    /// `kind name { entries }` (after `collect`, if any).
    mutating func parseResource(isCollect: Bool) throws(Diagnostic) -> Resource {
        let first = advance()
        var kind = first.text
        var kindSpan = first.span
        while at(.colon) {
            advance()
            guard at(.identifier) else { throw unexpected(expecting: [.identifier]) }
            let part = advance()
            kind += ":" + part.text
            kindSpan = kindSpan.through(part.span)
        }
        let name = try parseExpr()
        try expect(.openCurly)
        var entries: [ResourceEntry] = []
        while true {
            skipNewlines()
            if accept(.closeCurly) != nil { break }
            entries.append(try parseResourceEntry())
        }
        return Resource(kind: kind, kindSpan: kindSpan, name: name, entries: entries, isCollect: isCollect)
    }

    /// One `key => [cond ?:] value,` entry.
    mutating func parseResourceEntry() throws(Diagnostic) -> ResourceEntry {
        let key = current
        switch key.kind {
        case .identifier:
            advance()
            try expect(.rocket)
            let (condition, value) = try parseGuardedValue()
            if condition == nil, at(.newline) || at(.closeCurly) {
                // Upstream's custom message (plain params only), at the value's last operand.
                throw Diagnostic(.parse, "expecting trailing comma: `syntax error: expecting trailing comma`",
                                 at: lastOperandSpan(value))
            }
            try expect(.comma)
            return ResourceEntry(kind: .param(key.text), condition: condition, value: value,
                                 span: key.span.through(value.span), keySpan: key.span)
        case .capitalizedIdentifier:
            advance()
            if accept(.colon) != nil {
                guard key.text == "meta" else {
                    throw customError("parser", "can't use unknown resource field: \(key.text)", at: key.span)
                }
                guard at(.identifier) else { throw unexpected(expecting: [.identifier]) }
                let property = advance()
                try expect(.rocket)
                let (condition, value) = try parseGuardedValue()
                try expect(.comma)
                return ResourceEntry(kind: .meta(property.text), condition: condition, value: value,
                                     span: key.span.through(value.span), keySpan: key.span.through(property.span))
            }
            try expect(.rocket, .colon)
            if key.text == "meta" {
                let (condition, value) = try parseGuardedValue()
                try expect(.comma)
                return ResourceEntry(kind: .metaStruct, condition: condition, value: value,
                                     span: key.span.through(value.span), keySpan: key.span)
            }
            guard let property = EdgeProperty(rawValue: key.text) else {
                throw Diagnostic(.parse, "invalid property: `\(key.text)`", at: key.span)
            }
            var condition: Expr?
            if !at(.capitalizedIdentifier) {
                condition = try parseExpr()
                try expect(.elvis)
            }
            let half = try parseEdgeHalf(allowField: false)
            try expect(.comma)
            return ResourceEntry(kind: .edge(property, half), condition: condition, value: nil,
                                 span: key.span.through(half.span), keySpan: key.span)
        default:
            throw unexpected(expecting: [.identifier, .capitalizedIdentifier, .closeCurly])
        }
    }

    /// `[cond ?:] value`.
    mutating func parseGuardedValue() throws(Diagnostic) -> (Expr?, Expr) {
        let first = try parseExpr()
        if accept(.elvis) != nil {
            return (first, try parseExpr())
        }
        return (nil, first)
    }

    /// The span of an expression's last operand: where upstream points a missing trailing comma.
    func lastOperandSpan(_ expr: Expr) -> Span {
        switch expr.kind {
        case .binary(_, _, let right): return lastOperandSpan(right)
        case .except(_, let right): return lastOperandSpan(right)
        case .not(let operand): return lastOperandSpan(operand)
        default: return expr.span
        }
    }

    /// `Kind[name] -> Kind[name] ...` or the send/recv form `A[a].out -> B[b].in`.
    mutating func parseEdge() throws(Diagnostic) -> [EdgeHalf] {
        var halves = [try parseEdgeHalf(allowField: true)]
        while accept(.arrow) != nil {
            halves.append(try parseEdgeHalf(allowField: true))
        }
        let withField = halves.filter { $0.field != nil }.count
        if withField > 0, halves.count != 2 || withField != 2 {
            let span = halves[0].span.through(halves[halves.count - 1].span)
            throw Diagnostic(.parse, "you must specify both send/recv fields or neither, between exactly two resources", at: span)
        }
        return halves
    }

    /// `Kind:Sub[name]` with an optional `.field`.
    mutating func parseEdgeHalf(allowField: Bool) throws(Diagnostic) -> EdgeHalf {
        let first = try expect(.capitalizedIdentifier)
        var kind = first.text
        while accept(.colon) != nil {
            kind += ":" + (try expect(.capitalizedIdentifier)).text
        }
        try expect(.openBrack)
        let name = try parseExpr()
        try expect(.closeBrack)
        var field: String?
        if allowField, accept(.dot) != nil {
            field = (try expect(.identifier)).text
        }
        return EdgeHalf(kind: kind, name: name, field: field, span: first.span.through(previous.span))
    }
}
