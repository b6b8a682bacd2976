import ArgumentParser
import Foundation
import Runtime
import VM

/// Runs a program until its first complete set of values and returns the resource graph
/// it builds (validated, with automatic edges).
enum FirstGraph {
    static func compute(_ program: Program, deployRoot: String, hostname: String, clock: any Clock, timeout: Double) throws -> BuiltGraph {
        // A graph run keeps no state: its prefix (World database, function state) is temporary.
        let prefix = NSTemporaryDirectory() + "mgmt-graph-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let world: SQLiteWorld
        do {
            world = try SQLiteWorld.open(prefix: prefix, hostname: MachineName.current, clock: clock)
        } catch {
            return try runtimeError("cannot open the World: \(error)")
        }
        defer { world.close() }
        let host = RuntimeHost(.init(hostname: hostname, deployRoot: deployRoot, prefix: prefix, clock: clock, world: world))
        var first: ResourceGraph?
        host.onGraph = { graph in if first == nil { first = graph } }
        let vm: VirtualMachine
        do {
            vm = try VirtualMachine(program: program, host: host)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        defer { vm.shutdown() }
        do {
            try vm.start()
            let deadline = Date().addingTimeInterval(timeout)
            while first == nil {
                let left = deadline.timeIntervalSinceNow
                guard left > 0 else {
                    return try runtimeError("no complete set of values after \(Int(timeout)) seconds (some stream has not produced its first value)")
                }
                if vm.waitForEvents(timeout: min(left, 0.5)) {
                    vm.applyEvents()
                    try vm.stabilize()
                }
            }
            return try GraphBuilder.build(first!)
        } catch let failure as VMFailure {
            return try runtimeError(failure.error.description)
        } catch let error as RuntimeError {
            return try runtimeError(error.description)
        }
    }

    private static func runtimeError(_ message: String) throws -> BuiltGraph {
        FileHandle.standardError.write(Data("error: runtime: \(message)\n".utf8))
        throw ExitCode(1)
    }
}
