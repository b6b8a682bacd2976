import Foundation
import Runtime
import VM

/// The in-memory host of the mutation tests: the Runtime's builtins and kinds (hostname
/// `mutant-host`, deploy tree and state in a temporary folder), no streams, and every
/// graph handed over recorded.
final class RecordingHost: VM.Host {
    var interfaceVersion: Int { HostInterface.version }
    private let runtime = RuntimeHost(.init(hostname: "mutant-host", deployRoot: FileManager.default.temporaryDirectory.path,
                                            prefix: FileManager.default.temporaryDirectory.appendingPathComponent("mgmt-mutation").path))
    private(set) var graphs: [ResourceGraph] = []

    func builtin(named name: String, signature: MclType) -> BuiltinBinding? {
        // A stream would start a real timer or process: a mutated program may not.
        let binding = runtime.builtin(named: name, signature: signature)
        if case .stream? = binding { return nil }
        return binding
    }

    func resourceKind(named kind: String) -> ResourceKindDescriptor? { runtime.resourceKind(named: kind) }

    func graphChanged(_ graph: ResourceGraph) { graphs.append(graph) }
}
