import Testing
import VM
@testable import Runtime

/// Go `fmt` printing in templates: `%v` of every kind, `print`/`println`, `printf` verbs
/// and its error forms, and the builtin functions.
@Suite struct GoTemplatePrintingTests {
    typealias F = TemplateFixture

    /// functions.md §7: Go's shortest `%g`, decimal while the exponent is in −4…5.
    @Test(arguments: [
        (100000.0, "100000"), (0.0001, "0.0001"), (42.0, "42"), (3.14, "3.14"), (1000000.0, "1e+06"),
        (1234567.0, "1.234567e+06"), (0.00001, "1e-05"), (1e21, "1e+21"), (123456789.0, "1.23456789e+08"),
        (-0.5, "-0.5"), (1e-7, "1e-07"), (0.1 + 0.2, "0.30000000000000004"), (Double.nan, "NaN"),
        (Double.infinity, "+Inf"), (-Double.infinity, "-Inf"), (-0.0, "-0"),
    ])
    func floats(value: Double, printed: String) throws {
        #expect(try F.render("{{ . }}", .float(value)) == printed)
    }

    @Test func scalarsAndContainers() throws {
        #expect(try F.render("{{ . }}", .int(-42)) == "-42")
        #expect(try F.render("{{ . }}", .bool(true)) == "true")
        #expect(try F.render("{{ . }}", .str("a \"raw\" string")) == "a \"raw\" string")
        #expect(try F.render("{{ . }}", F.strings("zero", "missing-42", "one")) == "[zero missing-42 one]")
        #expect(try F.render("{{ . }}", .list([.int(1), .int(2), .int(3)])) == "[1 2 3]")
        #expect(try F.render("{{ . }}", .list([])) == "[]")
        #expect(try F.render("{{ . }}", F.map([(.str("b"), .int(2)), (.str("a"), .int(1))])) == "map[a:1 b:2]")
        #expect(try F.render("{{ . }}", F.record(["name": .str("mgmt"), "count": .int(3)])) == "map[Count:3 Name:mgmt]")
        let nested = F.record(["l": .list([F.record(["x": .float(1e6)])]), "m": F.map([(.int(2), F.strings("a"))])])
        #expect(try F.render("{{ . }}", nested) == "map[L:[map[X:1e+06]] M:map[2:[a]]]")
        let keys = F.map([(F.record(["a": .str("idea"), "b": .int(42)]), .bool(true)), (F.record(["a": .str("amazing"), "b": .int(13)]), .bool(false))])
        #expect(try F.render("{{ . }}", keys) == "map[{amazing 13}:false {idea 42}:true]")
        #expect(try F.render("{{ range $k, $v := . }}{{ printf \"%+v\" $k }}{{ end }}", keys) == "{A:amazing B:13}{A:idea B:42}")
    }

    @Test func printAndPrintln() throws {
        #expect(try F.render("{{ print 1 2 }}|{{ print \"a\" \"b\" }}|{{ print \"a\" 1 \"b\" }}|{{ print 1 \"a\" 2 }}|{{ println \"a\" 1 }}") == "1 2|ab|a1b|1a2|a 1\n")
        #expect(try F.render("{{ print nil }} {{ print }}|") == "<nil> |")
    }

    @Test func printfVerbs() throws {
        #expect(try F.render("{{ printf \"%v|%s|%d|%f|%q|%t\" 1.5 \"s\" 42 2.5 \"q\\\"\" true }}") == "1.5|s|42|2.500000|\"q\\\"\"|true")
        #expect(try F.render("{{ printf \"%.2f|%6.1f|%-4d|%04d|%x|%X|%o|%b|%c|%U\" 3.14159 2.25 7 7 255 255 8 5 65 65 }}") == "3.14|   2.2|7   |0007|ff|FF|10|101|A|U+0041")
        #expect(try F.render("{{ printf \"%e|%g|%G|%.3g|%+d|% d|%08.3f\" 1234.5678 1e-10 1e21 1234.5678 5 5 -3.5 }}") == "1.234568e+03|1e-10|1E+21|1.23e+03|+5| 5|-003.500")
        #expect(try F.render("{{ printf \"%v %d %q %x\" . . . . }}", .list([.int(10), .int(11)])) == "[10 11] [10 11] ['\\n' '\\v'] [a b]")
        #expect(try F.render("{{ printf \"%v %q %5s|\" . . . }}", F.strings("a", "b")) == "[a b] [\"a\" \"b\"] [    a     b]|")
        #expect(try F.render("{{ printf \"%T %T %T %T %T %T\" 1 1.5 \"s\" true nil . }}", F.record(["a": .int(1)])) == "int float64 string bool <nil> map[string]interface {}")
        #expect(try F.render("{{ printf \"%[2]d %[1]d\" 1 2 }}|{{ printf \"%*d|%.*f\" 3 4 2 3.14159 }}|{{ printf \"%d%%\" 50 }}") == "2 1|  4|3.14|50%")
        #expect(try F.render("{{ printf \"%#v\" . }}", F.strings("a")) == "[]string{\"a\"}")
    }

    @Test func printfErrorForms() throws {
        #expect(try F.render("{{ printf \"%d\" \"x\" }}|{{ printf \"%d %d\" 1 }}|{{ printf \"%d\" 1 2 }}|{{ printf \"%z\" 1 }}|{{ printf \"%\" }}") == "%!d(string=x)|1 %!d(MISSING)|1%!(EXTRA int=2)|%!z(int=1)|%!(NOVERB)")
        #expect(F.failure("{{ printf \"%x\" 1.5 }}") == "template: execution error: template: template:1:3: executing \"template\" at <printf \"%x\" 1.5>: error calling printf: printf: %x of float64 is not supported")
    }

    @Test func builtinFunctions() throws {
        #expect(try F.render("{{ len \"héllo\" }} {{ index \"abc\" 1 }} {{ slice \"abcdef\" 1 3 }} {{ not true }} {{ and 1 0 }} {{ or 0 2 }} {{ and 1 2 }}") == "6 98 bc false 0 2 2")
        #expect(try F.render("{{ eq 1 2 1 }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1.5 2.5 }} {{ eq . 42 }}", .int(42)) == "true true true true true false true")
        #expect(try F.render("{{ html \"<a b='c'>&\" }} {{ js \"it's \\\"x\\\" <b>\" }} {{ urlquery \"a b&c=d\" }}") == "&lt;a b=&#39;c&#39;&gt;&amp; it\\'s \\\"x\\\" \\u003Cb\\u003E a+b%26c%3Dd")
        let list = Value.list([.int(1), .int(2), .int(3)])
        #expect(try F.render("{{ index . 0 }} {{ slice . 1 }} {{ slice . 0 2 }} {{ len . }}", list) == "1 [2 3] [1 2] 3")
        let nested = F.record(["tags": F.map([(.str("x"), F.strings("1", "2"))])])
        #expect(try F.render("{{ index .Tags \"x\" 1 }}|{{ index .Tags \"none\" }}|", nested) == "2|[]|")
    }

    /// `and`/`or` stop at the deciding argument: `fail` would abort the execution.
    @Test func andOrShortCircuit() throws {
        #expect(try F.render("{{ and 0 (fail \"x\") }} {{ or 1 (fail \"y\") }} {{ 1 | and 1 }} {{ 0 | or \"\" }}") == "0 1 1 0")
        #expect(F.failure("{{ and 1 (fail \"x\") }}")?.hasSuffix("error calling fail: failed: x") == true)
    }
}
