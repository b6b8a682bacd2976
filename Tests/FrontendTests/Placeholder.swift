import Testing
@testable import Frontend
