import Testing
@testable import Frontend

/// What a reference names, for assertions: `bind(x)="v"` for a bind of a string literal
/// (`bind(x)` otherwise), `param(p)`, `loop(v)`, `var(name)` for runtime variables, each
/// prefixed by the aliases it went through (`include(c) > bind(x)="v"`).
private func describe(_ reference: Reference) -> String {
    let target: String
    switch reference.decl.kind {
    case .bind(_, let bind):
        if case .string(let value) = bind.value.kind { target = "bind(\(bind.name))=\"\(value)\"" } else { target = "bind(\(bind.name))" }
    case .loopVariable(let param, _, _): target = "loop(\(param.name))"
    default: target = reference.decl.rendering
    }
    return (reference.via.map(\.rendering) + [target]).joined(separator: " > ")
}

/// For each resource of the main program whose name is an interpolated string, in walk
/// order, what the variables in the name refer to.
private func nameReferences(_ program: CheckedProgram) -> [String] {
    var resources: [Resource] = []
    try? Walk(onStmt: { stmt, _ in
        if case .resource(let resource) = stmt.kind { resources.append(resource) }
    }).block(program.resolved.program.module.block)
    return resources.compactMap { resource in
        program.resolved.interpolations[resource.name.id].map { $0.map(describe).joined(separator: ", ") }
    }
}

/// The stage and message of the error `source` fails with, or nil when it passes.
private func failure(_ source: String, files: [String: String] = [:]) throws -> (Stage, String)? {
    try diagnostic(source, files: files).map { ($0.stage, $0.message) }
}

/// Scope resolution: order independence, shadowing, aliases, imports and modules,
/// unused classes and recursion (language.md §4.1, §4.2, §4.5, §4.6).
@Suite struct ResolveTests {
    @Test func orderIndependence() throws {
        let source = """
            test "${b}" {}
            include c
            $b = $a + "!"
            $a = f()
            func f() { "hi" }
            class c {
            	test "${a}" {}
            }

            """
        #expect(try checked(source) != nil)
    }

    @Test func blockShadowingCoversTheWholeBlock() throws {
        let source = """
            $greeting = "outer"
            if true {
            	test "${greeting}" {}
            	$greeting = "inner"
            }
            test "${greeting}" {}

            """
        let program = try #require(try checked(source))
        #expect(nameReferences(program) == ["bind(greeting)=\"inner\"", "bind(greeting)=\"outer\""])
    }

    @Test func innerSelfReferenceIsACycle() throws {
        let source = "$x = \"a\"\nif true {\n\t$x = $x + \"!\"\n\ttest \"${x}\" {}\n}\n"
        let (stage, message) = try #require(try failure(source))
        #expect(stage == .scope)
        #expect(message == "recursive reference while setting scope: not a dag: /main.mcl @ 3:7-3:9")
    }

    @Test func bodyBindShadowsLoopVariable() throws {
        let source = """
            for $i, $v in ["a", "b"] {
            	$i = "index"
            	test "${i}-${v}" {}
            }

            """
        let program = try #require(try checked(source))
        #expect(nameReferences(program) == ["bind(i)=\"index\", loop(v)"])
    }

    @Test func loopVariablesShadowOuterNames() throws {
        let source = "$v = 1\nfor $i, $v in [\"a\"] {\n\ttest \"${v}\" {}\n}\n"
        let program = try #require(try checked(source))
        #expect(nameReferences(program) == ["loop(v)"])
    }

    /// language.md §4.5: a module imported inside a block sees what that block got from
    /// outside (here the top-level `$top`), never the block's own names.
    @Test func importInsideABlockSeesTheOuterScope() throws {
        let source = "$top = \"t\"\nif true {\n\timport \"lib.mcl\"\n\ttest \"${lib.y}\" {}\n}\n"
        let program = try #require(try checked(source, files: ["lib.mcl": "$y = $top\n"]))
        #expect(nameReferences(program) == ["bind(y)"])
        let inClass = "$top = \"t\"\nclass c($p) {\n\timport \"lib.mcl\"\n\ttest \"${lib.y}\" {}\n}\ninclude c(1)\n"
        #expect(try checked(inClass, files: ["lib.mcl": "$y = $top\n"]) != nil)
        let own = "if true {\n\t$mine = \"m\"\n\timport \"lib.mcl\"\n\ttest \"${lib.y}\" {}\n}\n"
        #expect(try failingStage(own, files: ["lib.mcl": "$y = $mine\n"]) == .scope)
    }

    @Test func bodyBindShadowsClassParam() throws {
        let source = "class c($p) {\n\t$p = \"override\"\n\ttest \"${p}\" {}\n}\ninclude c(1)\n"
        let program = try #require(try checked(source))
        #expect(nameReferences(program) == ["bind(p)=\"override\""])
    }

    @Test func aliasesMayBeUsedBeforeTheirInclude() throws {
        let source = "test \"${i.x}\" {}\ninclude c as i\nclass c {\n\t$x = \"late\"\n}\n"
        let program = try #require(try checked(source))
        #expect(nameReferences(program) == ["include(c) > bind(x)=\"late\""])
    }

    @Test func bodiesResolveAtTheDefinitionSite() throws {
        let source = """
            $x = "top"
            class c {
            	test "${x}" {}
            }
            if true {
            	$x = "inner"
            	include c
            }

            """
        let program = try #require(try checked(source))
        #expect(nameReferences(program) == ["bind(x)=\"top\""])
    }

    @Test func includeAsExposesBodyParamsAndInheritedNames() throws {
        let source = """
            $top = "t"
            class c($p) {
            	$x = "body"
            	class c0 {
            		$y = "deep"
            	}
            	include c0 as inner
            }
            include c("param") as i
            include i.c0 as j
            test "${i.x}" {}
            test "${i.p}" {}
            test "${i.top}" {}
            test "${i.inner.y}" {}
            test "${j.y}" {}

            """
        let program = try #require(try checked(source))
        #expect(nameReferences(program) == [
            "include(c) > bind(x)=\"body\"",
            "include(c) > param(p)",
            "include(c) > bind(top)=\"t\"",
            "include(c) > include(c0) > bind(y)=\"deep\"",
            "include(i.c0) > bind(y)=\"deep\"",
        ])
    }

    @Test func plainIncludeExposesNothing() throws {
        let source = "class c {\n\t$x = \"a\"\n}\ninclude c\ntest \"${x}\" {}\n"
        let (stage, message) = try #require(try failure(source))
        #expect(stage == .scope)
        #expect(message == "var `$x` does not exist in this scope")
        // Nested classes are not visible after a plain include of their parent either.
        let nested = "class c {\n\tclass d {\n\t}\n}\ninclude c\ninclude d\n"
        #expect(try failure(nested)?.1 == "class `d` does not exist in this scope")
    }

    @Test func bindingsDoNotLeakOutOfBlocks() throws {
        let branch = "if true {\n\t$b = \"x\"\n}\ntest \"${b}\" {}\n"
        #expect(try failure(branch)?.1 == "var `$b` does not exist in this scope")
        let function = "func f($a) { $a }\ntest \"${a}\" {}\n"
        #expect(try failure(function)?.1 == "var `$a` does not exist in this scope")
    }

    @Test func flattenedImports() throws {
        let files = ["lib.mcl": "$greeting = \"hi\"\nfunc twice($x) { $x + $x }\n"]
        let source = """
            import "fmt" as *
            import "lib.mcl" as *
            test [printf("%d", 1)] {}
            test "${greeting}" {}
            test [twice("a")] {}

            """
        #expect(try checked(source, files: files) != nil)
    }

    @Test func laterFlattenedImportWins() throws {
        let files = ["a.mcl": "$name = \"from a\"\n", "b.mcl": "$name = \"from b\"\n"]
        let source = "import \"a.mcl\" as *\nimport \"b.mcl\" as *\ntest \"${name}\" {}\n"
        let program = try #require(try checked(source, files: files))
        #expect(nameReferences(program) == ["bind(name)=\"from b\""])
    }

    @Test func localFileImport() throws {
        let files = ["lib.mcl": "$greeting = \"hi\"\nfunc twice($x) { $x + $x }\nclass k {\n\ttest \"k\" {}\n}\n"]
        let source = "import \"lib.mcl\"\ntest \"${lib.greeting}\" {}\ntest [lib.twice(\"a\")] {}\ninclude lib.k\n"
        let program = try #require(try checked(source, files: files))
        #expect(nameReferences(program) == ["bind(greeting)=\"hi\""])
        #expect(program.resolved.modules.map(\.module.file.displayPath) == ["/lib.mcl"])
        // An alias of its own.
        let aliased = "import \"lib.mcl\" as l\ntest \"${l.greeting}\" {}\n"
        #expect(try checked(aliased, files: files) != nil)
    }

    @Test func defaultAliases() throws {
        let files = [
            "lib/mgmt-my-net.mcl": "$x = \"net\"\n",
            "pieces/main.mcl": "$x = \"pieces\"\n",
            "Upper-Case.mcl": "$x = \"upper\"\n",
        ]
        let source = """
            import "golang/strings"
            import "lib/mgmt-my-net.mcl"
            import "pieces/"
            import "Upper-Case.mcl"
            test [strings.to_upper("a")] {}
            test "${my_net.x}" {}
            test "${pieces.x}" {}
            test "${upper_case.x}" {}

            """
        let program = try #require(try checked(source, files: files))
        #expect(nameReferences(program) == ["bind(x)=\"net\"", "bind(x)=\"pieces\"", "bind(x)=\"upper\""])
        // An alias may not start or end with `_`.
        #expect(try failure("import \"_x.mcl\"\n", files: ["_x.mcl": "\n"])?.0 == .scope)
    }

    @Test func invalidImportPaths() throws {
        for path in ["./lib.mcl", "/lib.mcl", "a//b.mcl", "../lib.mcl", "a/../b.mcl", ""] {
            let (stage, message) = try #require(try failure("import \"\(path)\"\n"), "\(path)")
            #expect(stage == .scope, "\(path)")
            #expect(message.hasPrefix("import `\(path)` is not valid: "), "\(path)")
        }
    }

    @Test func folderModuleWithoutMetadata() throws {
        let files = ["mod/main.mcl": "$x = \"from main\"\n"]
        let program = try #require(try checked("import \"mod/\"\ntest \"${mod.x}\" {}\n", files: files))
        #expect(nameReferences(program) == ["bind(x)=\"from main\""])
        #expect(program.resolved.modules.map(\.module.file.displayPath) == ["/mod/main.mcl"])
    }

    @Test func folderModuleWithMetadata() throws {
        let files = [
            "mod/metadata.yaml": "main: other.mcl\n",
            "mod/other.mcl": "$x = \"from other\"\n",
            "mod/main.mcl": "$y = \"from main\"\n",
        ]
        let program = try #require(try checked("import \"mod/\"\ntest \"${mod.x}\" {}\n", files: files))
        #expect(nameReferences(program) == ["bind(x)=\"from other\""])
        #expect(program.resolved.modules.map(\.module.file.displayPath) == ["/mod/other.mcl"])
        // Only the entry is loaded.
        #expect(try failure("import \"mod/\"\ntest \"${mod.y}\" {}\n", files: files)?.1 == "var `$mod.y` does not exist in this scope")
    }

    @Test func nestedModuleImports() throws {
        let files = [
            "mod/main.mcl": "import \"sub/\"\n$x = $sub.y + \"!\"\n",
            "mod/sub/main.mcl": "import \"leaf.mcl\"\n$y = $leaf.z\n",
            "mod/sub/leaf.mcl": "$z = \"deep\"\n",
        ]
        let source = "import \"mod/\"\ntest \"${mod.x}\" {}\ntest \"${mod.sub.y}\" {}\ntest \"${mod.sub.leaf.z}\" {}\n"
        let program = try #require(try checked(source, files: files))
        #expect(Set(program.resolved.modules.map(\.module.file.displayPath)) == ["/mod/main.mcl", "/mod/sub/main.mcl", "/mod/sub/leaf.mcl"])
        #expect(nameReferences(program) == ["bind(x)", "bind(y)", "bind(z)=\"deep\""])
    }

    @Test func importedCodeDoesNotSeeTheImporter() throws {
        let files = ["lib.mcl": "$y = $x\n"]
        let (stage, message) = try #require(try failure("import \"lib.mcl\"\n$x = \"a\"\ntest \"${lib.y}\" {}\n", files: files))
        #expect(stage == .scope)
        #expect(message.hasPrefix("local import of `lib.mcl` failed: var `$x` does not exist in this scope"))
    }

    @Test func errorsInModulesUseDeployRelativePaths() throws {
        let files = ["mod/main.mcl": "import \"sub/\"\n", "mod/sub/main.mcl": "\n$x = $missing\n"]
        let (result, sources) = try TestProgram("import \"mod/\"\n", files: files).check()
        guard case .failure(let error) = result else { Issue.record("expected a scope error"); return }
        #expect(error.stage == .scope)
        #expect(error.message.contains("var `$missing` does not exist in this scope: /mod/sub/main.mcl @ 2:6-2:14"), "\(error.message)")
        #expect(error.message.hasPrefix("local import of `mod/` failed: "), "\(error.message)")
        #expect(sources.files.map(\.displayPath) == ["/main.mcl", "/mod/main.mcl", "/mod/sub/main.mcl"])
        // Parse errors in imported files name the file the same way.
        let parseFailure = try #require(try failure("import \"lib.mcl\"\n", files: ["lib.mcl": "$x = [1 2]\n"]))
        #expect(parseFailure.0 == .scope)
        #expect(parseFailure.1.hasPrefix("local import of `lib.mcl` failed: could not generate AST from import: parser: "))
        #expect(parseFailure.1.hasSuffix(": /lib.mcl @ 1:9-1:10"))
    }

    @Test func modulesMayOnlyDefine() throws {
        let files = ["lib.mcl": "test \"t\" {}\n"]
        let (stage, message) = try #require(try failure("import \"lib.mcl\"\n", files: files))
        #expect(stage == .scope)
        #expect(message == "local import of `lib.mcl` failed: module contains unused statements: found stmt: res(test)")
    }

    @Test func unusedClassBodiesAreNotScopeChecked() throws {
        let unused = """
            class c {
            	test "${nope}" {}
            	include missing
            	$x = undefined_func()
            }
            class outer {
            	include inner
            }
            class inner {
            	test "${nope}" {}
            }

            """
        #expect(try checked(unused) != nil)
        let (stage, message) = try #require(try failure(unused + "include c\n"))
        #expect(stage == .scope)
        #expect(message == "var `$nope` does not exist in this scope")
        #expect(try failure(unused + "include outer\n")?.1 == "var `$nope` does not exist in this scope")
    }

    @Test func unusedBindsAndFuncsAreScopeChecked() throws {
        #expect(try failure("$x = $nope\n")?.1 == "var `$nope` does not exist in this scope")
        #expect(try failure("func f() { g() }\n")?.1 == "func `g` does not exist in this scope")
        #expect(try failure("$f = func() { $h(1) }\n")?.1 == "lambda `$h` does not exist in this scope")
    }

    @Test func mutuallyIncludingClassesAreAnErrorEvenUnused() throws {
        let source = "class a {\n\tinclude b\n}\nclass b {\n\tinclude a\n}\n"
        let (stage, message) = try #require(try failure(source))
        #expect(stage == .scope)
        #expect(message == "recursive reference while setting scope: not a dag: /main.mcl @ 2:2-2:11, /main.mcl @ 5:2-5:11")
    }

    @Test func recursiveFunctionsAndBinds() throws {
        #expect(try failure("func f($n) { f($n) }\n")?.0 == .scope)
        #expect(try failure("$a = $b\n$b = $a\n")?.1 == "recursive reference while setting scope: not a dag: /main.mcl @ 1:6-1:8, /main.mcl @ 2:6-2:8")
        #expect(try failure("$f = func($n) { $f($n) }\n")?.0 == .scope)
    }

    @Test func runtimeVariablesResolve() throws {
        let source = "test \"${const.res.file.state.exists}\" {}\ntest \"${purpleidea}\" {}\ntest [$hostname, $const.res.file.state.absent] {}\n"
        let program = try #require(try checked(source))
        #expect(nameReferences(program).count == 2)
        #expect(nameReferences(program).allSatisfy { $0.hasPrefix("var(") })
        #expect(try failure("test \"${const.res.file.state.nope}\" {}\n")?.1 == "var `$const.res.file.state.nope` does not exist in this scope")
    }

    @Test func importCycleBetweenLocalFiles() throws {
        let files = ["a.mcl": "import \"b.mcl\"\n$x = \"a\"\n", "b.mcl": "import \"a.mcl\"\n$y = \"b\"\n"]
        let (stage, message) = try #require(try failure("import \"a.mcl\"\ntest \"${a.x}\" {}\n", files: files))
        #expect(stage == .scope)
        #expect(message.contains("recursive import of: `a.mcl`"), "\(message)")
    }

    @Test func duplicateNames() throws {
        let (stage, message) = try #require(try failure("$x = 1\n$x = 2\n"))
        #expect(stage == .scope)
        #expect(message == "could not generate ordering: duplicate assignment to `var:x`, have: bind(x)")
        #expect(try failure("func f() { 1 }\nfunc f() { 2 }\n")?.1 == "could not generate ordering: duplicate assignment to `func:f`, have: func(f)")
        #expect(try failure("import \"fmt\"\nimport \"fmt\"\n")?.1 == "import `fmt` already exists in this scope")
        let files = ["a.mcl": "\n", "b.mcl": "\n"]
        #expect(try failure("import \"a.mcl\" as x\nimport \"b.mcl\" as x\n", files: files)?.1 == "import alias `x` already exists in this scope")
        let alias = "class c {\n}\nimport \"fmt\"\ninclude c as fmt\n"
        #expect(try failure(alias)?.1 == "could not generate ordering: duplicate assignment to `scoped:fmt`, have: import(fmt)")
        // One name in different namespaces is fine.
        #expect(try checked("$f = \"x\"\nfunc f() { \"y\" }\nclass f {\n}\ntest \"${f}\" {}\ntest [f()] {}\ninclude f\n") != nil)
    }

    @Test func includeArity() throws {
        let (stage, message) = try #require(try failure("class web($port) {\n}\ninclude web\n"))
        #expect(stage == .scope)
        #expect(message == "class `web` expected 1 args but got 0")
    }

    @Test func unknownCoreModule() throws {
        #expect(try failure("import \"nosuchmodule\"\n")?.1 == "system import of `nosuchmodule` failed: could not find any non-empty scope named: nosuchmodule")
    }
}
