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

/// `verify` names a one-byte change in every file of a run: each input of the case, each
/// output of every step kind, and the manifest.
///
/// The run covers every registered step kind (lottery, place, classes, quota, vacancies,
/// late-arrivals, second-round) on a small synthetic county, so every kind of output file is there; verify
/// checks inputs' and outputs' digests before re-running anything, so a changed file costs one
/// step's re-run at most and the whole scan stays fast.
@Suite struct VerifyEveryFileTests {
    static let seed = String(repeating: "9e", count: 32)
    static let code = "sha256:" + String(repeating: "0", count: 64)

    @Test func aOneByteChangeInAnyFileOfTheRunIsNamed() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case"), run = root.appendingPathComponent("run")
        _ = try CaseWriter.write(SyntheticCounty(parameters: .init(seed: "p1", applicants: 150, primaryColumns: 2, primaryRows: 2,
                                                                    juniorZones: 2, multiSchoolZones: 1, privateJuniorSchools: 1)), to: caseFolder)
        let commitment = try Commitment(caseFolder: caseFolder)
        try commitment.write(to: caseFolder.appendingPathComponent(Commitment.fileName))
        // The first round, its lock released at the end of the block (the second round reopens the folder).
        let first: (id: String, school: String) = try {
            let round = try AdmissionRound(caseFolder: caseFolder, commitment: commitment, seed: Self.seed, runFolder: run, code: Self.code)
            try round.drawLotteryNumbers(.junior)
            for level in [SchoolLevel.primary, .junior] {
                try round.place(level)
                try round.formClasses(level)
            }
            try round.allocateQuotas()
            // One admitted junior declines; another moves to a second school after the classes were formed.
            let placements = try #require(CSVReader.parse([UInt8](Data(contentsOf: run.appendingPathComponent("junior/placements.csv"))), file: "p").table)
            let admitted = (0..<placements.count).filter { placements[$0, 2] == "admitted" }.map { (id: placements[$0, 0], school: placements[$0, 1]) }
            let first = try #require(admitted.first)
            let mover = try #require(admitted.first { $0.school != first.school })
            try round.fillVacancies(withdrawn: [first.id], level: .junior)
            try round.placeLateArrivals([LateArrival(studentID: mover.id, schoolID: first.school)], level: .junior)
            return first
        }()
        // A second round: the one who declined applies again, beside a newcomer.
        let juniors = try String(contentsOf: caseFolder.appendingPathComponent("junior-applicants.csv"), encoding: .utf8).components(separatedBy: "\n")
        let again = try #require(juniors.first { $0.hasPrefix(first.id + ",") })
        var newcomer = again.components(separatedBy: ",")
        (newcomer[0], newcomer[4]) = ("N" + first.id, "")
        try FileManager.default.createDirectory(at: caseFolder.appendingPathComponent("second-round"), withIntermediateDirectories: true)
        try Data((juniors[0] + "\n" + again + "\n" + newcomer.joined(separator: ",") + "\n").utf8)
            .write(to: caseFolder.appendingPathComponent("second-round/junior-applicants.csv"))
        let reopened = try AdmissionRound(caseFolder: caseFolder, commitment: commitment, seed: Self.seed, runFolder: run, code: Self.code)
        try reopened.placeSecondRound(.junior, seed: String(repeating: "7b", count: 32),
                                      commitment: try Commitment(caseFolder: caseFolder.appendingPathComponent("second-round")))

        let manifest = try #require(try Manifest.read(run: run))
        #expect(Set(manifest.steps.map(\.kind)) == Set(RoundStep.kinds))
        let clean = try RunVerifier.verify(run: run, caseFolder: caseFolder, code: Self.code)
        #expect(clean.steps == 9 && clean.state == .complete)
        let inputs = Array(Set(manifest.steps.flatMap(\.inputs).map(\.name))).sorted()
        let outputs = manifest.steps.flatMap(\.outputs).map(\.name)
        #expect(inputs.count >= 9 && outputs.count == 1 + 2 * 5 + 2 * 4 + 3 + 1 + 1 + 5)
        let files = inputs.map { (caseFolder.appendingPathComponent($0), $0) } + outputs.map { (run.appendingPathComponent($0), $0) }
            + [(run.appendingPathComponent(Manifest.fileName), Manifest.fileName)]
        for (url, name) in files {
            let original = try Data(contentsOf: url)
            var changed = original
            changed[changed.count / 2] ^= 0x01
            try changed.write(to: url)
            do {
                _ = try RunVerifier.verify(run: run, caseFolder: caseFolder, code: Self.code)
                Issue.record("\(name): a changed byte verified")
            } catch {
                #expect(error.description.hasPrefix(name == Manifest.fileName ? "" : name), "\(name): \(error)")
                #expect(error.description.contains(name), "\(name): \(error)")
            }
            try original.write(to: url)
        }
    }
}
