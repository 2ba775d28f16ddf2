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

/// The supervision figures against their thresholds (issue 24), on a case small enough to count
/// by hand: every expected number below was counted from the rows, not by the code under test.
@Suite struct SupervisionVerdictTests {
    /// P1 urban, P2 rural, P3 town but boarding (all public), X private. S1, S2* at P1 in their
    /// zone (* disabled); S3 of P2's zone reassigned to P1; S4 at P2, S5 at P3, in their zones;
    /// S6† at X by its lottery, S7† in a purchased place at X († migrant); S8* unplaced.
    static func results(s3At: String = "P1") -> RunResults {
        let date = CalendarDate(year: 2020, month: 1, day: 1)!
        func a(_ id: String, _ categories: [String] = []) -> Applicant { Applicant(id: id, name: "某", gender: .female, birthDate: date, categories: categories) }
        let applicants = [a("S1"), a("S2", ["disabled"]), a("S3"), a("S4"), a("S5"), a("S6", ["migrant"]), a("S7", ["migrant"]), a("S8", ["disabled"])]
        let schools = [School(id: "P1", name: "一小", level: .primary, capacity: 10, locale: .urban),
                       School(id: "P2", name: "二小", level: .primary, capacity: 10, locale: .rural),
                       School(id: "P3", name: "三小", level: .primary, capacity: 10, boarding: true, locale: .town),
                       School(id: "X", name: "民办", level: .primary, sector: .private, capacity: 5, locale: .urban, purchasedPlaces: 2),
                       School(id: "H1", name: "一高", level: .high, capacity: 10, quality: true)]
        let columns = ["student_id", "school_id", "status", "choice_rank", "tier", "lottery_number", "seats", "note"]
        let placements = RunCSV(file: "primary/placements.csv", columns: columns, rows: [
            ["S1", "P1", "admitted", "1", "31", "a1", "all", ""], ["S2", "P1", "admitted", "1", "31", "a2", "all", ""],
            ["S3", s3At, s3At == "P1" ? "reassigned" : "admitted", "", "", "a3", "", ""], ["S4", "P2", "admitted", "1", "31", "a4", "all", ""],
            ["S5", "P3", "admitted", "1", "31", "a5", "all", ""], ["S6", "X", "admitted", "1", "0", "a6", "open", ""],
            ["S7", "X", "reassigned", "", "", "a7", "purchased", ""], ["S8", "", "unplaced", "", "", "a8", "", PlacementNote.allPublicFull.code]])
        let zoning = RunCSV(file: "primary/zoning.csv", columns: ["student_id", "zone_id", "schools"], rows: [
            ["S1", "Z1", "P1"], ["S2", "Z1", "P1"], ["S3", "Z2", "P2"], ["S4", "Z2", "P2"], ["S5", "Z3", "P3"], ["S6", "Z1", "P1"],
            ["S7", "Z1", "P1"], ["S8", "Z1", "P1"]])
        let cutoffs = RunCSV(file: "primary/cutoffs.csv", columns: ["school_id", "seats", "capacity", "admitted", "cutoff_tier", "cutoff_lottery_number"],
                             rows: [["P1", "all", "10", "2", "", ""], ["P2", "all", "10", "1", "", ""], ["P3", "all", "10", "1", "", ""],
                                    ["X", "open", "3", "1", "", ""], ["X", "purchased", "2", "0", "", ""]])
        let summary = RunCSV(file: "primary/class-summary.csv", columns: ["school_id", "class_no", "size"],
                             rows: [["P1", "1", "56"], ["P2", "1", "48"], ["P3", "1", "40"]])
        let level = LevelResults(level: .primary, placements: placements, cutoffs: cutoffs, zoning: zoning, ranks: nil, classes: nil,
                                 classSummary: summary, classBalance: nil, headTeachers: nil)
        let quota = QuotaResults(allocation: RunCSV(file: "quota-allocation.csv", columns: ["high_school_id", "junior_school_id", "seats"],
                                                    rows: [["H1", "J1", "4"], ["H1", "J2", "2"]]), admissions: nil, unfilled: nil)
        return RunResults(manifest: nil, levels: [level], quota: quota, admissionCase: AdmissionCase(schools: schools, primaryApplicants: applicants),
                          commitment: nil, ceremony: nil)
    }

    static func rows(_ report: SupervisionReport) -> [[String]] {
        report.verdicts.map { [$0.indicator, "\($0.count)", "\($0.denominator)", $0.value, $0.target ?? "", $0.passes.map { "\($0)" } ?? ""] }
    }

    @Test func everyFigureIsCountedWithItsDenominatorAndJudged() throws {
        #expect(Self.rows(try SupervisionReport(Self.results())) == [
            ["nearby_admission", "2", "3", "66.7%", "100%", "false"],          // P1 only (P2 rural, P3 boarding): S1, S2 of S1, S2, S3
            ["out_of_zone_public", "1", "5", "20.0%", "≤ 5%", "false"],         // S3 of S1–S5
            ["migrants_public_or_purchased", "1", "2", "50.0%", "≥ 85%", "false"], // S7 (purchased), not S6 (X's own lottery)
            ["disabled_placed", "1", "2", "50.0%", "100%", "false"],            // S2, not S8
            ["large_classes", "1", "3", "1", "0", "false"],                     // P1's 56
            ["classes_46_to_55", "1", "3", "1", "", ""],                        // P2's 48, reported without a threshold
            ["quota_share", "6", "10", "60.0%", "≥ 50%", "true"],
        ])
    }

    @Test func aVerdictFlipsWhenOneSchoolCrossesItsThreshold() throws {
        // S3 admitted at P2, their zone's school: P1 now takes only its zone's pupils.
        let rows = Self.rows(try SupervisionReport(Self.results(s3At: "P2")))
        #expect(rows[0] == ["nearby_admission", "2", "2", "100.0%", "100%", "true"])
        #expect(rows[1] == ["out_of_zone_public", "0", "5", "0.0%", "≤ 5%", "true"])
    }

    @Test func theVerdictsArePublishedAsATableAndOnTheFirstPage() throws {
        let site = try PublishedSite(Self.results())
        let csv = PublishingTests.text(site, "data/supervision-verdicts.csv")
        #expect(csv.contains("indicator,level,count,denominator,value,target,passes\r\nnearby_admission,primary,2,3,66.7%,100%,false\r\n")
                || csv.contains("indicator,level,count,denominator,value,target,passes\nnearby_admission,primary,2,3,66.7%,100%,false\n"), "\(csv)")
        let index = PublishingTests.text(site, "index.html")
        #expect(index.contains("<td>就近入学比例(城区、镇区公办学校,不含寄宿制学校)<td>小学<td>66.7% (2 / 3)<td>100%<td>否"), "\(index)")
    }

    @Test func eachFigureIsChartedWithItsThresholdDrawn() throws {
        let chart = SVGChart(title: "小学", categories: ["1", "2"], series: [.init(name: "小学", values: [66.7, 20], color: "#000")],
                             unit: "%", thresholds: [100, 5], thresholdName: "目标")
        #expect(chart.summary == "小学. 1: 小学 66.7 %, 目标 100 %; 2: 小学 20 %, 目标 5 %.")
        // The plot is 200 px high from y = 48 and its ceiling 100: the lines at 48 and 238.
        #expect(chart.svg.contains("y1=\"48\" y2=\"48\" stroke=\"#c00\" stroke-width=\"2\" stroke-dasharray=\"5 3\""))
        #expect(chart.svg.contains("y1=\"238\" y2=\"238\" stroke=\"#c00\""))
        let index = PublishingTests.text(try PublishedSite(Self.results()), "index.html")
        #expect(index.contains("1: 小学 66.7 %, 目标 100 %, 就近入学比例(城区"), "the site's chart of the figures tells each threshold")
    }

    @Test func eachResourceIndicatorIsChartedSchoolBySchoolAgainstItsStandard() throws {
        var results = Self.results()
        func r(_ id: String, _ pupils: Int, _ senior: Double) -> SchoolResources {
            SchoolResources(schoolID: id, pupils: pupils, amounts: Dictionary(uniqueKeysWithValues: SchoolResources.Indicator.allCases.map { ($0, $0 == .seniorTeachers ? senior : 1000) }))
        }
        results.admissionCase!.resources = ["P1": r("P1", 100, 5), "P2": r("P2", 300, 12), "P3": r("P3", 200, 9)]
        let site = try PublishedSite(results)
        #expect(PublishingTests.text(site, "index.html").contains("href=\"resources-primary.html\""))
        let page = PublishingTests.text(site, "resources-primary.html")
        // Senior teachers per 100 pupils: P2 4, P3 4.5, P1 5 — lowest first, each with the standard 4.2 drawn.
        #expect(page.contains("小学 · 每百名学生高于规定学历教师数. P2: 每百名学生高于规定学历教师数 4, 标准 4.2; P3: 每百名学生高于规定学历教师数 4.5, 标准 4.2; "
                              + "P1: 每百名学生高于规定学历教师数 5, 标准 4.2."), "\(page)")
        #expect(page.components(separatedBy: "stroke-dasharray").count - 1 == 3 * SchoolResources.Indicator.allCases.count)
    }
}
