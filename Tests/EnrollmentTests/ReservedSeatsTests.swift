import Foundation
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
        let groups = SeatGroups(capacities: [4, 2], reserves: [(0, "left_behind", 1, nil), (0, "disabled", 1, nil)], order: .reservesFirst)
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

    @Test func validateRefusesReservesThatCannotHold() throws {
        let schools = """
        school_id,name,level,sector,capacity,lon,lat,purchased_places
        P1,一小,primary,public,90,113.6,34.7,
        P2,二小,primary,private,30,113.6,34.7,40
        P3,三小,primary,public,30,113.6,34.7,5
        H1,一高,high,private,100,113.6,34.7,10

        """
        let policy = #"""
        {"reserved_seats": [
          {"school": "P99", "category": "left_behind", "seats": 2},
          {"school": "P1", "category": "left_behind", "seats": 80},
          {"school": "P1", "category": "left_behind", "seats": 1},
          {"school": "P1", "category": "disabled", "seats": 15},
          {"school": "H1", "category": "disabled", "seats": 1}
        ]}
        """#
        let folder = try caseFolder(["schools.csv": schools, "policy.json": policy])
        #expect(try CaseFolder(url: folder).load().diagnostics.map(\.description) == [
            "policy.json:2:3: reserved_seats: 'P99' is not a primary or junior school in schools.csv",
            "policy.json:4:3: reserved_seats: P1 holds seats for left_behind twice; give one entry with the sum",
            "policy.json:5:3: reserved_seats: P1 would hold 95 reserved seats but has 90 in schools.csv; reserve fewer",
            "policy.json:6:3: reserved_seats: 'H1' is not a primary or junior school in schools.csv",
            "schools.csv:3:8: purchased_places: 40 purchased places, but the school has 30 seats in all; purchased places are part of capacity",
            "schools.csv:4:8: purchased_places: only a private school sells places to the government (政府购买学位); this one is public",
            "schools.csv:5:8: purchased_places: purchased places are for compulsory education, at primary and junior schools; this one is high",
        ])
    }

    @Test func thePolicyKeysOfSeatsAreCheckedAndRoundTrip() throws {
        let bad = #"""
        {"reserved_seats": [{"school": "P1", "category": "left_behind"}, 7, {"school": "P1", "category": "", "seats": 0, "floor": 1}],
         "reserve_order": "reserve-first", "reassignment_reach_metres": -5}
        """#
        let (_, problems) = PolicyFile.read(Array(bad.utf8))
        #expect(problems.map(\.description) == [
            "policy.json:1:21: reserved_seats: each entry needs school, category and seats, such as {\"school\": \"P05\", \"category\": \"left_behind\", \"seats\": 20}",
            "policy.json:1:66: reserved_seats holds objects such as {\"school\": \"P05\", \"category\": \"left_behind\", \"seats\": 20}",
            "policy.json:1:98: reserved_seats: category must be a non-empty string",
            "policy.json:1:111: reserved_seats: seats must be a whole number from 1 to 1000000",
            "policy.json:1:123: reserved_seats: an entry has school, category, seats and cap only, not \"floor\"",
            "policy.json:2:19: reserve_order must be one of \"open-first\", \"reserves-first\"",
            "policy.json:2:65: reassignment_reach_metres must be a number of metres from 0 to 1000000, or null for the whole level",
        ])
        #expect(PolicyFile.read(Array(#"{"reserved_seats": {}}"#.utf8)).diagnostics.map(\.description) == [
            "policy.json:1:20: reserved_seats must be an array such as [{\"school\": \"P05\", \"category\": \"left_behind\", \"seats\": 20}]",
        ])
        var policy = Policy()
        policy.reservedSeats = [ReservedSeats(school: "P1", category: "left_behind", seats: 8, cap: 12), ReservedSeats(school: "P1", category: "disabled", seats: 2)]
        policy.reserveOrder = .reservesFirst
        policy.purchasedPlaceCategories = ["migrant", "left_behind"]
        policy.reassignmentReachMetres = 2_500.5
        let (again, reread) = PolicyFile.read(PolicyFile.render(policy))
        #expect(reread.isEmpty)
        #expect(again == policy)
    }
}

/// A reserve with a cap (issue 23): a floor and a ceiling for the category.
@Suite struct CappedReserveTests {
    /// Four seats, one reserved for left-behind children, at most two of them in all; A*, B*, C*,
    /// D, E in order (* left behind).
    static let applicants: [(String, [String], [String])] = [
        ("A", ["left_behind"], ["P1"]), ("B", ["left_behind"], ["P1"]), ("C", ["left_behind"], ["P1"]), ("D", [], ["P1"]), ("E", [], ["P1"]),
    ]

    @Test func theCapStopsTheCategoryAtItsCeilingWhateverTheOrder() throws {
        for order in ReserveOrder.allCases {
            for mechanism in Mechanism.allCases {
                let capped = try ReservedSeatsTests.run(schools: [("P1", 4)], applicants: Self.applicants,
                                                        reserves: [ReservedSeats(school: "P1", category: "left_behind", seats: 1, cap: 2)],
                                                        order: order, mechanism: mechanism)
                #expect(Set(ReservedSeatsTests.admitted(capped).keys) == ["A", "B", "D", "E"], "\(order) \(mechanism)")
                #expect(ReservedSeatsTests.admitted(capped)["D"] == "open-except:left_behind")
            }
            let uncapped = try ReservedSeatsTests.run(schools: [("P1", 4)], applicants: Self.applicants,
                                                      reserves: [ReservedSeats(school: "P1", category: "left_behind", seats: 1)], order: order)
            #expect(Set(ReservedSeatsTests.admitted(uncapped).keys) == ["A", "B", "C", "D"], "\(order): without a cap C comes before D")
        }
        let groups = SeatGroups(capacities: [4], reserves: [(0, "left_behind", 1, 2)], order: .openFirst)
        #expect(groups.groups.indices.map(groups.label(of:)) == ["open-except:left_behind", "open", "reserved:left_behind"])
        #expect(groups.groups.map(\.seats) == [2, 1, 1])
    }

    @Test func validateRefusesACapThatCannotHold() throws {
        let schools = "school_id,name,level,capacity,lon,lat\nP1,一小,primary,10,113.6,34.7\n"
        let policy = #"""
        {"reserved_seats": [
          {"school": "P1", "category": "left_behind", "seats": 2, "cap": 12},
          {"school": "P1", "category": "disabled", "seats": 1, "cap": 3},
          {"school": "P1", "category": "local", "seats": 4, "cap": 3}
        ]}
        """#
        let problems = try CaseFolder(url: try caseFolder(["schools.csv": schools, "policy.json": policy])).load().diagnostics.map(\.description)
        #expect(problems == [
            "policy.json:4:3: reserved_seats: a cap of 3 is below the 4 seats reserved; the cap counts the category's seats in all, the reserved ones included",
        ])
        let two = policy.replacingOccurrences(of: ",\n  {\"school\": \"P1\", \"category\": \"local\", \"seats\": 4, \"cap\": 3}", with: "")
        #expect(try CaseFolder(url: try caseFolder(["schools.csv": schools, "policy.json": two], name: "two")).load().diagnostics.map(\.description) == [
            "policy.json:2:3: reserved_seats: a cap of 12 at P1, which has 10 seats in schools.csv; leave the cap out, or give one the school can reach",
            "policy.json:3:3: reserved_seats: P1 caps a second category; a school may cap one",
        ])
    }
}
