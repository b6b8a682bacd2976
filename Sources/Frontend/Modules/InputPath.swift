import Foundation

/// Finding the program a user named on the command line.
public enum InputPath {
    /// `path` as an absolute path. A relative path is taken from the working directory;
    /// if nothing is there, from `$PWD` (the shell's directory), because a parent process
    /// may start us in another folder while passing the path it was given (the conformance
    /// runner runs `mgmtc check` in the program's folder with the user's relative path).
    public static func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        let fileManager = FileManager.default
        let fromCwd = (fileManager.currentDirectoryPath as NSString).appendingPathComponent(path)
        if fileManager.fileExists(atPath: fromCwd) { return fromCwd }
        if let shell = ProcessInfo.processInfo.environment["PWD"] {
            let fromShell = (shell as NSString).appendingPathComponent(path)
            if fileManager.fileExists(atPath: fromShell) { return fromShell }
        }
        return fromCwd
    }
}
