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

/// A round loaded once, whose steps start from what earlier steps recorded.
@Suite struct AdmissionRoundTests {
    static let seed = String(repeating: "4a", count: 32)
    static let code = "sha256:" + String(repeating: "0", count: 64)

    /// A small committed synthetic county and a round over an empty run folder; with
    /// `primarySeats` below 1, each primary school keeps that share of its seats, so that some
    /// applicants end unplaced.
    static func round(_ name: String = #function, primarySeats: Double = 1) throws -> AdmissionRound {
        let root = try temporaryFolder(name)
        let caseFolder = root.appendingPathComponent("case")
        _ = try CaseWriter.write(SyntheticCounty(parameters: .init(seed: "round", applicants: 200, primaryColumns: 2, primaryRows: 2,
                                                                    juniorZones: 2, multiSchoolZones: 1, privateJuniorSchools: 1)), to: caseFolder)
        let schools = caseFolder.appendingPathComponent(SchoolTable.fileName)
        let lines = try String(contentsOf: schools, encoding: .utf8).components(separatedBy: "\n").map { line in
            var fields = line.components(separatedBy: ",")
            guard fields.count > 4, fields[2] == "primary", let seats = Int(fields[4]) else { return line }
            fields[4] = String(max(1, Int(Double(seats) * primarySeats)))
            return fields.joined(separator: ",")
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: schools)
        return try AdmissionRound(caseFolder: caseFolder, commitment: try Commitment(caseFolder: caseFolder), seed: seed,
                                  runFolder: root.appendingPathComponent("run"), code: code)
    }

    @Test func classesStartFromTheLevelsRecordedPlacement() throws {
        let round = try Self.round()
        #expect(throws: RoundError.stepNotRecorded("junior/placements.csv", needs: "place (level junior)")) { try round.formClasses(.junior) }
        #expect("\(RoundError.stepNotRecorded("junior/placements.csv", needs: "place (level junior)"))"
                == "junior/placements.csv: this step starts from the recorded results of place (level junior), which this run folder does not hold; run that step into it first")
        try round.place(.primary)
        #expect(throws: RoundError.stepNotRecorded("junior/placements.csv", needs: "place (level junior)")) { try round.formClasses(.junior) }
        let placed = try round.place(.junior)
        let classes = try round.formClasses(.junior)
        #expect(classes.summary.pupils == placed.summary.admitted + placed.summary.reassigned)
        #expect(try round.manifest()?.steps.map(\.label) == ["place (level primary)", "place (level junior)", "classes (level junior)"])
    }

    @Test func aRecordedFileChangedByHandIsRefused() throws {
        let round = try Self.round()
        try round.place(.junior)
        let url = round.runFolder.appendingPathComponent("junior/placements.csv")
        var bytes = try Data(contentsOf: url)
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: url)
        #expect(throws: RoundError.recordedOutputChanged("junior/placements.csv")) { try round.formClasses(.junior) }
        #expect("\(RoundError.recordedOutputChanged("junior/placements.csv"))"
                == "junior/placements.csv: the file is missing, or is not what manifest.json records; run `enroll verify` on the run folder")
        try FileManager.default.removeItem(at: url)
        #expect(throws: RoundError.recordedOutputChanged("junior/placements.csv")) { try round.fillVacancies(withdrawn: [], level: .junior) }
    }

    @Test func roundsOfVacanciesAndLateArrivalsAreCountedFromTheManifest() throws {
        let round = try Self.round()
        let placed = try round.place(.junior)
        try round.formClasses(.junior)
        let placements = try #require(CSVReader.parse([UInt8](Data(contentsOf: round.runFolder.appendingPathComponent("junior/placements.csv"))), file: "p").table)
        let admitted = (0..<placements.count).filter { placements[$0, 2] == "admitted" }.map { (id: placements[$0, 0], school: placements[$0, 1]) }
        #expect(admitted.count == placed.summary.admitted)
        let first = try round.fillVacancies(withdrawn: [admitted[1].id, admitted[0].id, admitted[1].id], level: .junior)
        #expect(first.step.step == .vacancies(level: .junior, rounds: [[admitted[0].id, admitted[1].id].sorted()]))
        #expect(first.summary.withdrawn == 2)
        let second = try round.fillVacancies(withdrawn: [admitted[2].id], level: .junior)
        #expect(second.step.step.round == 2 && second.summary.withdrawn == 3)
        #expect(second.step.outputs.map(\.name) == ["junior/vacancies-2.csv"])

    }

    @Test func aLateRoundStartsFromTheEarlierRoundsAsRecorded() throws {
        let round = try Self.round(primarySeats: 0.8)
        let placed = try round.place(.primary)
        #expect(placed.summary.unplaced >= 2)
        let formed = try round.formClasses(.primary)
        let pupils = try #require(CSVReader.parse([UInt8](Data(contentsOf: round.runFolder.appendingPathComponent("primary/placements.csv"))), file: "p").table)
        let unplaced = (0..<pupils.count).filter { pupils[$0, 2] == "unplaced" }.map { pupils[$0, 0] }
        let school = try #require(round.admissionCase.schools(.primary).map(\.id).min())
        let (a, b) = (LateArrival(studentID: unplaced[0], schoolID: school), LateArrival(studentID: unplaced[1], schoolID: school))
        let one = try round.placeLateArrivals([a], level: .primary)
        #expect(one.step.step == .lateArrivals(level: .primary, rounds: [[a]]) && one.summary.lateArrivals == 1)
        let two = try round.placeLateArrivals([b], level: .primary)
        #expect(two.step.step == .lateArrivals(level: .primary, rounds: [[a], [b]]))
        #expect(two.step.outputs.map(\.name) == ["primary/late-arrivals-2.csv"])
        // Round 1's pupil is in a class now: listing them again is refused, naming them.
        #expect(throws: ClassFormationError.duplicateStudent(a.studentID)) { try round.placeLateArrivals([a], level: .primary) }
        // A round 2 whose round 1 is not the recorded one is refused.
        #expect(throws: RoundError.recordedByOtherStep("primary/late-arrivals-1.csv", recorded: "late-arrivals (level primary, round 1)",
                                                        needs: "late-arrivals (level primary, round 1)")) {
            try round.record(.lateArrivals(level: .primary, rounds: [[b], [a]]))
        }
        #expect("\(RoundError.recordedByOtherStep("primary/late-arrivals-1.csv", recorded: "late-arrivals (level primary, round 1)", needs: "late-arrivals (level primary, round 1)"))"
                == "primary/late-arrivals-1.csv: this step starts from the results of late-arrivals (level primary, round 1) as the step is given, "
                + "but the run folder's file was written by late-arrivals (level primary, round 1) with other options; give the rounds the manifest records")
        #expect(formed.summary.pupils == placed.summary.admitted + placed.summary.reassigned)
        let verified = try RunVerifier.verify(run: round.runFolder, caseFolder: round.caseFolder, code: Self.code)
        #expect(verified.stepLabels == ["place (level primary)", "classes (level primary)", "late-arrivals (level primary, round 1)",
                                        "late-arrivals (level primary, round 2)"])
    }
}
