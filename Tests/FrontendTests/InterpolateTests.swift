import Testing
@testable import Frontend

/// `raw` (a string body as the lexer returns it) after `Interpolate.process`, rendered:
/// `s"…"` for a plain string, `(interp "lit" $var …)` for an interpolation, or the error.
private func processed(_ raw: String) -> String {
    do {
        return render(try Interpolate.process(raw, span: Span(file: 0, start: 0, end: 0)))
    } catch {
        return "error: \(error.message)"
    }
}

/// The top-level statements of `source` after parsing and `Interpolate.run`, rendered.
private func interpolated(_ source: String) throws(Diagnostic) -> [String] {
    let block = try parse(source)
    try Interpolate.run(block)
    return block.stmts.map(render)
}

/// String escapes, `${name}` interpolation and class nesting sugar (language.md §1.1, §4.6).
@Suite struct InterpolateTests {
    @Test func plainStringsAreUnchanged() {
        #expect(processed("") == "s\"\"")
        #expect(processed("hello world") == "s\"hello world\"")
        #expect(processed("a { b } #c") == "s\"a { b } #c\"")
        #expect(processed("é日本") == "s\"é日本\"")
    }

    static let escapes: [(String, String)] = [
        ("\\a", "\u{07}"), ("\\b", "\u{08}"), ("\\f", "\u{0C}"), ("\\n", "\n"), ("\\r", "\r"),
        ("\\t", "\t"), ("\\v", "\u{0B}"), ("\\\\", "\\"), ("\\\"", "\""), ("\\$", "$"),
    ]

    @Test(arguments: escapes)
    func validEscape(_ raw: String, _ value: String) {
        #expect(processed(raw) == "s\"\(value)\"")
        #expect(processed("x\(raw)y") == "s\"x\(value)y\"")
    }

    @Test func allEscapesTogether() {
        #expect(processed(#"\a\b\f\n\r\t\v\\\"\$"#) == "s\"\u{07}\u{08}\u{0C}\n\r\t\u{0B}\\\"$\"")
    }

    @Test func unknownEscapes() {
        for c in ["0", "'", "x", "u", "e", "w", " ", "\n", "{", "é"] {
            #expect(processed("a\\\(c)b") == "error: parser failed: unknown escape sequence: \\\(c)", "\\\(c)")
        }
        // A trailing lone backslash cannot come from the lexer, but must not crash.
        #expect(processed("a\\").hasPrefix("error: parser failed: unknown escape sequence"))
    }

    @Test func dollarSigns() {
        // A `$` not followed by `{` is literal.
        #expect(processed("$") == "s\"$\"")
        #expect(processed("$$") == "s\"$$\"")
        #expect(processed("a $ b") == "s\"a $ b\"")
        #expect(processed("$ {x}") == "s\"$ {x}\"")
        #expect(processed("$x") == "s\"$x\"")
        #expect(processed("cost: 5$") == "s\"cost: 5$\"")
        // `\$` is an escaped `$`: no interpolation follows.
        #expect(processed("\\$") == "s\"$\"")
        #expect(processed("\\${v}") == "s\"${v}\"")
    }

    @Test func variables() {
        #expect(processed("${v}") == "(interp $v)")
        #expect(processed("$${v}") == "(interp \"$\" $v)")
        #expect(processed("\\\\${v}") == "(interp \"\\\" $v)")
        #expect(processed("${a.b}") == "(interp $a.b)")
        #expect(processed("${const.res.file.state.exists}") == "(interp $const.res.file.state.exists)")
        #expect(processed("${a_1}x") == "(interp $a_1 \"x\")")
        #expect(processed("${a}${b}") == "(interp $a $b)")
        #expect(processed("{${a}}") == "(interp \"{\" $a \"}\")")
    }

    @Test func adjacentLiteralPiecesMerge() {
        #expect(processed("a\\tb${x}c\\n") == "(interp \"a\tb\" $x \"c\n\")")
        #expect(processed("\\n\\n${x}\\$\\$") == "(interp \"\n\n\" $x \"$$\")")
        #expect(processed("pre ${x} mid ${y} post") == "(interp \"pre \" $x \" mid \" $y \" post\")")
    }

    @Test func badInterpolations() {
        for raw in ["${}", "${f()}", "${A}", "x ${a", "${a b}", "${ a}", "${a.}", "${a..b}", "${1a}", "${_a}", "${a-b}", "ok ${a} ${"] {
            #expect(processed(raw) == "error: parser failed: cannot parse string: \(raw)", "\(raw)")
        }
    }

    @Test func runProcessesStringsEverywhere() throws {
        let source = """
            $a = "x\\ty"
            test "${a}" {
            	anotherstr => "${b}!",
            }
            func f() { "\\${z}" }

            """
        #expect(try interpolated(source) == [
            "$a = s\"x\ty\"",
            "res test (interp $a) {anotherstr => (interp $b \"!\")}",
            "func f() s\"${z}\"",
        ])
    }

    @Test func errorsInUnusedCodeAreReported() {
        #expect(throws: Diagnostic.self) { try interpolated("class c {\n\t$x = \"\\w\"\n}\n") }
        #expect(throws: Diagnostic.self) { try interpolated("func f() { \"${}\" }\n") }
    }

    @Test func nestingSugarMovesClassIntoParent() throws {
        let source = """
            class a {
            	$x = 1
            }
            class a:b($p) {
            	$y = 2
            }

            """
        #expect(try interpolated(source) == ["class a() {$x = 1; class b($p) {$y = 2}}"])
    }

    @Test func nestingSugarThreeDeep() throws {
        let source = """
            class a:b:c {
            }
            class a {
            }
            class a:b {
            }

            """
        // `a:b:c` goes into `a` as `b:c`, then into `b` (moved there too) as `c`.
        #expect(try interpolated(source) == ["class a() {class b() {class c() {}}}"])
    }

    @Test func nestingSugarInsideBlocks() throws {
        let source = """
            if true {
            	class a {
            	}
            	class a:b {
            	}
            }

            """
        #expect(try interpolated(source) == ["if true {class a() {class b() {}}}"])
    }

    @Test func nestingSugarWithoutParentStays() throws {
        #expect(try interpolated("class a:b {\n}\n") == ["class a:b() {}"])
        // A parent in another block does not count.
        #expect(try interpolated("class a {\n}\nif true {\n\tclass a:b {\n\t}\n}\n") == ["class a() {}", "if true {class a:b() {}}"])
    }

    @Test func duplicateClassNames() throws {
        let source = "class c {\n}\nclass c($x) {\n}\n"
        do {
            _ = try interpolated(source)
            Issue.record("expected a duplicate class error")
        } catch {
            #expect(error.stage == .parse)
            #expect(error.message == "duplicate class name of: `c`")
            #expect(error.span.map { text(of: $0, in: source) } == "c")
            #expect(error.span?.start == 18)
        }
        // A moved class clashes with one of the same name in the parent.
        #expect(throws: Diagnostic.self) { try interpolated("class a {\n\tclass b {\n\t}\n}\nclass a:b {\n}\n") }
        // The same name in different blocks is fine.
        #expect(try interpolated("class c {\n\tclass c {\n\t}\n}\n") == ["class c() {class c() {}}"])
    }
}
