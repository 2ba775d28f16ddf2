import Testing
@testable import EnrollmentIO

/// `concurrentMap` gives what the serial map gives, in order.
@Suite struct ConcurrentMapTests {
    @Test func theSlotsComeBackInOrder() {
        let words = (0..<1_000).map { "w\($0)" }
        #expect(concurrentMap(count: words.count) { words[$0].uppercased() } == words.map { $0.uppercased() })
        #expect(concurrentMap(count: 0) { $0 }.isEmpty)
    }
}
