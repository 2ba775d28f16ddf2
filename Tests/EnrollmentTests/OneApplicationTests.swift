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

/// One child, one application (issue 18): `enroll validate` refuses a resident id number on two
/// rows of the applicant files, within a level or across the two, and a student_id in both.
@Suite struct OneApplicationTests {
    static let idNumber = try! NSRegularExpression(pattern: ",([0-9]{17}[0-9X]),")

    /// A copy of the sample county whose applicant file of `level` has `edit` applied to its lines.
    static func sample(_ name: String = #function, editing file: String, _ edit: (inout [String]) -> Void) throws -> URL {
        let root = try temporaryFolder(name)
        let folder = root.appendingPathComponent("case")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("zones/sample-county/case"), to: folder)
        let url = folder.appendingPathComponent(file)
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        edit(&lines)
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return folder
    }

    /// Line numbers (1-based) of the file's rows that hold an id number, and that number.
    static func rowsWithIDNumbers(_ lines: [String]) -> [(line: Int, number: String)] {
        lines.indices.dropFirst().compactMap { k in
            let text = lines[k]
            guard let m = idNumber.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
            return (k + 1, String(text[Range(m.range(at: 1), in: text)!]))
        }
    }

    /// `row` with the name, gender, birth date and id number of `child` (the first five columns
    /// but student_id): the same child under another student_id.
    static func sameChild(as child: String, in row: String) -> String {
        let a = child.split(separator: ",", omittingEmptySubsequences: false)
        let b = row.split(separator: ",", omittingEmptySubsequences: false)
        return ([b[0]] + a[1...4] + b[5...]).joined(separator: ",")
    }

    @Test func theSampleCountyHasNoRepeatedIDNumber() throws {
        let validated = try runEnroll(["validate", packageRoot.appendingPathComponent("zones/sample-county/case").path])
        #expect(validated.status == 0, "\(validated.out)")
    }

    @Test func anIDNumberOnTwoRowsOfOneLevelIsRefusedAtTheLaterRow() throws {
        var first = 0, second = 0
        let folder = try Self.sample(editing: "primary-applicants.csv") { lines in
            let rows = Self.rowsWithIDNumbers(lines)
            (first, second) = (rows[0].line, rows[5].line)
            lines[second - 1] = Self.sameChild(as: lines[first - 1], in: lines[second - 1])
        }
        let result = try runEnroll(["validate", folder.path])
        #expect(result.status == 1)
        #expect(result.err.contains("primary-applicants.csv:\(second):5: id_number: the same resident id number as primary-applicants.csv line \(first); "
                                    + "one child, one application (two rows would hold two lottery numbers): remove the duplicate row, or correct the id number"),
                "\(result.err)")
        let number = Self.rowsWithIDNumbers(try String(contentsOf: folder.appendingPathComponent("primary-applicants.csv"), encoding: .utf8)
            .components(separatedBy: "\n"))[0].number
        #expect(!result.err.contains(number), "the message must not echo the id number")
        #expect(try runEnroll(["commit", folder.path, "--out", folder.appendingPathComponent("c.json").path]).status == 1)
    }

    @Test func anIDNumberInBothLevelsIsRefused() throws {
        let primaryLines = try String(contentsOf: packageRoot.appendingPathComponent("zones/sample-county/case/primary-applicants.csv"),
                                      encoding: .utf8).components(separatedBy: "\n")
        let primary = Self.rowsWithIDNumbers(primaryLines)[0]
        var line = 0
        let folder = try Self.sample(editing: "junior-applicants.csv") { lines in
            line = Self.rowsWithIDNumbers(lines)[2].line
            lines[line - 1] = Self.sameChild(as: primaryLines[primary.line - 1], in: lines[line - 1])
        }
        let result = try runEnroll(["validate", folder.path])
        #expect(result.status == 1)
        #expect(result.err.contains("junior-applicants.csv:\(line):5: id_number: the same resident id number as primary-applicants.csv line \(primary.line); "),
                "\(result.err)")
    }

    @Test func aStudentIDInBothLevelsIsRefused() throws {
        let folder = try Self.sample(editing: "junior-applicants.csv") { lines in
            lines[3] = "2026010001" + lines[3].drop { $0 != "," }
        }
        let result = try runEnroll(["validate", folder.path])
        #expect(result.status == 1)
        #expect(result.err.contains("junior-applicants.csv:4:1: student_id: '2026010001' also applies to primary school (primary-applicants.csv line 2); "
                                    + "one child, one application: remove the wrong row"), "\(result.err)")
    }

    /// The check on its own, against a dictionary filled row by row (what it replaced): the
    /// same problems in the same order, with `x` and `X` one number, over rows of both levels
    /// where numbers and ids repeat within and across the levels.
    @Test func theCheckSaysWhatADictionaryFilledRowByRowSays() {
        let date = CalendarDate(year: 2013, month: 1, day: 1)!
        var stream = LotteryStream(seed: "29", draw: "one-application")
        func applicants(_ count: Int, line: Int) -> [Applicant] {
            (0..<count).map { k in
                let number = stream.nextUInt64() % 5 == 0 ? nil : "11010519491231\(stream.nextUInt64() % 40)" + (stream.nextUInt64() % 2 == 0 ? "x" : "X")
                return Applicant(id: "S\(stream.nextUInt64() % 300)", gender: .female, birthDate: date, idNumber: number, line: line + k)
            }
        }
        let c = AdmissionCase(schools: [], primaryApplicants: applicants(70_000, line: 2), juniorApplicants: applicants(70_000, line: 2))
        var expected: [Diagnostic] = []
        var firstByNumber: [String: (file: String, line: Int)] = [:]
        var primaryLine: [String: Int] = [:]
        for a in c.applicants(.primary) where primaryLine[a.id] == nil { primaryLine[a.id] = a.line }
        for level in [SchoolLevel.primary, .junior] {
            let file = ApplicantTable.fileName(for: level)
            for a in c.applicants(level) {
                if level == .junior, let line = primaryLine[a.id] {
                    expected.append(Diagnostic(c.location(file, line: a.line, column: "student_id"),
                        "student_id: \(CSVRecordReader.quotedIdentifier(a.id)) also applies to primary school (primary-applicants.csv line \(line)); one child, one application: remove the wrong row"))
                }
                guard let number = a.idNumber?.uppercased(), !number.isEmpty else { continue }
                if let first = firstByNumber[number] {
                    expected.append(Diagnostic(c.location(file, line: a.line, column: "id_number"),
                        "id_number: the same resident id number as \(first.file) line \(first.line); one child, one application (two rows would hold two lottery numbers): remove the duplicate row, or correct the id number"))
                } else {
                    firstByNumber[number] = (file, a.line)
                }
            }
        }
        let found = CaseValidator.oneApplicationProblems(in: c)
        #expect(found.count == expected.count)
        #expect(found.map(\.description) == expected.map(\.description))
        #expect(found.contains { $0.location.file == "junior-applicants.csv" && $0.message.contains("as primary-applicants.csv line") })
    }

    @Test(arguments: ["11010519491231002x", "11010519491231002X", "abc", "ＡＢｃ", "", "x1"])
    func aNumbersComparisonKeyIsItsUpperCase(_ text: String) {
        #expect(ResidentIDNumber.comparisonKey(text) == text.uppercased())
    }
}
