import Testing
@testable import EnrollmentIO

/// `concurrentMap` and `concurrentPair` give what the serial calls give, in order.
@Suite struct ConcurrentMapTests {
    @Test func theSlotsComeBackInOrder() {
        let words = (0..<1_000).map { "w\($0)" }
        #expect(concurrentMap(count: words.count) { words[$0].uppercased() } == words.map { $0.uppercased() })
        #expect(concurrentMap(count: 0) { $0 }.isEmpty)
    }

    @Test func aPairGivesBothResults() {
        let numbers = Array(1...100_000)
        let (sum, text) = concurrentPair({ numbers.reduce(0, +) }, { numbers.prefix(3).map(String.init).joined(separator: ",") })
        #expect(sum == 5_000_050_000 && text == "1,2,3")
        let (none, some): (Int?, String) = concurrentPair({ nil }, { "b" })
        #expect(none == nil && some == "b")
    }
}
