import Foundation
import Frontend
import IR
import Runtime
import Testing
import VM

/// Compiles `source` (a whole `main.mcl`) through the Frontend, with the Runtime's catalog
/// and constant folding, as `mgmtc compile` does.
func compile(_ source: String) throws -> Program {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mcl-golden-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try (source + "\n").write(to: folder.appendingPathComponent("main.mcl"), atomically: true, encoding: .utf8)
    let catalog = TableCatalog(builtins: Registry.builtins, resourceKinds: Registry.resourceKinds, variables: Registry.variables)
    let compilation = Compilation(catalog: catalog)
    do {
        return try compilation.compile(path: folder.path, fold: Registry.fold)
    } catch {
        Issue.record("does not compile: \(error.rendered(with: compilation.sources))")
        throw error
    }
}

/// Expects the disassembly of `source` to be `expected` (without the final newline).
func expectListing(_ source: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let listing = Disassembler.listing(try compile(source))
    #expect(listing == expected + "\n", sourceLocation: sourceLocation)
}

/// Golden bytecode (STYLE.md, "Tests"): mcl snippets and their expected `mgmtc disasm`
/// listings, as Lua's testes/code.lua pins its code generator. `$hostname` stands for a
/// value the compiler cannot know, so that it is not folded away.
@Suite struct GoldenBytecodeTests {
    /// `1 + 2` is folded: the resource loads `3`.
    @Test func constantFolding() throws {
        try expectListing("""
            test "t" {
            \tint64 => 1 + 2,
            }
            """, """
            template 0: params 0, nodes 1
              n0 h1 resource test [int64]
                  0: loadConst r0, k0  ; "t"
                  1: loadConst r1, k1  ; 3
                  2: makeList r2, r0, 2
                  3: return r2
            """)
    }

    /// A bind used twice is a node of its own, loaded by both users.
    @Test func bindUsedTwiceIsOneNode() throws {
        try expectListing("""
            $n = len($hostname)
            test "a" {
            \tint64 => $n + 1,
            }
            test "b" {
            \tint64 => $n + 2,
            }
            """, """
            template 0: params 0, nodes 3
              n0 h1 compute : int
                  0: callBuiltin r0, r0, 0  ; _hostname
                  2: callBuiltin r1, r0, 1  ; len
                  4: return r1
              n1 h2 resource test [int64] (n0)
                  0: loadConst r0, k0  ; "a"
                  1: loadInput r1, i0
                  2: loadConst r2, k1  ; 1
                  3: addInt r3, r1, r2
                  4: move r4, r0
                  5: move r5, r3
                  6: makeList r6, r4, 2
                  7: return r6
              n2 h2 resource test [int64] (n0)
                  0: loadConst r0, k2  ; "b"
                  1: loadInput r1, i0
                  2: loadConst r2, k3  ; 2
                  3: addInt r3, r1, r2
                  4: move r4, r0
                  5: move r5, r3
                  6: makeList r6, r4, 2
                  7: return r6
            """)
    }

    /// A bind used once is fused into its user's body: one node, no `loadInput`.
    @Test func bindUsedOnceIsFused() throws {
        try expectListing("""
            $n = len($hostname)
            test "a" {
            \tint64 => $n + 1,
            }
            """, """
            template 0: params 0, nodes 1
              n0 h1 resource test [int64]
                  0: loadConst r0, k0  ; "a"
                  1: callBuiltin r1, r1, 0  ; _hostname
                  3: callBuiltin r2, r1, 1  ; len
                  5: loadConst r3, k1  ; 1
                  6: addInt r4, r2, r3
                  7: move r5, r0
                  8: move r6, r4
                  9: makeList r7, r5, 2
                  10: return r7
            """)
    }

    /// An `if` expression on values the body computes is a select: `jumpIfFalse`, then `jump` over the else arm.
    @Test func inlineIfIsASelect() throws {
        try expectListing("""
            test "t" {
            \tstringptr => if len($hostname) > 3 { "long" } else { "short" },
            }
            """, """
            template 0: params 0, nodes 1
              n0 h1 resource test [stringptr]
                  0: loadConst r0, k0  ; "t"
                  1: loadConst r1, k1  ; 3
                  2: callBuiltin r2, r2, 0  ; _hostname
                  4: callBuiltin r3, r2, 1  ; len
                  6: lessInt r4, r1, r3
                  7: jumpIfFalse r4, 11
                  8: loadConst r6, k2  ; "long"
                  9: move r5, r6
                  10: jump 13
                  11: loadConst r7, k3  ; "short"
                  12: move r5, r7
                  13: move r8, r0
                  14: move r9, r5
                  15: makeList r10, r8, 2
                  16: return r10
            """)
    }

    /// `<|>` with an infallible fallback is a handled region whose handler writes the same register.
    @Test func exceptWithAnInfallibleFallbackIsAHandler() throws {
        try expectListing("""
            $names = ["a", "b"]
            test "t" {
            \tstringptr => $names[len($hostname)] <|> "none",
            }
            """, """
            template 0: params 0, nodes 1
              n0 h1 resource test [stringptr]
                  0: loadConst r0, k0  ; "t"
                  1: loadConst r2, k1  ; ["a", "b"]
                  2: callBuiltin r3, r3, 0  ; _hostname
                  4: callBuiltin r4, r3, 1  ; len
                  6: index r5, r2, r4
                  7: move r1, r5
                  8: jump 11
                  9: loadConst r6, k2  ; "none"
                  10: move r1, r6
                  11: makeList r7, r0, 2
                  12: return r7
                  handler 1..<9 -> 9
            """)
    }

    /// `<|>` with a fallback that may fail itself is lazy: an `except` node and its fallback template.
    @Test func exceptWithAFallibleFallbackIsATemplate() throws {
        try expectListing("""
            import "fmt"
            $names = ["a", "b"]
            $n = len($hostname)
            test "t" {
            \tstringptr => $names[$n] <|> fmt.printf("missing %d", $n),
            }
            """, """
            template 0: params 0, nodes 5
              n0 h1 compute : int
                  0: callBuiltin r0, r0, 0  ; _hostname
                  2: callBuiltin r1, r0, 1  ; len
                  4: return r1
              n1 h2 compute (n0) : str
                  0: loadConst r0, k0  ; ["a", "b"]
                  1: loadInput r1, i0
                  2: index r2, r0, r1
                  3: return r2
              n2 h3 except t1 args [n0] (n1) : str
              n3 h4 join (n2) : str
              n4 h5 resource test [stringptr] (n3)
                  0: loadConst r0, k1  ; "t"
                  1: loadInput r1, i0
                  2: makeList r2, r0, 2
                  3: return r2
            template 1: params 1, nodes 1, result n0
              n0 h1 compute (p0) : str
                  0: loadConst r0, k2  ; "missing %d"
                  1: loadInput r1, i0
                  2: callBuiltin r2, r0, 2  ; fmt.printf
                  4: return r2
            """)
    }

    /// `x => cond ?: value`: the entry's condition comes before its value (`?int64`).
    @Test func conditionalEntry() throws {
        try expectListing("""
            test "t" {
            \tint64 => len($hostname) > 3 ?: 42,
            }
            """, """
            template 0: params 0, nodes 1
              n0 h1 resource test [?int64]
                  0: loadConst r0, k0  ; "t"
                  1: loadConst r1, k1  ; 3
                  2: callBuiltin r2, r2, 0  ; _hostname
                  4: callBuiltin r3, r2, 1  ; len
                  6: lessInt r4, r1, r3
                  7: loadConst r5, k2  ; 42
                  8: move r6, r0
                  9: move r7, r4
                  10: move r8, r5
                  11: makeList r9, r6, 3
                  12: return r9
            """)
    }

    /// A `for` loop is a loop node over the list and a body template (params: index, element).
    @Test func loop() throws {
        try expectListing("""
            for $i, $x in ["a", "b"] {
            \ttest "${x}" {
            \t\tint64 => $i,
            \t}
            }
            """, """
            template 0: params 0, nodes 2
              n0 h1 compute : []str
                  0: loadConst r0, k0  ; ["a", "b"]
                  1: return r0
              n1 h2 for t1 args [] (n0)
            template 1: params 2, nodes 1
              n0 h1 resource test [int64] (p1, p0)
                  0: loadInput r0, i0
                  1: concat r1, r0, 1
                  2: loadInput r2, i1
                  3: makeList r3, r1, 2
                  4: return r3
            """)
    }

    /// spec/mcb.md: "the same program gives byte-identical files", across compilations.
    @Test func compilationIsDeterministic() throws {
        let source = """
            import "fmt"
            import "iter"

            $n = len($hostname)
            $m = {"b" => 2, "a" => $n, "c" => 3}
            $f = if $n > 3 { func($x) { $x * 2 } } else { func($x) { $x + $n } }
            $l = iter.map([1, 2, $n], $f)
            $s = struct{z => $n, a => "a"}
            forkv $k, $v in $m {
            \ttest "${k}" {
            \t\tint64 => $v,
            \t\tstringptr => fmt.printf("%v %v %s", $l, $m["zz"] <|> $n, $s->a),
            \t\tMeta:noop => $v > 2 ?: true,
            \t}
            }
            Test["a"] -> Test["b"]
            """
        let first = MCBWriter.write(try compile(source))
        let second = MCBWriter.write(try compile(source))
        #expect(first == second)
        #expect(first.count > 500)
    }
}
