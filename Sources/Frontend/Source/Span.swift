/// A range of bytes in one source file: what every AST node and diagnostic points at.
public struct Span: Sendable, Hashable {
    /// `SourceFile.id` of the file.
    public var file: Int32
    /// Byte offset of the first byte.
    public var start: Int32
    /// Byte offset just past the last byte (equal to `start` for an empty span).
    public var end: Int32

    public init(file: Int, start: Int, end: Int) {
        self.file = Int32(file)
        self.start = Int32(start)
        self.end = Int32(max(start, end))
    }

    /// The smallest span covering both (which must be in the same file).
    public func through(_ other: Span) -> Span {
        Span(file: Int(file), start: Int(min(start, other.start)), end: Int(max(end, other.end)))
    }

    public var length: Int { Int(end - start) }

    /// Whether this span starts before `other` in (file, start) order: how diagnostics pick
    /// the first of several errors.
    func isBefore(_ other: Span) -> Bool { (file, start) < (other.file, other.start) }
}

extension SourceMap {
    /// Upstream's byline: `/main.mcl @ 2:6-2:28`, columns 1-based, the end column just past
    /// the last character.
    public func byline(_ span: Span) -> String {
        let file = self[Int(span.file)]
        let (l1, c1) = file.location(of: Int(span.start))
        let (l2, c2) = endLocation(span)
        return "\(file.displayPath) @ \(l1):\(c1)-\(l2):\(c2)"
    }

    /// Line and column just past the span's last character, on that character's line (so a
    /// span ending with a newline does not end on the next line).
    func endLocation(_ span: Span) -> (line: Int, column: Int) {
        let file = self[Int(span.file)]
        guard span.end > span.start else { return file.location(of: Int(span.end)) }
        var last = Int(span.end) - 1  // the first byte of the last character
        while last > Int(span.start), file.bytes[last] & 0xC0 == 0x80 { last -= 1 }
        let (line, column) = file.location(of: last)
        return (line, column + 1)
    }

    /// `path:line:col` of the start of a span, with the on-disk path.
    public func position(_ span: Span) -> String {
        let file = self[Int(span.file)]
        let (line, column) = file.location(of: Int(span.start))
        return "\(file.path):\(line):\(column)"
    }
}
