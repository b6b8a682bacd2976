@testable import Frontend

/// Type-stage goldens (language.md §4.3, §4.7): conflicts point at the node that produced
/// them (a literal, a call, an operator, a param value); edge checks at the whole edge.
extension DiagnosticGoldenTests {
    static let typeCases: [GoldenDiagnostic] = valueTypeCases + callTypeCases + statementTypeCases

    static let valueTypeCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "param of the wrong type", source: "test \"t\" {\n\tint8 => 1️⃣\"seven\",\n}\n", stage: .type,
                         message: "type error: int != str"),
        GoldenDiagnostic(name: "string for a bool param", source: "test \"t\" {\n\tvalidatebool => 1️⃣\"yes\",\n}\n",
                         stage: .type, message: "type error: bool != str"),
        GoldenDiagnostic(name: "interpolating an int", source: "$n = 3\ntest 1️⃣\"n${n}\" {}\n", stage: .type,
                         message: "type error: str != int"),
        GoldenDiagnostic(name: "interpolating a bool", source: "$b = true\ntest 1️⃣\"is ${b}\" {}\n", stage: .type,
                         message: "type error: str != bool"),
        GoldenDiagnostic(name: "plus on a string and an int", source: "$s = 1️⃣\"a\" + 1\ntest $s {}\n", stage: .type,
                         message: "type error: str != int"),
        GoldenDiagnostic(name: "minus on strings", source: "$s = 1️⃣\"a\" - \"b\"\ntest $s {}\n", stage: .type,
                         message: "type error: int != str"),
        GoldenDiagnostic(name: "less-than on an int and a float", source: "$b = 1️⃣1 < 1.5\nif $b {\n}\n", stage: .type,
                         message: "type error: int != float"),
        GoldenDiagnostic(name: "less-than on strings", source: "$b = 1️⃣\"a\" < \"b\"\nif $b {\n}\n", stage: .type,
                         message: "type error: int != str"),
        GoldenDiagnostic(name: "and on ints", source: "$b = 1️⃣1 and 2\nif $b {\n}\n", stage: .type,
                         message: "type error: bool != int"),
        GoldenDiagnostic(name: "not on an int", source: "$b = not 1️⃣1\nif $b {\n}\n", stage: .type,
                         message: "type error: bool != int"),
        GoldenDiagnostic(name: "in on a map", source: "$m = {\"a\" => 1}\n$b = 1️⃣\"a\" in $m\nif $b {\n}\n", stage: .type,
                         message: "type error: list != map"),
        GoldenDiagnostic(name: "comparing functions", source: "$f = func() { 1 }\n$b = 1️⃣$f == $f\nif $b {\n}\n",
                         stage: .type, message: "type error: cannot compare values of type func() int (they contain functions)"),
        GoldenDiagnostic(name: "division result used as an int", source: """
            $half = 7 / 2
            test "t" {
            \tint8 => 1️⃣$half,
            }

            """, stage: .type, message: "type error: int != float"),
        GoldenDiagnostic(name: "annotated bind of a float sum", source: "$n int = 1️⃣len(\"a\") + 0.5\ntest \"t\" {\n\tint8 => $n,\n}\n",
                         stage: .type, message: "type error: int != float"),
        GoldenDiagnostic(name: "list of mixed elements", source: "$l = [\"a\", 1️⃣1]\ntest $l {}\n", stage: .type,
                         message: "type error: str != int"),
        GoldenDiagnostic(name: "nested lists of mixed elements", source: "$l = [[\"a\"], 1️⃣[1]]\ntest \"t\" {\n\tint8 => len($l),\n}\n",
                         stage: .type, message: "type error: str != int"),
        GoldenDiagnostic(name: "map of mixed values", source: "$m = {\"a\" => 1, \"b\" => 1️⃣\"two\"}\ntest \"t\" {\n\tint8 => len($m),\n}\n",
                         stage: .type, message: "type error: int != str"),
        GoldenDiagnostic(name: "list indexed by a string", source: "$l = [\"a\"]\ntest 1️⃣$l[\"0\"] {}\n", stage: .type,
                         message: "type error: int != str"),
        GoldenDiagnostic(name: "map indexed by the wrong key type", source: "$m = {\"a\" => \"b\"}\ntest 1️⃣$m[1] {}\n",
                         stage: .type, message: "type error: str != int"),
        GoldenDiagnostic(name: "arrow on an int", source: "$n = 5\ntest \"t\" {\n\tint8 => 1️⃣$n->port,\n}\n", stage: .type,
                         message: "type error: struct != int"),
        GoldenDiagnostic(name: "missing struct field", source: "$s = struct{port => 80}\ntest \"t\" {\n\tint16 => 1️⃣$s->host,\n}\n",
                         stage: .type,
                         message: "error setting type: func() { <built-in:_struct_lookup> }, error: field host was not found in struct"),
        GoldenDiagnostic(name: "except sides of different types", source: """
            $m = {"a" => 1}
            test "t" {
            \tanotherstr => $m["a"] <|> 1️⃣"none",
            }

            """, stage: .type, message: "type error: int != str"),
        GoldenDiagnostic(name: "struct param with too few fields", source: "test \"t\" {\n\tmixedstruct => 1️⃣struct{somebool => true},\n}\n",
                         stage: .type, message: "struct field count differs"),
        GoldenDiagnostic(name: "struct param with fields out of order", source: """
            test "t" {
            \tmixedstruct => 1️⃣struct{somestr => "a", somebool => true, someint => 1, somefloat => 1.0},
            }

            """, stage: .type, message: "struct fields differ"),
    ]

    static let callTypeCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "calling an int variable", source: "$x = 3\n$y = 1️⃣$x(1)\ntest \"t\" {\n\tint8 => $y,\n}\n",
                         stage: .type, message: "type error: func != int"),
        GoldenDiagnostic(name: "lambda used at two types", source: """
            $id = func($a) { $a }
            test "t" {
            \tint8 => $id(1),
            \tanotherstr => 1️⃣$id("x"),
            }

            """, stage: .type, message: "type error: str != int"),
        GoldenDiagnostic(name: "func called with too few args", source: "func add($a, $b) { $a + $b }\ntest \"t\" {\n\tint8 => 1️⃣add(1),\n}\n",
                         stage: .type, message: "func arg count differs"),
        GoldenDiagnostic(name: "lambda called with too many args", source: "$inc = func($a) { $a + 1 }\ntest \"t\" {\n\tint8 => 1️⃣$inc(1, 2),\n}\n",
                         stage: .type, message: "func arg count differs"),
        GoldenDiagnostic(name: "builtin with too many args", source: "test \"t\" {\n\tint8 => 1️⃣len(\"abc\", \"d\"),\n}\n", stage: .type,
                         message: "error getting arg name #1 for func `len`: index 1 exceeds arg length of 1"),
        GoldenDiagnostic(name: "imported builtin with too many args", source: """
            import "map"
            $m = {"a" => 1}
            test "t" {
            \tint8 => 1️⃣map.lookup($m, "a", 2),
            }

            """, stage: .type, message: "error getting arg name #2 for func `map.lookup`: index 2 exceeds arg length of 2"),
        GoldenDiagnostic(name: "contains with a string haystack", source: "$b = 1️⃣contains(\"a\", \"abc\")\nif $b {\n}\n", stage: .type,
                         message: "type error: list != str"),
        GoldenDiagnostic(name: "printf with fewer args than verbs", source: "import \"fmt\"\ntest 1️⃣fmt.printf(\"%s-%s\", \"a\") {}\n",
                         stage: .type,
                         message: "func `printf` infer error: number of args (1) doesn't match format string verb count (2)"),
        GoldenDiagnostic(name: "printf verb of the wrong type", source: "import \"fmt\"\ntest \"t\" {\n\tanotherstr => 1️⃣fmt.printf(\"%d\", \"a\"),\n}\n",
                         stage: .type, message: "func `printf` infer error: inconsistent type at arg index 1: type error: str != int"),
        GoldenDiagnostic(name: "printf of a constant float variable", source: "import \"fmt\"\n$x = 1.5\ntest [1️⃣fmt.printf(\"%d\", $x)] {}\n",
                         stage: .type, message: "func `printf` infer error: inconsistent type at arg index 1: type error: float != int"),
        GoldenDiagnostic(name: "printf with an unknown verb", source: "import \"fmt\"\ntest [1️⃣fmt.printf(\"%z\", 1)] {}\n",
                         stage: .type, message: "func `printf` infer error: could not parse format string: invalid format string at 1"),
        GoldenDiagnostic(name: "annotated func param given a string", source: "func f($n int) { $n }\ntest \"t\" {\n\tint8 => f(1️⃣\"x\"),\n}\n",
                         stage: .type, message: "type error: int != str"),
        GoldenDiagnostic(name: "func result annotation against its body", source: "func f() 1️⃣int { \"x\" }\ntest \"t\" {\n\tanotherstr => f(),\n}\n",
                         stage: .type, message: "type error: int != str"),
        GoldenDiagnostic(name: "lambda result annotation against its body", source: "$f = func() int { 1️⃣\"x\" }\ntest \"t\" {\n\tanotherstr => $f(),\n}\n",
                         stage: .type, message: "type error: int != str"),
        GoldenDiagnostic(name: "annotated class param given a string", source: """
            class c($n int) {
            \ttest "t" {
            \t\tint8 => $n,
            \t}
            }
            include c(1️⃣"x")

            """, stage: .type, message: "type error: int != str"),
    ]

    static let statementTypeCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "unknown resource param", source: "test \"t\" {\n\t1️⃣colour => \"red\",\n}\n", stage: .type,
                         message: "field `colour` does not exist in `test` resource"),
        GoldenDiagnostic(name: "unknown resource kind with a param", source: "1️⃣nosuchkind \"x\" {\n\tspeed => 1,\n}\n",
                         stage: .type, message: "no resource kind `nosuchkind` available"),
        GoldenDiagnostic(name: "int for Meta:noop", source: "test \"t\" {\n\tMeta:noop => 1️⃣1,\n}\n", stage: .type,
                         message: "type error: bool != int"),
        GoldenDiagnostic(name: "incomplete Meta struct", source: "test \"t\" {\n\tMeta => 1️⃣struct{noop => true},\n}\n",
                         stage: .type, message: "struct field count differs"),
        GoldenDiagnostic(name: "elvis condition not a bool", source: "test \"t\" {\n\tanotherstr => 1️⃣1 ?: \"x\",\n}\n",
                         stage: .type, message: "type error: bool != int"),
        GoldenDiagnostic(name: "if condition is an int", source: "if 1️⃣1 {\n\ttest \"t\" {}\n}\n", stage: .type,
                         message: "type error: bool != int"),
        GoldenDiagnostic(name: "if condition is a string", source: "if 1️⃣\"yes\" {\n}\n", stage: .type,
                         message: "type error: bool != str"),
        GoldenDiagnostic(name: "if expression branches of different types", source: "$v = if true { \"a\" } else { 1️⃣2 }\ntest $v {}\n",
                         stage: .type, message: "type error: str != int"),
        GoldenDiagnostic(name: "for over a string", source: "for $i, $v in 1️⃣\"abc\" {\n\ttest [$v] {}\n}\n", stage: .type,
                         message: "type error: list != str"),
        GoldenDiagnostic(name: "forkv over a list", source: "forkv $k, $v in 1️⃣[\"a\"] {\n\ttest [$v] {}\n}\n", stage: .type,
                         message: "type error: map != list"),
        GoldenDiagnostic(name: "send from a kind that cannot send", source: """
            file "/tmp/a" {}
            test "r" {}
            1️⃣File["/tmp/a"].content -> Test["r"].anotherstr

            """, stage: .type, message: "cannot send from resource of kind: file"),
        GoldenDiagnostic(name: "recv into a kind that cannot receive", source: """
            test "s" {}
            exec "e" {}
            1️⃣Test["s"].hello -> Exec["e"].cmd

            """, stage: .type, message: "cannot recv to resource of kind: exec"),
        GoldenDiagnostic(name: "send of a key the sender lacks", source: """
            test "s" {}
            test "r" {}
            1️⃣Test["s"].nope -> Test["r"].anotherstr

            """, stage: .type, message: "cannot send/recv from test[s].nope to test[r].anotherstr: key not found in send struct"),
        GoldenDiagnostic(name: "send of an int into a string param", source: """
            test "s" {}
            test "r" {}
            1️⃣Test["s"].answer -> Test["r"].anotherstr

            """, stage: .type,
            message: "cannot send/recv from test[s].answer to test[r].anotherstr: field kind mismatch between int and string"),
        GoldenDiagnostic(name: "resource name from a call must be a list", source: "import \"fmt\"\n1️⃣test fmt.printf(\"%d\", 3) {}\n",
                         stage: .type, message: "type error: str != list"),
        GoldenDiagnostic(name: "loop variable as a resource name", source: "for $i, $v in [\"a\", \"b\"] {\n\t1️⃣test $v {}\n}\n",
                         stage: .type, message: "type error: str != list"),
        GoldenDiagnostic(name: "unhashable key that is not a literal", source: """
            $k = ["a"]
            $m = 1️⃣{$k => 1}
            test "t" {
            \tint8 => len($m),
            }

            """, stage: .type, message: "error setting type: map(var(k): int(1)), error: map key type []str is not hashable"),
        GoldenDiagnostic(name: "printf check wins over the fallback mismatch", source: """
            import "fmt"
            $st = struct{port => "80"}
            $p = $st->port <|> 0
            test 1️⃣fmt.printf("%d", $p) {}

            """, stage: .type,
            message: "func `printf` infer error: inconsistent type at arg index 1: type error: str != int"),
        GoldenDiagnostic(name: "late struct field of the wrong type", source: """
            $get = func($s) {
            \t1️⃣$s->a
            }
            test "t" {
            \tboolptr => $get(struct{a => 1.5}),
            }

            """, stage: .type,
            message: "error setting type: func() { <built-in:_struct_lookup> }, error: field a type error: base kind does not match (bool != float)"),
    ]
}
