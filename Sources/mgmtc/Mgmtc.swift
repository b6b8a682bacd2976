import ArgumentParser
import Foundation
import Frontend
import Runtime
import VM

/// `mgmtc`: the mcl compiler.
@main
struct Mgmtc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mgmtc",
        abstract: "Compile and check mcl programs.",
        subcommands: [Check.self])
}

/// `mgmtc check PATH`: every static phase, nothing run.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse, resolve and type-check a program and everything it imports.",
        discussion: """
            PATH is an .mcl file or a folder holding metadata.yaml or main.mcl. Exits 0 when the \
            program is valid; otherwise prints `error: STAGE: file:line:col: message` and an excerpt \
            on stderr and exits 1 (STAGE is parse, scope or type).
            """)

    @Argument(help: "The program: an .mcl file or a module folder.")
    var path: String

    func run() throws {
        let compilation = Compilation(catalog: RuntimeCatalog.standard)
        do {
            _ = try compilation.check(path: path)
            // Done: skip tearing down the AST and type tables (a large program's teardown is
            // a measurable part of `check`).
            Foundation.exit(0)
        } catch {
            FileHandle.standardError.write(Data(error.rendered(with: compilation.sources).utf8))
            throw ExitCode(1)
        }
    }
}
