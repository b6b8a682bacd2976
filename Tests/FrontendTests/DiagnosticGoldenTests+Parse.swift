@testable import Frontend

/// Parse-stage goldens, part 1: the lexer and the layout rules (language.md §1, §2.1-2.3).
/// Syntax errors point at the offending token.
extension DiagnosticGoldenTests {
    static let parseCases: [GoldenDiagnostic] = lexerCases + layoutCases + grammarCases

    static let lexerCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "number glued to a minus", source: "$n = 5 1️⃣-1\n", stage: .parse,
                         message: "parser: `syntax error: unexpected INTEGER, expecting NEWLINE`"),
        GoldenDiagnostic(name: "at sign", source: "$v = 1️⃣@\"x\"\n", stage: .parse,
                         message: "unrecognized: `@`"),
        GoldenDiagnostic(name: "bang is not not", source: "$b = 1️⃣!true\n", stage: .parse,
                         message: "unrecognized: `!`"),
        GoldenDiagnostic(name: "single-quoted string", source: "$s = 1️⃣'x'\n", stage: .parse,
                         message: "unrecognized: `'`"),
        GoldenDiagnostic(name: "non-ASCII character", source: "$s = 1️⃣é\n", stage: .parse,
                         message: "unrecognized: `é`"),
        GoldenDiagnostic(name: "underscore variable", source: "$1️⃣_ = 1\n", stage: .parse,
                         message: "unrecognized: `_`"),
        GoldenDiagnostic(name: "carriage return line ending", source: "$v = \"x\"1️⃣\r\n", stage: .parse,
                         message: "unrecognized carriage return"),
        GoldenDiagnostic(name: "integer overflow", source: "$big = 1️⃣99999999999999999999\n", stage: .parse,
                         message: "integer: overflow: `99999999999999999999`"),
        GoldenDiagnostic(name: "negative integer overflow", source: "$n = 1️⃣-9223372036854775809\n", stage: .parse,
                         message: "integer: overflow: `-9223372036854775809`"),
        GoldenDiagnostic(name: "float overflow", source: "$f = 1️⃣" + String(repeating: "9", count: 400) + ".5\n",
                         stage: .parse, message: "float: overflow"),
        GoldenDiagnostic(name: "float with a trailing dot", source: "$f = 11️⃣.\n", stage: .parse,
                         message: "parser: `syntax error: unexpected DOT, expecting NEWLINE`"),
        GoldenDiagnostic(name: "float with a leading dot", source: "$f = 1️⃣.5\n", stage: .parse,
                         message: "parser: `syntax error: unexpected DOT`"),
        GoldenDiagnostic(name: "float with an exponent", source: "$f = 11️⃣e3\n", stage: .parse,
                         message: "parser: `syntax error: unexpected IDENTIFIER, expecting NEWLINE`"),
        GoldenDiagnostic(name: "camel case variable", source: "$my1️⃣Var = 1\n", stage: .parse,
                         message: "parser: `syntax error: unexpected CAPITALIZED_IDENTIFIER, expecting BOOL_IDENTIFIER or STR_IDENTIFIER or INT_IDENTIFIER or FLOAT_IDENTIFIER`"),
        GoldenDiagnostic(name: "no unary minus", source: "$a = 3\n$b = 1️⃣-$a\n", stage: .parse,
                         message: "parser: `syntax error: unexpected MINUS`"),
    ]

    static let layoutCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "no newline at the end of the file", source: "test \"a\" {}1️⃣", stage: .parse,
                         message: "parser: `syntax error: unexpected $end, expecting NEWLINE`"),
        GoldenDiagnostic(name: "two statements on one line", source: "$a = 1 1️⃣$b = 2\n", stage: .parse,
                         message: "parser: `syntax error: unexpected DOLLAR, expecting NEWLINE`"),
        GoldenDiagnostic(name: "if block on one line", source: "if true { test \"x\" {} 1️⃣}\n", stage: .parse,
                         message: "parser: `syntax error: unexpected CLOSE_CURLY, expecting NEWLINE`"),
        GoldenDiagnostic(name: "trailing comma in a single-line list", source: "$l = [1, 2,1️⃣]\n", stage: .parse,
                         message: "parser: `syntax error: unexpected CLOSE_BRACK`"),
        GoldenDiagnostic(name: "trailing comma in single-line call args", source: """
            import "fmt"
            $s = fmt.printf("%d", 3,1️⃣)

            """, stage: .parse, message: "parser: `syntax error: unexpected CLOSE_PAREN`"),
        GoldenDiagnostic(name: "trailing comma in single-line lambda params", source: "$f = func($a, $b,1️⃣) { $a }\n",
                         stage: .parse, message: "parser: `syntax error: unexpected CLOSE_PAREN, expecting DOLLAR`"),
        GoldenDiagnostic(name: "trailing comma in a single-line map", source: "$m = {\"a\" => 1,1️⃣}\n", stage: .parse,
                         message: "parser: `syntax error: unexpected CLOSE_CURLY`"),
        GoldenDiagnostic(name: "missing trailing comma in a multi-line list", source: """
            $l = [
            \t"a",
            \t"b"1️⃣
            ]

            """, stage: .parse, message: "parser: `syntax error: unexpected NEWLINE, expecting COMMA`"),
        GoldenDiagnostic(name: "missing trailing comma in a multi-line map", source: """
            $m = {
            \t"a" => 1,
            \t"b" => 21️⃣
            }

            """, stage: .parse, message: "parser: `syntax error: unexpected NEWLINE, expecting COMMA`"),
        GoldenDiagnostic(name: "missing trailing comma in multi-line params", source: """
            func f(
            \t$a,
            \t$b1️⃣
            ) {
            \t$a
            }

            """, stage: .parse, message: "parser: `syntax error: unexpected NEWLINE, expecting COMMA`"),
        GoldenDiagnostic(name: "else on the next line", source: """
            if true {
            \ttest "a" {}
            }
            1️⃣else {
            \ttest "b" {}
            }

            """, stage: .parse, message: "parser: `syntax error: unexpected ELSE`"),
        GoldenDiagnostic(name: "no else if", source: """
            if true {
            \ttest "a" {}
            } else 1️⃣if false {
            \ttest "b" {}
            }

            """, stage: .parse, message: "parser: `syntax error: unexpected IF, expecting OPEN_CURLY`"),
        GoldenDiagnostic(name: "expression continued on the next line", source: "$n = 1 +1️⃣\n2\n", stage: .parse,
                         message: "parser: `syntax error: unexpected NEWLINE`"),
        GoldenDiagnostic(name: "lambda body with two expressions", source: """
            $f = func() {
            \t1
            \t1️⃣2
            }

            """, stage: .parse, message: "parser: `syntax error: unexpected INTEGER, expecting CLOSE_CURLY`"),
        GoldenDiagnostic(name: "map type over two lines", source: "$m map{str:1️⃣\n\tint} = {}\n", stage: .parse,
                         message: "parser: `syntax error: unexpected NEWLINE, expecting BOOL_IDENTIFIER or STR_IDENTIFIER or INT_IDENTIFIER or FLOAT_IDENTIFIER`"),
    ]

    static let grammarCases: [GoldenDiagnostic] = [
        GoldenDiagnostic(name: "chained comparison", source: "$b = 1 < 2 1️⃣< 3\n", stage: .parse,
                         message: "parser: `syntax error: unexpected LT`"),
        GoldenDiagnostic(name: "equality mixed with in", source: "$l = [1]\n$b = 1 == 1 1️⃣in $l\n", stage: .parse,
                         message: "parser: `syntax error: unexpected IN`"),
        GoldenDiagnostic(name: "bind without a value", source: "$names []str1️⃣\n", stage: .parse,
                         message: "parser: `syntax error: unexpected NEWLINE, expecting EQUALS`"),
        GoldenDiagnostic(name: "keyword as a parameter name", source: "func f($1️⃣if) {\n\t$if\n}\n", stage: .parse,
                         message: "parser: `syntax error: unexpected IF, expecting MAP_IDENTIFIER or IDENTIFIER or COLLECT_IDENTIFIER`"),
        GoldenDiagnostic(name: "map is not a func statement name", source: "func 1️⃣map() { 1 }\n", stage: .parse,
                         message: "parser: `syntax error: unexpected MAP_IDENTIFIER, expecting IDENTIFIER`"),
        GoldenDiagnostic(name: "capitalized class name", source: "class 1️⃣Web {\n}\n", stage: .parse,
                         message: "parser: `syntax error: unexpected CAPITALIZED_IDENTIFIER, expecting IDENTIFIER`"),
        GoldenDiagnostic(name: "include as star", source: "class c {\n}\ninclude c as 1️⃣*\n", stage: .parse,
                         message: "parser: `syntax error: unexpected MULTIPLY, expecting IDENTIFIER`"),
        GoldenDiagnostic(name: "dotted name ending in a dot", source: "$s = fmt.1️⃣\n", stage: .parse,
                         message: "parser: `syntax error: unexpected NEWLINE, expecting MAP_IDENTIFIER or IDENTIFIER or COLLECT_IDENTIFIER`"),
        GoldenDiagnostic(name: "resource without a body", source: "test \"t\"1️⃣\n", stage: .parse,
                         message: "parser: `syntax error: unexpected NEWLINE, expecting OPEN_CURLY`"),
        GoldenDiagnostic(name: "resource param named str", source: "test \"t\" {\n\t1️⃣str => \"x\",\n}\n", stage: .parse,
                         message: "parser: `syntax error: unexpected STR_IDENTIFIER, expecting IDENTIFIER or CAPITALIZED_IDENTIFIER or CLOSE_CURLY`"),
        GoldenDiagnostic(name: "struct type with a trailing semicolon", source: "$s struct{a int;1️⃣} = struct{a => 1}\n",
                         stage: .parse, message: "parser: `syntax error: unexpected CLOSE_CURLY, expecting IDENTIFIER`"),
        GoldenDiagnostic(name: "func type without a result", source: "$f func(int) 1️⃣= func($x int) { $x }\n",
                         stage: .parse,
                         message: "parser: `syntax error: unexpected EQUALS, expecting BOOL_IDENTIFIER or STR_IDENTIFIER or INT_IDENTIFIER or FLOAT_IDENTIFIER`"),
        GoldenDiagnostic(name: "panic with three args", source: "1️⃣panic(true, \"a\", \"b\")\n", stage: .parse,
                         message: "panic takes 1 or 2 arguments, got 3"),
        GoldenDiagnostic(name: "panic without args", source: "1️⃣panic()\n", stage: .parse,
                         message: "panic takes 1 or 2 arguments, got 0"),
    ]
}
