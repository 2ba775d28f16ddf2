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

/// A whole round through the built `enroll`, on a small synthetic county.
@Suite(.serialized) struct PipelineTests {
    @Test func aRoundFromCommitmentToVerification() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case"), run = root.appendingPathComponent("run")
        let commitment = root.appendingPathComponent("commitment.json")
        func enroll(_ arguments: [String]) throws -> String {
            let r = try runEnroll(arguments)
            #expect(r.status == 0, "enroll \(arguments.joined(separator: " ")): \(r.err)")
            return r.out
        }
        _ = try enroll(["synth", "--seed", "pipeline", "--applicants", "300", "--out", caseFolder.path])
        _ = try enroll(["commit", caseFolder.path, "--out", commitment.path])
        let seed = try #require(try enroll(["seed", "--contribution", "notary: 1", "--contribution", "balls: 2 3"])
            .split(separator: "\n").first { $0.hasPrefix("seed: ") }?.dropFirst(6)).description
        let drawing = ["--seed", seed, "--commitment", commitment.path, "--out", run.path]
        for level in ["primary", "junior"] {
            _ = try enroll(["place", caseFolder.path, "--level", level] + drawing)
            _ = try enroll(["classes", caseFolder.path, "--level", level] + drawing)
        }
        _ = try enroll(["quota", caseFolder.path] + drawing)
        let placements = try String(contentsOf: run.appendingPathComponent("junior/placements.csv"), encoding: .utf8)
        let first = try #require(placements.split(separator: "\n").dropFirst().first { $0.contains(",admitted,") }?.split(separator: ",").first)
        let withdrawn = root.appendingPathComponent("withdrawn.csv")
        try "student_id\n\(first)\n".write(to: withdrawn, atomically: true, encoding: .utf8)
        #expect(try enroll(["vacancies", caseFolder.path, "--level", "junior", "--withdrawn", withdrawn.path] + drawing)
            .hasPrefix("vacancies junior, round 1: 1 withdrawn in all"))
        // A transfer after the classes were formed joins a class of its new school, as a new round.
        let rows = placements.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let schools = Set(rows.filter { $0[2] == "admitted" }.map { String($0[1]) }).sorted()
        let mover = try #require(rows.first { $0[2] == "admitted" && $0[1] != schools[0] })
        let late = root.appendingPathComponent("late.csv")
        try "student_id,school_id\n\(mover[0]),\(schools[0])\n".write(to: late, atomically: true, encoding: .utf8)
        #expect(try enroll(["classes", caseFolder.path, "--level", "junior", "--late", late.path] + drawing)
            .hasPrefix("late arrivals junior, round 1: 1 pupils placed in classes"))
        let placedLate = try String(contentsOf: run.appendingPathComponent("junior/late-arrivals-1.csv"), encoding: .utf8)
        #expect(placedLate.contains("\(mover[0]),\(schools[0]),"))
        #expect(try enroll(["verify", run.path]).hasPrefix("verified: 7 steps"))

        // One byte changed in an output: verify names the file.
        let classes = run.appendingPathComponent("primary/classes.csv")
        var bytes = try Data(contentsOf: classes)
        bytes[bytes.count - 2] ^= 1
        try bytes.write(to: classes)
        let tampered = try runEnroll(["verify", run.path])
        #expect(tampered.status == 1)
        #expect(tampered.err.contains("primary/classes.csv"))

        // A changed applicant list after the commitment: nothing is drawn.
        let applicants = caseFolder.appendingPathComponent("junior-applicants.csv")
        try (try String(contentsOf: applicants, encoding: .utf8)).replacingOccurrences(of: ",M,", with: ",F,")
            .write(to: applicants, atomically: true, encoding: .utf8)
        let refused = try runEnroll(["place", caseFolder.path, "--level", "junior"] + drawing.dropLast(2) + ["--out", root.appendingPathComponent("run2").path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("junior-applicants.csv"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("run2").path))
    }
}

@Suite struct PlacementInvariantTests {
    /// A small synthetic county under a policy, loaded, as the placement step sees it.
    func admissionCase(mechanism: Mechanism) throws -> AdmissionCase {
        var county = SyntheticCounty(parameters: .init(seed: "invariants", applicants: 400, primaryColumns: 3, primaryRows: 2,
                                                       juniorZones: 2, multiSchoolZones: 1, privateJuniorSchools: 1)).admissionCase
        county.policy.mechanism = mechanism
        return county
    }

    @Test(arguments: [Mechanism.deferredAcceptance, .immediateAcceptance])
    func theMechanismsGuaranteeHoldsAndATamperedResultIsCaught(_ mechanism: Mechanism) throws {
        let c = try admissionCase(mechanism: mechanism)
        let outcome = try PlacementStep.perform(level: .junior, ring: nil, schoolRings: [], in: StepContext(admissionCase: c, seed: String(repeating: "ab", count: 32)) { _, _ in [] })
        #expect(outcome.invariants() == [])
        // Swap the schools of two admitted applicants at different schools: the rule breaks.
        var outputs = outcome.outputs
        let k = outputs.firstIndex { $0.name == "junior/placements.csv" }!
        var lines = String(decoding: outputs[k].bytes, as: UTF8.self).components(separatedBy: "\n")
        let admitted = lines.indices.filter { lines[$0].contains(",admitted,") }
        let a = admitted.first!, b = admitted.first { lines[$0].split(separator: ",")[1] != lines[a].split(separator: ",")[1] }!
        var fa = lines[a].components(separatedBy: ","), fb = lines[b].components(separatedBy: ",")
        swap(&fa[1], &fb[1])
        (lines[a], lines[b]) = (fa.joined(separator: ","), fb.joined(separator: ","))
        outputs[k].bytes = Array(lines.joined(separator: "\n").utf8)
        let problems = PlacementStep.invariants(level: .junior, c, outputs: outputs)
        #expect(!problems.isEmpty)
        #expect(problems.allSatisfy { $0.hasPrefix(mechanism == .deferredAcceptance ? "stability: " : "round-by-round rule: ") })
    }

    @Test func aPlacementReadBackIsThePlacementThatWasRun() throws {
        let c = try admissionCase(mechanism: .deferredAcceptance)
        let (run, _, files) = try PlacementStep.run(c, level: .junior, seed: String(repeating: "cd", count: 32))
        func bytes(_ name: String) -> [UInt8] { files.first { $0.path == "junior/\(name)" }!.bytes }
        let record = try PlacementRecord(placements: bytes("placements.csv"), ranks: bytes("ranks.csv"), admissionCase: c, level: .junior)
        #expect(record.studentIDs == run.placements.map(\.studentID))
        #expect(record.schoolIDs == run.placements.map(\.schoolID))
        #expect(record.instance == run.instance)
        #expect(record.matching == run.matching)
        #expect(record.admitted == run.placements.indices.filter { run.placements[$0].status == .admitted })
    }
}
