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

@Suite struct CaseValidationTests {
    let schools = """
    school_id,name,level,sector,capacity,classes,lon,lat,feeds,quality
    P1,一小,primary,public,40,,113.6,34.7,J1,
    P2,二小,primary,public,40,,,,J1,
    J1,一中,junior,public,80,,,,,
    J2,外国语,junior,private,30,,,,,
    H1,一高,high,public,100,,,,,true

    """

    func problems(_ files: [String: String]) throws -> [String] {
        let loaded = try CaseFolder(url: try caseFolder(files)).load()
        return loaded.diagnostics.map(\.description)
    }

    @Test func cleanCaseHasNoProblems() throws {
        let primary = """
        student_id,name,gender,birth_date,id_number,lon,lat,residence,choices
        S1,张三,男,2019-09-01,110105201909010010,113.61,34.71,房户一致,
        S2,李四,F,2019/10/2,,113.62,34.72,hukou,P2

        """
        let loaded = try CaseFolder(url: try caseFolder(["schools.csv": schools, "primary-applicants.csv": primary])).load()
        #expect(loaded.diagnostics.map(\.description) == [])
        #expect(loaded.admissionCase.primaryApplicants.map(\.id) == ["S1", "S2"])
        #expect(loaded.admissionCase.primaryApplicants[0].gender == .male)
        #expect(loaded.admissionCase.primaryApplicants[0].residence == .hukouAndProperty)
        #expect(loaded.admissionCase.summary == "5 schools (2 primary, 2 junior, 1 high), 0 zones, 2 primary applicants, 0 junior applicants, 0 graduates; ages not checked (policy.json has no intake_year)")
    }

    @Test func schoolProblemsNameLineAndColumn() throws {
        let bad = """
        school_id,name,level,sector,capacity,classes,lon,lat,feeds,quality
        P1,一小,primary,public,-5,,113.6,,J1,
        P1,二小,primry,public,40,,,,J9,
        J1,一中,junior,state,abc,,,,,yes
        J2,二中,junior,public,0,,200,30,P1,

        """
        #expect(try problems(["schools.csv": bad]) == [
            "schools.csv:2:5: capacity: -5 is out of range: it must be from 1 to 1000000",
            "schools.csv:2:8: lat: give both lon and lat, or neither",
            "schools.csv:3:1: school_id: duplicate id 'P1' (first on line 2)",
            "schools.csv:3:3: level: 'primry' is not a school level (primary, junior or high)",
            "schools.csv:4:4: sector: 'state' is not a sector (public or private)",
            "schools.csv:4:5: capacity: 'abc' is not a whole number",
            "schools.csv:4:10: quality: only a high school can be a quality high school; this one is junior",
            "schools.csv:5:5: capacity: 0 is out of range: it must be from 1 to 1000000",
            "schools.csv:5:7: lon: 200 is out of range: it must be from -180 to 180",
            "schools.csv:5:9: feeds: only a primary school feeds a junior school; this one is junior",
        ])
    }

    @Test func applicantProblemsNameLineAndColumn() throws {
        let primary = """
        student_id,name,gender,birth_date,id_number,lon,lat,address,residence,choices,sibling_school,together_with,apart_from
        S1,张三,X,2019-02-30,110105201909010012,113.6,34.7,,hukou,P1,,,
        S2,李四,F,2019-09-01,110105201909010021,,,,owner,J1;P1;P1,H1,S9,
        S1,王五,M,2019-09-01,,113.6,34.7,,hukou,,,,
        S4,赵六,M,2019-09-01,110105201909010010,113.6,34.7,,hukou,P3,,S4,

        """
        #expect(try problems(["schools.csv": schools, "primary-applicants.csv": primary]) == [
            "primary-applicants.csv:2:3: gender: 'X' is not a gender (M or F, 男 or 女)",
            "primary-applicants.csv:2:4: birth_date: '2019-02-30' is not a date that exists, written YYYY-MM-DD",
            "primary-applicants.csv:2:5: id_number: the check character (the last one) does not match the other 17 digits (GB 11643): a digit was probably mistyped",
            "primary-applicants.csv:3:5: id_number: the check character (the last one) does not match the other 17 digits (GB 11643): a digit was probably mistyped",
            "primary-applicants.csv:3:6: lon: no home given: fill lon and lat, or address",
            "primary-applicants.csv:3:9: residence: 'owner' is not a residence type (hukou_and_property, hukou, property, residence_permit or other)",
            "primary-applicants.csv:3:10: choices: a school appears twice in the choices",
            "primary-applicants.csv:4:1: student_id: duplicate id 'S1' (first on line 2)",
            "primary-applicants.csv:5:10: choices: 'P3' is not a school in schools.csv",
            "primary-applicants.csv:5:12: together_with: names the applicant themself",
        ])
    }

    /// A `zones.csv` row with a bad level is one problem: the address rules of its zone are not
    /// reported again as naming a zone that is neither drawn nor declared.
    @Test func aRejectedZoneDeclarationDoesNotCascade() throws {
        let zones = """
        zone_id,level,schools
        Z1,high,P1

        """
        let rules = """
        zone_id,kind,street,from,to,parity
        Z1,street,人民路,1,99,单号
        Z1,street,人民路,2,98,双号

        """
        #expect(try problems(["schools.csv": schools, "zones.csv": zones, "zone-rules.csv": rules]) == [
            "zones.csv:2:2: level: 'high' is not a zone level (primary or junior)",
        ])
    }

    @Test func wrongLevelReferences() throws {
        let junior = """
        student_id,name,gender,birth_date,lon,lat,residence,primary_school,choices,sibling_school
        T1,张三,M,2013-09-01,113.6,34.7,hukou,J1,P1;J2,H1

        """
        let graduates = """
        student_id,name,junior_school,score,choices,eligible
        G1,李四,P1,512.5,H1;J1,maybe

        """
        #expect(try problems(["schools.csv": schools, "junior-applicants.csv": junior, "graduates.csv": graduates]) == [
            "graduates.csv:2:6: eligible: 'maybe' is not true or false",
            "junior-applicants.csv:2:8: primary_school: 'J1' is a junior school, but the primary school must be a primary school",
            "junior-applicants.csv:2:9: choices: 'P1' is a primary school, but a choice of a junior applicant must be a junior school",
            "junior-applicants.csv:2:10: sibling_school: 'H1' is a high school, but a sibling's school must be a junior school",
        ])
    }

    @Test func missingColumnsAndFiles() throws {
        #expect(try problems(["primary-applicants.csv": "student_id,name\nS1,x\n"]) == [
            "primary-applicants.csv:1:0: missing required column 'birth_date' (the header has: student_id, name)",
            "primary-applicants.csv:1:0: missing required column 'gender' (the header has: student_id, name)",
            "primary-applicants.csv:1:0: missing required column 'residence' (the header has: student_id, name)",
            "schools.csv:0:0: the file is missing: a case needs schools.csv (see docs/FORMATS.md)",
        ])
    }

    @Test func prioritiesAndTeachersNameKnownSchools() throws {
        #expect(try problems(["schools.csv": schools,
                              "priorities.csv": "student_id,school_id,tier\nS1,P9,3\nS1,P1,-1\n",
                              "teachers.csv": "school_id,teacher_id,children\nJ9,T1,\nJ1,T1,\n"]) == [
            "priorities.csv:2:2: school_id: 'P9' is not a school in schools.csv",
            "priorities.csv:3:3: tier: -1 is out of range: it must be from 0 to 1000000",
            "teachers.csv:2:1: school_id: 'J9' is not a school in schools.csv",
            "teachers.csv:3:2: teacher_id: duplicate id 'T1' (first on line 2)",
        ])
    }

    @Test func fullWidthDigitsAndExtraColumns() throws {
        let s = """
        school_id,name,level,capacity,note
        P1,一小,primary,１２０,新校区

        """
        let loaded = try CaseFolder(url: try caseFolder(["schools.csv": s])).load()
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.admissionCase.schools.first?.capacity == 120)
        #expect(SchoolTable.columns.extras(in: CSVReader.parse(Array(s.utf8), file: "s").table!) == ["note"])
    }
}

@Suite struct CaseEncodingTests {
    let text = "school_id,name,level,capacity\nP1,城关第一小学,primary,120\nJ1,\"外国语学校,民办\",junior,８０\n"

    @Test func gb18030FileIsDetectedAndRoundTrips() throws {
        let folder = try temporaryFolder()
        try Data(GB18030.encode(text)).write(to: folder.appendingPathComponent("schools.csv"))
        let loaded = try CaseFolder(url: folder).load()
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.admissionCase.schools.map(\.name) == ["城关第一小学", "外国语学校,民办"])
        #expect(loaded.admissionCase.schools.map(\.capacity) == [120, 80])
        // Written back by the tool (UTF-8 with a byte-order mark) and read again: the same schools.
        try Data(CaseWriter.schools(loaded.admissionCase.schools)).write(to: folder.appendingPathComponent("schools.csv"))
        #expect(try CaseFolder(url: folder).load().admissionCase.schools == loaded.admissionCase.schools)
    }

    @Test func declaredUTF8ThatIsNotIsReportedWithPosition() throws {
        let folder = try temporaryFolder()
        try Data(GB18030.encode(text)).write(to: folder.appendingPathComponent("schools.csv"))
        let loaded = try CaseFolder(url: folder, encoding: .utf8).load()
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics[0].location.file == "schools.csv")
        #expect(loaded.diagnostics[0].location.line == 2)
    }
}
