import Testing
@testable import Frontend

extension CheckerTests {
    /// Resources and edges: static-string names, params, metaparams, send/recv and
    /// collect (language.md §4.7, §5.4).
    @Suite struct Resources {
        @Test func resourceNamesFromIterMap() throws {
            let source = "import \"iter\"\ntest iter.map([\"a\", \"b\"], func($x) { $x + \"!\" }) {}\n"
            #expect(try checked(source) != nil)
            // A call returning a `str` is not statically a string: the name must be a list.
            #expect(try failingStage("import \"fmt\"\ntest fmt.printf(\"%d\", 1) {}\n") == .type)
        }

        @Test func staticStringNames() throws {
            let source = """
                import "fmt"
                $n str = fmt.printf("%d", 1)
                $m = $n
                $c = true
                test $n {}
                test $m {}
                test if $c { "a" } else { "b" } {}
                test $undef <|> "fallback" {}
                test func() { "lambda" }() {}
                class c($name) {
                	test $name {}
                }
                include c("x")
                include c($n)
                include c(["list", "works", "too"])
                $undef = "u"

                """
            #expect(try checked(source) != nil)
        }

        @Test func namesThatAreNotStaticStrings() throws {
            #expect(try failingStage("import \"fmt\"\n$u = fmt.printf(\"%d\", 1)\ntest $u {}\n") == .type)
            #expect(try failingStage("for $i, $v in [\"a\"] {\n\ttest $v {}\n}\n") == .type)
            #expect(try failingStage("$f = func() { \"x\" }\ntest $f() {}\n") == .type)
            // The fix: wrap the value in a list or interpolate it.
            #expect(try checked("for $i, $v in [\"a\"] {\n\ttest [$v] {}\n\ttest \"${v}-x\" {}\n}\n") != nil)
        }

        @Test func metaparamsWithTheRightTypes() throws {
            let source = """
                test "t" {
                	Meta:noop => true,
                	Meta:retry => -1,
                	Meta:retryreset => false,
                	Meta:delay => 10,
                	Meta:timeout => 0,
                	Meta:poll => 5,
                	Meta:limit => 2.5,
                	Meta:burst => 3,
                	Meta:reset => true,
                	Meta:sema => ["lock:1"],
                	Meta:rewatch => false,
                	Meta:realize => true,
                	Meta:dollar => false,
                	Meta:hidden => false,
                	Meta:export => ["*"],
                	Meta:reverse => true,
                	Meta:autoedge => true,
                	Meta:autogroup => false,
                }

                """
            #expect(try checked(source) != nil)
            #expect(try failingStage("test \"t\" {\n\tMeta:limit => 1,\n}\n") == .type)
            #expect(try failingStage("test \"t\" {\n\tMeta:sema => \"one\",\n}\n") == .type)
            #expect(try failingStage("test \"t\" {\n\tMeta:noop => $c ?: true,\n}\n$c = 1\n") == .type)
        }

        /// A `Meta => struct{...}` entry with `fields` (name, value) in the given order.
        private func metaStruct(_ fields: [(String, String)]) -> String {
            "test \"t\" {\n\tMeta => struct{\n" + fields.map { "\t\t\($0) => \($1),\n" }.joined() + "\t},\n}\n"
        }

        static let allMetaFields: [(String, String)] = [
            ("noop", "false"), ("retry", "0"), ("retryreset", "false"), ("delay", "0"), ("timeout", "0"),
            ("poll", "0"), ("limit", "1.5"), ("burst", "1"), ("reset", "false"), ("sema", "[]"),
            ("rewatch", "false"), ("realize", "false"), ("dollar", "false"), ("hidden", "false"),
            ("export", "[]"), ("reverse", "false"), ("autoedge", "true"), ("autogroup", "true"),
        ]

        @Test func fullMetaStruct() throws {
            #expect(try checked(metaStruct(Self.allMetaFields)) != nil)
            // All 18 fields, in this order, with these types.
            let missing = try diagnostic(metaStruct(Array(Self.allMetaFields.dropLast())))
            #expect(missing?.stage == .type)
            #expect(missing?.message == "struct field count differs")
            var swapped = Self.allMetaFields
            swapped.swapAt(0, 1)
            let reordered = try diagnostic(metaStruct(swapped))
            #expect(reordered?.stage == .type)
            #expect(reordered?.message == "struct fields differ")
            var wrongType = Self.allMetaFields
            wrongType[1] = ("retry", "\"0\"")
            #expect(try diagnostic(metaStruct(wrongType))?.message == "type error: int != str")
        }

        @Test func sendRecv() throws {
            let source = "test \"a\" {}\ntest \"b\" {}\nTest[\"a\"].hello -> Test[\"b\"].anotherstr\n"
            #expect(try checked(source) != nil)
            let badKey = "test \"a\" {}\ntest \"b\" {}\nTest[\"a\"].nope -> Test[\"b\"].anotherstr\n"
            #expect(try diagnostic(badKey)?.message == "cannot send/recv from test[a].nope to test[b].anotherstr: key not found in send struct")
            let kindMismatch = "test \"a\" {}\ntest \"b\" {}\nTest[\"a\"].answer -> Test[\"b\"].slicestring\n"
            #expect(try failingStage(kindMismatch) == .type)
        }

        @Test func edgesNeedTwoHalves() throws {
            #expect(try diagnostic("test \"a\" {}\nTest[\"a\"]\n")?.message == "can't create an edge with only one half")
            #expect(try checked("test \"a\" {}\ntest \"b\" {}\nTest[\"a\"] -> Test[\"b\"] -> Test[[\"a\", \"b\"]]\n") != nil)
        }

        @Test func collectNames() throws {
            let source = """
                $hosts = [struct{name => "a", host => "h1"}]
                collect file "one" {}
                collect file ["two", "three"] {}
                collect file $hosts {}

                """
            #expect(try checked(source) != nil)
            #expect(try failingStage("collect file [1] {}\n") == .type)
        }

        @Test func resourceParams() throws {
            #expect(try failingStage("test \"t\" {\n\tint8 => \"seven\",\n}\n") == .type)
            #expect(try diagnostic("test \"t\" {\n\tnope => 1,\n}\n")?.message == "field `nope` does not exist in `test` resource")
            #expect(try checked("test \"t\" {\n\tslicestring => [],\n\tmapintfloat => {},\n\tint8 => $c ?: 1,\n}\n$c = true\n") != nil)
            // An unknown kind fails here only when it sets a param (else later, when run).
            #expect(try checked("nosuchkind \"x\" {}\n") != nil)
            #expect(try failingStage("nosuchkind \"x\" {\n\tp => 1,\n}\n") == .type)
        }
    }
}
