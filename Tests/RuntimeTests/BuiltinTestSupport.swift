import Foundation
import Testing
import VM
@testable import Runtime

/// Calls the function builtin `name` with `args`.
func call(_ name: String, _ args: Value...) throws -> Value {
    let body = try #require(Builtins.functions[name], "no implementation of \(name)")
    return try body(args)
}

/// Expects `name(args)` to fail with exactly `message`, and to be catchable or fatal as stated.
func expectFailure(_ name: String, _ args: [Value], _ message: String, catchable: Bool = false,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    guard let body = Builtins.functions[name] else {
        Issue.record("no implementation of \(name)", sourceLocation: sourceLocation)
        return
    }
    do {
        let value = try body(args)
        Issue.record("\(name) returned \(value) instead of failing with \(message)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message == message, sourceLocation: sourceLocation)
        #expect(error.catchable == catchable, "\(name): catchable should be \(catchable)", sourceLocation: sourceLocation)
    }
}

/// A `[]str` value.
func strList(_ elements: String...) -> Value { .list(elements.map(Value.str)) }

/// A struct value from (field, value) pairs in order.
func structValue(_ fields: KeyValuePairs<String, Value>) -> Value {
    .struct(Value.StructValue(names: fields.map(\.key), values: fields.map(\.value)))
}

/// A map value from pairs.
func mapValue(_ pairs: [(Value, Value)]) -> Value { .map(Value.MapValue(pairs: pairs)) }

/// Environment variables the tests read, added once per process: adding a variable while
/// another thread reads the environment is unsafe in glibc, so no test adds or removes any
/// other. Names starting `MGMT_TEST_UNSET` are never set.
enum TestEnvironment {
    static let ready: Bool = {
        setenv("MGMT_TEST_VALUE", "a=b", 1)
        setenv("MGMT_TEST_EMPTY", "", 1)
        return true
    }()
}
