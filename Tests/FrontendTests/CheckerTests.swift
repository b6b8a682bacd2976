import Testing
@testable import Frontend
import VM

/// Type checking (language.md §4.3, §4.7, §4.8): programs that must pass, with the types
/// their binds get, and programs that must fail at the `type` stage.
@Suite struct CheckerTests {
    @Test func funcUsedAtTwoTypes() throws {
        let source = """
            func twice($x) { $x + $x }
            $s = twice("a")
            $n = twice(2)
            test "t" {
            	anotherstr => $s,
            	int64 => $n,
            }

            """
        let program = try #require(try checked(source))
        #expect(bindType("s", in: program) == .str)
        #expect(bindType("n", in: program) == .int)
    }

    @Test func nestedPolymorphicFuncs() throws {
        let source = """
            import "fmt"
            func id($x) { $x }
            func wrap($x) { [id($x)] }
            func twice($x) { id($x) + id(id($x)) }
            $a = wrap("s")
            $b = wrap(1)
            $c = twice(1.5)
            $d = twice("x")
            test "t" {
            	slicestring => $a,
            	float64 => $c,
            	anotherstr => fmt.printf("%v %v", $b, $d),
            }

            """
        let program = try #require(try checked(source))
        #expect(bindType("a", in: program) == .list(.str))
        #expect(bindType("b", in: program) == .list(.int))
        #expect(bindType("c", in: program) == .float)
        #expect(bindType("d", in: program) == .str)
    }

    @Test func lambdasPassedToIterMap() throws {
        let source = """
            import "fmt"
            import "iter"
            $words = iter.map([1, 2, 3], func($n) { fmt.printf("n%d", $n) })
            $doubled = iter.map([1, 2], func($n) { $n * 2 })
            $shout = func($s) { $s + "!" }
            $loud = iter.map(["a"], $shout)
            test $words {
            	slicestring => $loud,
            	anotherstr => fmt.printf("%v", $doubled),
            }

            """
        let program = try #require(try checked(source))
        #expect(bindType("words", in: program) == .list(.str))
        #expect(bindType("doubled", in: program) == .list(.int))
        #expect(bindType("shout", in: program) == .function(params: [.init("s", .str)], result: .str))
    }

    @Test func operatorsResolvedFromOneKnownSide() throws {
        // The empty lists get their element type only from the operator's other operand.
        let source = """
            import "fmt"
            import "iter"
            $ints = iter.map([], func($x) { $x - 1 })
            $strs = iter.map([], func($x) { "pre-" + $x })
            $floats = iter.map([], func($x) { 0.5 * $x })
            $bools = iter.map([], func($x) { $x < 2 })
            test "t" {
            	anotherstr => fmt.printf("%v %v %v %v", $ints, $strs, $floats, $bools),
            }

            """
        let program = try #require(try checked(source))
        #expect(bindType("ints", in: program) == .list(.int))
        #expect(bindType("strs", in: program) == .list(.str))
        #expect(bindType("floats", in: program) == .list(.float))
        #expect(bindType("bools", in: program) == .list(.bool))
    }

    @Test func operatorTypes() throws {
        let source = """
            import "fmt"
            $q = 7 / 2
            $r = 7.0 / 2.0
            $c = "a" + "b"
            $eq = [1] == [2]
            $member = "a" in ["a", "b"]
            $logic = true and not false or false
            test "t" {
            	anotherstr => fmt.printf("%v %v %v %v %v %v", $q, $r, $c, $eq, $member, $logic),
            }

            """
        let program = try #require(try checked(source))
        // Integer division yields a float.
        #expect(bindType("q", in: program) == .float)
        #expect(bindType("r", in: program) == .float)
        #expect(bindType("c", in: program) == .str)
        #expect(bindType("eq", in: program) == .bool)
        #expect(bindType("member", in: program) == .bool)
        #expect(bindType("logic", in: program) == .bool)
    }

    @Test func operatorMisuse() throws {
        for expression in ["1 + \"a\"", "\"a\" < \"b\"", "\"a\" - \"b\"", "true + true", "1 and true",
                           "\"a\" in {\"a\" => 1}", "1 in [\"a\"]", "not 1", "1 == \"1\"", "1 + 1.5"] {
            let source = "import \"fmt\"\n$x = \(expression)\ntest \"t\" {\n\tanotherstr => fmt.printf(\"%v\", $x),\n}\n"
            #expect(try failingStage(source) == .type, "\(expression)")
        }
    }

    @Test func functionsCannotBeCompared() throws {
        let source = "$f = func() { 1 }\n$same = $f == $f\ntest \"t\" {\n\tboolptr => $same,\n}\n"
        #expect(try failingStage(source) == .type)
    }

    @Test func lenOnStrListAndMap() throws {
        let source = """
            $n = len("abc") + len([1, 2]) + len({"a" => true})
            test "t" {
            	int64 => $n,
            }

            """
        let program = try #require(try checked(source))
        #expect(bindType("n", in: program) == .int)
        #expect(try failingStage("$n = len(1)\ntest \"t\" {\n\tint64 => $n,\n}\n") == .type)
    }

    @Test func fortytwoIsChosenByItsUse() throws {
        let source = """
            import "fmt"
            import "math"
            $i = math.fortytwo()
            $f = math.fortytwo()
            test [fmt.printf("%d", math.fortytwo()), fmt.printf("%f", math.fortytwo())] {
            	int64 => $i,
            	float64 => $f,
            }

            """
        let program = try #require(try checked(source))
        #expect(bindType("i", in: program) == .int)
        #expect(bindType("f", in: program) == .float)
    }

    @Test func structLookupWhenTheStructTypeArrivesLater() throws {
        let source = """
            $port = func($s) { $s->port }
            func host($s) { $s->host }
            $cfg = struct{host => "h", port => 80}
            test "t" {
            	int64 => $port($cfg),
            	anotherstr => host($cfg),
            }

            """
        #expect(try checked(source) != nil)
        // The field must exist once the struct type is known.
        let missing = "$get = func($s) { $s->nope }\ntest \"t\" {\n\tint64 => $get(struct{a => 1}),\n}\n"
        #expect(try failingStage(missing) == .type)
        // And its type must match the use.
        let mismatch = "$get = func($s) { $s->a }\ntest \"t\" {\n\tint64 => $get(struct{a => \"x\"}),\n}\n"
        #expect(try failingStage(mismatch) == .type)
    }

    @Test func optionalFieldWithAndWithoutTheField() throws {
        let source = """
            $with = struct{port => 80}
            $without = struct{host => "h"}
            $a = $with->port <|> 1
            $b = $without->port <|> 2
            test "t" {
            	int64 => $a,
            	int32 => $b,
            }

            """
        let program = try #require(try checked(source))
        #expect(bindType("a", in: program) == .int)
        #expect(bindType("b", in: program) == .int)
        // When the field exists it must have the default's type.
        let clash = "$s = struct{port => 80}\n$a = $s->port <|> \"x\"\ntest \"t\" {\n\tanotherstr => $a,\n}\n"
        #expect(try failingStage(clash) == .type)
        // Without the optional form a missing field is an error.
        let plain = "$s = struct{host => \"h\"}\n$a = $s->port\ntest \"t\" {\n\tint64 => $a,\n}\n"
        #expect(try failingStage(plain) == .type)
    }

    @Test func unusedCodeIsNotTypeChecked() throws {
        let source = """
            $bad = 1 + "a"
            func worse() { true + 1 }
            $lambda = func() { "x" - 1 }
            class c {
            	test "t" {
            		int8 => "no",
            	}
            }
            test "ok" {}

            """
        #expect(try checked(source) != nil)
        // Once used, the same bind fails.
        #expect(try failingStage(source + "test \"${bad}\" {}\n") == .type)
        #expect(try failingStage(source + "include c\n") == .type)
    }

    @Test func unusedBindsInsideUsedCodeAreNotTypeChecked() throws {
        let source = """
            $bad = 1 + "a"
            func f() { $bad }
            class c {
            	$worse = true + 1
            	test "t" {}
            }
            include c

            """
        #expect(try checked(source) != nil)
        let files = ["lib.mcl": "$bad = 1 + \"a\"\n$good = \"g\"\n"]
        #expect(try checked("import \"lib.mcl\"\ntest \"${lib.good}\" {}\n", files: files) != nil)
        #expect(try failingStage("import \"lib.mcl\"\ntest [\"${lib.bad}\"] {}\n", files: files) == .type)
    }

    @Test func emptyListTypedByItsUse() throws {
        #expect(try checked("for $i, $v in [] {\n\ttest [$v] {}\n}\n") != nil)
        #expect(try checked("$l = []\ntest $l {}\n") != nil)
    }

    @Test func compileTimeValuesReachBuiltinChecks() throws {
        // A printf format held in a constant bind or a class argument is checked at compile time.
        let viaBind = try diagnostic("import \"fmt\"\n$f = \"%d %d\"\ntest [fmt.printf($f, 1)] {}\n")
        #expect(viaBind?.stage == .type)
        #expect(viaBind?.message == "func `printf` infer error: number of args (1) doesn't match format string verb count (2)")
        let viaClass = "import \"fmt\"\nclass c($f) {\n\ttest [fmt.printf($f, 1)] {}\n}\ninclude c(\"%s\")\n"
        #expect(try failingStage(viaClass) == .type)
        #expect(try checked("import \"fmt\"\nclass c($f) {\n\ttest [fmt.printf($f, 1)] {}\n}\ninclude c(\"%d\")\n") != nil)
    }

    @Test func builtinArity() throws {
        let error = try diagnostic("import \"map\"\n$x = map.lookup({\"a\" => 1}, \"a\", \"b\")\ntest \"t\" {\n\tint64 => $x,\n}\n")
        #expect(error?.stage == .type)
        #expect(error?.message == "error getting arg name #2 for func `map.lookup`: index 2 exceeds arg length of 2")
    }

    @Test func emptyListWithNothingToDecideItsType() throws {
        // Every expression needs one concrete type; `len` fits any list.
        let error = try #require(try diagnostic("$x = []\ntest \"t\" {\n\tint64 => len($x),\n}\n"))
        #expect(error.stage == .type)
        #expect(error.message.contains("is ambiguous"), "\(error.message)")
    }

    @Test func selfApplicationFailsTheOccursCheck() throws {
        let source = "import \"fmt\"\n$g = func($h) { $h($h) }\ntest \"t\" {\n\tanotherstr => fmt.printf(\"%v\", $g),\n}\n"
        let error = try #require(try diagnostic(source))
        #expect(error.stage == .type)
        #expect(error.message == "directly in the same set")
    }

    @Test func lambdaValuesAreMonomorphic() throws {
        let source = "$id = func($x) { $x }\ntest \"t\" {\n\tanotherstr => $id(\"a\"),\n\tint64 => $id(1),\n}\n"
        #expect(try failingStage(source) == .type)
        // A lambda applied by a function at two types is an error too.
        let twice = "func both($f) { [$f(1), $f(\"a\")] }\ntest \"t\" {\n\tslicestring => both(func($x) { \"s\" }),\n}\n"
        #expect(try failingStage(twice) == .type)
    }

    @Test func classParamsPerInclude() throws {
        let source = "class c($v) {\n\ttest \"${v}\" {}\n}\ninclude c(\"a\")\ninclude c(1)\n"
        #expect(try failingStage(source) == .type)
        let annotated = "class c($v []str) {\n\ttest $v {}\n}\ninclude c([\"a\"])\ninclude c(\"b\")\n"
        #expect(try failingStage(annotated) == .type)
        // Each include has its own parameter types.
        let twoTypes = "class c($v) {\n\ttest \"t\" {\n\t\tint64 => len($v),\n\t}\n}\ninclude c(\"a\")\ninclude c([1])\n"
        #expect(try checked(twoTypes) != nil)
    }

    @Test func annotationsConstrain() throws {
        #expect(try failingStage("$x str = 1 + 1\ntest \"t\" {\n\tanotherstr => $x,\n}\n") == .type)
        #expect(try failingStage("$f = func($a int) str { $a }\ntest \"t\" {\n\tanotherstr => $f(1),\n}\n") == .type)
        // A literal contradicting its annotation is a parse error.
        #expect(try failingStage("$x str = 1\n") == .parse)
    }

    @Test func conditionsAreBools() throws {
        #expect(try failingStage("if 1 {\n}\n") == .type)
        #expect(try failingStage("$x = if \"a\" { 1 } else { 2 }\ntest \"t\" {\n\tint64 => $x,\n}\n") == .type)
        #expect(try failingStage("$x = if true { 1 } else { \"b\" }\ntest \"t\" {\n\tint64 => $x,\n}\n") == .type)
        #expect(try checked("panic(false)\npanic(\"\")\npanic(false, \"why\")\n") != nil)
        #expect(try failingStage("panic(1)\n") == .type)
    }

    @Test func loopsNeedListsAndMaps() throws {
        #expect(try checked("forkv $k, $v in {\"a\" => 1} {\n\ttest [$k] {\n\t\tint64 => $v,\n\t}\n}\n") != nil)
        #expect(try failingStage("for $i, $v in {\"a\" => 1} {\n}\n") == .type)
        #expect(try failingStage("forkv $k, $v in [1] {\n}\n") == .type)
        #expect(try failingStage("for $i, $v in [\"a\"] {\n\ttest [$v] {\n\t\tanotherstr => $i,\n\t}\n}\n") == .type)
    }

    @Test func unhashableMapKeysFoundByTypes() throws {
        let source = "import \"fmt\"\n$k = [\"a\"]\n$m = {$k => 1}\ntest \"t\" {\n\tanotherstr => fmt.printf(\"%v\", $m),\n}\n"
        let error = try #require(try diagnostic(source))
        #expect(error.stage == .type)
        #expect(error.message.hasSuffix("map key type []str is not hashable"))
    }

    @Test func callingANonFunction() throws {
        #expect(try diagnostic("$f = 1\n$x = $f(2)\ntest \"t\" {\n\tint64 => $x,\n}\n")?.message == "type error: func != int")
        #expect(try failingStage("func f($a) { $a }\n$x = f(1, 2)\ntest \"t\" {\n\tint64 => $x,\n}\n") == .type)
    }
}
