#if canImport(Glibc)
import Glibc
#endif

/// A failed system call's errno, with Go's text for it (`no such file or directory`): the
/// C library's message with a lower-case first letter, which is what Go's table holds.
struct Errno: Error, Equatable {
    let code: Int32

    init(_ code: Int32) { self.code = code }

    var text: String { Self.text(code) }

    static func text(_ code: Int32) -> String {
        let message = String(cString: strerror(code))
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}
