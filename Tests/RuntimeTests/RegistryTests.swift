import Testing
import VM
@testable import Runtime

/// The registry's tables against functions.md and resources.md.
@Suite struct RegistryTests {
    // MARK: Tables

    @Test func everyTypeStringParses() {
        for entry in Registry.builtinEntries {
            for text in entry.typeStrings {
                #expect(throws: Never.self, "\(entry.module).\(entry.name): `\(text)`") { try MclType(parsing: text) }
            }
        }
        for entry in Registry.resourceKindEntries {
            for param in entry.params + entry.sends {
                #expect(throws: Never.self, "\(entry.kind).\(param.name)") { try param.param() }
            }
        }
    }

    @Test func namesAreUnique() {
        let names = Registry.builtins.map(\.qualifiedName)
        #expect(Set(names).count == names.count, "duplicates: \(duplicates(names))")
        let kinds = Registry.resourceKinds.map(\.kind)
        #expect(Set(kinds).count == kinds.count, "duplicates: \(duplicates(kinds))")
        for kind in Registry.resourceKinds {
            let params = kind.params.map(\.name)
            #expect(Set(params).count == params.count, "\(kind.kind): \(duplicates(params))")
        }
        let variables = Registry.variables.map { $0.module + "." + $0.name }
        #expect(Set(variables).count == variables.count, "duplicates: \(duplicates(variables))")
    }

    /// functions.md §9, without the internal names the compiler handles itself.
    @Test func moduleCounts() {
        let expected: [String: Int] = [
            "": 10, "convert": 7, "datetime": 7, "deploy": 7, "embedded/provisioner": 25, "encoding": 4,
            "example": 8, "example/nested": 1, "fmt": 1, "golang": 1, "iter": 6, "list": 2, "local": 2,
            "map": 3, "math": 5, "net": 15, "net/http": 1, "os": 16, "regexp": 1, "strings": 12, "sys": 7,
            "sys/fwupd": 1, "test": 13, "util": 1, "value": 5, "world": 3, "world/collect": 1,
            "golang/html": 2, "golang/math": 58, "golang/math/rand": 8, "golang/os": 19, "golang/os/exec": 1,
            "golang/path": 7, "golang/path/filepath": 16, "golang/runtime": 10, "golang/strconv": 18,
            "golang/strings": 27,
        ]
        let counts = Dictionary(grouping: Registry.builtins, by: \.module).mapValues(\.count)
        #expect(counts == expected)
        let generated = Registry.builtins.filter { $0.module.hasPrefix("golang/") }
        #expect(generated.count == 166)
        #expect(Registry.builtins.count == 331)
    }

    @Test func compilerHandledNamesAreAbsent() {
        let names = Set(Registry.builtins.map(\.qualifiedName))
        for name in ["_operator", "_lookup", "_struct_lookup", "_struct_lookup_optional"] {
            #expect(!names.contains(name), "\(name)")
        }
        for name in ["len", "panic", "panic_debug", "_collect", "history", "random1"] {
            #expect(names.contains(name), "\(name)")
        }
    }

    @Test func kindsAndSignatures() throws {
        #expect(try builtin("iter.map").kind == .higherOrder)
        #expect(try builtin("iter.flatten").kind == .pure)
        #expect(try builtin("os.args").kind == .startup)
        #expect(try builtin("datetime.now").kind == .stream)
        #expect(try builtin("value.get_str").kind == .world)
        #expect(try builtin("local.pool").kind == .world)
        #expect(Registry.builtins.filter { $0.module == "embedded/provisioner" }.allSatisfy { $0.kind == .startup })
        #expect(try signature("contains") == "func(needle ?1, haystack []?1) bool")
        #expect(try signature("golang/strings.to_valid_utf_8") == "func(s str, replacement str) str")
        #expect(try signature("golang/strconv.parse_bool") == "func(str str) bool")
        #expect(try signature("map_lookup") == "func(map map{?1: ?2}, key ?1) ?2")
        #expect(try signature("embedded/provisioner.cli_dns") == "func() []str")
        guard case .overloads(let lens) = try builtin("len").typing else { Issue.record("len"); return }
        #expect(lens.map(\.description) == ["func(a str) int", "func(a []?1) int", "func(a map{?1: ?2}) int"])
        guard case .overloads(let schedules) = try builtin("world.schedule").typing else { Issue.record("schedule"); return }
        #expect(schedules.map(\.description).last == "func(namespace str, opts struct{strategy str; max int; ttl int}) []str")
    }

    // MARK: Call-site typing

    @Test func printfWithConstantFormat() throws {
        #expect(try callSite("fmt.printf", [.str("%s is %d (%f, %t, %q)"), nil, nil, nil, nil, nil])
            == ["func(format str, a str, b int, c float, d bool, e str) str"])
        #expect(try callSite("fmt.printf", [.str("%v and %T, 100%%"), .int(1), nil]) == ["func(format str, a ?1, b ?2) str"])
        #expect(try callSite("fmt.printf", [.str("no verbs %")]) == ["func(format str) str"])
        #expect(try callSite("fmt.printf", [.str("%d"), .int(42)]) == ["func(format str, a int) str"])
    }

    @Test func printfWithoutConstantFormat() throws {
        #expect(try callSite("fmt.printf", [nil, .int(1), nil]) == ["func(format str, a ?1, b ?2) str"])
        #expect(try callSite("fmt.printf", [nil]) == ["func(format str) str"])
    }

    @Test func printfErrors() {
        expectError("fmt.printf", [], "printf needs at least a format string")
        // corpus graph/printfunificationerr0
        expectError("fmt.printf", [.str("%d%d"), .int(42)],
                    "number of args (1) doesn't match format string verb count (2)")
        expectError("fmt.printf", [.str("x %5d"), nil], "could not parse format string: invalid format string at 3")
        expectError("fmt.printf", [.str("%.2f"), nil], "could not parse format string: invalid format string at 1")
        // corpus graph/convert0: `%d` given the constant "51820"
        expectError("fmt.printf", [.str("%d"), .str("51820")],
                    "inconsistent type at arg index 1: type error: str != int")
        expectError("fmt.printf", [.str("%s %s"), .str("a"), .list([])],
                    "inconsistent type at arg index 2: type error: list != str")
    }

    @Test func otherCallSiteRules() throws {
        #expect(try callSite("list.concat", [nil, nil, nil]) == ["func(a []?1, b []?1, c []?1) []?1"])
        expectError("list.concat", [], "concat needs at least one list")
        #expect(try callSite("iter.range", [nil]) == ["func(a int) []int"])
        #expect(try callSite("iter.range", [nil, nil, nil]) == ["func(a int, b int, c int) []int"])
        expectError("iter.range", [nil, nil, nil, nil], "range needs 1, 2 or 3 arguments, got 4")
        #expect(try callSite("iter.reduce", [nil, nil]) == ["func(inputs []?1, function func(x ?1, y ?1) ?1) ?1"])
        #expect(try callSite("iter.reduce", [nil, nil, nil])
            == ["func(initval ?1, inputs []?1, function func(x ?1, y ?1) ?1) ?1"])
        #expect(try callSite("encoding.decode_json", [nil]) == ["func(data str) ?1"])
        #expect(try callSite("encoding.decode_json", [nil, nil]) == ["func(data str, type str) ?1"])
        #expect(try callSite("encoding.decode_json_flexible", [nil, .str("map{str: []int}")])
            == ["func(data str, type str) map{str: []int}"])
        #expect(throws: BuiltinInferenceError.self) { try callSite("encoding.decode_json", [nil, .str("map{str")]) }
        #expect(try callSite("golang.template", [nil]) == ["func(template str) str"])
        #expect(try callSite("golang.template", [nil, nil]) == ["func(template str, vars ?1) str"])
        expectError("golang.template", [nil, nil, nil], "template needs 1 or 2 arguments, got 3")
    }

    @Test func argumentNames() {
        #expect((0..<3).map(Registry.argumentName) == ["a", "b", "c"])
        #expect(Registry.argumentName(25) == "z")
        #expect(Registry.argumentName(26) == "aa")
        #expect(Registry.argumentName(27) == "ab")
        #expect(Registry.argumentName(52) == "ba")
    }

    // MARK: Resource kinds

    @Test func resourceKindList() {
        #expect(Registry.resourceKinds.count == 61)
        #expect(Registry.resourceKinds.prefix(3).map(\.kind) == ["test", "print", "noop"])
        for kind in Registry.resourceKinds {
            for param in kind.params + kind.sends {
                #expect(!param.goField.isEmpty, "\(kind.kind).\(param.name)")
                #expect(!param.goType.isEmpty, "\(kind.kind).\(param.name)")
            }
        }
        let receivers = Registry.resourceKinds.filter(\.canReceive).map(\.kind)
        #expect(Set(receivers) == ["test", "print", "file", "value", "kv", "cron", "http:server:file"])
        let senders = Registry.resourceKinds.filter(\.canSend).map(\.kind)
        #expect(Set(senders) == ["test", "exec", "value", "password", "http:server:flag", "http:server:ui:input",
                                 "http:client"])
    }

    /// resources.md §1.1, less the complex fields mcl cannot set.
    @Test func testKindParams() throws {
        let test = try kind("test")
        #expect(test.params.map(\.name) == [
            "bool", "str", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
            "byte", "rune", "float32", "float64", "boolptr", "stringptr", "int64ptr", "int8ptr", "uint8ptr",
            "int8ptrptrptr", "slicestring", "mapintfloat", "mixedstruct", "interface", "anotherstr", "func1",
            "validatebool", "validateerror", "alwaysgroup", "comparefail", "sendvalue", "expectrecv", "onlyshow",
            "waitforerror", "comment",
        ])
        #expect(test.param(named: "mixedstruct")?.type.description
            == "struct{somebool bool; somestr str; someint int; somefloat float}")
        #expect(test.param(named: "interface")?.type == .variant)
        #expect(test.param(named: "func1")?.type == .function(params: [.init("", .int)], result: .str))
        #expect(test.param(named: "int8ptrptrptr")?.goType == "***int8")
        #expect(test.param(named: "mapintfloat")?.type == .map(key: .int, value: .float))
        #expect(test.param(named: "expectrecv")?.type == .list(.str))
        #expect(test.sends.map(\.name) == ["hello", "answer"])
        #expect(test.send(named: "answer")?.goKindName == "int")
        #expect(test.send(named: "hello")?.goKindName == "string")
    }

    @Test func resourceParamSpotChecks() throws {
        #expect(try kind("file").param(named: "content")?.goType == "*string")
        #expect(try kind("sysctl").param(named: "path")?.goField == "Filename")
        #expect(try kind("print").param(named: "refresh_only")?.goField == "RefreshOnly")
        #expect(try kind("value").param(named: "any")?.type == .variant)
        #expect(try kind("docker:container").param(named: "ports")?.type.description == "map{str: map{int: int}}")
        #expect(try kind("virt").param(named: "disk")?.type.description == "[]struct{source str; type str}")
        #expect(try kind("http:server:ui").param(named: "data")?.type.description == "struct{title str; head str}")
        #expect(try kind("exec").sends.map(\.name) == ["output", "stdout", "stderr"])
        #expect(try kind("_panic").params.isEmpty)
    }

    @Test func resourceDefaults() throws {
        #expect(try kind("pkg").param(named: "state")?.defaultValue == .str("installed"))
        #expect(try kind("password").param(named: "length")?.defaultValue == .int(64))
        #expect(try kind("gzip").param(named: "level")?.defaultValue == .int(-1))
        #expect(try kind("cron").param(named: "remainafterelapse")?.defaultValue == .bool(true))
        #expect(try kind("mount").param(named: "options")?.defaultValue?.description == "{\"defaults\": \"\"}")
        #expect(try kind("http:server:ui:input").param(named: "type")?.defaultValue == .str("text://"))
        #expect(try kind("test").params.allSatisfy { $0.defaultValue == nil })
    }

    @Test func goTypeDerivation() {
        let cases: [(String, MclType?)] = [
            ("***int8", .int), ("*[]string", .list(.str)), ("map[int64]float64", .map(key: .int, value: .float)),
            ("map[string]map[int64]int64", .map(key: .str, value: .map(key: .int, value: .int))),
            ("*interface{}", .variant), ("float32", .float), ("struct", nil), ("complex64", nil),
        ]
        for (goType, expected) in cases {
            #expect(ResourceParamEntry.mclType(goType: Substring(goType)) == expected, "\(goType)")
        }
    }

    // MARK: Variables

    @Test func variables() {
        #expect(Registry.variables.count == 1 + 3 + 3 + 3 + 5 + 4 + 3 + 1)
        let byName = Dictionary(uniqueKeysWithValues: Registry.variables.map { ($0.module + ":" + $0.name, $0.value) })
        #expect(byName[":purpleidea"] == .str("hello world!"))
        #expect(byName[":const.res.file.state.undefined"] == .str(""))
        #expect(byName[":const.res.gzip.level.huffman_only"] == .int(-2))
        #expect(byName[":const.res.tar.format.gnu"] == .int(8))
        #expect(byName["os:family_debian"] == .str("debian"))
        #expect(byName["example:test1"] == .int(13))
        #expect(byName[":hostname"] == nil)
    }

    // MARK: Helpers

    private func builtin(_ qualifiedName: String) throws -> BuiltinDescriptor {
        try #require(Registry.builtins.first { $0.qualifiedName == qualifiedName }, "no builtin \(qualifiedName)")
    }

    private func kind(_ name: String) throws -> ResourceKindDescriptor {
        try #require(Registry.resourceKinds.first { $0.kind == name }, "no kind \(name)")
    }

    /// The single signature of a builtin, printed.
    private func signature(_ qualifiedName: String) throws -> String? {
        guard case .signature(let type) = try builtin(qualifiedName).typing else { return nil }
        return type.description
    }

    /// The candidates a call-site rule gives for these constant arguments (nil = not constant), printed.
    private func callSite(_ qualifiedName: String, _ arguments: [Value?]) throws -> [String] {
        guard case .callSite(let rule) = try builtin(qualifiedName).typing else {
            Issue.record("\(qualifiedName) has no call-site rule")
            return []
        }
        return try rule(CallSite(argumentCount: arguments.count, constantArguments: arguments)).map(\.description)
    }

    private func expectError(_ qualifiedName: String, _ arguments: [Value?], _ message: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: BuiltinInferenceError.self, sourceLocation: sourceLocation) {
            try callSite(qualifiedName, arguments)
        }
        #expect(error?.message == message, sourceLocation: sourceLocation)
    }

    private func duplicates(_ names: [String]) -> [String] {
        Dictionary(grouping: names) { $0 }.filter { $0.value.count > 1 }.keys.sorted()
    }
}
