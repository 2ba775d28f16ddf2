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

@Suite struct ImmediateAcceptanceTests {
    @Test func textbookCaseDiffersFromDeferredAcceptance() {
        // Round 1: school 0 admits 2 over 1, school 1 admits 0. Round 2: 1 finds school 1
        // full. Round 3: 1 gets school 2.
        let instance = textbookInstance()
        let m = ImmediateAcceptance.match(instance)
        #expect(m.schools == [1, 2, 0])
        #expect(m.ranks == [1, 3, 1])
        let comparison = MechanismComparison(instance)
        #expect(comparison.deferredAcceptance == DeferredAcceptance.match(instance))
        #expect(comparison.immediateAcceptance == m)
        #expect(comparison.differing == [0, 1, 2])
        #expect(comparison.differingCount == 3)
    }

    @Test func listingASaferSchoolFirstPaysUnderImmediateAcceptanceOnly() {
        // Student 1 truly prefers 0 > 1 > 2. Listing 1 first gets school 1 instead of 2 under
        // immediate acceptance; under deferred acceptance the truthful list already gets 1.
        let truthful = ImmediateAcceptance.match(textbookInstance())
        let strategic = ImmediateAcceptance.match(textbookInstance(list1: [1, 0, 2]))
        #expect(truthful.school(of: 1) == 2)
        #expect(strategic.school(of: 1) == 1)
        #expect(DeferredAcceptance.match(textbookInstance()).school(of: 1) == 1)
        #expect(DeferredAcceptance.match(textbookInstance(list1: [1, 0, 2])).school(of: 1) == 1)
    }

    @Test func admissionsAreFinalAndSeatsCarryOver() throws {
        // Round 1: school 0 (2 seats) admits students 1 and 3 (tie-break ranks 0 and 1) of its
        // four tier-1 applicants; school 1 (2 seats) admits its one applicant, student 4.
        // Round 2: school 1 has one seat left for students 0 (tier 0) and 2 (tier 1): admits 0.
        let instance = try MatchingInstance(
            capacities: [2, 2], preferences: [[0, 1], [0, 1], [0, 1], [0, 1], [1]],
            tiers: [[1, 0], [1, 1], [1, 1], [1, 1], [1]], tieRanks: [4, 0, 2, 1, 3])
        let m = ImmediateAcceptance.match(instance)
        #expect(m.schools == [1, 0, nil, 0, 1])
        #expect(m.ranks == [2, 1, nil, 1, 1])
        // Under deferred acceptance student 2 (tier 1, rank 2) displaces student 4 (tier 1,
        // rank 3) at school 1, though student 4 listed it first.
        #expect(DeferredAcceptance.match(instance).schools == [1, 0, 1, 0, nil])
        #expect(MechanismComparison(instance).differing == [2, 4])
    }

    @Test func mechanismNamesAreTheCaseFileValues() {
        #expect(Mechanism(rawValue: "deferred-acceptance") == .deferredAcceptance)
        #expect(Mechanism(rawValue: "immediate-acceptance") == .immediateAcceptance)
        #expect(Mechanism.immediateAcceptance.match(textbookInstance()).schools == [1, 2, 0])
    }
}
