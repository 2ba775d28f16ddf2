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

/// The library-level fixes found with the bad-input corpus, each pinned by exact values.
@Suite struct BadInputRegressionTests {
    @Test func aNulByteIsRefusedWhereItIs() {
        let bytes = Array("a,b\nc,d\u{0}e\n".utf8)
        #expect(throws: TextEncodingError.nulByte(at: TextPosition(offset: 7, line: 2, column: 4))) {
            try decodeText(bytes, declared: nil)
        }
        #expect(throws: TextEncodingError.nulByte(at: TextPosition(offset: 1, line: 1, column: 2))) {
            try decodeText(Array("id".utf16).flatMap { [UInt8($0), 0] }, declared: .utf8)
        }
    }

    @Test func longNumbersAreRefusedNotOverflowed() {
        let twenty = Array("99999999999999999999".utf8), twentyFive = Array("1234567890123456789012345.5".utf8)
        for text in [twenty, twentyFive] {
            text.withUnsafeBufferPointer { b in
                #expect(ASCIINumber.hundredths(b) == nil)
                #expect(ASCIINumber.decimal(b) == nil)
            }
        }
        Array("123456789.25".utf8).withUnsafeBufferPointer { #expect(ASCIINumber.hundredths($0) == 12_345_678_925) }
    }

    @Test func quotedValuesAreShortAndNeverIdNumbers() {
        #expect(CSVRecordReader.quoted("nan") == "'nan'")
        #expect(CSVRecordReader.quoted("419901201309210024") == "a value holding a 18-digit number")
        #expect(CSVRecordReader.quoted("ab12345678901234567") == "a value holding a 17-digit number")
        #expect(CSVRecordReader.quoted(String(repeating: "很", count: 40)) == "'\(String(repeating: "很", count: 32))…' (40 characters)")
        #expect(CSVRecordReader.quotedIdentifier("2026010001") == "'2026010001'")
        #expect(CSVRecordReader.quotedIdentifier("张三") == "a value that is not an id (not shown: it may be a name)")
        let d = Diagnostic(SourceLocation(file: "f.csv", line: 3, column: 2), "gender: '张三' is not a gender; 张三丰 too")
            .redacting([("name", "张三"), ("id_number", nil), ("name", "张")])
        #expect(d.message == "gender: '(the name of this row)' is not a gender; (the name of this row)丰 too")
    }

    @Test func togetherChainsThatMustAlsoBeApartAreReported() {
        let date = CalendarDate(year: 2020, month: 1, day: 1)!
        func pupil(_ id: String, line: Int, together: [String] = [], apart: [String] = [], twins: String? = nil) -> Applicant {
            Applicant(id: id, gender: .female, birthDate: date, longitude: 113.6, latitude: 34.7, togetherWith: together, apartFrom: apart,
                      twinGroup: twins, line: line)
        }
        let pupils = [pupil("A", line: 2, together: ["B"]), pupil("B", line: 3), pupil("C", line: 4, together: ["B"], apart: ["A"]),
                      pupil("D", line: 5, twins: "T"), pupil("E", line: 6, apart: ["D"], twins: "T"), pupil("F", line: 7, apart: ["A"])]
        var c = AdmissionCase(schools: [])
        c.headers["p.csv"] = ["student_id", "together_with", "apart_from"]
        let together = CaseValidator.requestProblems(pupils, file: "p.csv", twinsTogether: true, in: c)
        #expect(together.map(\.description) == [
            "p.csv:4:3: apart_from: A must be in the same class as student C through a chain of together_with requests or twins; remove one of the requests",
            "p.csv:6:3: apart_from: D must be in the same class as student E through a chain of together_with requests or twins; remove one of the requests",
        ])
        #expect(CaseValidator.requestProblems(pupils, file: "p.csv", twinsTogether: false, in: c).map(\.location.line) == [4])
    }

    @Test func lateArrivalAndWithdrawalListsAreCheckedAgainstTheCase() throws {
        let folder = BadInput.folder.appendingPathComponent("base")
        let c = try CaseFolder(url: folder).load().admissionCase
        let text = "student_id,school_id\n2026010002,P01\n2026019999,P01\n2026010002,J01\n"
        let (table, problems) = StudentListFile.read(Array(text.utf8), file: "late.csv", encoding: nil, columns: StudentListFile.lateArrivals)
        #expect(problems.isEmpty)
        #expect(StudentListFile.problems(in: try #require(table), admissionCase: c, level: .primary).map(\.description) == [
            "late.csv:3:1: student_id: '2026019999' is not in primary-applicants.csv",
            "late.csv:4:1: student_id: duplicate id '2026010002' (first on line 2)",
            "late.csv:4:2: school_id: 'J01' is not a primary school in schools.csv",
        ])
        let located = StudentListFile.locate(ClassFormationError.duplicateStudent("2026010002"), in: try #require(table))
        #expect(located?.location == SourceLocation(file: "late.csv", line: 2, column: 1))
        #expect(StudentListFile.locate(ClassFormationError.duplicateStudent("nobody"), in: try #require(table)) == nil)
        let (_, missing) = StudentListFile.read(Array("id\n1\n".utf8), file: "w.csv", encoding: nil, columns: StudentListFile.withdrawals)
        #expect(missing.map(\.location) == [SourceLocation(file: "w.csv", line: 1, column: 0)])
    }

    @Test func anAddressReviewStaysOutOfThePublicNote() throws {
        var c = try CaseFolder(url: BadInput.folder.appendingPathComponent("base")).load().admissionCase
        let date = CalendarDate(year: 2020, month: 1, day: 1)!
        c.primaryApplicants = [
            Applicant(id: "X1", gender: .male, birthDate: date, address: "解放路88号", line: 2),
            Applicant(id: "X2", gender: .male, birthDate: date, longitude: 113.733173, latitude: 34.778677, address: "解放路88号", line: 3),
            Applicant(id: "X3", gender: .male, birthDate: date, longitude: 113.733173, latitude: 34.778677, line: 4),
        ]
        let assigned = ZoneAssigner(admissionCase: c, level: .primary).assign(c.primaryApplicants)
        #expect(assigned.map(\.note) == ["address for review: 解放路88号: no rule for 解放路 covers this number",
                                         "address for review: 解放路88号: no rule for 解放路 covers this number", ""])
        #expect(assigned.map(\.publicNotes) == [[.addressReview], [.addressReview], []])
        #expect(assigned.map(\.zoneID) == [nil, "PZ07", "PZ07"])
    }

    /// A file that cannot be read is reported once, not again by every reference to it.
    @Test(arguments: [
        ("schools.csv", "", "schools.csv:1:0: the file is empty: it needs a header row naming its columns"),
        ("schools.csv", "school_id,name,level,capacity\n", "schools.csv:1:0: the file lists no school: a case needs at least one school, one row each"),
        ("policy.json", "{\"mechanism\": }", "policy.json:1:15: unexpected character '}': expected a value"),
        ("zones.geojson", "{\"type\": \"FeatureCollection\", \"features\": [}", "zones.geojson:1:"),
    ])
    func anUnreadableFileIsReportedOnce(file: String, text: String, expected: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseURL = folder.appendingPathComponent("case")
        try FileManager.default.copyItem(at: BadInput.folder.appendingPathComponent("base"), to: caseURL)
        try Data(text.utf8).write(to: caseURL.appendingPathComponent(file))
        let diagnostics = try CaseFolder(url: caseURL).load().diagnostics.map(\.description)
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.hasPrefix(expected) == true, "\(diagnostics)")
    }

    /// A map in the wrong datum is refused once; the zones it draws are still known to the address rules.
    @Test func aMapInAnotherDatumIsReportedOnce() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseURL = folder.appendingPathComponent("case")
        try FileManager.default.copyItem(at: BadInput.folder.appendingPathComponent("base"), to: caseURL)
        let policy = try String(contentsOf: caseURL.appendingPathComponent("policy.json"), encoding: .utf8)
        try Data(policy.replacingOccurrences(of: "\"GCJ-02\"", with: "\"WGS-84\"").utf8).write(to: caseURL.appendingPathComponent("policy.json"))
        #expect(try CaseFolder(url: caseURL).load().diagnostics.map(\.description) == [
            "zones.geojson:1:1: coordinate_system is GCJ-02 but the policy expects WGS-84; convert the map (this tool never shifts coordinates)",
        ])
    }
}
