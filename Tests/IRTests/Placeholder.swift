import Testing
@testable import IR
