import Foundation
import VM

/// The Runtime as the VM's host (spec/host-interface.md): builtins and resource kinds from
/// the registry, with this process's context (hostname, deploy tree, state folder).
public final class RuntimeHost: VM.Host {
    public struct Configuration: Sendable {
        /// What `$hostname` holds.
        public var hostname: String
        /// The deploy tree's folder on disk (where `deploy.readfile("/files/x")` reads).
        public var deployRoot: String
        /// The local state prefix (`deploy.directory` mirrors into `<prefix>/vardir/directory/`).
        public var prefix: String
        /// The time every time-based builtin uses.
        public var clock: any Clock
        /// The shared state; nil until a World is opened (world builtins then fail, naming it).
        public var world: (any World)?

        public init(hostname: String, deployRoot: String, prefix: String, clock: any Clock = SystemClock(), world: (any World)? = nil) {
            self.hostname = hostname
            self.deployRoot = deployRoot
            self.prefix = prefix
            self.clock = clock
            self.world = world
        }
    }

    public let configuration: Configuration
    public var interfaceVersion: Int { HostInterface.version }
    /// Called with each new resource graph.
    public var onGraph: ((ResourceGraph) -> Void)?

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    public func builtin(named name: String, signature: MclType) -> BuiltinBinding? {
        if name == "_hostname" {
            let hostname = configuration.hostname
            return .function { _ in .str(hostname) }
        }
        guard let descriptor = Registry.builtinsByName[name] else { return nil }
        // Deploy-tree readers take the calling code's deploy base as a hidden first argument.
        var checked = signature
        if descriptor.takesDeployBase, case .function(let params, let result) = signature, params.first?.type == .str {
            checked = .function(params: Array(params.dropFirst()), result: result)
        }
        guard SignatureMatching.fits(checked, descriptor.typing) else { return nil }
        if let deploy = DeployFunctions(configuration: configuration).binding(name) { return deploy }
        if let local = LocalFunctions(configuration: configuration).binding(name, signature: signature) { return local }
        if let special = SignatureSpecific.binding(name, signature: signature) { return special }
        if name == "golang.template" { return .function(GolangTemplateBuiltin.body) }
        // The compiler makes calls of stream and world builtins source nodes, others plain calls.
        switch descriptor.kind {
        case .stream, .world:
            if let stream = StreamBuiltins.all[name] {
                let context = StreamContext(clock: configuration.clock, world: configuration.world, configuration: configuration)
                return .stream { args, sink throws(RuntimeError) in try stream(context, args, sink) }
            }
        default:
            if let function = Builtins.functions[name] { return .function(function) }
        }
        return .unimplemented
    }

    public func resourceKind(named kind: String) -> ResourceKindDescriptor? { Registry.kindsByName[kind] }

    public func graphChanged(_ graph: ResourceGraph) { onGraph?(graph) }

    /// A descriptor by qualified name, for tools.
    public static func descriptor(_ name: String) -> BuiltinDescriptor? { Registry.builtinsByName[name] }
}
