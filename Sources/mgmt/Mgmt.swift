import ArgumentParser
import Foundation
import Frontend
import Runtime
import VM

/// `mgmt`: runs mcl programs.
@main
struct Mgmt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mgmt",
        abstract: "Run mcl programs and inspect their resource graphs.",
        subcommands: [Graph.self])
}

/// `mgmt graph --format=conformance DIR`: the resource graph of a program's first values.
struct Graph: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case conformance
    }

    static let configuration = CommandConfiguration(
        abstract: "Print the resource graph a program builds from its first complete set of values.",
        discussion: "See ../shared/conformance/README.md for the `conformance` format.")

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format

    @Flag(help: "Also run the resource engine and print parameter values (`Field:` lines).")
    var fields = false

    @Argument(help: "The program: an .mcl file or a module folder.")
    var path: String

    func run() throws {
        let compilation = Compilation(catalog: RuntimeCatalog.standard)
        do {
            _ = try compilation.check(path: path)
        } catch {
            FileHandle.standardError.write(Data(error.rendered(with: compilation.sources).utf8))
            throw ExitCode(1)
        }
        // The evaluation half (IR, bytecode, VM) arrives with issue 3; never print a made-up graph.
        FileHandle.standardError.write(Data("error: runtime: evaluation is not implemented yet\n".utf8))
        throw ExitCode(1)
    }
}
