import Testing
@testable import Frontend
import VM

/// The one statement of `source`, rendered (see `render(_: Stmt)`); the error message otherwise.
private func statement(_ source: String) -> String {
    do {
        let stmts = try parsed(source)
        guard stmts.count == 1 else { return "\(stmts.count) statements: \(stmts)" }
        return stmts[0]
    } catch {
        return "error: \(error.message)"
    }
}

/// The parser: statements, expressions, precedence, layout and spans.
@Suite struct ParserTests {}

extension ParserTests {
    /// Statements and their AST shapes (language.md §2.2).
    @Suite struct Statements {
        @Test func binds() {
            #expect(statement("$x = 1\n") == "$x = 1")
            #expect(statement("$x []str = [\"a\"]\n") == "$x []str = [\"a\"]")
            #expect(statement("$m map{str: int} = {}\n") == "$m map{str: int} = {}")
            #expect(statement("$s struct{a int; b []str} = $t\n") == "$s struct{a int; b []str} = $t")
            #expect(statement("$f func(int, $n str) bool = $g\n") == "$f func(0 int, n str) bool = $g")
            #expect(statement("$v variant = 1\n") == "$v variant = 1")
            // `map` and `collect` are plain names.
            #expect(statement("$map = 1\n") == "$map = 1")
            #expect(statement("$collect = 1\n") == "$collect = 1")
        }

        @Test func bindAnnotationSpanAndNameSpan() throws {
            let source = "$abc [][]int = [[1]]\n"
            let stmt = try parse(source).stmts[0]
            guard case .bind(let bind) = stmt.kind else { Issue.record("not a bind"); return }
            #expect(text(of: bind.nameSpan, in: source) == "abc")
            #expect(bind.annotation.map { text(of: $0.span, in: source) } == "[][]int")
            #expect(text(of: stmt.span, in: source) == "$abc [][]int = [[1]]")
        }

        @Test func resourceWithEveryEntryKind() {
            let source = """
                file "/tmp/a" {
                	content => "hi",
                	mode => $c ?: "0644",
                	Meta:noop => true,
                	Meta:retry => $c ?: 3,
                	Meta => $m,
                	Before => Test["b"],
                	Depend => $c ?: Exec["x"],
                	Notify => Svc["s"],
                	Listen => Pkg[$names],
                }

                """
            #expect(statement(source) == """
                res file "/tmp/a" {content => "hi", mode => $c ?: "0644", Meta:noop => true, Meta:retry => $c ?: 3, \
                Meta => $m, Before => test["b"], Depend => $c ?: exec["x"], Notify => svc["s"], Listen => pkg[$names]}
                """)
        }

        @Test func resourceKindsAndNames() {
            #expect(statement("http:server:ui:input \"x\" {}\n") == "res http:server:ui:input \"x\" {}")
            #expect(statement("test [\"a\", \"b\"] {}\n") == "res test [\"a\", \"b\"] {}")
            #expect(statement("test $n {}\n") == "res test $n {}")
            #expect(statement("test fmt.printf(\"%d\", 1) {}\n") == "res test fmt.printf(\"%d\", 1) {}")
            #expect(statement("test if $c { \"a\" } else { \"b\" } {}\n") == "res test (if $c \"a\" \"b\") {}")
            #expect(statement("test \"a\" + \"b\" {\n}\n") == "res test (+ \"a\" \"b\") {}")
        }

        @Test func metaStructEntry() {
            let source = """
                test "t" {
                	Meta => struct{
                		noop => true,
                		retry => 1,
                	},
                }

                """
            #expect(statement(source) == "res test \"t\" {Meta => struct{noop: true; retry: 1}}")
        }

        @Test func collect() {
            #expect(statement("collect file \"/a\" {\n\tcontent => \"x\",\n}\n") == "collect file \"/a\" {content => \"x\"}")
            #expect(statement("collect test $names {}\n") == "collect test $names {}")
        }

        @Test func edgeChains() {
            #expect(statement("Test[\"a\"] -> Test[\"b\"]\n") == "edge test[\"a\"] -> test[\"b\"]")
            #expect(statement("Test[\"a\"] -> File[$f] -> Http:Server:Ui[[\"c\", \"d\"]]\n")
                == "edge test[\"a\"] -> file[$f] -> http:server:ui[[\"c\", \"d\"]]")
            // One half parses; the checker rejects it.
            #expect(statement("Test[\"a\"]\n") == "edge test[\"a\"]")
        }

        @Test func sendRecv() {
            #expect(statement("Test[\"a\"].hello -> Test[\"b\"].anotherstr\n") == "edge test[\"a\"].hello -> test[\"b\"].anotherstr")
            // Both fields or neither, between exactly two halves.
            #expect(parseError("Test[\"a\"].hello -> Test[\"b\"]\n")?.stage == .parse)
            #expect(parseError("Test[\"a\"].x -> Test[\"b\"].y -> Test[\"c\"].z\n")?.stage == .parse)
        }

        @Test func ifElse() {
            #expect(statement("if $c {\n\ttest \"a\" {}\n}\n") == "if $c {res test \"a\" {}}")
            #expect(statement("if $c {\n\t$x = 1\n} else {\n\t$x = 2\n}\n") == "if $c {$x = 1} else {$x = 2}")
            #expect(statement("if $a and not $b {\n} else {\n}\n") == "if (and $a (not $b)) {} else {}")
            // `else` must follow `}` on the same line; there is no `else if`.
            #expect(parseError("if $c {\n}\nelse {\n}\n") != nil)
            #expect(parseError("if $c {\n} else if $d {\n}\n") != nil)
            // Statements inside a block end with a newline.
            #expect(parseError("if $c { test \"x\" {} }\n") != nil)
        }

        @Test func loops() {
            #expect(statement("for $i, $v in $list {\n\ttest $v {}\n}\n") == "for $i, $v in $list {res test $v {}}")
            #expect(statement("forkv $k, $v in {\"a\" => 1} {\n}\n") == "forkv $k, $v in {\"a\": 1} {}")
            // Loop variables take no annotation; `$in` is not a name.
            #expect(parseError("for $i int, $v in $l {\n}\n") != nil)
            #expect(parseError("for $in, $v in $l {\n}\n") != nil)
        }

        @Test func functions() {
            #expect(statement("func f() { 1 }\n") == "func f() 1")
            #expect(statement("func add($a int, $b) int {\n\t$a + $b\n}\n") == "func add($a int, $b) int (+ $a $b)")
            #expect(statement("func g($x) []str { [$x] }\n") == "func g($x) []str [$x]")
            #expect(statement("func h(\n\t$a,\n\t$b str,\n) {\n\t$a\n}\n") == "func h($a, $b str) $a")
            // `func` statement names are plain identifiers only.
            #expect(parseError("func map() { 1 }\n") != nil)
        }

        @Test func classes() {
            #expect(statement("class c {\n}\n") == "class c() {}")
            #expect(statement("class c() {\n}\n") == "class c() {}")
            #expect(statement("class c($a, $b []int) {\n\t$x = $a\n}\n") == "class c($a, $b []int) {$x = $a}")
            #expect(statement("class a:b {\n}\n") == "class a:b() {}")
            #expect(statement("class a:b:c($p) {\n}\n") == "class a:b:c($p) {}")
        }

        @Test func includes() {
            #expect(statement("include c\n") == "include c()")
            #expect(statement("include c()\n") == "include c()")
            #expect(statement("include c(1, \"x\") as i\n") == "include c(1, \"x\") as i")
            #expect(statement("include i.inner as j\n") == "include i.inner() as j")
            #expect(statement("include mod.c(\n\t$a,\n\t$b,\n)\n") == "include mod.c($a, $b)")
            // No `include ... as *`.
            #expect(parseError("include c as *\n") != nil)
        }

        @Test func imports() {
            #expect(statement("import \"fmt\"\n") == "import \"fmt\"")
            #expect(statement("import \"golang/strings\" as s\n") == "import \"golang/strings\" as s")
            #expect(statement("import \"lib/\" as *\n") == "import \"lib/\" as *")
            // Import paths are verbatim: no escape processing.
            #expect(statement("import \"a\\tb.mcl\"\n") == "import \"a\\tb.mcl\"")
        }

        @Test func panics() {
            #expect(statement("panic($x)\n") == "panic($x)")
            #expect(statement("panic($x, \"why\")\n") == "panic($x, \"why\")")
            #expect(parseError("panic()\n")?.stage == .parse)
            #expect(parseError("panic(1, 2, 3)\n")?.stage == .parse)
        }

        @Test func everyStatementEndsWithANewline() throws {
            #expect(parseError("$x = 1")?.message == "parser: `syntax error: unexpected $end, expecting NEWLINE`")
            #expect(parseError("$x = 1 $y = 2\n") != nil)
            #expect(try parsed("\n\n$x = 1\n\n\n$y = 2\n\n") == ["$x = 1", "$y = 2"])
            #expect(try parsed("") == [])
        }
    }
}

extension ParserTests {
    /// Expression forms (language.md §2.2).
    @Suite struct Expressions {
        @Test func literals() {
            #expect(shape("true") == "true")
            #expect(shape("false") == "false")
            #expect(shape("42") == "42")
            #expect(shape("-7") == "-7")
            #expect(shape("2.5") == "2.5")
            #expect(shape("\"s\"") == "\"s\"")
        }

        @Test func lists() {
            #expect(shape("[]") == "[]")
            #expect(shape("[1, 2, 3]") == "[1, 2, 3]")
            #expect(shape("[\n\t1,\n\t2,\n]") == "[1, 2]")
            #expect(shape("[\n]") == "[]")
            #expect(shape("[[1], []]") == "[[1], []]")
        }

        @Test func maps() {
            #expect(shape("{}") == "{}")
            #expect(shape("{\"a\" => 1, \"b\" => 2}") == "{\"a\": 1, \"b\": 2}")
            #expect(shape("{\n\t\"a\" => 1,\n\t$k => [2],\n}") == "{\"a\": 1, $k: [2]}")
        }

        @Test func structs() {
            #expect(shape("struct{}") == "struct{}")
            #expect(shape("struct{a => 1, b => \"x\"}") == "struct{a: 1; b: \"x\"}")
            #expect(shape("struct{\n\ta => 1,\n\tb => struct{c => true},\n}") == "struct{a: 1; b: struct{c: true}}")
        }

        @Test func variables() {
            #expect(shape("$x") == "$x")
            #expect(shape("$a.b.c") == "$a.b.c")
            #expect(shape("$map") == "$map")
        }

        @Test func calls() {
            #expect(shape("len(\"a\")") == "len(\"a\")")
            #expect(shape("fmt.printf(\"%d\", 1)") == "fmt.printf(\"%d\", 1)")
            #expect(shape("golang.strings.to_upper($s)") == "golang.strings.to_upper($s)")
            #expect(shape("map.lookup($m, \"k\")") == "map.lookup($m, \"k\")")
            #expect(shape("f()") == "f()")
            #expect(shape("f(\n\t1,\n\t2,\n)") == "f(1, 2)")
            #expect(shape("$f(1)") == "$f(1)")
            #expect(shape("$i.f()") == "$i.f()")
            // A bare name is not an expression.
            #expect(shape("f").hasPrefix("error"))
        }

        @Test func lambdas() {
            #expect(shape("func() { 1 }") == "func() 1")
            #expect(shape("func($x, $y int) str {\n\t$x\n}") == "func($x, $y int) str $x")
            #expect(shape("func($x) { $x + 1 }(2)") == "(func($x) (+ $x 1))(2)")
            #expect(shape("func() {\n\t\"a\"\n}()") == "(func() \"a\")()")
            // Only names and lambdas can be called.
            #expect(shape("$f(1)(2)").hasPrefix("error"))
            #expect(shape("($f)(2)").hasPrefix("error"))
        }

        @Test func ifExpressions() {
            #expect(shape("if $c { 1 } else { 2 }") == "(if $c 1 2)")
            #expect(shape("if $c {\n\t1\n} else {\n\t2\n}") == "(if $c 1 2)")
            #expect(shape("if $a == 1 { \"x\" } else { if $b { \"y\" } else { \"z\" } }") == "(if (== $a 1) \"x\" (if $b \"y\" \"z\"))")
            // An if-expression needs its else branch.
            #expect(shape("if $c { 1 }").hasPrefix("error"))
        }

        @Test func operators() {
            for op in ["+", "-", "*", "/", "==", "!=", "<", ">", "<=", ">=", "and", "or", "in"] {
                #expect(shape("$a \(op) $b") == "(\(op) $a $b)")
            }
            #expect(shape("not $a") == "(not $a)")
            #expect(shape("not not $a") == "(not (not $a))")
            #expect(shape("$a <|> $b") == "(<|> $a $b)")
        }

        @Test func indexAndFields() {
            #expect(shape("$l[0]") == "(index $l 0)")
            #expect(shape("$m[\"k\"][1]") == "(index (index $m \"k\") 1)")
            #expect(shape("[1, 2][$i]") == "(index [1, 2] $i)")
            #expect(shape("$s->a") == "(-> $s a)")
            #expect(shape("$s->a->b") == "(-> (-> $s a) b)")
            #expect(shape("$s->a <|> 0") == "(->? $s a 0)")
            #expect(shape("struct{a => 1}->a") == "(-> struct{a: 1} a)")
            #expect(shape("f()->a") == "(-> f() a)")
        }

        @Test func parenthesesAreRemoved() {
            #expect(shape("(1)") == "1")
            #expect(shape("(1 + 2) * 3") == "(* (+ 1 2) 3)")
            #expect(shape("((($x)))") == "$x")
            // No newline inside parentheses.
            #expect(shape("(1 +\n2)").hasPrefix("error"))
            #expect(shape("1 +\n2").hasPrefix("error"))
        }
    }
}
