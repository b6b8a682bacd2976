import Foundation

/// Import paths (language.md §4.5): validation, the default alias, and finding the target.
extension ModuleLoader {
    /// Checks an import path and finds what it names. Errors are `scope` diagnostics at `span`.
    func resolveImport(_ path: String, span: Span, from importer: Module, catalog: Catalog) throws(Diagnostic) -> ImportTarget {
        try Self.validate(path, span: span)
        if path.contains("://") { return .local(try loadRemote(path, span: span, from: importer)) }
        if path.hasSuffix(".mcl") {
            let full = (importer.directory as NSString).appendingPathComponent(path)
            return .local(try loadImported(file: full, metadata: nil, name: path, span: span, importer: importer))
        }
        if path.hasSuffix("/") {
            let directory = (importer.directory as NSString).appendingPathComponent(path)
            return .local(try loadFolder(directory, name: path, span: span, importer: importer))
        }
        guard catalog.hasModule(path) else {
            throw Diagnostic(.scope, "system import of `\(path)` failed: could not find any non-empty scope named: \(path)", at: span)
        }
        return .core(path)
    }

    /// Upstream's rules: non-empty, not absolute, already clean (no `//`, `./`, `../`; one
    /// trailing `/` allowed), and a valid URL.
    static func validate(_ path: String, span: Span) throws(Diagnostic) {
        func invalid(_ reason: String) -> Diagnostic {
            Diagnostic(.scope, "import `\(path)` is not valid: \(reason)", at: span)
        }
        if path.isEmpty { throw invalid("empty import path") }
        if path.hasPrefix("/") { throw invalid("absolute paths are not allowed") }
        var body = Substring(path)
        if let scheme = path.range(of: "://") { body = path[scheme.upperBound...] }
        let trimmed = body.hasSuffix("/") ? body.dropLast() : body
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { throw invalid("path is not clean") }
        if path.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\\" }) { throw invalid("not a valid URL") }
    }

    /// The alias an import gets without `as`: the last segment, minus a leading `mgmt-`,
    /// `-` → `_`, lower case, minus `.mcl` for files (`git://h/o/mgmt-web-tools/` → `web_tools`).
    static func defaultAlias(for path: String, span: Span) throws(Diagnostic) -> String {
        var last = path
        while last.hasSuffix("/") { last.removeLast() }
        if let slash = last.lastIndex(of: "/") { last = String(last[last.index(after: slash)...]) }
        if last.hasSuffix(".mcl") { last.removeLast(4) }
        if last.hasPrefix("mgmt-"), last.count > 5 { last.removeFirst(5) }
        let alias = last.replacingOccurrences(of: "-", with: "_").lowercased()
        if alias.isEmpty || alias.hasPrefix("_") || alias.hasSuffix("_") {
            throw Diagnostic(.scope, "import `\(path)` is not valid: invalid alias `\(alias)`", at: span)
        }
        return alias
    }

    /// A folder module: its `metadata.yaml` names the entry, else `main.mcl`.
    func loadFolder(_ directory: String, name: String, span: Span, importer: Module) throws(Diagnostic) -> Module {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(.scope, "local import of `\(name)` failed: module folder not found: \(displayPath(directory))/", at: span)
        }
        let metadata: Metadata
        do {
            metadata = try Metadata.load(directory: directory) ?? Metadata()
        } catch {
            throw Diagnostic(.scope, "local import of `\(name)` failed: \(error.message)", at: span)
        }
        let entry = (directory as NSString).appendingPathComponent(metadata.main)
        return try loadImported(file: entry, metadata: metadata, name: name, span: span, importer: importer)
    }

    /// Parses an imported file; its own errors become `scope` errors on the import.
    func loadImported(file: String, metadata: Metadata?, name: String, span: Span, importer: Module) throws(Diagnostic) -> Module {
        guard FileManager.default.fileExists(atPath: file) else {
            throw Diagnostic(.scope, "local import of `\(name)` failed: file not found: \(displayPath(file))", at: span)
        }
        do {
            return try parse(file: file, metadata: metadata, importer: importer)
        } catch {
            throw importFailure(error, name: name, importSpan: span, prefix: "could not generate AST from import: ")
        }
    }

    /// An error inside an imported file, reported on the import (stage `scope`, as upstream):
    /// ``local import of `name` failed: MESSAGE: INNER BYLINE``. Nested imports append one
    /// byline per level, innermost first; the span moves out to the import statement.
    func importFailure(_ inner: Diagnostic, name: String, importSpan: Span, prefix: String = "") -> Diagnostic {
        let position = inner.span.map { ": \(sources.byline($0))" } ?? ""
        return Diagnostic(.scope, "local import of `\(name)` failed: \(prefix)\(inner.message)\(position)",
                          at: importSpan, notes: inner.notes)
    }

    /// `git://host/path/`: looked up in the `path:` folders of the importer and its
    /// importers (until one sets `parentpathblock`), first existing wins.
    func loadRemote(_ path: String, span: Span, from importer: Module) throws(Diagnostic) -> Module {
        guard path.hasSuffix("/"), let scheme = path.range(of: "://") else {
            throw Diagnostic(.scope, "import `\(path)` is not valid: a remote import must name a folder (end in `/`)", at: span)
        }
        let hostAndPath = String(path[scheme.upperBound...])
        var searched: [String] = []
        var module: Module? = importer
        while let current = module {
            if let modulesPath = current.metadata?.path {
                let candidate = ((current.directory as NSString).appendingPathComponent(modulesPath) as NSString)
                    .appendingPathComponent(hostAndPath)
                searched.append(candidate)
                if FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("metadata.yaml")) {
                    return try loadFolder(candidate, name: path, span: span, importer: importer)
                }
            }
            if current.metadata?.parentPathBlock == true { break }
            module = current.importer
        }
        let detail = searched.isEmpty ? "no `path:` is set in metadata.yaml" : "searched " + searched.joined(separator: ", ")
        throw Diagnostic(.scope, "remote import of `\(path)` failed: module not found (\(detail))", at: span)
    }
}
