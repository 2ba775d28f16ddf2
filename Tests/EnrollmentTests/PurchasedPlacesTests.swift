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

/// The supervision report and the site tell reserved seats and purchased places (issue 23).
@Suite struct SeatGroupReportTests {
    static func results() -> RunResults {
        let date = CalendarDate(year: 2020, month: 1, day: 1)!
        let applicants = [
            Applicant(id: "S1", name: "甲", gender: .female, birthDate: date, categories: ["left_behind"]),
            Applicant(id: "S2", name: "乙", gender: .male, birthDate: date),
            Applicant(id: "S3", name: "丙", gender: .male, birthDate: date, categories: ["migrant"]),
            Applicant(id: "S4", name: "丁", gender: .female, birthDate: date, categories: ["migrant"]),
            Applicant(id: "S5", name: "戊", gender: .female, birthDate: date, categories: ["migrant"]),
            Applicant(id: "S6", name: "己", gender: .female, birthDate: date, categories: ["migrant"]),
        ]
        let schools = [School(id: "P1", name: "一小", level: .primary, capacity: 4, boarding: true),
                       School(id: "X1", name: "民办", level: .primary, sector: .private, capacity: 3, purchasedPlaces: 2)]
        let placements = RunCSV(file: "primary/placements.csv",
                                columns: ["student_id", "school_id", "status", "choice_rank", "tier", "lottery_number", "zone_id", "distance_m", "seats", "note"],
                                rows: [["S1", "P1", "admitted", "1", "53", "aa", "", "", "reserved:left_behind", ""],
                                       ["S2", "P1", "admitted", "1", "31", "bb", "", "", "open", ""],
                                       ["S3", "P1", "admitted", "1", "37", "cc", "", "", "reserved:left_behind", ""],
                                       ["S4", "X1", "reassigned", "", "", "dd", "", "3500", "purchased", ""],
                                       ["S5", "X1", "admitted", "1", "0", "ee", "", "", "open", ""],
                                       ["S6", "", "unplaced", "", "", "ff", "", "", "", PlacementNote.allPublicFull.code]])
        let cutoffs = RunCSV(file: "primary/cutoffs.csv", columns: ["school_id", "seats", "capacity", "admitted", "cutoff_tier", "cutoff_lottery_number"],
                             rows: [["P1", "open", "2", "1", "", ""], ["P1", "reserved:left_behind", "2", "2", "59", "cc"],
                                    ["X1", "open", "1", "1", "0", "ee"], ["X1", "purchased", "2", "0", "", ""]])
        let level = LevelResults(level: .primary, placements: placements, cutoffs: cutoffs, zoning: nil, ranks: nil, classes: nil,
                                 classSummary: nil, classBalance: nil, headTeachers: nil)
        return RunResults(manifest: nil, levels: [level], quota: nil,
                          admissionCase: AdmissionCase(schools: schools, primaryApplicants: applicants), commitment: nil, ceremony: nil)
    }

    @Test func theReportCountsEachSeatGroupAndTheMigrantShare() throws {
        let report = try SupervisionReport(Self.results())
        let primary = report.levels[0]
        #expect(primary.seatGroups == [
            .init(schoolID: "P1", seats: "open", capacity: 2, filled: 1, ofCategory: nil),
            .init(schoolID: "P1", seats: "reserved:left_behind", capacity: 2, filled: 2, ofCategory: 1),
            .init(schoolID: "X1", seats: "open", capacity: 1, filled: 1, ofCategory: nil),
            .init(schoolID: "X1", seats: "purchased", capacity: 2, filled: 1, ofCategory: nil),
        ])
        #expect(primary.schools.map { [$0.schoolID, "\($0.seats)", "\($0.placed)"] } == [["P1", "4", "3"], ["X1", "3", "2"]])
        // S3 in a public school and S4 in a purchased place count; S5 at the private school by its own lottery and S6 unplaced do not.
        #expect(primary.migrants == .init(children: 4, inPublicOrPurchased: 2, rate: "50.0%", meetsTarget: false))
        let summary = try #require(report.tables.first { $0.name == "supervision-summary" })
        #expect(Array(summary.columns.suffix(4)) == ["migrants", "migrants_public_or_purchased", "migrant_rate", "migrant_target_met"])
        #expect(Array(summary.rows[0].suffix(4)) == ["4", "2", "50.0%", "false"])
    }

    @Test func theSiteTellsTheSeatsInWords() throws {
        let zh = try PublishedSite(Self.results())
        let index = PublishingTests.text(zh, "index.html")
        #expect(index.contains("<td>预留学位(留守儿童)<td>2<td>2<td>1"), "\(index)")
        #expect(index.contains("<td>政府购买学位<td>2<td>1<td>–"))
        #expect(index.contains("随迁子女在公办学校或政府购买学位就读比例") && index.contains("50.0% (2 / 4)") && index.contains("≥ 85%"))
        #expect(index.contains("预留学位(留守儿童)") && index.contains("\"notes\""))
        let en = try PublishedSite(Self.results(), language: .en)
        let english = PublishingTests.text(en, "index.html")
        #expect(english.contains("<td>seats reserved for left-behind") && english.contains("<td>place purchased by the government"))
        #expect(PublishingTests.text(zh, "school-P1.html").contains("预留学位(留守儿童): 59 / cc…"))
    }
}
