/// An error while the program runs. A *catchable* error becomes the value of the node
/// that raised it and flows downstream until a `<|>` replaces it (or a statement consumes
/// it, which fails the program); any other error stops the program at once.
public struct RuntimeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var catchable: Bool
    /// Upstream's byline of where it was raised (`/main.mcl @ 3:11-3:17`), added by the VM.
    public var position: String?

    public init(_ message: String, catchable: Bool = false, position: String? = nil) {
        self.message = message
        self.catchable = catchable
        self.position = position
    }

    /// A catchable error (a missing index or key, a failed conversion...).
    public static func catchable(_ message: String) -> RuntimeError { RuntimeError(message, catchable: true) }

    public var description: String { position.map { "\(message): \($0)" } ?? message }
}
