/// Visits every statement and expression under a block, statements before their parts,
/// parents before children. Passes that look at every node of a kind (`Validate`,
/// `Interpolate`) use this instead of writing their own recursion.
struct Walk {
    var onStmt: (Stmt, _ parent: Block) throws(Diagnostic) -> Void = { _, _ in }
    var onExpr: (Expr) throws(Diagnostic) -> Void = { _ in }

    func block(_ block: Block) throws(Diagnostic) {
        for stmt in block.stmts {
            try onStmt(stmt, block)
            try self.stmt(stmt)
        }
    }

    func stmt(_ stmt: Stmt) throws(Diagnostic) {
        switch stmt.kind {
        case .bind(let bind): try expr(bind.value)
        case .resource(let resource):
            try expr(resource.name)
            for entry in resource.entries {
                if let condition = entry.condition { try expr(condition) }
                if let value = entry.value { try expr(value) }
                if case .edge(_, let half) = entry.kind { try expr(half.name) }
            }
        case .edge(let halves):
            for half in halves { try expr(half.name) }
        case .ifStmt(let condition, let then, let otherwise):
            try expr(condition)
            try block(then)
            if let otherwise { try block(otherwise) }
        case .loop(let loop):
            try expr(loop.collection)
            try block(loop.body)
        case .function(let decl): try expr(decl.body)
        case .class(let decl): try block(decl.body)
        case .include(let include):
            for arg in include.args { try expr(arg) }
        case .import: break
        case .panic(let args):
            for arg in args { try expr(arg) }
        }
    }

    func expr(_ e: Expr) throws(Diagnostic) {
        try onExpr(e)
        switch e.kind {
        case .bool, .int, .float, .rawString, .string, .interpolation, .variable: break
        case .list(let items):
            for item in items { try expr(item) }
        case .map(let entries):
            for entry in entries { try expr(entry.key); try expr(entry.value) }
        case .struct(let entries):
            for entry in entries { try expr(entry.value) }
        case .call(_, let args), .callVariable(_, let args):
            for arg in args { try expr(arg) }
        case .callLambda(let lambda, let args):
            try expr(lambda.body)
            for arg in args { try expr(arg) }
        case .lambda(let lambda): try expr(lambda.body)
        case .ifElse(let condition, let then, let otherwise):
            try expr(condition); try expr(then); try expr(otherwise)
        case .binary(_, let left, let right), .except(let left, let right), .index(let left, let right):
            try expr(left); try expr(right)
        case .not(let operand), .field(let operand, _): try expr(operand)
        case .optionalField(let operand, _, let fallback):
            try expr(operand); try expr(fallback)
        }
    }
}
