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

/// Who may apply (issue 23): the age window of each level and the months a residence permit or
/// social insurance must have been held, refused by `enroll validate` (and so by `commit`) at the
/// cell that shows it.
@Suite struct EligibilityTests {
    static let schools = """
    school_id,name,level,sector,capacity,classes,lon,lat,feeds,quality
    P1,一小,primary,public,40,,113.6,34.7,J1,
    J1,一中,junior,public,80,,113.6,34.7,,

    """

    static let policy = """
    {"intake_year": 2026, "months_required": {"residence_permit": {"permit_months": 12, "insurance_months": 6}}}
    """

    /// The problems of a case with these primary applicants (columns after `student_id,name,gender,lon,lat`).
    static func problems(header: String, rows: [String], policy: String = policy, name: String = #function) throws -> [String] {
        let primary = (["student_id,name,gender,lon,lat," + header] + rows.enumerated().map { "S\($0 + 1),某,F,113.61,34.71," + $1 }).joined(separator: "\n") + "\n"
        let folder = try caseFolder(["schools.csv": schools, "policy.json": policy, "primary-applicants.csv": primary], name: name)
        return try CaseFolder(url: folder).load().diagnostics.map(\.description)
    }

    static func tooYoungOrOld(_ line: Int, age: Int) -> String {
        "primary-applicants.csv:\(line):6: birth_date: \(age) years old on 2026-08-31, but primary entry is for children aged 6 on that day "
            + "(policy.json intake_year, age_cutoff_date, entry_age); correct the date, or give the bureau's approved deferred or early entry, "
            + "with its reason, in age_exception"
    }

    @Test func ageIsCountedInWholeYearsOnTheCutoffDay() {
        let day = CalendarDate(year: 2026, month: 8, day: 31)!
        #expect(AgeWindow.age(bornOn: CalendarDate(year: 2020, month: 8, day: 31)!, on: day) == 6)
        #expect(AgeWindow.age(bornOn: CalendarDate(year: 2020, month: 9, day: 1)!, on: day) == 5)
        #expect(AgeWindow.age(bornOn: CalendarDate(year: 2019, month: 9, day: 1)!, on: day) == 6)
        #expect(AgeWindow.age(bornOn: CalendarDate(year: 2019, month: 8, day: 31)!, on: day) == 7)
        // Born on 29 February: not yet six on 28 February of a common year.
        #expect(AgeWindow.age(bornOn: CalendarDate(year: 2020, month: 2, day: 29)!, on: CalendarDate(year: 2026, month: 2, day: 28)!) == 5)
        #expect(AgeWindow.age(bornOn: CalendarDate(year: 2020, month: 2, day: 29)!, on: CalendarDate(year: 2026, month: 3, day: 1)!) == 6)
        #expect(AgeWindow().ageOutsideWindow(bornOn: CalendarDate(year: 2012, month: 1, day: 15)!, level: .primary) == nil,
                "without an intake year nothing is checked")
    }

    @Test func aChildOneDayTooYoungIsRefusedAndOneBornOnTheCutoffDayAccepted() throws {
        let found = try Self.problems(header: "birth_date,residence", rows: ["2020-08-31,hukou", "2020-09-01,hukou", "2012-01-15,hukou", "2019-09-01,hukou"])
        #expect(found == [Self.tooYoungOrOld(3, age: 5), Self.tooYoungOrOld(4, age: 14)])
    }

    @Test func anApprovedExceptionAdmitsAChildOutsideTheWindow() throws {
        let found = try Self.problems(header: "birth_date,residence,age_exception",
                                      rows: ["2020-09-01,hukou,提前入学 县教育局 2026-05-10 批准", "2018-06-01,hukou,缓学一年 批准", "2018-06-01,hukou,"])
        #expect(found == [Self.tooYoungOrOld(4, age: 8)])
    }

    @Test func theCutoffDayAndTheAgesAreTheLocalRules() throws {
        let policy = #"{"intake_year": 2026, "age_cutoff_date": "09-30", "entry_age": {"primary": [6, 7]}}"#
        let found = try Self.problems(header: "birth_date,residence", rows: ["2020-09-30,hukou", "2020-10-01,hukou", "2018-10-01,hukou", "2018-09-30,hukou"],
                                      policy: policy)
        #expect(found == [
            "primary-applicants.csv:3:6: birth_date: 5 years old on 2026-09-30, but primary entry is for children aged 6 to 7 on that day "
                + "(policy.json intake_year, age_cutoff_date, entry_age); correct the date, or give the bureau's approved deferred or early entry, "
                + "with its reason, in age_exception",
            "primary-applicants.csv:5:6: birth_date: 8 years old on 2026-09-30, but primary entry is for children aged 6 to 7 on that day "
                + "(policy.json intake_year, age_cutoff_date, entry_age); correct the date, or give the bureau's approved deferred or early entry, "
                + "with its reason, in age_exception",
        ])
    }

    @Test func aPermitOneMonthShortDoesNotRank() throws {
        let found = try Self.problems(header: "birth_date,residence,permit_months,insurance_months",
                                      rows: ["2020-01-01,residence_permit,12,6", "2020-01-01,residence_permit,11,6", "2020-01-01,residence_permit,12,",
                                             "2020-01-01,hukou,,", "2020-01-01,residence_permit,,5"])
        let remedy = "(policy.json months_required); correct the months, or give the residence the family does qualify for (such as other)"
        #expect(found == [
            "primary-applicants.csv:3:8: permit_months: 11 months, but the residence_permit tier requires a residence permit held at least 12 months " + remedy,
            "primary-applicants.csv:4:9: insurance_months: empty, but the residence_permit tier requires social insurance paid at least 6 months " + remedy,
            "primary-applicants.csv:6:8: permit_months: empty, but the residence_permit tier requires a residence permit held at least 12 months " + remedy,
            "primary-applicants.csv:6:9: insurance_months: 5 months, but the residence_permit tier requires social insurance paid at least 6 months " + remedy,
        ])
    }

    @Test func aMissingMonthsColumnIsReportedOnceAtTheHeader() throws {
        let found = try Self.problems(header: "birth_date,residence,permit_months",
                                      rows: ["2020-01-01,hukou,", "2020-01-01,residence_permit,24", "2020-01-01,residence_permit,30"])
        #expect(found == ["primary-applicants.csv:1:0: insurance_months: the column is missing, but policy.json months_required asks residence_permit "
                          + "applicants for at least 6 months; add it (first such row: line 3)"])
    }

    @Test func thePolicyKeysAreCheckedAndRoundTrip() throws {
        let bad = #"""
        {"intake_year": 1999, "age_cutoff_date": "02-29", "entry_age": {"primary": [7, 6], "high": 15},
         "months_required": {"hukou_plus": {"permit_months": 6}, "residence_permit": {"permit_month": 6, "insurance_months": -1}}}
        """#
        let (_, problems) = PolicyFile.read(Array(bad.utf8))
        #expect(problems.map(\.description) == [
            "policy.json:1:17: intake_year must be a whole number from 2000 to 2100",
            "policy.json:1:42: age_cutoff_date must be a month and day written MM-DD, such as \"08-31\" (not 02-29, which most years lack)",
            "policy.json:1:76: entry_age.primary must be an age from 3 to 20, or the youngest and oldest such as [12, 13]",
            "policy.json:1:92: entry_age has ages for primary and junior only, not \"high\"",
            "policy.json:2:36: months_required: \"hukou_plus\" is not a residence type (hukou_and_property, hukou, property, residence_permit, other)",
            "policy.json:2:95: months_required.residence_permit has permit_months and insurance_months only, not \"permit_month\"",
            "policy.json:2:118: months_required.residence_permit.insurance_months must be a whole number from 0 to 600",
        ])
        var policy = Policy()
        policy.ageWindow.intakeYear = 2027
        (policy.ageWindow.cutoffMonth, policy.ageWindow.cutoffDay) = (9, 1)
        policy.ageWindow.entryAges = [.primary: 6...7, .junior: 12...12]
        policy.monthsRequired = [.residencePermit: MonthsRequired(permit: 12, insurance: 6), .property: MonthsRequired(permit: 0, insurance: 3)]
        let (again, reread) = PolicyFile.read(PolicyFile.render(policy))
        #expect(reread.isEmpty)
        #expect(again == policy)
    }

    /// Tried as a clerk would: the sample county with one child made 14 years old.
    @Test func validateAndCommitRefuseAFourteenYearOldOnTheSampleCounty() throws {
        let folder = try OneApplicationTests.sample(editing: "primary-applicants.csv") { lines in
            var cells = lines[9].components(separatedBy: ",")
            cells[3] = "2012-01-15"
            cells[4] = ""
            lines[9] = cells.joined(separator: ",")
        }
        let result = try runEnroll(["validate", folder.path])
        #expect(result.status == 1)
        #expect(result.err.contains("primary-applicants.csv:10:4: birth_date: 14 years old on 2026-08-31, but primary entry is for children aged 6 on that day"),
                "\(result.err)")
        let commitment = folder.appendingPathComponent("commitment.json")
        #expect(try runEnroll(["commit", folder.path, "--out", commitment.path]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: commitment.path))
        let sample = try runEnroll(["validate", packageRoot.appendingPathComponent("zones/sample-county/case").path])
        #expect(sample.out.contains("; ages checked on 2026-08-31 (4 approved exceptions)"), "\(sample.out)")
    }
}
