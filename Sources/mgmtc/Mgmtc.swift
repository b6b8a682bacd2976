import ArgumentParser
import Foundation
import Frontend
import IR
import Runtime
import VM

/// `mgmtc`: the mcl compiler.
@main
struct Mgmtc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mgmtc",
        abstract: "Compile and check mcl programs.",
        subcommands: [Check.self, Compile.self, Disasm.self])
}

/// Prints a program error as `error: STAGE: ...` with its excerpt and exits 1.
func fail(_ error: Diagnostic, _ compilation: Compilation) -> ExitCode {
    FileHandle.standardError.write(Data(error.rendered(with: compilation.sources).utf8))
    return ExitCode(1)
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
            throw fail(error, compilation)
        }
    }
}

/// `mgmtc compile PATH -o OUT`: the `.mcb` artifact (or the IR, readably).
struct Compile: ParsableCommand {
    enum Emit: String, ExpressibleByArgument, CaseIterable {
        case mcb, ir
    }

    static let configuration = CommandConfiguration(
        abstract: "Compile a program into a .mcb artifact.",
        discussion: "The artifact is written atomically (a temporary file, then a rename). The same program always gives the same bytes.")

    @Argument(help: "The program: an .mcl file or a module folder.")
    var path: String

    @Option(name: .shortAndLong, help: "Where to write the artifact (`-` for stdout).")
    var output: String = "-"

    @Option(help: "What to write: \(Emit.allCases.map(\.rawValue).joined(separator: ", ")).")
    var emit: Emit = .mcb

    func run() throws {
        let compilation = Compilation(catalog: RuntimeCatalog.standard)
        let bytes: [UInt8]
        do {
            switch emit {
            case .ir: bytes = Array(IRPrinter.print(try compilation.lower(path: path, fold: Registry.fold)).utf8)
            case .mcb: bytes = MCBWriter.write(try compilation.compile(path: path, fold: Registry.fold))
            }
        } catch {
            throw fail(error, compilation)
        }
        if output == "-" {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(output): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// `mgmtc disasm FILE.mcb`: the listing of an artifact.
struct Disasm: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the templates, nodes and instructions of a .mcb artifact.")

    @Argument(help: "A .mcb file.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            FileHandle.standardError.write(Data("error: cannot read \(file)\n".utf8))
            throw ExitCode(2)
        }
        do {
            let program = try MCBReader.read(Array(data))
            try Verifier.verify(program)
            print(Disassembler.listing(program), terminator: "")
        } catch {
            FileHandle.standardError.write(Data("error: \(file): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
