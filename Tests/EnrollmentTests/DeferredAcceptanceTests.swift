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

@Suite struct DeferredAcceptanceTests {
    @Test func textbookCase() {
        // Round 1: 0→school 1, 1 and 2→school 0 (holds 2). 1→school 1 displaces 0;
        // 0→school 0 displaces 2; 2→school 1 refused; 2→school 2.
        let m = DeferredAcceptance.match(textbookInstance())
        #expect(m.schools == [0, 1, 2])
        #expect(m.ranks == [2, 2, 3])
    }

    @Test func tiesInATierGoByTieRank() throws {
        // School 0 has two seats; student 0 is in tier 0 there, the others in tier 1, where
        // tie-break ranks 0 (student 2) and 1 (student 1) come first.
        let instance = try MatchingInstance(
            capacities: [2, 2], preferences: [[0, 1], [0, 1], [0, 1], [0, 1]],
            tiers: [[0, 0], [1, 0], [1, 0], [1, 0]], tieRanks: [3, 1, 0, 2])
        let m = DeferredAcceptance.match(instance)
        #expect(m.schools == [0, 1, 0, 1])
        #expect(m.ranks == [1, 2, 1, 2])
    }

    @Test func schoolsWithoutSeatsAndEmptyListsLeaveStudentsUnplaced() throws {
        let instance = try MatchingInstance(
            capacities: [0, 1], preferences: [[0], [], [0, 1], [1]], tiers: [[0], [], [0, 1], [0]],
            tieRanks: [0, 1, 2, 3])
        let m = DeferredAcceptance.match(instance)
        // Student 3 has the better tier at school 1 (0 against 1).
        #expect(m.schools == [nil, nil, nil, 1])
        #expect(m.ranks == [nil, nil, nil, 1])
    }

    @Test func aDisplacedStudentMovesDownAChain() throws {
        // Capacity 1 everywhere; each newcomer displaces the holder of its first choice.
        let instance = try MatchingInstance(
            capacities: [1, 1, 1], preferences: [[0, 1, 2], [0, 1, 2], [0, 1, 2]],
            tiers: [[2, 2, 2], [1, 1, 1], [0, 0, 0]], tieRanks: [0, 1, 2])
        let m = DeferredAcceptance.match(instance)
        #expect(m.schools == [2, 1, 0])
        #expect(m.ranks == [3, 2, 1])
    }

    @Test func seatsBeyondTheNumberOfStudentsAreHarmless() throws {
        let instance = try MatchingInstance(
            capacities: [1_000_000, 1], preferences: [[1, 0], [1, 0]], tiers: [[0, 0], [0, 0]], tieRanks: [1, 0])
        let m = DeferredAcceptance.match(instance)
        #expect(m.schools == [0, 1])
        #expect(m.ranks == [2, 1])
        #expect(Waitlist.cutoffs(m, in: instance) == [nil, Cutoff(tier: 0, tieRank: 0)])
    }
}
