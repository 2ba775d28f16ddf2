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

@Suite struct MatchingAuditTests {
    @Test func eachMechanismPassesItsOwnAudit() {
        let instance = textbookInstance()
        for mechanism in Mechanism.allCases {
            #expect(MatchingAudit.audit(mechanism.match(instance), in: instance, mechanism: mechanism) == [])
        }
    }

    @Test func immediateAcceptanceIsNotStable() {
        // Student 1 (at school 2) prefers school 1, whose holder student 0 has a worse tier there.
        let instance = textbookInstance()
        let ia = ImmediateAcceptance.match(instance)
        let violations = MatchingAudit.audit(ia, in: instance, mechanism: .deferredAcceptance)
        #expect(violations == [.justifiedEnvy(student: 1, school: 1, heldStudent: 0)])
        #expect(violations[0].description
            == "student #1 prefers school #1, which admitted student #0 with a worse priority there")
    }

    @Test func deferredAcceptanceBreaksTheRoundRule() {
        let instance = textbookInstance()
        let da = DeferredAcceptance.match(instance)
        #expect(MatchingAudit.audit(da, in: instance, mechanism: .immediateAcceptance) == [
            .roundRuleBroken(student: 0, expected: 1, actual: 0),
            .roundRuleBroken(student: 1, expected: 2, actual: 1),
            .roundRuleBroken(student: 2, expected: 0, actual: 2),
        ])
    }

    @Test func findsWasteOverCapacityAndUnlistedSchools() throws {
        let instance = try MatchingInstance(
            capacities: [1, 1, 2], preferences: [[0, 1], [0], [1]], tiers: [[0, 0], [1], [0]],
            tieRanks: [0, 1, 2])
        // Student 0 and 1 both at school 0 (one seat); student 2 at school 2, which it did
        // not list; school 1 is left empty though students 0 and 2 prefer it.
        let placed = Matching(schools: [0, 0, 2], in: instance)
        #expect(MatchingAudit.audit(placed, in: instance, mechanism: .deferredAcceptance) == [
            .schoolNotListed(student: 2, school: 2),
            .overCapacity(school: 0, seated: 2, capacity: 1),
            .wastedSeat(student: 2, school: 1),
        ])
    }

    @Test func rowsAreCheckedForDuplicatesAndRange() {
        let instance = textbookInstance()
        let rows: [(student: Int, school: Int)] = [(0, 0), (1, 1), (2, 2), (1, 2), (3, 0), (0, 7)]
        #expect(MatchingAudit.audit(placements: rows, in: instance, mechanism: .deferredAcceptance) == [
            .placedMoreThanOnce(student: 1),
            .unknownStudent(student: 3),
            .unknownSchool(student: 0, school: 7),
        ])
        let good: [(student: Int, school: Int)] = [(2, 2), (0, 0), (1, 1)]
        #expect(MatchingAudit.audit(placements: good, in: instance, mechanism: .deferredAcceptance) == [])
    }
}
