import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

/// Reserved seats (预留学位, issue 23): filled first from their category by the same tiers and
/// lottery, released to everyone when the category leaves them, and processed before or after
/// the open seats as the policy says — the worked example of docs/PLACEMENT.md.
@Suite struct ReservedSeatsTests {
    /// The placement of one level of these schools (id, seats) and applicants (id, categories,
    /// choices) in `SeatFixture`'s order; only applicants with seats are in the result.
    static func run(schools: [(String, Int)], applicants: [(String, [String], [String])], reserves: [ReservedSeats],
                    order: ReserveOrder, mechanism: Mechanism = .deferredAcceptance) throws -> [String: (school: String?, seats: String?)] {
        var policy = Policy()
        policy.reservedSeats = reserves
        policy.reserveOrder = order
        policy.mechanism = mechanism
        let result = try SeatFixture.run(schools: schools.map { SeatFixture.SchoolSpec(id: $0.0, seats: $0.1) }, applicants: applicants, policy: policy)
        #expect(result.violations.isEmpty)
        return result.placements
    }

    /// Four seats, two reserved for left-behind children; A, B*, C, D, E*, F* in order (* left behind).
    static let workedExample: [(String, [String], [String])] = [
        ("A", [], ["P1"]), ("B", ["left_behind"], ["P1"]), ("C", [], ["P1"]),
        ("D", [], ["P1"]), ("E", ["left_behind"], ["P1"]), ("F", ["left_behind"], ["P1"]),
    ]

    static func admitted(_ result: [String: (school: String?, seats: String?)]) -> [String: String] {
        result.compactMapValues { $0.seats }
    }

    @Test func theTwoProcessingOrdersGiveTheDocumentedResults() throws {
        let reserve = [ReservedSeats(school: "P1", category: "left_behind", seats: 2)]
        for mechanism in Mechanism.allCases {
            let openFirst = try Self.run(schools: [("P1", 4)], applicants: Self.workedExample, reserves: reserve, order: .openFirst, mechanism: mechanism)
            #expect(Self.admitted(openFirst) == ["A": "open", "B": "open", "E": "reserved:left_behind", "F": "reserved:left_behind"])
            let reservesFirst = try Self.run(schools: [("P1", 4)], applicants: Self.workedExample, reserves: reserve, order: .reservesFirst, mechanism: mechanism)
            #expect(Self.admitted(reservesFirst) == ["A": "open", "C": "open", "B": "reserved:left_behind", "E": "reserved:left_behind"])
        }
    }

    @Test func aReservedSeatLeftUnusedGoesToTheNextApplicantInTheOpenOrder() throws {
        let applicants: [(String, [String], [String])] = [("A", [], ["P1"]), ("B", [], ["P1"]), ("C", [], ["P1"]), ("D", [], ["P1"])]
        let reserve = [ReservedSeats(school: "P1", category: "disabled", seats: 1)]
        let openFirst = try Self.run(schools: [("P1", 3)], applicants: applicants, reserves: reserve, order: .openFirst)
        #expect(Self.admitted(openFirst) == ["A": "open", "B": "open", "C": "reserved:disabled"])
        let reservesFirst = try Self.run(schools: [("P1", 3)], applicants: applicants, reserves: reserve, order: .reservesFirst)
        #expect(Self.admitted(reservesFirst) == ["A": "reserved:disabled", "B": "open", "C": "open"])
        #expect(openFirst["D"]?.school == nil)
    }

    @Test func withoutReservesEverySchoolIsOneGroupAndTheResultIsUnchanged() throws {
        let plain = try Self.run(schools: [("P1", 4)], applicants: Self.workedExample, reserves: [], order: .openFirst)
        #expect(Self.admitted(plain) == ["A": "all", "B": "all", "C": "all", "D": "all"])
    }

    /// Immediate acceptance takes all of a school's groups in one round: B, refused by both
    /// groups of P1 in round 1, applies to P2 in round 2 beside D, whom B outranks there.
    @Test func immediateAcceptanceTakesASchoolsGroupsInOneRound() throws {
        let applicants: [(String, [String], [String])] = [
            ("E", [], ["P3"]), ("A", [], ["P1"]), ("B", [], ["P1", "P2"]), ("C", ["left_behind"], ["P1"]), ("D", [], ["P3", "P2"]),
        ]
        let result = try Self.run(schools: [("P1", 2), ("P2", 1), ("P3", 1)], applicants: applicants,
                                  reserves: [ReservedSeats(school: "P1", category: "left_behind", seats: 1)], order: .openFirst,
                                  mechanism: .immediateAcceptance)
        #expect(Self.admitted(result) == ["E": "all", "A": "open", "C": "reserved:left_behind", "B": "all"])
        #expect(result["D"]?.school == nil)
    }

    @Test func anExpandedListHoldsEveryGroupOfASchoolInProcessingOrder() throws {
        let groups = SeatGroups(capacities: [4, 2], reserves: [(0, "left_behind", 1), (0, "disabled", 1)], order: .reservesFirst)
        #expect(groups.groups.indices.map(groups.label(of:)) == ["reserved:left_behind", "reserved:disabled", "open", "all"])
        #expect(groups.groups.map(\.seats) == [1, 1, 2, 2])
        let instance = try MatchingInstance(capacities: [4, 2], preferences: [[1, 0], [0]], tiers: [[3, 7], [5]], tieRanks: [1, 0])
        let expanded = groups.expand(instance) { student, category in student == 1 && category == "disabled" }
        // Tiers span 3…7, so a student outside a reserved group's category is raised by 5 there.
        #expect(expanded.preferences(of: 0) == [3, 0, 1, 2])
        #expect(expanded.choiceTiers[0..<4] == [3, 12, 12, 7])
        #expect(expanded.preferences(of: 1) == [0, 1, 2])
        #expect(Array(expanded.choiceTiers[4...]) == [10, 5, 5])
    }
}
