import Foundation
import Yams

/// The `metadata.yaml` of a deploy or module folder (language.md §4.5). An empty file or
/// one holding only comments means all defaults.
public struct Metadata: Sendable, Equatable {
    /// Entry file, relative to the folder (default `main.mcl`).
    public var main = "main.mcl"
    /// Data folder for the deploy functions, relative, ending in `/` (default `files/`).
    public var files = "files/"
    /// Folder holding remote modules (`git://...` imports), relative, ending in `/`.
    public var path: String?
    /// Stop the search for `path` at this module.
    public var parentPathBlock = false
    public var license: String?

    public init() {}

    /// Reads `metadata.yaml` text. Unknown keys are rejected so typos do not pass silently.
    public init(yaml text: String, file: String) throws(Diagnostic) {
        let node: Any?
        do {
            node = try Yams.load(yaml: text)
        } catch {
            throw Diagnostic(.scope, "could not read \(file): \(error)", at: nil)
        }
        guard let node else { return }  // empty or comments only
        guard let map = node as? [String: Any] else {
            throw Diagnostic(.scope, "\(file) must be a mapping of keys to values", at: nil)
        }
        for (key, value) in map {
            func string() throws(Diagnostic) -> String {
                guard let s = value as? String else { throw Diagnostic(.scope, "\(file): `\(key)` must be a string", at: nil) }
                return s
            }
            switch key {
            case "main":
                main = try string()
                if main.hasPrefix("/") || main.hasSuffix("/") {
                    throw Diagnostic(.scope, "\(file): `main` must be a relative file path", at: nil)
                }
            case "files": files = try string()
            case "path": path = try string()
            case "license": license = try string()
            case "parentpathblock":
                guard let b = value as? Bool else { throw Diagnostic(.scope, "\(file): `parentpathblock` must be a bool", at: nil) }
                parentPathBlock = b
            default:
                throw Diagnostic(.scope, "\(file): unknown key `\(key)`", at: nil)
            }
        }
    }

    /// Reads `DIR/metadata.yaml` if it exists; nil when the folder has none.
    static func load(directory: String) throws(Diagnostic) -> Metadata? {
        let path = (directory as NSString).appendingPathComponent("metadata.yaml")
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(.scope, "could not read \(path)", at: nil)
        }
        return try Metadata(yaml: String(decoding: data, as: UTF8.self), file: path)
    }
}
