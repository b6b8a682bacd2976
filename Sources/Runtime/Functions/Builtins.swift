import VM

/// The body of a function builtin (kinds pure, startup, host): arguments in, value out.
/// Throw `RuntimeError.catchable(...)` for errors `<|>` may replace, `RuntimeError(...)` for fatal ones.
public typealias BuiltinFunction = @Sendable ([Value]) throws(RuntimeError) -> Value

/// Implementations of the function builtins, by qualified name (`len`, `fmt.printf`,
/// `golang/strings.to_upper`). One table per module family, in `Builtins+<Family>.swift`.
enum Builtins {
    /// Every implemented function builtin. A registry entry missing here is reported as
    /// not implemented yet when a program calls it.
    static let functions: [String: BuiltinFunction] = {
        var all: [String: BuiltinFunction] = [:]
        for table in tables {
            all.merge(table) { _, _ in preconditionFailure("a builtin is implemented twice") }
        }
        return all
    }()

    /// The per-family tables merged into `functions`.
    static let tables: [[String: BuiltinFunction]] = [
        core, collections, fmt, convert, encoding, strings, math, net, datetime, os, sys, example, test,
        golangStrings, golangStrconv, golangMath, golangPath, golangOS, golangRuntime,
    ]
}
