#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The value a node holds: none yet, a value, or a catchable error flowing downstream.
public enum NodeValue: Sendable, Equatable {
    case pending
    case value(Value)
    case error(RuntimeError)
}

/// Why the program stopped: a fatal run-time error with its position.
public struct VMFailure: Error, Sendable, CustomStringConvertible {
    public var error: RuntimeError
    public var description: String { error.description }
}

/// The register VM and incremental dataflow engine.
///
/// A program is a tree of template instances; each instance's nodes live in parallel
/// arrays indexed by runtime node id (a contiguous range per instance). A stabilization
/// recomputes dirty nodes in height order, each at most once, and stops propagation
/// where a recomputed value equals the old one (cutoff), so the work is proportional to
/// the changed cone. Dynamic structure (branches, loops, function applications, lazy
/// fallbacks, `iter.*`) creates and releases instances as values change; released
/// instances stop their streams.
///
/// Single-threaded: call everything from one thread. Streams may emit from any thread;
/// their values wait in a queue until `applyEvents()`.
public final class VirtualMachine {
    public let program: Program
    let host: Host
    let bindings: [BuiltinBinding]
    /// The host's descriptor of each kind import, by `program.kinds` index (nil if unknown).
    let kindDescriptors: [ResourceKindDescriptor?]
    /// The field names of each struct type, by `program.types` index (nil for other types).
    let structFieldNames: [[String]?]

    // Per runtime node (parallel arrays, indexed by node id).
    /// Index into `program.nodes`, or -1 for a synthetic node (see `synthetic`) or an id not
    /// yet used. A released id keeps its last value (see `live`).
    var spec: [Int32] = []
    /// The instance a template node belongs to (-1 for synthetic nodes).
    var instanceOf: [Int32] = []
    var height: [Int32] = []
    var values: [NodeValue] = []
    /// Whether the id is in use.
    var live: [Bool] = []
    var queue = DirtyQueue()

    /// Consumers of each template node inside its own template, by `program.nodes` index
    /// (template-relative indices); computed once at load.
    let staticConsumers: [[Int32]]
    /// Consumers added at run time: child instances reading a parameter bound to a node,
    /// joins, element extractors, collectors.
    var externalDependents: [[Int32]] = []
    /// Nodes that are not template nodes: constants, element extractors, collectors.
    var synthetic: [Int32: Synthetic] = [:]

    var instances: [Instance] = []
    var freeInstances: [Int32] = []
    /// Free node id ranges by template, for reuse when a template is instantiated again.
    var freeRanges: [Int32: [Int32]] = [:]
    var freeSynthetic: [Int32] = []
    /// Child instances and synthetic nodes owned by each structure node.
    var children: [Int32: Children] = [:]
    /// Running streams by source node, with the arguments they were started with.
    var streams: [Int32: RunningStream] = [:]
    var nextStreamGeneration = 0

    /// Live nodes whose value is still `.pending`.
    var pendingCount = 0
    /// Per node: whether it is a live output node (a resource, an edge, an assert).
    var isOutput: [Bool] = []
    /// Whether an output changed (or appeared or went away) since the last graph.
    var outputsChanged = true
    /// Nodes recomputed by the last `stabilize()`, in order, when `recordRecomputes` is set.
    public private(set) var lastRecomputed: [Int32] = []
    public var recordRecomputes = false
    /// Whether `stabilize()` hands the host a new graph when outputs change (benchmarks of
    /// the dataflow alone turn it off and call `currentGraph()` when they want one).
    public var deliversGraphs = true
    /// Scratch registers for bodies.
    var registers: [Value] = []

    let events = EventQueue()
    /// Instantiations deeper than this are an error, not an unbounded recursion.
    static let maximumDepth = 200

    /// Loads a verified program against `host`: every builtin import must be known to it,
    /// every kind import must match the host's kind (if the host knows the kind).
    public init(program: Program, host: Host) throws(LoadError) {
        guard host.interfaceVersion == HostInterface.version else {
            throw LoadError("the runtime implements host interface version \(host.interfaceVersion), this VM needs \(HostInterface.version)")
        }
        try Verifier.verify(program)
        var bindings: [BuiltinBinding] = []
        for builtin in program.builtins {
            guard let binding = host.builtin(named: builtin.name, signature: builtin.signature) else {
                throw LoadError("unknown builtin \(Value.goQuote(builtin.name)) with signature \(Value.goQuote(builtin.signature.description))")
            }
            bindings.append(binding)
        }
        var kindDescriptors: [ResourceKindDescriptor?] = []
        for kind in program.kinds {
            let known = host.resourceKind(named: kind.kind)
            kindDescriptors.append(known)
            guard let known else { continue }
            for param in kind.params {
                guard let p = known.param(named: param.name) else {
                    throw LoadError("resource kind \(Value.goQuote(kind.kind)) has no param \(Value.goQuote(param.name))")
                }
                guard p.type == .variant || p.type == param.type else {
                    throw LoadError("param \(Value.goQuote(param.name)) of \(Value.goQuote(kind.kind)) is \(p.type), the program was compiled for \(param.type)")
                }
            }
        }
        self.program = program
        self.host = host
        self.bindings = bindings
        self.kindDescriptors = kindDescriptors
        self.structFieldNames = program.types.map { type in
            guard case .struct(let fields) = type else { return nil }
            return fields.map(\.name)
        }
        var consumers = [[Int32]](repeating: [], count: program.nodes.count)
        for template in program.templates {
            for local in 0..<template.nodeCount {
                for ref in program.nodes[template.firstNode + local].inputs where !ref.isParam {
                    consumers[template.firstNode + ref.index].append(Int32(local))
                }
            }
        }
        self.staticConsumers = consumers
    }

    /// Instantiates the program and runs the first stabilization.
    public func start() throws(VMFailure) {
        _ = instantiate(template: 0, params: [], base: 0, depth: 0)
        try stabilize()
    }

    /// Whether every live node has a value: a complete, consistent table of values.
    public var isComplete: Bool { pendingCount == 0 && queue.isEmpty }

    /// Recomputes every dirty node in height order; hands the host a new graph when the
    /// table is complete and an output changed.
    public func stabilize() throws(VMFailure) {
        if recordRecomputes { lastRecomputed.removeAll() }
        while let node = queue.pop() {
            if recordRecomputes { lastRecomputed.append(node) }
            try recompute(node)
        }
        if deliversGraphs && isComplete && outputsChanged {
            outputsChanged = false
            host.graphChanged(try buildGraph())
        }
    }

    /// The resource graph of the current values (nil while the table is incomplete).
    public func currentGraph() throws(VMFailure) -> ResourceGraph? {
        isComplete ? try buildGraph() : nil
    }

    /// Applies the values streams have sent since the last call; true if any arrived.
    @discardableResult
    public func applyEvents() -> Bool {
        let pending = events.drain()
        for event in pending {
            guard let stream = streams[event.node], stream.generation == event.generation else { continue }
            let new: NodeValue
            switch event.result {
            case .success(let v): new = .value(v)
            case .failure(let e): new = .error(e)
            }
            setValue(event.node, new)
        }
        return !pending.isEmpty
    }

    /// Blocks until a stream sends something or `timeout` passes; true if something arrived.
    public func waitForEvents(timeout: Double) -> Bool { events.wait(timeout: timeout) }

    /// Stops every stream (the program is done).
    public func shutdown() {
        for (_, stream) in streams { stream.handle?.stop() }
        streams.removeAll()
    }

    /// Sets a node's value; on a change, its dependents become dirty. Keeps `pendingCount`.
    func setValue(_ node: Int32, _ new: NodeValue) {
        let old = values[Int(node)]
        guard old != new else { return }
        if case .pending = old { pendingCount -= 1 }
        if case .pending = new { pendingCount += 1 }
        values[Int(node)] = new
        if isOutput[Int(node)] { outputsChanged = true }
        forEachDependent(of: node) { queue.add($0, height: height[Int($0)]) }
    }

    /// Calls `body` for every node that reads `node`.
    func forEachDependent(of node: Int32, _ body: (Int32) -> Void) {
        let s = spec[Int(node)]
        if s >= 0 {
            let first = instances[Int(instanceOf[Int(node)])].firstNode
            for local in staticConsumers[Int(s)] { body(first + local) }
        }
        for d in externalDependents[Int(node)] { body(d) }
    }

    /// The byline of a node's span, for errors and tests.
    public func position(ofNode node: Int32) -> String {
        let s = spec[Int(node)]
        guard s >= 0 else { return "(synthetic)" }
        return position(ofSpan: program.nodes[Int(s)].span)
    }

    func position(ofSpan index: Int) -> String {
        let span = program.spans[index]
        return "\(program.files[span.file]) @ \(span.line1):\(span.column1)-\(span.line2):\(span.column2)"
    }

    /// Bytes the engine holds for its nodes: the per-node arrays (by capacity), dependent
    /// lists, instances, and the values' own storage (strings and containers, estimated).
    public func footprint() -> Int {
        let perNode = MemoryLayout<Int32>.stride * 3 + MemoryLayout<NodeValue>.stride + 2 + MemoryLayout<[Int32]>.stride + 4
        var bytes = spec.capacity * perNode
        for list in externalDependents where !list.isEmpty { bytes += list.capacity * 4 + 32 }
        for instance in instances { bytes += MemoryLayout<Instance>.stride + instance.params.capacity * 4 }
        for value in values { if case .value(let v) = value { bytes += v.heapBytes } }
        return bytes
    }

    /// Live nodes, template and synthetic (for tools and benchmarks).
    public var liveNodeCount: Int { live.lazy.filter { $0 }.count }

    /// The node's current value (for tests and tools).
    public func value(ofNode node: Int32) -> NodeValue { values[Int(node)] }

    /// The `program.nodes` index of a runtime node, or nil for a synthetic one.
    public func specIndex(ofNode node: Int32) -> Int? {
        let s = spec[Int(node)]
        return s >= 0 ? Int(s) : nil
    }
}

/// A node that belongs to no template.
enum Synthetic {
    /// A fixed value: a loop index or key, a captured value of a closure.
    case constant
    /// Element `index` of the list in `source` (or the value of `key` in the map).
    case element(source: Int32, index: Int, key: Value?)
    /// The result of an `iterate` node, from its children's results.
    case collector(of: Int32, inputs: [Int32])
}

/// One template instance.
struct Instance {
    var template: Int32
    var firstNode: Int32
    var params: [Int32]
    var depth: Int
}

/// What a structure node created.
struct Children {
    var instances: [Int32] = []
    var synthetic: [Int32] = []
    /// The shape the children were built for (a count, a key list, a function value).
    var shape: Value?
    /// The node whose value is the structure's result (a child's result or a collector).
    var result: Int32?
    /// Dependencies registered on nodes that may outlive the children (a join reading a
    /// parameter the branch template returns as is): (source, dependent), undone on release.
    var links: [(Int32, Int32)] = []
}

struct RunningStream {
    var generation: Int
    var arguments: [Value]
    var handle: StreamHandle?
}

/// Stream values from any thread, drained by the VM's thread (a mutex and a condition
/// variable: the VM imports no Foundation).
final class EventQueue: @unchecked Sendable {
    struct Event {
        var node: Int32
        var generation: Int
        var result: Result<Value, RuntimeError>
    }

    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var items: [Event] = []

    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }

    deinit {
        pthread_cond_destroy(&condition)
        pthread_mutex_destroy(&mutex)
    }

    func push(_ event: Event) {
        pthread_mutex_lock(&mutex)
        items.append(event)
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }

    func drain() -> [Event] {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        let out = items
        items.removeAll()
        return out
    }

    /// Waits up to `timeout` seconds for an event; true if one is there.
    func wait(timeout: Double) -> Bool {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        if items.isEmpty {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME, &now)
            let nanos = Int(now.tv_nsec) + Int((timeout - timeout.rounded(.down)) * 1e9)
            var deadline = timespec(tv_sec: now.tv_sec + Int(timeout) + nanos / 1_000_000_000, tv_nsec: nanos % 1_000_000_000)
            _ = pthread_cond_timedwait(&condition, &mutex, &deadline)
        }
        return !items.isEmpty
    }
}
