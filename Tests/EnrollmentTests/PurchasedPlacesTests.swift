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

/// Purchased places (政府购买学位, 两为主; issue 23): a private school's places bought by the
/// government are left out of its own lottery and taken by reassignment, only by the categories
/// the policy names, and only once the public seats within reach are full.
@Suite struct PurchasedPlacesTests {
    /// P1 (public, one seat) is chosen by all; X (private, three seats, two bought) by nobody.
    /// A takes P1; M1*, N, M2* (* migrant) are left, in that order.
    static let applicants: [(String, [String], [String])] = [
        ("A", [], ["P1"]), ("M1", ["migrant"], ["P1"]), ("N", [], ["P1"]), ("M2", ["migrant"], ["P1"]),
    ]
    static let p1 = SeatFixture.SchoolSpec(id: "P1", seats: 1)
    static let x = SeatFixture.SchoolSpec(id: "X", seats: 3, sector: .private, purchased: 2, east: 0.01)

    @Test func aPurchasedPlaceGoesOnlyToTheNamedCategoriesWhenThePublicSeatsAreFull() throws {
        let result = try SeatFixture.run(schools: [Self.p1, Self.x], applicants: Self.applicants, policy: Policy())
        #expect(result.placements["A"]! == ("P1", "all"))
        #expect(result.placements["M1"]! == ("X", "purchased"))
        #expect(result.placements["N"]! == (nil, nil), "not migrant: no purchased place, and no public seat is left")
        #expect(result.placements["M2"]! == ("X", "purchased"))
    }

    @Test func aPublicSeatAnywhereComesFirstWithoutAReach() throws {
        let far = SeatFixture.SchoolSpec(id: "P2", seats: 1, east: 0.06)
        let result = try SeatFixture.run(schools: [Self.p1, far, Self.x], applicants: Self.applicants, policy: Policy())
        #expect(result.placements["M1"]! == ("P2", nil), "reassigned to the public seat, 5 km away")
        #expect(result.placements["N"]! == (nil, nil))
        #expect(result.placements["M2"]! == ("X", "purchased"))
    }

    @Test func beyondTheReachAPurchasedPlaceComesBeforeAFarPublicSeat() throws {
        let far = SeatFixture.SchoolSpec(id: "P2", seats: 1, east: 0.06)
        var policy = Policy()
        policy.reassignmentReachMetres = 3_000
        let result = try SeatFixture.run(schools: [Self.p1, far, Self.x], applicants: Self.applicants, policy: policy)
        #expect(result.placements["M1"]! == ("X", "purchased"))
        #expect(result.placements["N"]! == ("P2", nil), "not migrant: the far public seat")
        #expect(result.placements["M2"]! == ("X", "purchased"))
        policy.purchasedPlaceCategories = ["left_behind"]
        let other = try SeatFixture.run(schools: [Self.p1, far, Self.x], applicants: Self.applicants, policy: policy)
        #expect(other.placements["M1"]! == ("P2", nil), "the policy names another category")
        #expect(other.placements["M2"]! == (nil, nil))
    }

    @Test func thePrivateSchoolsOwnLotteryFillsOnlyTheSeatsNotBought() throws {
        let choosers: [(String, [String], [String])] = [("A", [], ["X"]), ("B", ["migrant"], ["X"]), ("C", [], ["X"])]
        let result = try SeatFixture.run(schools: [Self.p1, Self.x], applicants: choosers, policy: Policy())
        #expect(result.violations.isEmpty)
        #expect(result.placements["A"]! == ("X", "open"), "X's lottery has one seat: the other two are bought")
        #expect(result.placements["B"]! == ("P1", nil), "refused by X's lottery; a free public seat comes before a purchased place")
        #expect(result.placements["C"]! == (nil, nil), "refused by X's lottery, not migrant, and no public seat is left")
    }
}
