@testable import Frontend

/// Scope-stage goldens (language.md §4.1-4.6): missing names, imports, duplicates, include
/// arity and recursion. Errors inside an imported file point into that file, so those cases
/// carry no marker (DiagnosticRenderingTests checks where they point).
extension DiagnosticGoldenTests {
    static let scopeCases: [GoldenDiagnostic] = missingNameCases + importCases + duplicateCases + recursionCases

    static let missingNameCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "missing variable", source: "test 1️⃣\"${nope}\" {}\n", stage: .scope,
                         message: "var `$nope` does not exist in this scope"),
        GoldenDiagnostic(name: "unknown variable as a param", source: "test \"t\" {\n\tanotherstr => 1️⃣$missing,\n}\n",
                         stage: .scope, message: "var `$missing` does not exist in this scope"),
        GoldenDiagnostic(name: "unknown function", source: "$s = 1️⃣frobnicate(\"x\")\ntest $s {}\n", stage: .scope,
                         message: "func `frobnicate` does not exist in this scope"),
        GoldenDiagnostic(name: "unknown class", source: "1️⃣include webserver\n", stage: .scope,
                         message: "class `webserver` does not exist in this scope"),
        GoldenDiagnostic(name: "unknown lambda", source: "$r = 1️⃣$fn(3)\ntest \"t\" {\n\tint8 => $r,\n}\n", stage: .scope,
                         message: "lambda `$fn` does not exist in this scope"),
        GoldenDiagnostic(name: "unknown function of a core import", source: "import \"fmt\"\n$s = 1️⃣fmt.nope(\"x\")\ntest $s {}\n",
                         stage: .scope, message: "func `fmt.nope` does not exist in this scope"),
        GoldenDiagnostic(name: "unknown resource constant", source: "test 1️⃣$const.res.file.state.nope {}\n", stage: .scope,
                         message: "var `$const.res.file.state.nope` does not exist in this scope"),
        GoldenDiagnostic(name: "unknown variable in an unused bind", source: "$unused = 1️⃣$ghost\n", stage: .scope,
                         message: "var `$ghost` does not exist in this scope"),
        GoldenDiagnostic(name: "unknown variable in an unused func", source: "func f() {\n\t1️⃣$ghost\n}\n", stage: .scope,
                         message: "var `$ghost` does not exist in this scope"),
        GoldenDiagnostic(name: "bind of an if body used outside", source: """
            if true {
            \t$inner = "x"
            }
            test 1️⃣$inner {}

            """, stage: .scope, message: "var `$inner` does not exist in this scope"),
        GoldenDiagnostic(name: "bind of a for body used outside", source: """
            for $i, $v in ["a"] {
            \t$w = $v
            }
            test 1️⃣$w {}

            """, stage: .scope, message: "var `$w` does not exist in this scope"),
        GoldenDiagnostic(name: "loop variable used outside", source: "for $i, $v in [\"a\"] {\n}\ntest 1️⃣$v {}\n",
                         stage: .scope, message: "var `$v` does not exist in this scope"),
        GoldenDiagnostic(name: "class body bind after a plain include", source: """
            class k {
            \t$hidden = "x"
            }
            include k
            test 1️⃣$hidden {}

            """, stage: .scope, message: "var `$hidden` does not exist in this scope"),
        GoldenDiagnostic(name: "lambda parameter used outside", source: "$f = func($p) { $p }\ntest 1️⃣$p {}\n",
                         stage: .scope, message: "var `$p` does not exist in this scope"),
        GoldenDiagnostic(name: "func of a class body used outside", source: """
            class c {
            \tfunc helper() { "x" }
            }
            include c
            test 1️⃣helper() {}

            """, stage: .scope, message: "func `helper` does not exist in this scope"),
        GoldenDiagnostic(name: "class defined in an if body", source: "if true {\n\tclass c {\n\t}\n}\n1️⃣include c\n",
                         stage: .scope, message: "class `c` does not exist in this scope"),
        GoldenDiagnostic(name: "include-as alias without the variable", source: """
            class c {
            \t$y = "a"
            }
            include c as x
            test 1️⃣$x.z {}

            """, stage: .scope, message: "var `$x.z` does not exist in this scope"),
        GoldenDiagnostic(name: "include-as alias without the function", source: """
            class c {
            \t$y = "a"
            }
            include c as x
            test 1️⃣x.f() {}

            """, stage: .scope, message: "func `x.f` does not exist in this scope"),
        GoldenDiagnostic(name: "include-as alias without the class", source: """
            class outer {
            \tclass inner {
            \t}
            }
            include outer as o
            1️⃣include o.nope

            """, stage: .scope, message: "class `o.nope` does not exist in this scope"),
        GoldenDiagnostic(name: "nested class after a plain include", source: """
            class outer {
            \tclass inner {
            \t}
            }
            include outer
            1️⃣include inner

            """, stage: .scope, message: "class `inner` does not exist in this scope"),
        GoldenDiagnostic(name: "variable included as a class", source: "$c = 1\n1️⃣include c\n", stage: .scope,
                         message: "class `c` does not exist in this scope"),
        GoldenDiagnostic(name: "class called as a lambda", source: "class c {\n}\n$r = 1️⃣$c()\n", stage: .scope,
                         message: "lambda `$c` does not exist in this scope"),
    ]

    static let importCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "unknown core import", source: "import 1️⃣\"nosuchmod\"\n", stage: .scope,
                         message: "system import of `nosuchmod` failed: could not find any non-empty scope named: nosuchmod"),
        GoldenDiagnostic(name: "import path with dot-dot", source: "import 1️⃣\"../x.mcl\"\n", stage: .scope,
                         message: "import `../x.mcl` is not valid: path is not clean"),
        GoldenDiagnostic(name: "absolute import path", source: "import 1️⃣\"/x.mcl\"\n", stage: .scope,
                         message: "import `/x.mcl` is not valid: absolute paths are not allowed"),
        GoldenDiagnostic(name: "import whose alias ends in an underscore", source: "import 1️⃣\"x_.mcl\"\n", stage: .scope,
                         message: "import `x_.mcl` is not valid: invalid alias `x_`", files: ["x_.mcl": "$a = 1\n"]),
        GoldenDiagnostic(name: "parse error inside an imported file", source: "import \"util.mcl\"\n", stage: .scope,
                         message: "local import of `util.mcl` failed: could not generate AST from import: parser: `syntax error: unexpected INTEGER, expecting NEWLINE`: /util.mcl @ 1:8-1:9",
                         files: ["util.mcl": "$x = 1 2\n"]),
        GoldenDiagnostic(name: "scope error inside an imported file", source: "import \"u.mcl\"\ntest $u.v {}\n", stage: .scope,
                         message: "local import of `u.mcl` failed: var `$nope` does not exist in this scope: /u.mcl @ 1:6-1:11",
                         files: ["u.mcl": "$v = $nope\n"]),
        GoldenDiagnostic(name: "imported file with a resource", source: "import \"extra.mcl\"\n", stage: .scope,
                         message: "local import of `extra.mcl` failed: module contains unused statements: found stmt: res(test)",
                         files: ["extra.mcl": "test \"side\" {}\n"]),
        GoldenDiagnostic(name: "variable an imported file does not define", source: "import \"u.mcl\"\ntest 1️⃣$u.w {}\n",
                         stage: .scope, message: "var `$u.w` does not exist in this scope", files: ["u.mcl": "$v = \"a\"\n"]),
        GoldenDiagnostic(name: "file importing itself", source: "1️⃣import \"main.mcl\"\n", stage: .scope,
                         message: "recursive import of: `main.mcl`"),
        GoldenDiagnostic(name: "imported file importing main", source: "import \"a.mcl\"\n", stage: .scope,
                         message: "local import of `a.mcl` failed: recursive import of: `main.mcl`: /a.mcl @ 1:1-1:18",
                         files: ["a.mcl": "import \"main.mcl\"\n"]),
    ]

    static let duplicateCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "duplicate bind", source: """
            $port = 80
            1️⃣$port = 81
            test "t" {
            \tint16 => $port,
            }

            """, stage: .scope, message: "could not generate ordering: duplicate assignment to `var:port`, have: bind(port)"),
        GoldenDiagnostic(name: "duplicate bind in an included class", source: "class c {\n\t$a = 1\n\t1️⃣$a = 2\n}\ninclude c\n",
                         stage: .scope, message: "could not generate ordering: duplicate assignment to `var:a`, have: bind(a)"),
        GoldenDiagnostic(name: "duplicate func", source: "func pick() { 1 }\n1️⃣func pick() { 2 }\n", stage: .scope,
                         message: "could not generate ordering: duplicate assignment to `func:pick`, have: func(pick)"),
        GoldenDiagnostic(name: "duplicate include alias", source: """
            class web {
            }
            class db {
            }
            include web as app
            1️⃣include db as app

            """, stage: .scope, message: "could not generate ordering: duplicate assignment to `scoped:app`, have: include(web)"),
        GoldenDiagnostic(name: "include alias equal to an import alias", source: "import \"fmt\"\nclass c {\n}\n1️⃣include c as fmt\n",
                         stage: .scope, message: "could not generate ordering: duplicate assignment to `scoped:fmt`, have: import(fmt)"),
        GoldenDiagnostic(name: "duplicate import alias", source: "import \"fmt\" as f\n1️⃣import \"strings\" as f\n", stage: .scope,
                         message: "import alias `f` already exists in this scope"),
        GoldenDiagnostic(name: "same import twice", source: "import \"fmt\"\n1️⃣import \"fmt\"\n", stage: .scope,
                         message: "import `fmt` already exists in this scope"),
        GoldenDiagnostic(name: "duplicate class parameter", source: "class c($a, 1️⃣$a) {\n}\ninclude c(1, 2)\n", stage: .scope,
                         message: "duplicate parameter name `$a`"),
        GoldenDiagnostic(name: "duplicate lambda parameter", source: "$f = func($a, 1️⃣$a) { $a }\ntest $f(\"x\", \"y\") {}\n",
                         stage: .scope, message: "duplicate parameter name `$a`"),
        GoldenDiagnostic(name: "include with too few args", source: "class site($name, $port) {\n}\n1️⃣include site(\"x\")\n",
                         stage: .scope, message: "class `site` expected 2 args but got 1"),
        GoldenDiagnostic(name: "include with args of a class without params", source: "class plain {\n}\n1️⃣include plain(1)\n",
                         stage: .scope, message: "class `plain` expected 0 args but got 1"),
    ]

    static let recursionCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "self-referential bind", source: "$n = 1️⃣$n + 1\ntest \"t\" {\n\tint8 => $n,\n}\n",
                         stage: .scope, message: "recursive reference while setting scope: not a dag: /main.mcl @ 1:6-1:8"),
        GoldenDiagnostic(name: "inner bind shadowing itself", source: """
            $x = "a"
            if true {
            \t$x = 1️⃣$x + "!"
            \ttest $x {}
            }

            """, stage: .scope, message: "recursive reference while setting scope: not a dag: /main.mcl @ 3:7-3:9"),
        GoldenDiagnostic(name: "mutually recursive binds", source: "$a = 1️⃣$b\n$b = $a\ntest $a {}\n", stage: .scope,
                         message: "recursive reference while setting scope: not a dag: /main.mcl @ 1:6-1:8, /main.mcl @ 2:6-2:8"),
        GoldenDiagnostic(name: "three binds in a cycle", source: "$a = 1️⃣$c\n$b = $a\n$c = $b\ntest $a {}\n", stage: .scope,
                         message: "recursive reference while setting scope: not a dag: /main.mcl @ 1:6-1:8, /main.mcl @ 2:6-2:8, /main.mcl @ 3:6-3:8"),
        GoldenDiagnostic(name: "recursive func", source: """
            func down($x) {
            \tif $x == 0 { 0 } else { 1️⃣down($x - 1) }
            }
            $v = down(3)

            """, stage: .scope, message: "recursive reference while setting scope: not a dag: /main.mcl @ 2:26-2:38"),
        GoldenDiagnostic(name: "func recursing through a lambda", source: "func f($x) {\n\tfunc($y) { 1️⃣f($y) }($x)\n}\n",
                         stage: .scope, message: "recursive reference while setting scope: not a dag: /main.mcl @ 2:13-2:18"),
        GoldenDiagnostic(name: "mutually recursive funcs", source: """
            func ev($n) {
            \tif $n == 0 { true } else { 1️⃣od($n - 1) }
            }
            func od($n) {
            \tif $n == 0 { false } else { ev($n - 1) }
            }

            """, stage: .scope,
            message: "recursive reference while setting scope: not a dag: /main.mcl @ 2:29-2:39, /main.mcl @ 5:30-5:40"),
        GoldenDiagnostic(name: "recursive lambda", source: """
            $fact = func($x) {
            \tif $x < 1 { 1 } else { $x * 1️⃣$fact($x - 1) }
            }
            test "t" {
            \tint8 => $fact(4),
            }

            """, stage: .scope, message: "recursive reference while setting scope: not a dag: /main.mcl @ 2:30-2:43"),
        GoldenDiagnostic(name: "class including itself", source: "class loop {\n\t1️⃣include loop\n}\ninclude loop\n",
                         stage: .scope, message: "recursive reference while setting scope: not a dag: /main.mcl @ 2:2-2:14"),
        GoldenDiagnostic(name: "classes including each other, never included", source: """
            class ping {
            \t1️⃣include pong
            }
            class pong {
            \tinclude ping
            }

            """, stage: .scope,
            message: "recursive reference while setting scope: not a dag: /main.mcl @ 2:2-2:14, /main.mcl @ 5:2-5:14"),
        GoldenDiagnostic(name: "error two imports deep names every level", source: "1️⃣import \"a.mcl\"\n",
                         stage: .scope,
                         message: "local import of `a.mcl` failed: local import of `b.mcl` failed: var `$nope` does not exist in this scope: "
                             + "/b.mcl @ 1:6-1:11: /a.mcl @ 2:1-2:15",
                         files: ["a.mcl": "# pad\nimport \"b.mcl\"\n", "b.mcl": "$x = $nope\n"]),
        GoldenDiagnostic(name: "missing import names the deploy path", source: "import 1️⃣\"lib/helpers.mcl\"\n", stage: .scope,
                         message: "local import of `lib/helpers.mcl` failed: file not found: /lib/helpers.mcl"),
    ]
}
