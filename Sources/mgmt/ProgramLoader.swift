import ArgumentParser
import Foundation
import Frontend
import Runtime
import VM

/// Turns a command-line PATH into a VM program: compiles an `.mcl` file or module folder
/// in memory, or reads a `.mcb` artifact.
enum ProgramLoader {
    struct Loaded {
        var program: Program
        /// Where `deploy.*` functions read: the program's folder.
        var deployRoot: String
    }

    static func load(_ path: String) throws -> Loaded {
        let resolved = InputPath.resolve(path)
        if resolved.hasSuffix(".mcb") {
            guard let data = FileManager.default.contents(atPath: resolved) else {
                FileHandle.standardError.write(Data("error: cannot read \(path)\n".utf8))
                throw ExitCode(2)
            }
            do {
                let program = try MCBReader.read(Array(data))
                return Loaded(program: program, deployRoot: (resolved as NSString).deletingLastPathComponent)
            } catch {
                FileHandle.standardError.write(Data("error: \(path): \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
        let compilation = Compilation(catalog: RuntimeCatalog.standard)
        do {
            let program = try compilation.compile(path: resolved, fold: Registry.fold)
            return Loaded(program: program, deployRoot: compilation.deployRoot!)
        } catch {
            FileHandle.standardError.write(Data(error.rendered(with: compilation.sources).utf8))
            throw ExitCode(1)
        }
    }
}
