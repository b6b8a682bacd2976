/// Stage 3 of upstream (`errInterpolate`, reported as `parse`): string escapes and
/// `${name}` interpolation in every string in expression position, duplicate class names,
/// and the nesting sugar `class a:b { ... }` (moved into class `a` as class `b`).
///
/// Runs on every file before scopes exist, so it also rejects errors in unused code.
enum Interpolate {
    static func run(_ program: Block) throws(Diagnostic) {
        try nestClasses(in: program)
        let walk = Walk(
            onStmt: { stmt, _ throws(Diagnostic) in
                if case .class(let decl) = stmt.kind { try nestClasses(in: decl.body) }
                if case .ifStmt(_, let then, let otherwise) = stmt.kind {
                    try nestClasses(in: then)
                    if let otherwise { try nestClasses(in: otherwise) }
                }
                if case .loop(let loop) = stmt.kind { try nestClasses(in: loop.body) }
            },
            onExpr: { e throws(Diagnostic) in
                if case .rawString(let raw) = e.kind { e.kind = try process(raw, span: e.span) }
            })
        try walk.block(program)
    }

    /// Moves each `class a:b...` into the body of class `a` of the same block (as `b...`),
    /// then rejects two classes with one name in the block.
    static func nestClasses(in block: Block) throws(Diagnostic) {
        var kept: [Stmt] = []
        var moved = false
        for stmt in block.stmts {
            if case .class(let decl) = stmt.kind, decl.path.count > 1,
               let parent = block.stmts.lazy.compactMap({ s -> ClassDecl? in
                   if case .class(let c) = s.kind, c.path == [decl.path[0]] { return c }
                   return nil
               }).first {
                decl.path.removeFirst()
                parent.body.stmts.append(stmt)
                moved = true
            } else {
                kept.append(stmt)
            }
        }
        if moved { block.stmts = kept }
        var names = Set<String>()
        for case .class(let decl) in block.stmts.map(\.kind) where decl.path.count == 1 {
            if !names.insert(decl.name).inserted {
                throw Diagnostic(.parse, "duplicate class name of: `\(decl.name)`", at: decl.nameSpan)
            }
        }
    }

    /// The expression a raw string literal becomes: `.string` when nothing is interpolated,
    /// else `.interpolation` with literal and variable pieces.
    static func process(_ raw: String, span: Span) throws(Diagnostic) -> Expr.Kind {
        let bytes = Array(raw.utf8)
        var parts: [InterpolationPart] = []
        var literal: [UInt8] = []
        var i = 0
        func fail(_ reason: String) -> Diagnostic { Diagnostic(.parse, "parser failed: \(reason)", at: span) }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { throw fail("unknown escape sequence: \\") }
                let escaped: UInt8
                switch bytes[i + 1] {
                case UInt8(ascii: "a"): escaped = 0x07
                case UInt8(ascii: "b"): escaped = 0x08
                case UInt8(ascii: "f"): escaped = 0x0C
                case UInt8(ascii: "n"): escaped = 0x0A
                case UInt8(ascii: "r"): escaped = 0x0D
                case UInt8(ascii: "t"): escaped = 0x09
                case UInt8(ascii: "v"): escaped = 0x0B
                case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
                case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
                case UInt8(ascii: "$"): escaped = UInt8(ascii: "$")
                default:
                    // Show the whole character after the backslash, even if it is several bytes.
                    var end = i + 2
                    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
                    throw fail("unknown escape sequence: \\" + String(decoding: bytes[(i + 1)..<end], as: UTF8.self))
                }
                literal.append(escaped)
                i += 2
            } else if byte == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "{") {
                guard let (name, end) = variableName(bytes, from: i + 2) else {
                    throw fail("cannot parse string: \(raw)")
                }
                if !literal.isEmpty {
                    parts.append(.literal(String(decoding: literal, as: UTF8.self)))
                    literal.removeAll()
                }
                parts.append(.variable(DottedName(parts: name.split(separator: ".").map(String.init), span: span)))
                i = end
            } else {
                literal.append(byte)
                i += 1
            }
        }
        if parts.isEmpty { return .string(String(decoding: literal, as: UTF8.self)) }
        if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
        return .interpolation(parts)
    }

    /// Reads `name}` with name matching `[a-z]([a-z0-9_]|[._][a-z0-9_])*`; returns the name
    /// and the index after the `}`, or nil.
    private static func variableName(_ bytes: [UInt8], from start: Int) -> (String, Int)? {
        func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
        func isTail(_ b: UInt8) -> Bool { isLower(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") }
        var i = start
        guard i < bytes.count, isLower(bytes[i]) else { return nil }
        i += 1
        while i < bytes.count {
            if isTail(bytes[i]) {
                i += 1
            } else if bytes[i] == UInt8(ascii: "."), i + 1 < bytes.count, isTail(bytes[i + 1]) {
                i += 2
            } else {
                break
            }
        }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "}") else { return nil }
        return (String(decoding: bytes[start..<i], as: UTF8.self), i + 1)
    }
}
