import Testing
@testable import Frontend

// Precedence, layout rules and spans: the parts of the grammar that are about where
// tokens may go rather than which statements exist.

extension ParserTests {
    /// Operator precedence and associativity (language.md §2.3).
    @Suite struct Precedence {
        static let cases: [(String, String)] = [
            ("$a or $b and $c", "(or $a (and $b $c))"),
            ("$a and $b or $c", "(or (and $a $b) $c)"),
            ("not $a == $b", "(== (not $a) $b)"),
            ("not $a and $b", "(and (not $a) $b)"),
            ("1 + 2 in [3]", "(in (+ 1 2) [3])"),
            ("1 + $s->a <|> 2", "(+ 1 (->? $s a 2))"),
            ("$s->a <|> 1 + 2", "(->? $s a (+ 1 2))"),
            ("$s->a <|> 1 <|> 2", "(<|> (->? $s a 1) 2)"),
            ("$s->xs[0]", "(index (-> $s xs) 0)"),
            ("$m[\"k\"] <|> \"x\" + \"y\"", "(<|> (index $m \"k\") (+ \"x\" \"y\"))"),
            ("$x == $s->k <|> \"d\"", "(== $x (->? $s k \"d\"))"),
            ("$e <|> $s->k <|> \"d\"", "(<|> $e (->? $s k \"d\"))"),
            ("$a <|> $b <|> $c", "(<|> (<|> $a $b) $c)"),
            ("$a <|> $b or $c", "(<|> $a (or $b $c))"),
            ("$a or $b or $c", "(or (or $a $b) $c)"),
            ("1 - 2 - 3", "(- (- 1 2) 3)"),
            ("1 + 2 * 3", "(+ 1 (* 2 3))"),
            ("2 * 3 + 4", "(+ (* 2 3) 4)"),
            ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
            ("1 + 2 < 3 * 4", "(< (+ 1 2) (* 3 4))"),
            ("$a < $b and $c >= $d", "(and (< $a $b) (>= $c $d))"),
            ("not $l[0]", "(not (index $l 0))"),
            ("not $s->b", "(not (-> $s b))"),
            ("$x + $l[1] * 2", "(+ $x (* (index $l 1) 2))"),
        ]

        @Test(arguments: cases)
        func precedence(_ source: String, _ expected: String) {
            #expect(shape(source) == expected)
        }

        @Test func comparisonsDoNotChain() {
            #expect(shape("$a < $b < $c").hasPrefix("error"))
            #expect(shape("$a == $b in $l").hasPrefix("error"))
            #expect(shape("$a == $b != $c").hasPrefix("error"))
            #expect(shape("($a == $b) == $c") == "(== (== $a $b) $c)")
        }

        @Test func noUnaryMinus() {
            #expect(shape("-$x").hasPrefix("error"))
            #expect(shape("0 - $x") == "(- 0 $x)")
            // `5-3` lexes as two numbers.
            #expect(shape("5-3").hasPrefix("error"))
            #expect(shape("5 - 3") == "(- 5 3)")
        }
    }
}

extension ParserTests {
    /// Layout rules (language.md §2.1) that must be accepted, and a few that must not.
    @Suite struct Layout {
        @Test func commentsAfterOpeningBracketsAndCommas() throws {
            let source = """
                $l = [ # the list
                	1, # one

                	2, # two
                ]
                $m = { # the map
                	"a" => [ # nested
                		3,
                	], # after a nested list
                }
                $s = struct{ # the struct
                	a => 1, # a
                }
                $c = f( # the call
                	1, # first
                	func($x) { # the lambda
                		$x
                	}, # second
                )
                func g( # params
                	$a, # a
                ) { # body
                	$a # result
                } # end
                test "t" { # entries
                	int8 => 1, # one
                } # done

                """
            #expect(try parsed(source) == [
                "$l = [1, 2]",
                "$m = {\"a\": [3]}",
                "$s = struct{a: 1}",
                "$c = f(1, func($x) $x)",
                "func g($a) $a",
                "res test \"t\" {int8 => 1}",
            ])
        }

        @Test func blankLinesInsideMultiLineLists() throws {
            #expect(try parsed("$l = [\n\n\t1,\n\n\n\t2,\n\n]\n") == ["$l = [1, 2]"])
            #expect(try parsed("$m = {\n\n\t1 => 2,\n\n}\n") == ["$m = {1: 2}"])
            #expect(try parsed("$f = f(\n\n\t1,\n\n)\n") == ["$f = f(1)"])
        }

        @Test func emptyMultiLineBrackets() throws {
            #expect(try parsed("$l = [\n]\n") == ["$l = []"])
            #expect(try parsed("$m = {\n}\n") == ["$m = {}"])
            #expect(try parsed("$c = f(\n)\n") == ["$c = f()"])
            #expect(try parsed("$s = struct{\n}\n") == ["$s = struct{}"])
        }

        /// A deliberate extension: the seed program schedule.mcl (which must work as written)
        /// ends a single-line struct literal with a comma. Lists, maps and arguments stay strict.
        @Test func singleLineStructMayEndWithAComma() throws {
            #expect(try parsed("$s = struct{a => 1, b => 2,}\n") == ["$s = struct{a: 1; b: 2}"])
            #expect(throws: Diagnostic.self) { try parse("$l = [1, 2,]\n") }
            #expect(throws: Diagnostic.self) { try parse("$s = struct{,}\n") }
        }

        @Test func anyNumberOfResourceEntriesPerLine() throws {
            let source = "test \"t\" { int8 => 1, int16 => 2,\n\tint32 => 3,\n\n\tint64 => 4, anotherstr => \"x\", }\n"
            #expect(try parsed(source) == ["res test \"t\" {int8 => 1, int16 => 2, int32 => 3, int64 => 4, anotherstr => \"x\"}"])
            #expect(try parsed("test \"t\" {}\n") == ["res test \"t\" {}"])
            #expect(try parsed("test \"t\" {\n\n}\n") == ["res test \"t\" {}"])
        }

        @Test func multiLineParameterLists() throws {
            #expect(try parsed("$f func(\n\tint,\n\t$s str,\n) bool = $g\n") == ["$f func(0 int, s str) bool = $g"])
            #expect(try parsed("class c(\n\t$a,\n\t$b int,\n) {\n}\n") == ["class c($a, $b int) {}"])
            #expect(try parsed("$l = func(\n\t$x,\n) {\n\t$x\n}\n") == ["$l = func($x) $x"])
            // Struct and map types are single-line only.
            #expect(parseError("$m map{\nstr: int} = {}\n") != nil)
        }

        @Test func multiLineLambdaInsideSingleLineCall() throws {
            #expect(try parsed("$x = f(1, func($a) {\n\t$a\n})\n") == ["$x = f(1, func($a) $a)"])
        }

        @Test func rejectedLayouts() {
            #expect(parseError("$l = [1,\n2]\n") != nil)
            #expect(parseError("$l = [1, 2,]\n") != nil)
            #expect(parseError("$l = [\n\t1,\n\t2\n]\n") != nil)
            #expect(parseError("$l = [\n\t1, 2,\n]\n") != nil)
            #expect(parseError("$c = f(1,)\n") != nil)
            #expect(parseError("$s struct{a int;} = $t\n") != nil)
        }

        @Test func missingTrailingCommaInResource() throws {
            let source = "test \"t\" {\n\tint8 => $a + 1\n}\n"
            let error = try #require(parseError(source))
            #expect(error.message == "expecting trailing comma: `syntax error: expecting trailing comma`")
            // Positioned at the value's last operand.
            #expect(error.span.map { text(of: $0, in: source) } == "1")
            let list = "test \"t\" { slicestring => [\"a\"] }\n"
            #expect(parseError(list).flatMap(\.span).map { text(of: $0, in: list) } == "[\"a\"]")
        }
    }
}

extension ParserTests {
    /// Spans of parsed nodes: what diagnostics point at.
    @Suite struct Spans {
        @Test func callSpanCoversTheWholeCall() throws {
            let source = "$x = fmt.printf(\"%d\", len([1, 2]))\n"
            let value = try #require(parse(source).stmts.first.flatMap { stmt -> Expr? in
                if case .bind(let bind) = stmt.kind { return bind.value }
                return nil
            })
            #expect(text(of: value.span, in: source) == "fmt.printf(\"%d\", len([1, 2]))")
            guard case .call(let name, let args) = value.kind else { Issue.record("not a call"); return }
            #expect(text(of: name.span, in: source) == "fmt.printf")
            #expect(args.map { text(of: $0.span, in: source) } == ["\"%d\"", "len([1, 2])"])
        }

        @Test func resourceSpanRunsFromKindToClosingBrace() throws {
            let source = "\nhttp:server \"web\" {\n\taddress => \":80\",\n}\n"
            let stmt = try parse(source).stmts[0]
            #expect(text(of: stmt.span, in: source) == "http:server \"web\" {\n\taddress => \":80\",\n}")
            guard case .resource(let resource) = stmt.kind else { Issue.record("not a resource"); return }
            #expect(text(of: resource.kindSpan, in: source) == "http:server")
            #expect(text(of: resource.name.span, in: source) == "\"web\"")
            #expect(resource.entries.map { text(of: $0.span, in: source) } == ["address => \":80\""])
            #expect(resource.entries.map { text(of: $0.keySpan, in: source) } == ["address"])
        }

        @Test func expressionSpans() throws {
            let cases: [(String, String)] = [
                ("$a.b", "$a.b"),
                ("$f(1, 2)", "$f(1, 2)"),
                ("1 + 2 * 3", "1 + 2 * 3"),
                ("not $x", "not $x"),
                ("$s->field", "$s->field"),
                ("$s->a <|> \"d\"", "$s->a <|> \"d\""),
                ("$l[10]", "$l[10]"),
                ("(1 + 2)", "1 + 2"),
                ("[\n\t1,\n]", "[\n\t1,\n]"),
                ("if $c { 1 } else { 2 }", "if $c { 1 } else { 2 }"),
                ("func($x) { $x }(3)", "func($x) { $x }(3)"),
                ("struct{a => 1}", "struct{a => 1}"),
            ]
            for (expression, expected) in cases {
                let source = "$e = \(expression)\n"
                let value = try parseExpr(expression)
                #expect(text(of: value.span, in: source) == expected, "\(expression)")
            }
        }

        @Test func statementSpans() throws {
            let source = "include c(1) as i\nTest[\"a\"] -> Test[\"b\"]\nimport \"fmt\"\nfunc f() {\n\t1\n}\n"
            let stmts = try parse(source).stmts
            #expect(stmts.map { text(of: $0.span, in: source) } ==
                ["include c(1) as i", "Test[\"a\"] -> Test[\"b\"]", "import \"fmt\"", "func f() {\n\t1\n}"])
        }

        @Test func syntaxErrorPointsAtTheOffendingToken() throws {
            let source = "$n = 5 -1\n"
            let error = try #require(parseError(source))
            #expect(error.message == "parser: `syntax error: unexpected INTEGER, expecting NEWLINE`")
            #expect(error.span.map { [Int($0.start), Int($0.end)] } == [7, 8])
        }
    }
}
