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

/// A lottery run on a small synthetic county, recorded and verified through the library.
@Suite struct RunVerifierTests {
    static let seed = "7e71ffceae5940197c9c455310fd55c5ef45dfca79ad616579425728b4b38a9d"
    static let code = "sha256:" + String(repeating: "0", count: 64)

    struct Run {
        var caseFolder: URL
        var run: URL
        var commitment: Commitment
        var manifest: Manifest
        /// The files of the case, as written.
        var files: [String]
    }

    /// Writes a synthetic case, commits it, and records a junior lottery into a run folder.
    static func makeRun(_ name: String = #function, twinsShare: Bool = false) throws -> Run {
        let root = try temporaryFolder(name)
        let caseFolder = root.appendingPathComponent("case")
        let files = try CaseWriter.write(SyntheticCounty(parameters: .scaled(seed: "audit", applicants: 80)), to: caseFolder)
        if twinsShare {
            let url = caseFolder.appendingPathComponent("policy.json")
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\"twins_share_lottery_number\": false", with: "\"twins_share_lottery_number\": true").utf8).write(to: url)
        }
        let commitment = try Commitment(caseFolder: caseFolder)
        try commitment.write(to: caseFolder.appendingPathComponent(Commitment.fileName))
        let run = root.appendingPathComponent("run")
        let round = try AdmissionRound(caseFolder: caseFolder, commitment: commitment, seed: seed, runFolder: run, code: code)
        try round.drawLotteryNumbers(.junior)
        return Run(caseFolder: caseFolder, run: run, commitment: commitment, manifest: try #require(try round.manifest()), files: files)
    }

    static func verify(_ r: Run) throws(VerificationError) -> RunVerifier.Summary {
        try RunVerifier.verify(run: r.run, caseFolder: r.caseFolder, code: code)
    }

    static func failure(_ r: Run) -> String? {
        do {
            _ = try verify(r)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func cleanRunVerifies() throws {
        let r = try Self.makeRun()
        let step = try #require(r.manifest.steps.first)
        #expect(r.manifest.steps.count == 1)
        #expect(step.kind == "lottery" && step.step == .lottery(level: .junior) && step.encoding == nil && step.draws == ["junior-placement"])
        #expect(step.outputs.map(\.name) == ["lottery-numbers.csv"])
        let loaded = try CaseFolder(url: r.caseFolder).load().admissionCase
        #expect(step.inputs.map(\.name) == loaded.files)
        #expect(Set(loaded.files).isSuperset(of: ["schools.csv", "policy.json", "primary-applicants.csv", "junior-applicants.csv"]))
        let juniors = loaded.juniorApplicants
        #expect(step.counts == ["numbers": juniors.count, "numbered_by_twin_group": 0])
        #expect(try Self.verify(r) == RunVerifier.Summary(steps: 1, inputs: loaded.files.count, outputs: 1, stepLabels: ["lottery (level junior)"]))
        // The published rows are the library's lottery numbers, in order.
        let table = try #require(CSVReader.parse([UInt8](Data(contentsOf: r.run.appendingPathComponent("lottery-numbers.csv"))), file: "l").table)
        let numbers = (0..<table.count).map { table[$0, 2] }
        #expect(numbers == numbers.sorted())
        #expect(Set((0..<table.count).map { table[$0, 0] }) == Set(juniors.map(\.id)))
        #expect(table[0, 2] == LotteryNumber(seed: Self.seed, draw: "junior-placement", studentID: table[0, 0]).hex)
    }

    /// Changes one ASCII digit near the middle of `url` to another digit.
    static func changeOneByte(_ url: URL) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        let middle = bytes.count / 2
        let k = try #require((middle..<bytes.count).first { (0x30...0x39).contains(bytes[$0]) })
        bytes[k] = 0x30 + (bytes[k] - 0x30 + 1) % 10
        try Data(bytes).write(to: url)
    }

    @Test func aOneByteChangeToAnyFileOfTheRunIsNamed() throws {
        let r = try Self.makeRun()
        let caseFiles = try FileManager.default.contentsOfDirectory(atPath: r.caseFolder.path).filter { $0 != Commitment.fileName }.sorted()
        #expect(caseFiles == r.files.sorted())
        let files = caseFiles.map { (r.caseFolder.appendingPathComponent($0), $0) }
            + ["lottery-numbers.csv", "manifest.json"].map { (r.run.appendingPathComponent($0), $0) }
        for (url, name) in files {
            let original = try Data(contentsOf: url)
            try Self.changeOneByte(url)
            let message = Self.failure(r)
            #expect(message?.contains(name) == true, "\(name): \(message ?? "verified")")
            try original.write(to: url)
        }
        #expect(try Self.verify(r).steps == 1)
    }

    @Test func everyChangedInputIsNamed() throws {
        let r = try Self.makeRun()
        try Self.changeOneByte(r.caseFolder.appendingPathComponent("graduates.csv"))
        try Self.changeOneByte(r.caseFolder.appendingPathComponent("schools.csv"))
        #expect(Self.failure(r) == """
            schools.csv: input file changed since the run (its SHA-256 is not the one manifest.json records)
            graduates.csv: input file changed since the run (its SHA-256 is not the one manifest.json records)
            """)
    }

    @Test func aChangedOutputIsNamedByLineAndColumn() throws {
        let r = try Self.makeRun()
        let url = r.run.appendingPathComponent("lottery-numbers.csv")
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[3].components(separatedBy: ",")
        fields[2] = String(fields[2].reversed())
        lines[3] = fields.joined(separator: ",")
        try Data(lines.joined(separator: "\n").utf8).write(to: url)
        let message = try #require(Self.failure(r))
        #expect(message.hasPrefix("lottery-numbers.csv:4:3: row 3, lottery_number: published \"\(fields[2])\""))
        #expect(message.contains("it was changed after the run"))
    }

    @Test func aChangedSeedInTheManifestIsNotReproduced() throws {
        let r = try Self.makeRun()
        let url = r.run.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: Self.seed, with: "8" + Self.seed.dropFirst()).utf8).write(to: url)
        let message = try #require(Self.failure(r))
        #expect(message.hasPrefix("lottery-numbers.csv:2:1: row 1, student_id: published"))
        #expect(message.contains("with the seed and options recorded in manifest.json does not give the published file"))
    }

    /// The longest steps start first; the error reported is still the first failing step's in
    /// the manifest's order, whichever started or finished first.
    @Test func classFormationStartsFirstAndTheFirstFailureInTheManifestIsReported() throws {
        let steps: [RoundStep] = [.lottery(level: .junior), .placement(level: .primary, ring: nil), .quota, .classes(level: .primary),
                                  .placement(level: .junior, ring: nil), .classes(level: .junior)]
        #expect(RunVerifier.Replay.startOrder(steps) == [3, 5, 1, 4, 0, 2])
        let r = try Self.makeRun()
        let round = try AdmissionRound(caseFolder: r.caseFolder, commitment: r.commitment, seed: Self.seed, runFolder: r.run, code: Self.code)
        try round.place(.primary)
        try round.formClasses(.primary)
        let url = r.run.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: Self.seed, with: "8" + Self.seed.dropFirst()).utf8).write(to: url)
        // Every step draws from the seed: the lottery (step 1) is named, not the classes that started first.
        let message = try #require(Self.failure(r))
        #expect(message.hasPrefix("lottery-numbers.csv:2:1: row 1, student_id: published"))
    }

    @Test func aRunOfOtherCodeIsRefusedUnlessAllowed() throws {
        let r = try Self.makeRun()
        let other = "sha256:" + String(repeating: "1", count: 64)
        #expect(throws: VerificationError.self) { try RunVerifier.verify(run: r.run, caseFolder: r.caseFolder, code: other) }
        #expect(try RunVerifier.verify(run: r.run, caseFolder: r.caseFolder, code: other, allowOtherCode: true).steps == 1)
    }

    @Test func scratchFolderReceivesTheRerun() throws {
        let r = try Self.makeRun()
        let scratch = r.run.deletingLastPathComponent().appendingPathComponent("scratch")
        _ = try RunVerifier.verify(run: r.run, caseFolder: r.caseFolder, code: Self.code, scratch: scratch)
        #expect(try Data(contentsOf: scratch.appendingPathComponent("step-1/lottery-numbers.csv"))
                == Data(contentsOf: r.run.appendingPathComponent("lottery-numbers.csv")))
    }

    @Test func twinsShareTheirGroupsNumberWhenThePolicySaysSo() throws {
        let r = try Self.makeRun(twinsShare: true)
        let juniors = try CaseFolder(url: r.caseFolder).load().admissionCase.juniorApplicants
        let twins = juniors.filter { $0.twinGroup != nil }
        #expect(twins.count >= 2)
        #expect(r.manifest.steps[0].counts["numbered_by_twin_group"] == twins.count)
        let table = try #require(CSVReader.parse([UInt8](Data(contentsOf: r.run.appendingPathComponent("lottery-numbers.csv"))), file: "l").table)
        let byID = Dictionary(uniqueKeysWithValues: (0..<table.count).map { (table[$0, 0], (number: table[$0, 2], group: table[$0, 3])) })
        for twin in twins {
            let group = try #require(twin.twinGroup)
            #expect(byID[twin.id]?.group == group)
            #expect(byID[twin.id]?.number == LotteryNumber(seed: Self.seed, draw: "junior-placement", studentID: group).hex)
        }
        #expect(try Self.verify(r).steps == 1)
    }

    @Test func drawingRefusesAChangedApplicantListAndWritesNothing() throws {
        let r = try Self.makeRun()
        try Self.changeOneByte(r.caseFolder.appendingPathComponent("junior-applicants.csv"))
        let run = r.run.deletingLastPathComponent().appendingPathComponent("run2")
        #expect {
            try AdmissionRound(caseFolder: r.caseFolder, commitment: r.commitment, seed: Self.seed, runFolder: run, code: Self.code)
        } throws: { error in
            guard case .changed(let changes) = error as? CommitmentError else { return false }
            return changes == [.changed("junior-applicants.csv")] && "\(error)".contains("junior-applicants.csv: changed since the commitment was made")
        }
        #expect(!FileManager.default.fileExists(atPath: run.path))
    }

    /// A later step of a run takes a committed file's entry from the manifest only for the very
    /// bytes an earlier step read and verified: a one-byte change is refused as before; the same
    /// rows saved again with other bytes are made canonical and accepted.
    @Test func aLaterStepTrustsOnlyTheBytesAnEarlierStepVerified() throws {
        let r = try Self.makeRun()
        let name = "junior-applicants.csv"
        let url = r.caseFolder.appendingPathComponent(name)
        let original = try Data(contentsOf: url)
        let verified = AdmissionRound.verifiedFiles(runFolder: r.run, commitment: r.commitment, encoding: nil, code: Self.code)
        #expect(verified[name]?.raw == SHA256.hash([UInt8](original)))
        #expect(verified[name]?.entry == r.commitment.files.first { $0.name == name })
        #expect(AdmissionRound.verifiedFiles(runFolder: r.run, commitment: r.commitment, encoding: nil, code: "other code").isEmpty)
        #expect(AdmissionRound.verifiedFiles(runFolder: r.run, commitment: r.commitment, encoding: .gb18030, code: Self.code).isEmpty)

        try Self.changeOneByte(url)
        #expect {
            try AdmissionRound(caseFolder: r.caseFolder, commitment: r.commitment, seed: Self.seed, runFolder: r.run, code: Self.code)
        } throws: { error in
            guard case .changed(let changes) = error as? CommitmentError else { return false }
            return changes == [.changed(name)]
        }
        try Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: url)
        let round = try AdmissionRound(caseFolder: r.caseFolder, commitment: r.commitment, seed: Self.seed, runFolder: r.run, code: Self.code)
        let placed = try round.place(.junior)
        #expect(placed.step.inputs.first { $0.name == name }?.digest == SHA256.hash([UInt8](try Data(contentsOf: url))))
        #expect(try round.manifest()?.steps.count == 2)
    }

    /// The entry of a verified file is taken only when the bytes read have the verified digest
    /// (shown with an entry no canonical form gives); otherwise the file is made canonical.
    @Test func aVerifiedEntryIsTakenForTheSameBytesOnly() throws {
        let r = try Self.makeRun()
        let name = "junior-applicants.csv"
        let raw = SHA256.hash([UInt8](try Data(contentsOf: r.caseFolder.appendingPathComponent(name))))
        let committed = try #require(r.commitment.files.first { $0.name == name })
        var marked = committed
        marked.digest = SHA256.hash("no canonical form")
        func entry(rawDigest: SHA256Digest) throws -> Commitment.File? {
            let loaded = try CaseFolder(url: r.caseFolder).load(committing: true, verified: [name: VerifiedFile(raw: rawDigest, entry: marked)])
            return loaded.commitment?.files.first { $0.name == name }
        }
        #expect(try entry(rawDigest: raw) == marked)
        #expect(try entry(rawDigest: SHA256.hash("other bytes")) == committed)
    }

    @Test func aLaterStepReplacesTheStepThatWroteTheSameFileWithForce() throws {
        let r = try Self.makeRun()
        func round(seed: String = Self.seed, force: Bool = false) throws -> AdmissionRound {
            try AdmissionRound(caseFolder: r.caseFolder, commitment: r.commitment, seed: seed, runFolder: r.run, code: Self.code, force: force)
        }
        #expect(throws: RoundError.alreadyRecorded(r.run.path, step: "lottery (level junior)")) {
            try round().drawLotteryNumbers(.primary)
        }
        let record = try round(force: true).drawLotteryNumbers(.primary)
        #expect(record.step.draws == ["primary-placement"])
        let manifest = try #require(try round().manifest())
        #expect(manifest.steps == [record.step])
        #expect(manifest.attempts.map(\.outcome) == [.replaced, .recorded])
        #expect(try Self.verify(r).steps == 1)
        #expect(throws: RoundError.otherRun(r.run.path, what: "seed")) {
            try round(seed: String(Self.seed.reversed())).drawLotteryNumbers(.primary)
        }
        #expect(throws: RoundError.malformedSeed) {
            try round(seed: "7f3a9c")
        }
    }

    /// A recorded attempt's file deleted or changed by hand is named with the attempt that wrote
    /// it: its number among all the folder's attempts (a replaced one before it), step and seed.
    @Test func anAttemptsDeletedOrChangedFileIsNamedWithTheAttempt() throws {
        let r = try Self.makeRun()
        try AdmissionRound(caseFolder: r.caseFolder, commitment: r.commitment, seed: Self.seed, runFolder: r.run, code: Self.code, force: true)
            .drawLotteryNumbers(.primary)
        let url = r.run.appendingPathComponent("lottery-numbers.csv")
        let original = try Data(contentsOf: url)
        let attempt = "attempt 2 of 2 in manifest.json (lottery (level primary): recorded, seed \(Self.seed))"
        try FileManager.default.removeItem(at: url)
        #expect(Self.failure(r) == "lottery-numbers.csv: output file of \(attempt) is missing from the run folder: deleted or moved after the run; "
                + "restore it from the archived or published copy of the run folder")
        try original.write(to: url)
        try Self.changeOneByte(url)
        let message = try #require(Self.failure(r))
        #expect(message.hasPrefix("lottery-numbers.csv:") && message.hasSuffix(" (the file differs from the re-run and from its digest in manifest.json: "
                                  + "it was changed after the run)\n  the file was written by \(attempt)"), "\(message)")
        try original.write(to: url)
        #expect(try Self.verify(r).earlierAttempts.map(\.summary) == ["lottery (level junior): replaced, seed \(Self.seed)"])
    }

    @Test func theCommandNamesEveryMissingFileOfTheAttempt() throws {
        let root = try temporaryFolder()
        let run = try ReplacedTargetTests.placedRun(root)
        let manifest = try #require(try Manifest.read(run: run))
        for name in ["junior/placements.csv", "junior/ranks.csv"] { try FileManager.default.removeItem(at: run.appendingPathComponent(name)) }
        let result = try runEnroll(["verify", run.path])
        #expect(result.status == 1)
        #expect(result.err == "not verified: junior/placements.csv, junior/ranks.csv: output files of attempt 2 of 2 in manifest.json "
                + "(place (level junior): recorded, seed \(manifest.seed)) are missing from the run folder: deleted or moved after the run; "
                + "restore them from the archived or published copy of the run folder\n")
    }

    @Test func manifestRoundTrip() throws {
        let r = try Self.makeRun()
        let bytes = [UInt8](try Data(contentsOf: r.run.appendingPathComponent("manifest.json")))
        let read = try Manifest(json: bytes)
        #expect(read == r.manifest)
        #expect(read.rendered == bytes)
        var twoSteps = read
        twoSteps.steps.append(RunStep(step: .placement(level: .junior, ring: nil), encoding: .gb18030, draws: ["a", "b"],
                                      inputs: [], outputs: [.init(name: "placements.csv", digest: SHA256.hash("p"))], counts: ["placed": 3]))
        #expect(try Manifest(json: twoSteps.rendered) == twoSteps)
        // Every step kind's typed options read back as written, rounds and all.
        let steps: [RoundStep] = [.lottery(level: .primary), .classes(level: .junior), .quota,
                                  .vacancies(level: .junior, rounds: [["2026070012", "2026070031"], ["2026070007"]]),
                                  .lateArrivals(level: .primary, rounds: [[LateArrival(studentID: "2026010001", schoolID: "P01")], []])]
        var all = read
        all.steps = steps.map { RunStep(step: $0, draws: [], inputs: [], outputs: [], counts: [:]) }
        #expect(try Manifest(json: all.rendered) == all)
        #expect(steps.map(\.label) == ["lottery (level primary)", "classes (level junior)", "quota",
                                       "vacancies (level junior, round 2)", "late-arrivals (level primary, round 2)"])
    }

    @Test func manifestReaderNamesTheLineOfAProblem() throws {
        let r = try Self.makeRun()
        let text = try String(contentsOf: r.run.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect {
            try Manifest(json: Array(text.replacingOccurrences(of: "\"counts\"", with: "\"count\"").utf8))
        } throws: { error in
            "\(error)".contains("unknown key \"count\" in a step")
        }
        #expect {
            try Manifest(json: Array(text.replacingOccurrences(of: "enroll-manifest/2", with: "enroll-manifest/1").utf8))
        } throws: { error in
            "\(error)" == "manifest.json:2:13: this manifest is in the format enroll-manifest/1, which this enroll (\(EnrollmentVersion.current)) "
                + "does not read: it reads enroll-manifest/2; verify the run with the enroll version the manifest names, "
                + "or draw the round again into a new run folder"
        }
        #expect {
            try Manifest(json: Array(text.replacingOccurrences(of: "enroll-manifest/2", with: "other/2").utf8))
        } throws: { error in
            "\(error)" == "manifest.json:2:13: \"format\" must be \"enroll-manifest/2\": this is not a manifest this tool reads"
        }
        #expect {
            try Manifest(json: Array(text.replacingOccurrences(of: "\"level\": \"junior\"", with: "\"level\": \"high\"").utf8))
        } throws: { error in
            "\(error)".hasSuffix("\"level\" must be \"primary\" or \"junior\"")
        }
        #expect {
            try Manifest(json: Array(text.replacingOccurrences(of: "\"step\": \"lottery\"", with: "\"step\": \"draw\"").utf8))
        } throws: { error in
            "\(error)".contains("\"draw\" is not a step this enroll knows")
        }
    }

    @Test func invariantsCatchRowsOutOfOrder() throws {
        let r = try Self.makeRun()
        let c = try CaseFolder(url: r.caseFolder).load().admissionCase
        let outcome = LotteryNumbersStep.perform(level: .junior, in: StepContext(admissionCase: c, seed: Self.seed) { file, _ in
            Issue.record("the lottery reads no recorded file (\(file))")
            return []
        })
        #expect(outcome.invariants() == [])
        var lines = String(decoding: outcome.outputs[0].bytes, as: UTF8.self).components(separatedBy: "\n")
        lines.swapAt(1, 2)
        #expect(LotteryNumbersStep.invariants(Array(lines.joined(separator: "\n").utf8), level: .junior, c, seed: Self.seed)
                == ["lottery-numbers.csv:3: rows are not in order of lottery number, then student_id"])
    }
}
