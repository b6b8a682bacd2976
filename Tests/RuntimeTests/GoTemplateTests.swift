import Testing
import VM
@testable import Runtime

/// Data builders and helper functions shared by the `GoTemplate` suites. Expected texts
/// were checked against Go's `text/template` (`missingkey=error`).
enum TemplateFixture {
    static func record(_ fields: KeyValuePairs<String, Value>) -> Value {
        .struct(Value.StructValue(names: fields.map(\.key), values: fields.map(\.value)))
    }

    static func map(_ pairs: [(Value, Value)]) -> Value { .map(Value.MapValue(pairs: pairs)) }

    static func strings(_ items: String...) -> Value { .list(items.map { .str($0) }) }

    /// `itoa(int) str`, `fadd(float, float) float`, `join([]str, str) str`, a URL parser
    /// returning a struct, and `fail`, which raises a catchable error.
    static let functions: [String: TemplateFunction] = [
        "itoa": TemplateFunction(params: [.int], result: .str) { (args: [Value]) throws(RuntimeError) -> Value in
            guard case .int(let i) = args[0] else { throw RuntimeError("itoa: not an int") }
            return .str(String(i))
        },
        "fadd": TemplateFunction(params: [.float, .float], result: .float) { (args: [Value]) throws(RuntimeError) -> Value in
            guard case .float(let a) = args[0], case .float(let b) = args[1] else { throw RuntimeError("fadd: not floats") }
            return .float(a + b)
        },
        "join": TemplateFunction(params: [.list(.str), .str], result: .str) { (args: [Value]) throws(RuntimeError) -> Value in
            guard case .list(let items) = args[0], case .str(let separator) = args[1] else { throw RuntimeError("join: bad args") }
            return .str(items.map { item in if case .str(let s) = item { s } else { "?" } }.joined(separator: separator))
        },
        "net_url_parser": TemplateFunction(
            params: [.str],
            result: .struct([.init("scheme", .str), .init("host", .str), .init("path", .str), .init("raw_query", .str)])
        ) { (args: [Value]) throws(RuntimeError) -> Value in
            guard case .str(let url) = args[0], let schemeEnd = url.firstRange(of: "://") else {
                throw RuntimeError("net_url_parser: not a URL")
            }
            let rest = url[schemeEnd.upperBound...]
            let pathStart = rest.firstIndex(of: "/") ?? rest.endIndex
            let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
            return record([
                "scheme": .str(String(url[..<schemeEnd.lowerBound])), "host": .str(String(rest[..<pathStart])),
                "path": .str(String(rest[pathStart..<queryStart])), "raw_query": .str(String(rest[queryStart...].dropFirst())),
            ])
        },
        "fail": TemplateFunction(params: [.str], result: .str) { (args: [Value]) throws(RuntimeError) -> Value in
            guard case .str(let why) = args[0] else { throw RuntimeError("fail: not a str") }
            throw RuntimeError.catchable("failed: \(why)")
        },
    ]

    /// Renders with `functions`.
    static func render(_ template: String, _ data: Value? = nil) throws(RuntimeError) -> String {
        try GoTemplate.render(template, data: data, functions: functions)
    }

    /// The error message of a render that must fail (and be fatal).
    static func failure(_ template: String, _ data: Value? = nil) -> String? {
        do {
            _ = try render(template, data)
            return nil
        } catch {
            return error.catchable ? "catchable: \(error.message)" : error.message
        }
    }
}

/// Data conversion and the control structures of `golang.template`.
@Suite struct GoTemplateTests {
    typealias F = TemplateFixture

    @Test func plainTextAndNoData() throws {
        #expect(try F.render("hello") == "hello")
        #expect(try F.render("{{ . }}") == "<no value>")
        #expect(try F.render("") == "")
    }

    /// The corpus case `template-struct`.
    @Test func structFieldsAreTitleCased() throws {
        let values = F.record(["a": .str("purple"), "b": .int(42), "c": .float(3.14), "l": F.strings("opt1", "opt2")])
        let template = "{{ .A }};{{ .B }};{{ .C }};{{ if .L }}{{ join .L \",\" }}{{ end }}"
        #expect(try F.render(template, values) == "purple;42;3.14;opt1,opt2")
        let names = F.record(["name": .str("n"), "raw_query": .str("q"), "x1": .int(1)])
        #expect(try F.render("{{ .Name }} {{ .Raw_query }} {{ .X1 }}", names) == "n q 1")
        let nested = F.record(["people": .list([F.record(["name": .str("a")]), F.record(["name": .str("b")])])])
        #expect(try F.render("{{ range .People }}{{ .Name }}{{ end }} {{ (index .People 1).Name }}", nested) == "ab b")
    }

    @Test func mapsKeepTheirKeys() throws {
        let strings = F.map([(.str("first"), .int(1)), (.str("second"), .int(2))])
        #expect(try F.render("{{ .first }} {{ index . \"second\" }} {{ index . \"none\" }}", strings) == "1 2 0")
        let ints = F.map([(.int(42), .str("x")), (.int(1), .str("one"))])
        #expect(try F.render("{{ index . 42 }} {{ index . 1 }}|{{ index . 7 }}|", ints) == "x one||")
        #expect(try F.render("{{ . }} {{ len . }}", F.map([])) == "map[] 0")
    }

    /// The corpus case `template-map-struct-keys`: struct keys become Go structs, sorted field by field.
    @Test func structMapKeys() throws {
        let key1 = F.record(["a": .str("amazing"), "b": .int(13)])
        let key2 = F.record(["a": .str("idea"), "b": .int(42)])
        let key0 = F.record(["a": .str("amazing"), "b": .int(2)])
        let values = F.map([(key1, .str("purple")), (key2, .str("magic")), (key0, .str("first"))])
        let template = "{{ range $key, $val := . }}{{ $key.A }};{{ $key.B }};{{ $val }}{{ end }}"
        #expect(try F.render(template, values) == "amazing;2;firstamazing;13;purpleidea;42;magic")
    }

    @Test func helperReturningAStruct() throws {
        let url = "\"https://www.example.com/search?q=mgmt\""
        let template = "{{ (net_url_parser \(url)).Scheme }} {{ (net_url_parser \(url)).Host }} "
            + "{{ (net_url_parser \(url)).Path }} {{ (net_url_parser \(url)).Raw_query }}"
        #expect(try F.render(template) == "https www.example.com /search q=mgmt")
    }

    @Test func helperArgumentsAreConverted() throws {
        #expect(try F.render("{{ itoa 42 }} {{ itoa 4.0 }} {{ fadd 1 2.5 }}") == "42 4 3.5")
        #expect(try F.render("{{ itoa . }} {{ . | itoa }}", .int(7)) == "7 7")
        #expect(try F.render("{{ join .L \"+\" }} {{ join nil \"-\" }}|", F.record(["l": F.strings("a", "b")])) == "a+b |")
        #expect(try F.render("{{ join . \",\" }}|", .list([])) == "|")
    }

    @Test func functionValuesAreRejected() {
        let function = Value.function(Value.FunctionValue(template: 0, captures: [], type: .function(params: [], result: .int)))
        #expect(F.failure("x", .list([function]))?.hasPrefix("template: execution error: template: can't use a func value") == true)
    }

    @Test func pipelinesAndVariables() throws {
        #expect(try F.render("{{ \"a\" | printf \"%s-%s\" \"b\" }} {{ 3 | printf \"%d %d\" 2 }}") == "b-a 2 3")
        #expect(try F.render("{{ $x := 1 }}{{ $x }}{{ $x = 2 }}{{ $x }}{{ if true }}{{ $x = 3 }}{{ $y := 9 }}{{ $y }}{{ end }}{{ $x }}") == "1293")
        #expect(try F.render("{{ $a := 1 }}{{ with $b := 2 }}{{ $a }}{{ $b }}{{ $a = 5 }}{{ end }}{{ $a }}") == "125")
        #expect(try F.render("{{ $.a }} {{ range . }}{{ $.b }}{{ end }}", F.map([(.str("a"), .int(1)), (.str("b"), .int(2))])) == "1 22")
        #expect(try F.render("{{ (print 1 2) }} {{ print (print 1) (print 2) }}") == "1 2 12")
    }

    @Test func ifElseChains() throws {
        #expect(try F.render("{{ if false }}a{{ else if 0 }}b{{ else if \"x\" }}c{{ else }}d{{ end }}") == "c")
        #expect(try F.render("{{ if .L }}y{{ else }}n{{ end }}", F.record(["l": .list([])])) == "n")
        let falsy: [Value] = [.bool(false), .int(0), .float(0), .str(""), .list([]), F.map([])]
        for value in falsy { #expect(try F.render("{{ if . }}t{{ else }}f{{ end }}", value) == "f", "\(value)") }
        #expect(try F.render("{{ if . }}t{{ end }}", F.record(["a": .int(0)])) == "t")  // a struct (map) with entries
    }

    @Test func withAndElseWith() throws {
        #expect(try F.render("{{ with \"\" }}a{{ else with 3 }}{{ . }}{{ end }}|{{ with $x := \"v\" }}{{ $x }}{{ . }}{{ end }}") == "3|vv")
        #expect(try F.render("{{ with .A }}{{ . }}{{ else }}none{{ end }}", F.record(["a": .str("")])) == "none")
    }

    @Test func rangeOverListsAndMaps() throws {
        let list = Value.list([.int(1), .int(2), .int(3)])
        #expect(try F.render("{{ range $i, $e := . }}{{ $i }}={{ $e }};{{ end }}|{{ range $e := . }}{{ $e }}{{ end }}", list) == "0=1;1=2;2=3;|123")
        #expect(try F.render("{{ range . }}x{{ else }}empty{{ end }}", .list([])) == "empty")
        #expect(try F.render("{{ range . }}x{{ else }}nil{{ end }}") == "nil")
        let template = "{{ range $k, $v := . }}{{ $k }}={{ $v }} {{ end }}"
        #expect(try F.render(template, F.map([(.str("b"), .int(2)), (.str("B"), .int(0)), (.str("a"), .int(1))])) == "B=0 a=1 b=2 ")
        #expect(try F.render(template, F.map([(.int(10), .str("x")), (.int(-3), .str("y")), (.int(2), .str("z"))])) == "-3=y 2=z 10=x ")
        #expect(try F.render(template, F.map([(.float(2.5), .str("b")), (.float(-1), .str("a"))])) == "-1=a 2.5=b ")
        #expect(try F.render(template, F.map([(.bool(true), .str("yes")), (.bool(false), .str("no"))])) == "false=no true=yes ")
    }

    @Test func breakContinueAndRangeOverInt() throws {
        let list = Value.list([.int(1), .int(2), .int(3), .int(4)])
        let template = "{{ range $i, $e := . }}{{ if eq $e 2 }}{{ continue }}{{ end }}{{ if eq $e 4 }}{{ break }}{{ end }}{{ $e }}{{ end }}"
        #expect(try F.render(template, list) == "13")
        #expect(try F.render("{{ range 3 }}{{ . }}{{ end }}|{{ range 0 }}x{{ else }}none{{ end }}") == "012|none")
    }

    @Test func namedTemplates() throws {
        #expect(try F.render("{{ define \"T\" }}<{{ . }}>{{ end }}{{ template \"T\" }}{{ template \"T\" \"x\" }}") == "<<no value>><x>")
        #expect(try F.render("{{ block \"B\" 7 }}[{{ . }}]{{ end }}") == "[7]")
        #expect(try F.render("{{ template \"a\" }}{{ define \"a\" }}A{{ template \"b\" . }}{{ end }}{{ define \"b\" }}B{{ end }}") == "AB")
        #expect(try F.render("  {{ define \"template\" }}only the definition{{ end }}  ") == "only the definition")
    }

    @Test func trimMarkersAndComments() throws {
        #expect(try F.render("a\n{{- 1 -}}\n b {{- /* note */ -}} c {{/* x */}}d") == "a1bc d")
        #expect(try F.render("{{- 3}} {{-3}}") == "3 -3")  // no space after `{{-`: a negative number
        #expect(try F.render("{{ 3 -}}{{ 4 }}\n\t {{- 5 }}") == "345")
    }

    @Test func constants() throws {
        #expect(try F.render("{{ 0x10 }} {{ 1e3 }} {{ 'a' }} {{ -2 }} {{ 1_000 }} {{ 0b101 }} {{ 2.50 }}") == "16 1000 97 -2 1000 5 2.5")
        #expect(try F.render("{{ `raw\\n` }} {{ \"esc\\t\\u00e9\" }}") == "raw\\n esc\té")
        #expect(try F.render("{{ true }} {{ false }} {{ \"s\" }}") == "true false s")
    }
}
