import Testing
import VM
@testable import Runtime

/// Parse and execution errors carry Go's texts and are fatal.
@Suite struct GoTemplateErrorTests {
    typealias F = TemplateFixture

    private static func executing(_ location: String, _ context: String, _ message: String) -> String {
        "template: execution error: template: template:\(location): executing \"template\" at <\(context)>: \(message)"
    }

    /// The corpus cases `template-missing-field` and `template-missing-key`.
    @Test func missingKey() {
        let expected = Self.executing("1:3", ".Missing", "map has no entry for key \"Missing\"")
        #expect(F.failure("{{ .Missing }}", F.record(["present": .str("hello")])) == expected)
        #expect(F.failure("{{ .Missing }}", F.map([(.str("present"), .str("hello"))])) == expected)
        #expect(F.failure("{{ .Foo }}") == Self.executing("1:3", ".Foo", "nil data; no entry for key \"Foo\""))
        #expect(F.failure("line 1\n  {{ .A.B }}") == Self.executing("2:7", ".A.B", "nil data; no entry for key \"A\""))
    }

    @Test func fieldErrors() {
        let values = F.record(["a": .str("x"), "n": F.record(["b": .int(1)])])
        #expect(F.failure("{{ .A.Foo }}", values) == Self.executing("1:5", ".A.Foo", "can't evaluate field Foo in type interface {}"))
        #expect(F.failure("{{ .X }}", .int(42)) == Self.executing("1:3", ".X", "can't evaluate field X in type int64"))
        #expect(F.failure("{{ .A 1 }}", values) == Self.executing("1:3", ".A", "A is not a method but has arguments"))
        #expect(F.failure("{{ index . \"x\" }}", F.map([(.int(1), .str("one"))]))
            == Self.executing("1:3", "index . \"x\"", "error calling index: value has type string; should be int64"))
    }

    @Test func parseErrors() {
        #expect(F.failure("{{ nosuch 3 }}") == "template: parse error: template: template:1: function \"nosuch\" not defined")
        #expect(F.failure("{{ if true }}\nfoo") == "template: parse error: template: template:2: unexpected EOF")
        #expect(F.failure("{{ \"a\" }") == "template: parse error: template: template:1: unexpected \"}\" in operand")
        #expect(F.failure("{{ else }}") == "template: parse error: template: template:1: unexpected {{else}}")
        #expect(F.failure("{{ $undefined }}") == "template: parse error: template: template:1: undefined variable \"$undefined\"")
        #expect(F.failure("{{ if }}") == "template: parse error: template: template:1: missing value for if")
        #expect(F.failure("{{ break }}") == "template: parse error: template: template:1: {{break}} outside {{range}}")
        #expect(F.failure("x\n{{ \"abc\n\" }}") == "template: parse error: template: template:2: unterminated quoted string")
        #expect(F.failure("x\n{{ if true }}\n\n{{ \"abc\n\" }}{{ end }}")
            == "template: parse error: template: template:4: unterminated quoted string")
        #expect(F.failure("{{ define \"a\" }}1{{ end }}{{ define \"a\" }}2{{ end }}")
            == "template: parse error: template: template:1: template: multiple definition of template \"a\"")
        #expect(F.failure("{{ 2i }}") == "template: parse error: template: template:1: complex constant 2i is not supported")
    }

    @Test func executionErrors() {
        #expect(F.failure("{{ 1 2 }}") == Self.executing("1:3", "1", "can't give argument to non-function 1"))
        #expect(F.failure("{{ nil }}") == Self.executing("1:3", "nil", "nil is not a command"))
        #expect(F.failure("{{ range . }}x{{ end }}", .str("s")) == Self.executing("1:9", ".", "range can't iterate over s"))
        #expect(F.failure("{{ template \"nope\" }}") == Self.executing("1:12", "{{template \"nope\"}}", "template \"nope\" not defined"))
        #expect(F.failure("{{ eq .L 1 }}", F.record(["l": .list([])]))
            == Self.executing("1:3", "eq .L 1", "error calling eq: incompatible types for comparison"))
        #expect(F.failure("{{ lt true true }}") == Self.executing("1:3", "lt true true", "error calling lt: invalid type for comparison"))
        #expect(F.failure("{{ index . 7 }}", .list([.int(1)])) == Self.executing("1:3", "index . 7", "error calling index: index out of range: 7"))
        #expect(F.failure("{{ len 3 }}") == Self.executing("1:3", "len 3", "error calling len: len of type int"))
        #expect(F.failure("{{ call 1 }}") == Self.executing("1:3", "call 1", "error calling call: non-function of type int"))
    }

    @Test func helperCallErrors() {
        #expect(F.failure("{{ itoa }}") == Self.executing("1:3", "itoa", "wrong number of args for itoa: want 1 got 0"))
        #expect(F.failure("{{ itoa 1 2 }}") == Self.executing("1:3", "itoa", "wrong number of args for itoa: want 1 got 2"))
        #expect(F.failure("{{ itoa 4.5 }}") == Self.executing("1:8", "4.5", "expected integer; found 4.5"))
        #expect(F.failure("{{ fadd 1 \"x\" }}") == Self.executing("1:10", "\"x\"", "expected float; found \"x\""))
        #expect(F.failure("{{ fadd . 1 }}", .int(3)) == Self.executing("1:8", ".", "wrong type for value; expected float64; got int64"))
        #expect(F.failure("{{ itoa (len .) }}", .list([])) == Self.executing("1:13", ".", "wrong type for value; expected int64; got int"))
        #expect(F.failure("{{ join 1 \",\" }}") == Self.executing("1:8", "1", "can't handle 1 for arg of type []string"))
        // A helper's catchable error still aborts the template, fatally.
        #expect(F.failure("{{ fail \"x\" }}") == Self.executing("1:3", "fail \"x\"", "error calling fail: failed: x"))
    }

    /// Recursion stops at `TemplateExecutor.maxExecDepth` with an error, not a crash.
    @Test func templateDepthLimit() {
        let template = "{{ define \"loop\" }}{{ template \"loop\" }}{{ end }}{{ template \"loop\" }}"
        #expect(F.failure(template) == "template: execution error: template: template:1:31: executing \"loop\" at "
            + "<{{template \"loop\"}}>: exceeded maximum template depth (\(TemplateExecutor.maxExecDepth))")
    }
}
