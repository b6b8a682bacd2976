@testable import Frontend

/// Parse-stage goldens, part 2: resource entries, annotations, escapes and `${}`, and the
/// structural checks upstream calls errInit and errInterpolate (language.md §1.1, §2.2, §4.2).
/// Duplicates point at the whole literal or resource.
extension DiagnosticGoldenTests {
    static let parseCases2: [GoldenDiagnostic] = entryCases + escapeCases + structureCases

    static let entryCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "missing trailing comma in a resource body", source: """
            test "t" {
            \tanotherstr => 1️⃣"hi"
            }

            """, stage: .parse, message: "expecting trailing comma: `syntax error: expecting trailing comma`"),
        GoldenDiagnostic(name: "missing trailing comma after a sum", source: """
            $a = 1
            test "t" {
            \tint8 => $a + 1️⃣2
            }

            """, stage: .parse, message: "expecting trailing comma: `syntax error: expecting trailing comma`"),
        GoldenDiagnostic(name: "missing trailing comma after a list", source: """
            test "t" {
            \tslicestring => 1️⃣["a", "b"]
            }

            """, stage: .parse, message: "expecting trailing comma: `syntax error: expecting trailing comma`"),
        GoldenDiagnostic(name: "missing trailing comma before a brace on the same line",
                         source: "test \"t\" { anotherstr => 1️⃣\"x\" }\n", stage: .parse,
                         message: "expecting trailing comma: `syntax error: expecting trailing comma`"),
        GoldenDiagnostic(name: "missing comma between two entries", source: """
            test "t" {
            \tanotherstr => 1️⃣"x"
            \tint8 => 2,
            }

            """, stage: .parse, message: "expecting trailing comma: `syntax error: expecting trailing comma`"),
        GoldenDiagnostic(name: "missing comma after a Meta entry", source: """
            test "t" {
            \tMeta:noop => true1️⃣
            }

            """, stage: .parse, message: "parser: `syntax error: unexpected NEWLINE, expecting COMMA`"),
        GoldenDiagnostic(name: "missing comma after an edge entry", source: """
            test "t" {
            \tBefore => Test["u"]1️⃣
            }

            """, stage: .parse, message: "parser: `syntax error: unexpected NEWLINE, expecting COMMA`"),
        GoldenDiagnostic(name: "unknown Meta property", source: "test \"t\" {\n\t1️⃣Meta:bogus => true,\n}\n", stage: .parse,
                         message: "invalid property: `bogus`"),
        GoldenDiagnostic(name: "unknown capitalized entry", source: "test \"t\" {\n\t1️⃣Xyz:noop => true,\n}\n",
                         stage: .parse, message: "parser: `can't use unknown resource field: xyz`"),
        GoldenDiagnostic(name: "Require is not an edge property", source: "test \"t\" {\n\t1️⃣Require => Test[\"u\"],\n}\n",
                         stage: .parse, message: "invalid property: `require`"),
        GoldenDiagnostic(name: "int annotation on a string literal", source: "$n int = 1️⃣\"five\"\n", stage: .parse,
                         message: "can't set return type in parser: `can't set return type in parser: can't set type `int` on a value of kind `str``"),
        GoldenDiagnostic(name: "float annotation on an integer literal", source: "$f float = 1️⃣3\n", stage: .parse,
                         message: "can't set return type in parser: `can't set return type in parser: can't set type `float` on a value of kind `int``"),
        GoldenDiagnostic(name: "duplicate struct type field", source: "$s struct{a int; a str1️⃣} = struct{a => 1, a => \"x\"}\n",
                         stage: .parse,
                         message: "can't set return type in parser: `can't set return type in parser: duplicate struct field of `a str``"),
    ]

    static let escapeCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "unknown escape", source: "test 1️⃣\"cost:\\w5\" {}\n", stage: .parse,
                         message: "parser failed: unknown escape sequence: \\w"),
        GoldenDiagnostic(name: "hex escape", source: "$s = 1️⃣\"\\x41\"\n", stage: .parse,
                         message: "parser failed: unknown escape sequence: \\x"),
        GoldenDiagnostic(name: "escaped space", source: "$s = 1️⃣\"a\\ b\"\n", stage: .parse,
                         message: "parser failed: unknown escape sequence: \\ "),
        GoldenDiagnostic(name: "bad escape in an unused class", source: "class c {\n\ttest 1️⃣\"\\e\" {}\n}\n", stage: .parse,
                         message: "parser failed: unknown escape sequence: \\e"),
        GoldenDiagnostic(name: "empty interpolation", source: "$s = 1️⃣\"a ${} b\"\n", stage: .parse,
                         message: "parser failed: cannot parse string: a ${} b"),
        GoldenDiagnostic(name: "call in an interpolation", source: "$s = 1️⃣\"${len()}\"\n", stage: .parse,
                         message: "parser failed: cannot parse string: ${len()}"),
        GoldenDiagnostic(name: "capital letter in an interpolation", source: "$s = 1️⃣\"${A}\"\n", stage: .parse,
                         message: "parser failed: cannot parse string: ${A}"),
        GoldenDiagnostic(name: "interpolated name starting with a digit", source: "$s = 1️⃣\"${1a}\"\n", stage: .parse,
                         message: "parser failed: cannot parse string: ${1a}"),
        GoldenDiagnostic(name: "unterminated interpolation", source: "$s = 1️⃣\"x ${abc\"\n", stage: .parse,
                         message: "parser failed: cannot parse string: x ${abc"),
    ]

    static let structureCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "double underscore in a variable name", source: "$1️⃣a__b = 1\ntest \"${a__b}\" {}\n",
                         stage: .parse, message: "invalid variable name: `$a__b`"),
        GoldenDiagnostic(name: "duplicate literal string map key", source: "$m = 1️⃣{\"k\" => 1, \"k\" => 2}\n", stage: .parse,
                         message: "duplicate map key: \"k\""),
        GoldenDiagnostic(name: "duplicate literal int map key", source: "$m = 1️⃣{7 => \"a\", 7 => \"b\"}\n", stage: .parse,
                         message: "duplicate map key: 7"),
        GoldenDiagnostic(name: "duplicate literal struct map key",
                         source: "$m = 1️⃣{struct{a => 1} => \"x\", struct{a => 1} => \"y\"}\n", stage: .parse,
                         message: "duplicate map key: struct{a: 1}"),
        GoldenDiagnostic(name: "duplicate map key nested in a list", source: "$l = [1️⃣{\"a\" => 1, \"a\" => 2}]\n",
                         stage: .parse, message: "duplicate map key: \"a\""),
        GoldenDiagnostic(name: "literal map keys of different kinds", source: "$m = 1️⃣{\"k\" => 1, 2 => 2}\n", stage: .parse,
                         message: "inconsistent map key type: base kind does not match (str != int)"),
        GoldenDiagnostic(name: "unhashable literal map key", source: "$m = 1️⃣{[\"a\"] => 1}\n", stage: .parse,
                         message: "map key type []str is not hashable"),
        GoldenDiagnostic(name: "duplicate struct literal field", source: "$s = 1️⃣struct{port => 1, port => 2}\n",
                         stage: .parse, message: "duplicate struct field name of: `port`"),
        GoldenDiagnostic(name: "duplicate struct literal field in an unused class", source: """
            class c {
            \t$s = 1️⃣struct{x => 1, x => 2}
            }

            """, stage: .parse, message: "duplicate struct field name of: `x`"),
        GoldenDiagnostic(name: "duplicate resource param", source: """
            1️⃣test "t" {
            \tanotherstr => "a",
            \tanotherstr => "b",
            }

            """, stage: .parse, message: "resource has duplicate field of: anotherstr"),
        GoldenDiagnostic(name: "duplicate Meta entry", source: """
            1️⃣test "t" {
            \tMeta:noop => true,
            \tMeta:noop => false,
            }

            """, stage: .parse, message: "resource has duplicate meta entry of: noop"),
        GoldenDiagnostic(name: "import directly in a for body", source: """
            for $i, $v in ["a"] {
            \t1️⃣import "fmt"
            }

            """, stage: .parse, message: "a StmtImport can't be contained inside a StmtFor"),
        GoldenDiagnostic(name: "import directly in a forkv body", source: """
            forkv $k, $v in {"a" => 1} {
            \t1️⃣import "fmt"
            }

            """, stage: .parse, message: "a StmtImport can't be contained inside a StmtForKV"),
        GoldenDiagnostic(name: "duplicate class name", source: "class c {\n}\nclass 1️⃣c {\n}\n", stage: .parse,
                         message: "duplicate class name of: `c`"),
        GoldenDiagnostic(name: "duplicate nested class name", source: """
            class outer {
            \tclass inner {
            \t}
            \tclass 1️⃣inner {
            \t}
            }

            """, stage: .parse, message: "duplicate class name of: `inner`"),
        GoldenDiagnostic(name: "duplicate class made by colon nesting", source: """
            class a {
            \tclass b {
            \t}
            }
            class 1️⃣a:b {
            }

            """, stage: .parse, message: "duplicate class name of: `b`"),
        GoldenDiagnostic(name: "missing comma after a conditional entry", source: "$b = true\ntest \"t\" {\n\tanotherstr => $b ?: \"x\"1️⃣\n}\n",
                         stage: .parse, message: "parser: `syntax error: unexpected NEWLINE, expecting COMMA`"),
        GoldenDiagnostic(name: "comparison as a statement", source: "$x == 1️⃣5\n", stage: .parse,
                         message: "additional equals in bind statement: `additional equals in bind statement`"),
        GoldenDiagnostic(name: "bool token name", source: "$x = 1 1️⃣true\n", stage: .parse,
                         message: "parser: `syntax error: unexpected BOOL, expecting NEWLINE`"),
    ]
}
