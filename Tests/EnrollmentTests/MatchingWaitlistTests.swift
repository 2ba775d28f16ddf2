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

@Suite struct MatchingWaitlistTests {
    /// Schools 0, 1, 2 of one seat. Student 0 holds school 0; student 1 (tier 1 at school 0)
    /// falls to school 1; student 2 (tier 1 at school 1) falls to school 2; student 3 (tier 1
    /// at school 2) is unplaced.
    func chain() -> (MatchingInstance, Matching) {
        let instance = try! MatchingInstance(
            capacities: [1, 1, 1], preferences: [[0], [0, 1], [1, 2], [2]],
            tiers: [[0], [1, 0], [1, 0], [1]], tieRanks: [0, 1, 2, 3])
        return (instance, DeferredAcceptance.match(instance))
    }

    @Test func cutoffsAndWaitlists() {
        let (instance, matching) = chain()
        #expect(matching.schools == [0, 1, 2, nil])
        #expect(Waitlist.cutoffs(matching, in: instance) == [
            Cutoff(tier: 0, tieRank: 0), Cutoff(tier: 0, tieRank: 1), Cutoff(tier: 0, tieRank: 2),
        ])
        #expect(Waitlist.waitlists(matching, in: instance) == [[1], [2], [3]])
    }

    @Test func noCutoffWhereSeatsAreLeftOrNobodyCame() throws {
        let instance = try MatchingInstance(
            capacities: [2, 0, 1, 1], preferences: [[0], [1, 2]], tiers: [[3], [0, 2]], tieRanks: [1, 0])
        let matching = DeferredAcceptance.match(instance)
        #expect(matching.schools == [0, 2])
        #expect(Waitlist.cutoffs(matching, in: instance) == [nil, nil, Cutoff(tier: 2, tieRank: 0), nil])
        // Student 1 listed school 1 above the school it holds.
        #expect(Waitlist.waitlists(matching, in: instance) == [[], [1], [], []])
    }

    @Test func waitlistsOrderByTierThenTieRankAndIncludeReassigned() throws {
        let instance = try MatchingInstance(
            capacities: [1, 1, 1], preferences: [[0], [0], [0], [0, 1]], tiers: [[0], [1], [1], [2, 0]],
            tieRanks: [3, 2, 0, 1])
        // Student 3 gets school 1 (second choice); students 1 and 2 are unplaced, and student 2
        // is then reassigned to school 2, which nobody listed.
        let matching = DeferredAcceptance.match(instance)
        #expect(matching.schools == [0, nil, nil, 1])
        let homes = [Reassignment.Location?](repeating: nil, count: 4)
        let (_, reassigned) = Reassignment.reassign(
            [2], after: matching, in: instance, candidates: [2], homes: homes,
            schools: .init(repeating: .init(latitude: 0, longitude: 0), count: 3))
        #expect(reassigned.schools == [0, nil, 2, 1])
        // School 0: tier 1 by tie-break rank (student 2 rank 0, student 1 rank 2), then tier 2.
        #expect(Waitlist.waitlists(reassigned, in: instance) == [[2, 1, 3], [], []])
        // Cutoffs count only students admitted by priority: school 2 has none.
        #expect(Waitlist.cutoffs(reassigned, in: instance) == [
            Cutoff(tier: 0, tieRank: 3), Cutoff(tier: 0, tieRank: 1), nil,
        ])
    }

    @Test func oneWithdrawalStartsAChainToTheEnd() {
        let (instance, matching) = chain()
        let result = VacancyChain.promote(
            withdrawn: [0], from: matching, waitlists: Waitlist.waitlists(matching, in: instance), in: instance)
        #expect(result.moves == [
            VacancyMove(student: 1, from: 1, to: 0), VacancyMove(student: 2, from: 2, to: 1),
            VacancyMove(student: 3, from: nil, to: 2),
        ])
        #expect(result.matching.schools == [nil, 0, 1, 2])
        #expect(result.matching.ranks == [nil, 1, 1, 1])
        #expect(result.emptySeats == [0, 0, 0])
    }

    @Test func simultaneousVacanciesGoByLowestSchoolIndex() throws {
        // Student 0 holds school 0, student 1 school 1; student 2 (lists 0, 1, 2) holds
        // school 2; student 3 lists only school 1 and is unplaced.
        let instance = try MatchingInstance(
            capacities: [1, 1, 1], preferences: [[0], [1], [0, 1, 2], [1]],
            tiers: [[0], [0], [1, 1, 0], [2]], tieRanks: [0, 1, 2, 3])
        let matching = DeferredAcceptance.match(instance)
        #expect(matching.schools == [0, 1, 2, nil])
        let waitlists = Waitlist.waitlists(matching, in: instance)
        #expect(waitlists == [[2], [2, 3], []])
        // Both withdraw. School 0 first: student 2 moves up from 2. School 1: student 2 no
        // longer wants it, student 3 does. School 2's freed seat has nobody waiting.
        for withdrawn in [[1, 0], [0, 1, 1]] {
            let result = VacancyChain.promote(withdrawn: withdrawn, from: matching, waitlists: waitlists, in: instance)
            #expect(result.moves == [
                VacancyMove(student: 2, from: 2, to: 0), VacancyMove(student: 3, from: nil, to: 1),
            ])
            #expect(result.matching.schools == [nil, nil, 0, 1])
            #expect(result.emptySeats == [0, 0, 1])
        }
    }

    @Test func withdrawnStudentsAreNeverPromoted() {
        let (instance, matching) = chain()
        let result = VacancyChain.promote(
            withdrawn: [0, 1], from: matching, waitlists: Waitlist.waitlists(matching, in: instance), in: instance)
        // School 0's waitlist holds only student 1, who withdrew; school 1 goes to student 2.
        #expect(result.moves == [VacancyMove(student: 2, from: 2, to: 1), VacancyMove(student: 3, from: nil, to: 2)])
        #expect(result.emptySeats == [1, 0, 0])
    }
}
