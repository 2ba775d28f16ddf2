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

@Suite struct MatchingInstanceTests {
    @Test func storesListsInCompressedRows() throws {
        let instance = try MatchingInstance(
            capacities: [2, 1, 0], preferences: [[2, 0], [], [1, 0, 2]], tiers: [[5, -1], [], [0, 1, 2]],
            tieRanks: [1, 2, 0])
        #expect(instance.choiceOffsets == [0, 2, 2, 5])
        #expect(instance.choiceSchools == [2, 0, 1, 0, 2])
        #expect(instance.choiceTiers == [5, -1, 0, 1, 2])
        #expect(instance.preferences(of: 2) == [1, 0, 2])
        #expect(instance.choiceRank(of: 0, for: 0) == 2)
        #expect(instance.choiceRank(of: 0, for: 1) == nil)
        #expect(instance.tier(of: 0, at: 0) == -1)
        #expect(instance.studentsByTieRank() == [2, 0, 1])
    }

    @Test func tieRanksFromSortKeys() {
        let (high, low) = (LotteryNumber(ringPosition: 0xC0FFEE), LotteryNumber(ringPosition: 7))
        let keys = [LotteryOrder(number: high, studentID: "a"), LotteryOrder(number: low, studentID: "b"),
                    LotteryOrder(number: LotteryNumber(ringPosition: 0xBEEF), studentID: "c"), LotteryOrder(number: low, studentID: "b")]
        // Equal keys (the last two) are ordered by their index.
        #expect(MatchingInstance.tieRanks(sortedBy: keys) == [3, 0, 2, 1])
        #expect(MatchingInstance.tieRanks(sortedBy: [LotteryOrder(number: low, studentID: "z"), LotteryOrder(number: low, studentID: "y")]) == [1, 0])
        #expect(MatchingInstance.tieRanks(sortedBy: []) == [])
    }

    @Test func priorityKeysOrderByTierThenTieRank() {
        let pairs: [(Int32, Int32)] = [(-3, 7), (-3, 9), (0, 0), (0, 1), (1, 0), (Int32.max, 0)]
        let keys = pairs.map { PriorityKey.pack(tier: $0.0, tieRank: $0.1) }
        #expect(keys == keys.sorted())
        #expect(keys.map(PriorityKey.tier) == pairs.map { Int($0.0) })
        #expect(keys.map(PriorityKey.tieRank) == pairs.map { Int($0.1) })
    }

    @Test func rejectsBadInput() {
        func error(_ caps: [Int], _ prefs: [[Int]], _ tiers: [[Int]], _ ranks: [Int]) -> MatchingInstanceError? {
            do {
                _ = try MatchingInstance(capacities: caps, preferences: prefs, tiers: tiers, tieRanks: ranks)
                return nil
            } catch { return error }
        }
        #expect(error([1], [[0, 0]], [[0, 0]], [0]) == .repeatedSchool(student: 0, school: 0))
        #expect(error([1], [[], [3]], [[], [0]], [0, 1]) == .unknownSchool(student: 1, school: 3))
        #expect(error([-1], [[0]], [[0]], [0]) == .negativeCapacity(school: 0))
        #expect(error([1], [[0], [0]], [[0], [0]], [1, 1]) == .tieRanksNotPermutation(student: 1))
        #expect(error([1], [[0]], [[0, 1]], [0]) == .tierCountMismatch)
        #expect(error([1], [[0]], [[1 << 40]], [0]) == .tierOutOfRange(student: 0, school: 0))
        #expect(error([1], [[0]], [[0]], [0, 1]) == .studentCountMismatch)
        #expect(MatchingInstanceError.repeatedSchool(student: 4, school: 2).description
            == "student #4 lists school #2 more than once; keep its best position")
    }
}
