import Foundation

/// One mcl source file: its bytes, where it lives on disk, and the name it has inside
/// the deploy tree (`/main.mcl`, `/mod1/main.mcl`), which is what bylines print.
public final class SourceFile: Sendable {
    /// Index of the file in its `SourceMap`.
    public let id: Int
    /// Path on disk (absolute), or a made-up name for in-memory sources.
    public let path: String
    /// Path inside the deploy tree, with a leading slash: what diagnostics print.
    public let displayPath: String
    /// The raw bytes of the file.
    public let bytes: [UInt8]
    /// Byte offset where each line starts; line N (1-based) starts at `lineStarts[N-1]`.
    public let lineStarts: [Int]

    public init(id: Int, path: String, displayPath: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.displayPath = displayPath
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and column of a byte offset. Columns count Unicode scalars, so a
    /// tab is one column and a multi-byte character is one column. O(log lines).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let end = min(max(offset, start), bytes.count)
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        var column = 1
        for byte in bytes[start..<end] where byte & 0xC0 != 0x80 { column += 1 }
        return (low + 1, column)
    }

    /// The text of 1-based line `line`, without its newline.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

/// All source files of one compilation, indexed by `SourceFile.id`.
public final class SourceMap: @unchecked Sendable {
    // Appended to only while loading, before any concurrent use.
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Adds a file and returns it.
    public func add(path: String, displayPath: String, bytes: [UInt8]) -> SourceFile {
        let file = SourceFile(id: files.count, path: path, displayPath: displayPath, bytes: bytes)
        files.append(file)
        return file
    }

    public subscript(id: Int) -> SourceFile { files[id] }
}
