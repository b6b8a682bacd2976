import VM

/// `golang.template(template)` and `golang.template(template, vars)`: renders a Go
/// text/template (functions.md §7) with every monomorphic simple builtin callable inside,
/// named by its path with `.` and `/` as `_` (`datetime_print`, `golang_strings_join`;
/// top-level ones with a leading `_`), whatever the program imports.
enum GolangTemplateBuiltin {
    static let body: BuiltinFunction = { args throws(RuntimeError) in
        guard case .str(let template)? = args.first else { throw RuntimeError("internal error: golang.template needs a template string") }
        return .str(try GoTemplate.render(template, data: args.count > 1 ? args[1] : nil, functions: functions))
    }

    /// The helpers: builtins with one concrete signature, no struct parameter, implemented
    /// as plain functions (not streams, not polymorphic, not call-site dependent).
    static let functions: [String: TemplateFunction] = {
        var table: [String: TemplateFunction] = [:]
        for builtin in Registry.builtins {
            guard case .signature(let signature) = builtin.typing, signature.isConcrete,
                  case .function(let params, let result) = signature,
                  !params.contains(where: { if case .struct = $0.type { true } else { false } }),
                  let body = Builtins.functions[builtin.qualifiedName] else { continue }
            let name = builtin.module.isEmpty
                ? "_" + builtin.name
                : (builtin.module + "." + builtin.name).replacingSeparators()
            table[name] = TemplateFunction(params: params.map(\.type), result: result, call: body)
        }
        return table
    }()
}

private extension String {
    func replacingSeparators() -> String {
        String(map { $0 == "." || $0 == "/" ? "_" : $0 })
    }
}
