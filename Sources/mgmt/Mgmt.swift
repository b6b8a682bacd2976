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
        subcommands: [Graph.self, Functions.self])
}

/// `mgmt graph --format=conformance PATH`: the resource graph of a program's first values.
struct Graph: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case conformance, dot, text, json
    }

    static let configuration = CommandConfiguration(
        abstract: "Print the resource graph a program builds from its first complete set of values.",
        discussion: """
            PATH is an .mcl file, a module folder, or a compiled .mcb artifact. See \
            ../shared/conformance/README.md for the `conformance` format. Errors: \
            `error: STAGE: ...` and exit 1; a corrupt artifact: one line and exit 2.
            """)

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Flag(help: "Also run the resource engine and print parameter values (`Field:` lines).")
    var fields = false

    @Option(help: "The value of $hostname (default: this machine's; empty for --format=conformance).")
    var hostname: String?

    @Option(help: "Seconds to wait for a complete set of values.")
    var timeout: Double = 15

    @Option(help: "Start the clock at this time (RFC 3339, e.g. 2026-11-26T23:59:59Z, or Unix seconds) instead of now; it then runs.")
    var clock: String?

    @Option(help: "The deploy tree, where deploy.readfile and friends read (default: the program's folder; for a .mcb, the artifact's).")
    var deployRoot: String?

    @Argument(help: "The program: an .mcl file, a module folder, or a .mcb artifact.")
    var path: String

    func validate() throws {
        if let deployRoot {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: deployRoot, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--deploy-root: `\(deployRoot)` is not a folder")
            }
        }
    }

    func run() throws {
        let program = try ProgramLoader.load(path)
        let name = hostname ?? (format == .conformance ? "" : MachineName.current)
        let root = deployRoot.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? program.deployRoot
        let graph = try FirstGraph.compute(program.program, deployRoot: root, hostname: name,
                                           clock: try startClock(), timeout: timeout)
        if fields {
            // The graph is built and validated; running it (grouping, send/recv, field values)
            // needs the resource engine, which comes with a later issue.
            FileHandle.standardError.write(Data("error: runtime: --fields needs the resource engine, which is not implemented yet\n".utf8))
            throw ExitCode(1)
        }
        switch format {
        case .conformance: print(GraphPrinter.conformance(graph), terminator: "")
        case .dot: print(GraphPrinter.dot(graph), terminator: "")
        case .text: print(GraphPrinter.text(graph), terminator: "")
        case .json: print(GraphPrinter.json(graph), terminator: "")
        }
        // Streams may still run on other threads; the answer is printed.
        FileHandle.standardOutput.synchronizeFile()
        Foundation.exit(0)
    }
}

extension Graph {
    /// The clock `--clock` asks for: the system clock, or one starting at the given time.
    func startClock() throws -> any Clock {
        guard let clock else { return SystemClock() }
        if let seconds = Double(clock) { return FixedStartClock(start: seconds) }
        let formatter = ISO8601DateFormatter()
        guard let date = formatter.date(from: clock) else {
            throw ValidationError("--clock: `\(clock)` is neither RFC 3339 (2026-11-26T23:59:59Z) nor Unix seconds")
        }
        return FixedStartClock(start: date.timeIntervalSince1970)
    }
}

/// `mgmt functions [--markdown]`: the registry of builtins.
struct Functions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every builtin function: name, signature, kind and whether this build implements it.",
        discussion: "`--markdown` prints spec/functions.md (which is generated from it).")

    @Flag(help: "Print the Markdown document instead of one tab-separated line per builtin.")
    var markdown = false

    func run() throws {
        print(markdown ? FunctionsDocument.markdown() : FunctionsDocument.text(), terminator: "")
    }
}
