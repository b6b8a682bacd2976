/// The version of the host interface (spec/host-interface.md). A program loads only with a
/// host that implements this version.
public enum HostInterface {
    public static let version = 1
}

/// What the VM asks of the runtime: builtin implementations and resource kinds by stable
/// name, and a place to hand each new resource graph. The VM knows no specific builtin or
/// kind; spec/host-interface.md is the contract.
public protocol Host: AnyObject {
    /// The version of this interface the host implements (`HostInterface.version`).
    var interfaceVersion: Int { get }
    /// The implementation of builtin `name` for calls typed `signature`; nil when the host
    /// does not know it (the program is then refused at load).
    func builtin(named name: String, signature: MclType) -> BuiltinBinding?
    /// A resource kind, to verify the program's kind imports; nil when unknown (declaring
    /// such a resource then fails at run time, as upstream's errInterpret).
    func resourceKind(named kind: String) -> ResourceKindDescriptor?
    /// The program's output changed: here is the complete new resource graph.
    func graphChanged(_ graph: ResourceGraph)
}

/// How a builtin runs.
public enum BuiltinBinding: Sendable {
    /// Computes a value from its arguments (kinds pure, startup, host).
    case function(@Sendable ([Value]) throws(RuntimeError) -> Value)
    /// A stream: started with its arguments and a sink; emits a first value soon, then more
    /// when its source changes. The VM stops it when its node goes away or its arguments change.
    case stream(@Sendable ([Value], StreamSink) throws(RuntimeError) -> StreamHandle)
    /// Known, not implemented yet: evaluating a call fails with a run-time error naming it.
    case unimplemented
}

/// A running stream builtin; `stop()` ends it (after it returns, nothing it emits counts).
public protocol StreamHandle: AnyObject, Sendable {
    func stop()
    /// New arguments for the same call site. A stream that keeps state across argument
    /// changes (`history`'s samples, `random1`'s string) takes them here and returns true;
    /// otherwise (the default) the VM stops it and starts a new one.
    func update(_ arguments: [Value]) -> Bool
}

extension StreamHandle {
    public func update(_ arguments: [Value]) -> Bool { false }
}

/// Where a stream sends its values. Thread-safe: a stream may emit from any thread; the VM
/// applies what arrives, in order, at its next step.
public final class StreamSink: Sendable {
    let deliver: @Sendable (Result<Value, RuntimeError>) -> Void

    public init(_ deliver: @escaping @Sendable (Result<Value, RuntimeError>) -> Void) {
        self.deliver = deliver
    }

    public func emit(_ value: Value) { deliver(.success(value)) }
    public func fail(_ error: RuntimeError) { deliver(.failure(error)) }
}
