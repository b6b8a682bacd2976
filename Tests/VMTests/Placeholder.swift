import Testing
@testable import VM
