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

/// The resource indicators of the balance standard (issue 24): per school against the
/// standard, and the pupil-weighted coefficients of variation. The expected values were
/// computed by hand and by an independent Python script (docs/PUBLISHING.md gives the formula).
@Suite struct ResourceBalanceTests {
    static let schools = "school_id,name,level,capacity,lon,lat\nP1,一小,primary,20,113.6,34.7\nP2,二小,primary,50,113.6,34.7\nP3,三小,primary,40,113.6,34.7\n"
    static let resources = """
        school_id,pupils,senior_teachers,key_teachers,pe_arts_teachers,teaching_area_m2,sports_area_m2,equipment_value_yuan,multimedia_classrooms
        P1,100,5,1,1,500,800,250000,3
        P2,300,12,3,3,1200,2100,540000,6
        P3,200,9,2,1,1000,1600,420000,5

        """

    static func balance(_ resources: String = resources, policy: String = "{}") throws -> ResourceBalance {
        let loaded = try CaseFolder(url: try caseFolder(["schools.csv": schools, "resources.csv": resources, "policy.json": policy])).load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return try #require(ResourceBalance(level: .primary, admissionCase: loaded.admissionCase, placed: [:]))
    }

    @Test func eachSchoolAgainstTheStandardAndTheWeightedSpread() throws {
        let b = try Self.balance()
        #expect(b.schools.map { $0.values.map { $0.map { DecimalText.format($0, places: 2) } ?? "" } } == [
            ["5.00", "1.00", "1.00", "5.00", "8.00", "2500.00", "3.00"],   // P1: every standard met
            ["4.00", "1.00", "1.00", "4.00", "7.00", "1800.00", "2.00"],   // P2: 2 met, none below 85 %
            ["4.50", "1.00", "0.50", "5.00", "8.00", "2100.00", "2.50"],   // P3: 6 met, PE and arts below 85 %
        ])
        #expect(b.schools.map(\.met) == [7, 2, 6])
        #expect(b.schools.map(\.passes) == [true, false, false])
        #expect(b.coefficients.map { $0.map { DecimalText.format($0, places: 3) } ?? "" } == ["0.086", "0.000", "0.283", "0.111", "0.067", "0.126", "0.160"])
        #expect(b.comprehensive.map { DecimalText.format($0, places: 3) } == "0.119")
        #expect(b.spreadPasses == true)
    }

    @Test func theVerdictFlipsWhenASchoolCrossesItsStandardOrTheSpreadItsCeiling() throws {
        // P3 with two more PE and arts teachers: 1.50 per 100 pupils, and all its standards but one met.
        let better = Self.resources.replacingOccurrences(of: "P3,200,9,2,1,", with: "P3,200,9,2,3,")
        #expect(try Self.balance(better).schools.map(\.passes) == [true, false, true])
        // A local standard of 4.0 m² of teaching rooms: P2 meets it too.
        #expect(try Self.balance(policy: #"{"resource_standards": {"primary": {"teaching_area_m2": 4}}}"#).schools.map(\.met) == [7, 3, 6])
        // One school far apart: the comprehensive coefficient passes 0.50.
        let apart = Self.resources.replacingOccurrences(of: "P1,100,5,1,1,500,800,250000,3", with: "P1,100,50,10,10,5000,8000,2500000,30")
        let spread = try Self.balance(apart)
        #expect((spread.comprehensive ?? 0) > 0.5 && spread.spreadPasses == false)
    }

    @Test func validateRefusesRowsItCannotUse() throws {
        let bad = """
            school_id,pupils,senior_teachers,key_teacher
            P9,100,5,1

            """
        let folder = try caseFolder(["schools.csv": Self.schools, "resources.csv": bad])
        #expect(try CaseFolder(url: folder).load().diagnostics.map(\.description) == [
            "resources.csv:1:4: 'key_teacher' is not a column of resources.csv; did you mean 'key_teachers'? (the columns are listed in docs/FORMATS.md)",
        ])
        let rows = "school_id,pupils,senior_teachers\nP9,100,5\nP1,0,-2\nP1,100,1\n"
        #expect(try CaseFolder(url: try caseFolder(["schools.csv": Self.schools, "resources.csv": rows], name: "rows")).load().diagnostics.map(\.description) == [
            "resources.csv:2:1: school_id: 'P9' is not a school in schools.csv",
            "resources.csv:3:2: pupils: 0 is out of range: it must be from 1 to 100000",
            "resources.csv:3:3: senior_teachers: -2 is out of range: it must be from 0 to 1000000000000",
            "resources.csv:4:1: school_id: duplicate id 'P1' (first on line 3)",
        ])
    }
}
