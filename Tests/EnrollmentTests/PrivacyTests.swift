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

/// Messages never print a name or an id number (they name the `student_id` and the line),
/// even when those values sit where they do not belong; published notes never quote a home
/// address.
@Suite struct PrivacyTests {
    static let base = BadInput.folder.appendingPathComponent("base")

    /// A copy of the base case's `file` with field `column` (1-based) of each `line` set.
    static func edited(_ file: String, _ edits: [(line: Int, column: Int, value: String)]) throws -> String {
        var lines = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8).components(separatedBy: "\n")
        for edit in edits {
            var fields = lines[edit.line - 1].components(separatedBy: ",")
            fields[edit.column - 1] = edit.value
            lines[edit.line - 1] = fields.joined(separator: ",")
        }
        return lines.joined(separator: "\n")
    }

    /// Field `column` of `line` in the base case's `file`.
    static func field(_ file: String, _ line: Int, _ column: Int) throws -> String {
        try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
            .components(separatedBy: "\n")[line - 1].components(separatedBy: ",")[column - 1]
    }

    @Test func validateOnACorruptedCasePrintsNoNameOrIdNumber() throws {
        let p = "primary-applicants.csv", j = "junior-applicants.csv", g = "graduates.csv"
        let (pName, pID) = (try Self.field(p, 2, 2), try Self.field(p, 2, 5))
        let (jName, jID) = (try Self.field(j, 2, 2), try Self.field(j, 2, 5))
        let otherName = try Self.field(p, 5, 2)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.base, to: folder.appendingPathComponent("case"))
        let caseURL = folder.appendingPathComponent("case")
        // Names and id numbers written under the wrong columns, on rows that line up (each value
        // is also in its own column) and on rows that do not (a field missing or added).
        let primary = try Self.edited(p, [
            (2, 3, pName), (2, 4, pID), (2, 12, pName), (2, 14, otherName), (2, 13, pID),
            (3, 4, try Self.field(p, 3, 5)), (3, 9, try Self.field(p, 3, 2)), (3, 11, try Self.field(p, 3, 2)),
            (4, 5, "419901202001140045"), (6, 1, ""), (7, 2, ""), (9, 14, otherName), (10, 12, try Self.field(p, 10, 2)),
        ]).replacingOccurrences(of: try Self.field(p, 8, 1) + ",", with: "")
        try Data(primary.utf8).write(to: caseURL.appendingPathComponent(p))
        let junior = try Self.edited(j, [(2, 12, jName), (2, 6, jID), (2, 14, jName), (3, 13, try Self.field(j, 3, 2) + ";J01"),
                                         (4, 17, try Self.field(j, 4, 2)), (4, 18, try Self.field(j, 5, 5))])
            .replacingOccurrences(of: ",P01,", with: ",P01,,", options: [], range: nil)
        try Data(junior.utf8).write(to: caseURL.appendingPathComponent(j))
        let graduates = try Self.edited(g, [(2, 3, try Self.field(g, 2, 2)), (3, 4, try Self.field(g, 3, 2)), (4, 8, try Self.field(g, 4, 2)),
                                            (5, 9, try Self.field(g, 5, 2))])
        try Data(graduates.utf8).write(to: caseURL.appendingPathComponent(g))
        try Data("student_id,school_id,tier\n\(pName),P01,3\n\(pID),P01,2\n".utf8).write(to: caseURL.appendingPathComponent("priorities.csv"))

        let result = try runEnroll(["validate", caseURL.path])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count > 40, "\(result.err)")
        let loaded = try CaseFolder(url: Self.base).load().admissionCase
        let people = loaded.primaryApplicants + loaded.juniorApplicants
        let secrets = Set((people.map(\.name) + loaded.graduates.map(\.name)).filter { $0.count >= 2 } + people.compactMap(\.idNumber)
            + ["419901202001140045"])
        #expect(secrets.count > 100)
        for secret in secrets {
            #expect(!result.err.contains(secret) && !result.out.contains(secret), "a message prints '\(secret)'")
        }
        for line in lines.dropLast() {
            #expect(line.range(of: #"^[a-z-]+\.csv:[0-9]+:[0-9]+: "#, options: .regularExpression) != nil, "\(line)")
        }
        // The problems are still found, each at its cell: a name under gender, an id number under birth_date.
        #expect(result.err.contains("primary-applicants.csv:2:3: gender: '(the name of this row)' is not a gender"))
        #expect(result.err.contains("primary-applicants.csv:2:4: birth_date: a value holding a 18-digit number is not a date"))
        #expect(result.err.contains("primary-applicants.csv:9:14: together_with: names a value that is not an id (not shown: it may be a name), who is not in this file"))
        #expect(result.err.contains("primary-applicants.csv:10:12: choices: '(the name of this row)' is not a school in schools.csv"))
        #expect(result.err.contains("priorities.csv:2:1: student_id: a value that is not an id (not shown: it may be a name) is not in"))
        #expect(result.err.contains("priorities.csv:3:1: student_id: a value holding a 18-digit number is not in"))
    }

    /// A file saved without its header row: the first child's row is read as the header, and
    /// the message listing the header must not print their name or id number.
    @Test func aFileWithoutItsHeaderRowPrintsNoNameOrIdNumber() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseURL = folder.appendingPathComponent("case")
        try FileManager.default.copyItem(at: Self.base, to: caseURL)
        let p = "primary-applicants.csv"
        let (name, id) = (try Self.field(p, 2, 2), try Self.field(p, 2, 5))
        let text = try String(contentsOf: Self.base.appendingPathComponent(p), encoding: .utf8)
        try Data(text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().joined(separator: "\n").utf8)
            .write(to: caseURL.appendingPathComponent(p))
        let result = try runEnroll(["validate", caseURL.path])
        #expect(result.status == 1)
        #expect(result.err.contains("primary-applicants.csv:1:0: missing required column 'student_id' (the header has: "))
        #expect(result.err.contains("others not shown (if the first row is data, the header row is missing)"))
        #expect(!result.err.contains(name) && !result.err.contains(id))
    }

    /// An address that no rule zones is quoted for the bureau (zoning.csv), but the note that
    /// travels into placements.csv, and so into the published site, says only that it is for review.
    @Test func anAddressForReviewIsNotCarriedIntoPlacements() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseURL = folder.appendingPathComponent("case")
        try FileManager.default.copyItem(at: Self.base, to: caseURL)
        let p = "primary-applicants.csv"
        let student = try Self.field(p, 33, 1)
        try Data(try Self.edited(p, [(33, 8, "解放路88号")]).utf8).write(to: caseURL.appendingPathComponent(p))
        let path = folder.path, seed = String(repeating: "0f", count: 32)
        #expect(try runEnroll(["commit", caseURL.path, "--out", "\(path)/c.json"]).status == 0)
        let placed = try runEnroll(["place", caseURL.path, "--level", "primary", "--seed", seed, "--commitment", "\(path)/c.json", "--out", "\(path)/run"])
        #expect(placed.status == 0, "\(placed.err)")
        let zoning = try String(contentsOf: folder.appendingPathComponent("run/primary/zoning.csv"), encoding: .utf8)
        let placements = try String(contentsOf: folder.appendingPathComponent("run/primary/placements.csv"), encoding: .utf8)
        #expect(zoning.contains("\(student),PZ07,P07,polygon,false,address for review: 解放路88号: no rule for 解放路 covers this number"))
        let row = placements.split(separator: "\n").first { $0.hasPrefix(student + ",") }
        #expect(row?.hasSuffix(",PZ07,,all,address-review") == true, "\(row ?? "")")
        #expect(!placements.contains("解放路"))
    }
}
