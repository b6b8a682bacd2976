import Testing
import VM
@testable import Runtime

/// The math module.
@Suite struct BuiltinsMathTests {
    @Test func mod() throws {
        #expect(try call("math.mod", .int(7), .int(3)) == .int(1))
        #expect(try call("math.mod", .int(-7), .int(3)) == .int(-1))  // sign of the dividend
        #expect(try call("math.mod", .int(7), .int(-3)) == .int(1))
        #expect(try call("math.mod", .float(5.5), .float(2)) == .float(1.5))
        #expect(try call("math.mod", .float(-5.5), .float(2)) == .float(-1.5))
        expectFailure("math.mod", [.int(1), .int(0)], "result is not a number", catchable: true)
        expectFailure("math.mod", [.float(1), .float(0)], "result is not a number", catchable: true)
        expectFailure("math.mod", [.float(.infinity), .float(2)], "result is not a number", catchable: true)
    }

    @Test func powAndSqrt() throws {
        #expect(try call("math.pow", .float(2), .float(10)) == .float(1024))
        #expect(try call("math.pow", .float(4), .float(0.5)) == .float(2))
        #expect(try call("math.sqrt", .float(2.25)) == .float(1.5))
        #expect(try call("math.sqrt", .float(0)) == .float(0))
        expectFailure("math.pow", [.float(-8), .float(1.0 / 3)], "result is not a number", catchable: true)
        expectFailure("math.pow", [.float(10), .float(400)], "unexpected positive infinity", catchable: true)
        expectFailure("math.pow", [.float(-10), .float(401)], "unexpected negative infinity", catchable: true)
        expectFailure("math.sqrt", [.float(-1)], "result is not a number", catchable: true)
        expectFailure("math.sqrt", [.float(.infinity)], "unexpected positive infinity", catchable: true)
    }

    @Test func smallOnes() throws {
        #expect(try call("math.minus1", .int(0)) == .int(-1))
        #expect(try call("math.minus1", .int(.min)) == .int(.max))  // wraps like Go's int64
        #expect(try call("math.fortytwo") == .int(42))
    }
}
