import Foundation

/// One parsed mcl file: the program's entry, or a file or folder module it imports.
public final class Module: @unchecked Sendable {
    public let file: SourceFile
    public let block: Block
    /// Absolute folder of the file: relative imports resolve against it.
    public let directory: String
    /// The deploy-tree folder of the code, starting and ending in `/` (`/` for the main
    /// program, `/mod1/` for `import "mod1/"`): the base of the `deploy` functions.
    public let deployBase: String
    /// The metadata of the folder this module is the entry of (nil for single files).
    public let metadata: Metadata?
    /// The importing module, for the `path:` search of remote imports.
    public let importer: Module?

    init(file: SourceFile, block: Block, directory: String, deployBase: String, metadata: Metadata?, importer: Module?) {
        self.file = file
        self.block = block
        self.directory = directory
        self.deployBase = deployBase
        self.metadata = metadata
        self.importer = importer
    }
}

/// What an `import` names.
enum ImportTarget {
    /// A core module of the catalog (`fmt`, `golang/strings`).
    case core(String)
    /// An mcl file or module folder.
    case local(Module)
}

/// Reads and parses the entry of a program and the files it imports, once each.
///
/// Parse errors in the entry are `parse` diagnostics; errors in an imported file become
/// `scope` diagnostics on the import statement (as upstream reports them), with the inner
/// position kept in the message.
final class ModuleLoader {
    let sources: SourceMap
    let ids: NodeIDs
    /// Absolute folder of the deploy: display paths are relative to it.
    let root: String
    private var loaded: [String: Module] = [:]

    init(sources: SourceMap, ids: NodeIDs, root: String) {
        self.sources = sources
        self.ids = ids
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// Loads the program at `path`, which the caller found to exist: an `.mcl` file, or (when
    /// `isDirectory`) a folder with `metadata.yaml` or `main.mcl`.
    func loadProgram(at path: String, isDirectory: Bool) throws(Diagnostic) -> Module {
        if isDirectory {
            let metadata = try Metadata.load(directory: path) ?? Metadata()
            return try parse(file: (path as NSString).appendingPathComponent(metadata.main), metadata: metadata, importer: nil)
        }
        return try parse(file: path, metadata: nil, importer: nil)
    }

    /// Parses one file (cached by absolute path) and runs the per-file passes on it.
    func parse(file path: String, metadata: Metadata?, importer: Module?) throws(Diagnostic) -> Module {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let module = loaded[absolute] { return module }
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw Diagnostic(.parse, "could not read \(absolute)", at: nil)
        }
        let file = sources.add(path: absolute, displayPath: displayPath(absolute), bytes: Array(data))
        let block = try Parser.parse(file, ids: ids)
        try Interpolate.run(block)
        try Validate.run(block)
        let directory = (absolute as NSString).deletingLastPathComponent
        let module = Module(file: file, block: block, directory: directory, deployBase: deployBase(of: directory), metadata: metadata, importer: importer)
        loaded[absolute] = module
        return module
    }

    /// `/main.mcl` for a file at the deploy root; absolute paths outside it.
    func displayPath(_ absolute: String) -> String {
        if absolute.hasPrefix(root + "/") { return String(absolute.dropFirst(root.count)) }
        return absolute
    }

    func deployBase(of directory: String) -> String {
        if directory == root { return "/" }
        if directory.hasPrefix(root + "/") { return String(directory.dropFirst(root.count)) + "/" }
        return directory + "/"
    }
}
