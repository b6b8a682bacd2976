/// The recompute heap of incremental evaluation (Jane Street incremental's
/// `recompute_heap`): nodes waiting to be recomputed, bucketed by height.
///
/// `add` is O(1); `pop` returns a lowest-height node, scanning buckets from a cursor that
/// only moves up within a stabilization (a node added below the cursor moves it back down,
/// which happens only between stabilizations or for freshly created nodes, whose heights
/// are above the node that created them). A node is in the queue at most once.
struct DirtyQueue {
    /// `buckets[h]` holds the nodes of height `h` (stale entries are skipped on pop).
    private var buckets: [[Int32]] = []
    /// Whether each node is currently queued, and at which height.
    private var queuedHeight: [Int32] = []
    private var cursor = 0
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Makes room for node ids below `n`.
    mutating func grow(to n: Int) {
        if queuedHeight.count < n { queuedHeight += [Int32](repeating: -1, count: n - queuedHeight.count) }
    }

    func contains(_ node: Int32) -> Bool { queuedHeight[Int(node)] >= 0 }

    mutating func add(_ node: Int32, height: Int32) {
        guard queuedHeight[Int(node)] < 0 else { return }
        let h = Int(height)
        while buckets.count <= h { buckets.append([]) }
        buckets[h].append(node)
        queuedHeight[Int(node)] = height
        count += 1
        if h < cursor { cursor = h }
    }

    /// Takes a node out (it was released or its height changed); its bucket entry goes stale.
    mutating func remove(_ node: Int32) {
        guard queuedHeight[Int(node)] >= 0 else { return }
        queuedHeight[Int(node)] = -1
        count -= 1
    }

    /// A node of the lowest queued height, or nil when empty.
    mutating func pop() -> Int32? {
        while count > 0 {
            while cursor < buckets.count, buckets[cursor].isEmpty { cursor += 1 }
            guard cursor < buckets.count else { return nil }
            let node = buckets[cursor].removeLast()
            if queuedHeight[Int(node)] == Int32(cursor) {  // else a stale entry
                queuedHeight[Int(node)] = -1
                count -= 1
                return node
            }
        }
        // Drop stale entries so the buckets do not grow without bound.
        for h in buckets.indices { buckets[h].removeAll(keepingCapacity: true) }
        cursor = 0
        return nil
    }

    /// Checks that every queued node is in its bucket (debug test runs).
    func checkInvariants() -> Bool {
        var seen = 0
        for (h, bucket) in buckets.enumerated() {
            for node in Set(bucket) where queuedHeight[Int(node)] == Int32(h) { seen += 1 }
        }
        return seen == count
    }
}
