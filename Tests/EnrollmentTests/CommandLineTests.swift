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

/// End-to-end: the built `enroll` executable on real files.
@Suite(.serialized) struct CommandLineTests {
    let sample = packageRoot.appendingPathComponent("zones/sample-county/case")

    @Test func validateTheSampleCounty() throws {
        let r = try runEnroll(["validate", sample.path])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("valid: 24 schools (13 primary, 6 junior, 5 high), 17 zones, 2834 primary applicants, 2681 junior applicants, 2499 graduates"))
    }

    @Test func validateACorruptedCopyListsEveryProblem() throws {
        let copy = try temporaryFolder()
        for file in try FileManager.default.contentsOfDirectory(atPath: sample.path) {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(file), to: copy.appendingPathComponent(file))
        }
        func corrupt(_ file: String, line: Int, _ change: (inout [String]) -> Void) throws {
            let url = copy.appendingPathComponent(file)
            var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
            var fields = lines[line - 1].components(separatedBy: ",")
            change(&fields)
            lines[line - 1] = fields.joined(separator: ",")
            try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        try corrupt("schools.csv", line: 3) { $0[4] = "-3" }
        try corrupt("primary-applicants.csv", line: 10) { $0[2] = "X" }
        try corrupt("primary-applicants.csv", line: 20) { $0[0] = "2026010001" }
        try corrupt("junior-applicants.csv", line: 5) { $0[3] = "2013-02-30" }
        try corrupt("graduates.csv", line: 7) { $0[2] = "J99" }
        let r = try runEnroll(["validate", copy.path])
        #expect(r.status == 1)
        #expect(r.err.components(separatedBy: "\n").filter { !$0.isEmpty } == [
            "graduates.csv:7:3: junior_school: 'J99' is not a school in schools.csv",
            "junior-applicants.csv:5:4: birth_date: '2013-02-30' is not a date that exists, written YYYY-MM-DD",
            "primary-applicants.csv:10:3: gender: 'X' is not a gender (M or F, 男 or 女)",
            "primary-applicants.csv:20:1: student_id: duplicate id '2026010001' (first on line 2)",
            "schools.csv:3:5: capacity: -3 is out of range: it must be from 1 to 1000000",
            "5 problems found",
        ])
        #expect(r.out.isEmpty)
    }

    @Test func usageErrorsExitTwoAndSuggest() throws {
        let r = try runEnroll(["validate", sample.path, "--encodng", "gbk"])
        #expect(r.status == 2)
        #expect(r.err.hasPrefix("enroll: unknown option '--encodng'; did you mean '--encoding'?\nusage: enroll validate <case> [--encoding <encoding>]"))
        let unknown = try runEnroll(["valdate"])
        #expect(unknown.status == 2)
        #expect(unknown.err.hasPrefix("enroll: unknown command 'valdate'; did you mean 'validate'?"))
        let missing = try runEnroll(["validate"])
        #expect(missing.status == 2)
        #expect(missing.err.hasPrefix("enroll: missing expected argument '<case>'"))
    }

    @Test func helpAndVersion() throws {
        #expect(try runEnroll(["--version"]).out == EnrollmentVersion.current + "\n")
        let help = try runEnroll(["--help"])
        #expect(help.status == 0 && help.out.contains("COMMANDS:") && help.out.contains("validate"))
        let commandHelp = try runEnroll(["help", "synth"])
        #expect(commandHelp.out.contains("USAGE: enroll synth --seed <seed>"))
        #expect(try runEnroll(["synth", "-h"]).out == commandHelp.out)
    }

    @Test func synthIsDeterministicAndValid() throws {
        let a = try temporaryFolder(), b = try temporaryFolder()
        for folder in [a, b] {
            let r = try runEnroll(["synth", "--seed", "s1", "--applicants", "400", "--out", folder.path])
            #expect(r.status == 0, "\(r.err)")
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: a.path) {
            #expect(FileManager.default.contents(atPath: a.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: b.appendingPathComponent(file).path), "\(file)")
        }
        #expect(try runEnroll(["validate", a.path]).status == 0)
    }

    @Test func theSampleCountyIsWhatSynthWrites() throws {
        let regenerated = try temporaryFolder()
        let r = try runEnroll(["synth", "--seed", "sample-county-2026", "--applicants", "2800", "--junior-applicants", "2650",
                               "--graduates", "2500", "--primary-zones", "4x3", "--junior-zones", "4", "--multi-school-zones", "1",
                               "--private-junior-schools", "1", "--second-round-applicants", "30", "--out", regenerated.path])
        #expect(r.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: regenerated.path).filter { $0 != "second-round" }
            + ["second-round/primary-applicants.csv", "second-round/primary-declined.csv"]
        for file in files {
            #expect(FileManager.default.contents(atPath: regenerated.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: sample.appendingPathComponent(file).path), "\(file) differs from the committed sample")
        }
    }
}
