import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

@Suite struct LotteryRingSelectionTests {
    /// Hand-computed, following the rule in docs/LOTTERY.md.
    static let vectors: [(n: Int, s: Int, k: Int, m: Int, taken: [Int])] = [
        // 3; 4 5 6 [7]; 8 9 10 [1]; 2 4 5 [6]; 8 9 10 [2]
        (10, 3, 4, 5, [3, 7, 1, 6, 2]),
        // k larger than the numbers left: 5; 1 2 3 4 1 2 [3]; 4 1 2 4 1 2 [4]; 1 2 1 2 1 2 [1]; [2]
        (5, 5, 7, 5, [5, 3, 4, 1, 2]),
        // k = 1 goes round the ring in order
        (4, 3, 1, 4, [3, 4, 1, 2]),
        // 2; 3 [4]; 5 [6]; 1 [3]; 5 [1]; [5]
        (6, 2, 2, 6, [2, 4, 6, 3, 1, 5]),
        (1, 1, 9, 1, [1]),
        (10, 3, 4, 0, []),
    ]

    @Test(arguments: vectors)
    func handComputed(n: Int, s: Int, k: Int, m: Int, taken: [Int]) throws {
        #expect(try RingSelection(count: n, start: s, interval: k).select(m) == taken)
    }

    /// The rule done the slow, literal way: walk the ring one number at a time.
    static func literal(n: Int, s: Int, k: Int, m: Int) -> [Int] {
        var isTaken = [Bool](repeating: false, count: n + 1)
        var taken = [s]
        isTaken[s] = true
        var current = s
        while taken.count < m {
            var counted = 0
            while counted < k {
                current = current % n + 1
                if !isTaken[current] { counted += 1 }
            }
            taken.append(current)
            isTaken[current] = true
        }
        return taken
    }

    @Test func agreesWithTheLiteralRuleOnEverySmallCase() throws {
        for n in 1...9 {
            for s in 1...n {
                for k in 1...12 {
                    let selection = try RingSelection(count: n, start: s, interval: k)
                    #expect(try selection.select(n) == Self.literal(n: n, s: s, k: k, m: n), "n \(n) s \(s) k \(k)")
                }
            }
        }
    }

    @Test func prefixesAreConsistentAndFullSelectionIsAPermutation() throws {
        let selection = try RingSelection(count: 1000, start: 617, interval: 37)
        let all = try selection.select(1000)
        #expect(all.sorted() == Array(1...1000))
        #expect(try selection.select(250) == Array(all.prefix(250)))
        #expect(all == Self.literal(n: 1000, s: 617, k: 37, m: 1000))
    }

    @Test func hugeIntervalDoesNotOverflow() throws {
        let selection = try RingSelection(count: 7, start: 1, interval: Int.max)
        #expect(try selection.select(7) == Self.literal(n: 7, s: 1, k: Int.max % 5040 + 5040, m: 7))
    }

    @Test func validation() {
        #expect(throws: RingSelectionError.emptyList) { try RingSelection(count: 0, start: 1, interval: 1) }
        #expect(throws: RingSelectionError.startOutOfRange(start: 0, count: 10)) { try RingSelection(count: 10, start: 0, interval: 1) }
        #expect(throws: RingSelectionError.startOutOfRange(start: 11, count: 10)) { try RingSelection(count: 10, start: 11, interval: 1) }
        #expect(throws: RingSelectionError.intervalTooSmall(0)) { try RingSelection(count: 10, start: 3, interval: 0) }
        #expect(throws: RingSelectionError.tooMany(requested: 11, count: 10)) {
            try RingSelection(count: 10, start: 3, interval: 4).select(11)
        }
        #expect(throws: RingSelectionError.negativeTake(-1)) { try RingSelection(count: 10, start: 3, interval: 4).select(-1) }
    }
}
