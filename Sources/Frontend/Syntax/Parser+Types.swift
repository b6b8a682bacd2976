import VM

/// Type annotations (`$x []str = ...`, `$p map{str: int}`, `func($n int) str`).
extension Parser {
    mutating func parseTypeAnnotation() throws(Diagnostic) -> TypeAnnotation {
        let start = current.span
        let type = try parseType()
        return TypeAnnotation(type: type, span: start.through(previous.span))
    }

    mutating func parseType() throws(Diagnostic) -> MclType {
        let token = current
        switch token.kind {
        case .boolKeyword: advance(); return .bool
        case .strKeyword: advance(); return .str
        case .intKeyword: advance(); return .int
        case .floatKeyword: advance(); return .float
        case .variantKeyword: advance(); return .variant
        case .openBrack:
            advance()
            try expect(.closeBrack)
            return .list(try parseType())
        case .mapKeyword:
            advance()
            try expect(.openCurly)
            let key = try parseType()
            try expect(.colon)
            let value = try parseType()
            try expect(.closeCurly)
            return .map(key: key, value: value)
        case .structKeyword:
            advance()
            try expect(.openCurly)
            var fields: [MclType.StructField] = []
            var duplicate: MclType.StructField?
            if accept(.closeCurly) == nil {
                repeat {
                    let name = try expect(.identifier)
                    let field = MclType.StructField(name.text, try parseType())
                    if duplicate == nil, fields.contains(where: { $0.name == field.name }) { duplicate = field }
                    fields.append(field)
                } while accept(.semicolon) != nil
                try expect(.closeCurly, .semicolon)
            }
            if let duplicate {  // upstream points at the closing brace
                throw customError("can't set return type in parser",
                                  "can't set return type in parser: duplicate struct field of `\(duplicate.name) \(duplicate.type)`")
            }
            return .struct(fields)
        case .funcKeyword:
            advance()
            let params = try parseList(open: .openParen, close: .closeParen) { (p: inout Parser) throws(Diagnostic) -> MclType.FunctionParam in
                if p.accept(.dollar) != nil {
                    let name = try p.expectPlainName()
                    return .init(name.text, try p.parseType())
                }
                return .init("", try p.parseType())
            }
            return .function(params: params, result: try parseType())
        default:
            throw unexpected(expecting: [.boolKeyword, .strKeyword, .intKeyword, .floatKeyword])
        }
    }

    /// When a literal value obviously contradicts its annotation (`$x int = "a"`), the
    /// reason, else nil. Only literals are judged here; everything else is left to `Unify`.
    func literalConflict(_ value: Expr, _ type: MclType) -> String? {
        if case .variant = type { return nil }
        func mismatch(_ found: String) -> String { "can't set type `\(type)` on a value of kind `\(found)`" }
        switch (value.kind, type) {
        case (.bool, .bool), (.int, .int), (.float, .float), (.rawString, .str): return nil
        case (.bool, _): return mismatch("bool")
        case (.int, _): return mismatch("int")
        case (.float, _): return mismatch("float")
        case (.rawString, _): return mismatch("str")
        case (.list(let items), .list(let element)):
            return items.lazy.compactMap { literalConflict($0, element) }.first
        case (.list, _): return mismatch("list")
        case (.map(let entries), .map(let keyType, let valueType)):
            return entries.lazy.compactMap { literalConflict($0.key, keyType) ?? literalConflict($0.value, valueType) }.first
        case (.map, _): return mismatch("map")
        case (.struct(let entries), .struct(let fields)):
            guard entries.map(\.name) == fields.map(\.name) else { return "struct fields differ from `\(type)`" }
            return zip(entries, fields).lazy.compactMap { literalConflict($0.value, $1.type) }.first
        case (.struct, _): return mismatch("struct")
        case (.lambda, .function), (.lambda, _): return nil
        default: return nil
        }
    }
}
