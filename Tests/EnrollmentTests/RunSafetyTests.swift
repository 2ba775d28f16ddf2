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

/// The run folder's commit protocol, `--force` and the attempts list, through the library.
@Suite struct RunSafetyTests {
    static let seeds = ["7e71ffceae5940197c9c455310fd55c5ef45dfca79ad616579425728b4b38a9d", String(repeating: "c3", count: 32)]
    static let code = "sha256:" + String(repeating: "0", count: 64)

    struct Fixture {
        var root: URL
        var caseFolder: URL
        var commitment: Commitment

        /// Records `step` into `run` under seed number `seed`; returns the manifest written.
        @discardableResult
        func record(_ step: RoundStep, seed: Int, into run: URL, force: Bool = false, stopAfter: Int? = nil) throws -> Manifest {
            let round = try AdmissionRound(caseFolder: caseFolder, commitment: commitment, seed: RunSafetyTests.seeds[seed], runFolder: run,
                                           code: RunSafetyTests.code, force: force)
            _ = try round.record(step, stopAfter: stopAfter) { try step.perform(in: $0) }
            return try round.manifest()!
        }

        func verify(_ run: URL) throws(VerificationError) -> RunVerifier.Summary {
            try RunVerifier.verify(run: run, caseFolder: caseFolder, code: RunSafetyTests.code)
        }
    }

    static func fixture(_ name: String = #function) throws -> Fixture {
        let root = try temporaryFolder(name)
        let caseFolder = root.appendingPathComponent("case")
        _ = try CaseWriter.write(SyntheticCounty(parameters: .scaled(seed: "s2", applicants: 100)), to: caseFolder)
        let commitment = try Commitment(caseFolder: caseFolder)
        try commitment.write(to: caseFolder.appendingPathComponent(Commitment.fileName))
        return Fixture(root: root, caseFolder: caseFolder, commitment: commitment)
    }

    /// Every file under `folder`, by path, with its bytes (but the lock file, which names its
    /// last holder and is never a result).
    static func contents(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for path in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] where path != FolderLock.fileName {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue { out[path] = try Data(contentsOf: url) }
        }
        return out
    }

    /// A kill after every file operation of a step that replaces two steps by one under another
    /// seed (writing five files over the old ones and removing the other step's file): verify reports the previous
    /// state or the complete new one, recovery settles the folder in that state, and the rerun
    /// completes the new one.
    @Test func aStepInterruptedAfterAnyOperationLeavesThePreviousOrTheNewState() throws {
        let f = try Self.fixture()
        let template = f.root.appendingPathComponent("template")
        try f.record(.placement(level: .junior, ring: nil), seed: 0, into: template)
        let previous = try f.record(.lottery(level: .junior), seed: 0, into: template)
        let previousFiles = try Self.contents(template)
        // The reference: the same step, not interrupted.
        let reference = f.root.appendingPathComponent("reference")
        try FileManager.default.copyItem(at: template, to: reference)
        let new = try f.record(.placement(level: .junior, ring: nil), seed: 1, into: reference, force: true)
        #expect(new.steps.map(\.label) == ["place (level junior)"] && new.seed == Self.seeds[1])
        #expect(new.attempts.map(\.outcome) == [.replaced, .replaced, .recorded])
        #expect(try f.verify(reference).report == """
            verified: 1 step, \(new.steps[0].inputs.count) input files, 5 output files reproduced
            complete run of steps: place (level junior)
            earlier attempt kept in the manifest: place (level junior): replaced, seed \(Self.seeds[0])
            earlier attempt kept in the manifest: lottery (level junior): replaced, seed \(Self.seeds[0])
            """)
        let newFiles = try Self.contents(reference)
        let outputs = new.steps[0].outputs.map { (name: $0.name, bytes: [UInt8](newFiles[$0.name]!)) }
        #expect(Set(newFiles.keys) == Set([Manifest.fileName] + new.steps[0].outputs.map(\.name)))
        // Its commit: the pending manifest, 5 staged files, 5 renames, 1 removal, the manifest's rename.
        let operations = 1 + 5 + 5 + 1 + 1
        var seen: [String: Int] = [:]
        for stop in 0..<operations {
            let run = f.root.appendingPathComponent("run-\(stop)")
            try FileManager.default.copyItem(at: template, to: run)
            // The commit `AdmissionRound` makes (its earlier work writes nothing), stopped.
            #expect(throws: RunCommit.Stopped.self) { try RunCommit.commit(new, outputs: outputs, into: run, stopAfter: stop) }
            let summary = try f.verify(run)
            switch try RunCommit.state(of: run) {
            case .settled(let manifest, let leftovers):
                #expect(manifest == previous && leftovers.isEmpty && summary.state == .complete, "stop \(stop)")
                #expect(try Self.contents(run) == previousFiles, "stop \(stop)")
                seen["settled", default: 0] += 1
            case let .interrupted(manifest, _, attempts, leftovers):
                #expect(manifest == previous)
                #expect(summary.state == .previousIntact(interrupted: attempts) && summary.stepLabels == ["place (level junior)", "lottery (level junior)"])
                #expect(attempts.map(\.summary) == ["place (level junior): recorded, seed \(Self.seeds[1])"])
                #expect(leftovers.contains(RunCommit.pendingFileName))
                #expect(summary.report.contains("interrupted step place (level junior) before all its files were written: the previous state (steps: place (level junior), lottery (level junior)) is intact"))
                // The previous state's files are untouched.
                #expect(try Self.contents(run).filter { !leftovers.contains($0.key) } == previousFiles, "stop \(stop)")
                #expect(try RunCommit.recover(run) == .rolledBack(attempts))
                var rolledBack = previous
                rolledBack.attempts.append(RunAttempt(step: .placement(level: .junior, ring: nil), seed: Self.seeds[1], commitment: f.commitment.digest,
                                                      code: Self.code, outcome: .interrupted, outputs: new.steps[0].outputs))
                #expect(try Manifest.read(run: run) == rolledBack)
                #expect(try Self.contents(run).filter { $0.key != Manifest.fileName } == previousFiles.filter { $0.key != Manifest.fileName })
                seen["interrupted", default: 0] += 1
            case let .committing(_, pending, _, leftovers):
                #expect(pending == new)
                #expect(summary.state == .newComplete(interrupted: Array(new.attempts.suffix(1))) && summary.stepLabels == ["place (level junior)"])
                #expect(!leftovers.isEmpty && summary.report.contains("after all its files were written: the new state (steps: place (level junior))"))
                #expect(try RunCommit.recover(run) == .finished(Array(new.attempts.suffix(1))))
                #expect(try Self.contents(run) == newFiles, "stop \(stop)")
                seen["committing", default: 0] += 1
            }
            #expect(RunCommit.leftovers(in: run).isEmpty)
            guard [0, 1, operations - 1].contains(stop) else { continue }
            // Running the step again completes the new state, byte for byte the reference's files.
            let rerun = try f.record(.placement(level: .junior, ring: nil), seed: 1, into: run, force: true)
            #expect(rerun.steps == new.steps)
            #expect(try Self.contents(run).filter { $0.key != Manifest.fileName } == newFiles.filter { $0.key != Manifest.fileName }, "stop \(stop)")
        }
        // Stop 0: nothing written; 1–5: the pending manifest and some staged files; 6–12: every file written.
        #expect(seen == ["settled": 1, "interrupted": 5, "committing": 7])
    }

    @Test func aRecordedStepIsNotReplacedWithoutForce() throws {
        let f = try Self.fixture()
        let run = f.root.appendingPathComponent("run")
        let first = try f.record(.lottery(level: .junior), seed: 0, into: run)
        // The same step again gives the same bytes: allowed, nothing new recorded.
        #expect(try f.record(.lottery(level: .junior), seed: 0, into: run) == first)
        // The primary lottery would overwrite lottery-numbers.csv.
        #expect(throws: RoundError.alreadyRecorded(run.path, step: "lottery (level junior)")) {
            try f.record(.lottery(level: .primary), seed: 0, into: run)
        }
        #expect("\(RoundError.alreadyRecorded(run.path, step: "lottery (level junior)"))" == "\(run.path): the step lottery (level junior) is already recorded in manifest.json, and running it again would replace its results; give --force to replace them (manifest.json keeps the earlier attempt)")
        #expect(throws: RoundError.otherRun(run.path, what: "seed")) { try f.record(.lottery(level: .junior), seed: 1, into: run) }
        #expect(try Manifest.read(run: run) == first)
        let forced = try f.record(.lottery(level: .primary), seed: 0, into: run, force: true)
        #expect(forced.steps.map(\.label) == ["lottery (level primary)"])
        #expect(forced.attempts.map(\.summary) == ["lottery (level junior): replaced, seed \(Self.seeds[0])",
                                                  "lottery (level primary): recorded, seed \(Self.seeds[0])"])
        let reseeded = try f.record(.lottery(level: .primary), seed: 1, into: run, force: true)
        #expect(reseeded.seed == Self.seeds[1])
        #expect(reseeded.attempts.map(\.outcome) == [.replaced, .replaced, .recorded])
        #expect(try f.verify(run).earlierAttempts.map(\.seed) == [Self.seeds[0], Self.seeds[0]])
    }

    @Test func verifyRefusesAttemptsThatAreNotTheSteps() throws {
        let f = try Self.fixture()
        let run = f.root.appendingPathComponent("run")
        try f.record(.lottery(level: .junior), seed: 0, into: run)
        try f.record(.lottery(level: .junior), seed: 1, into: run, force: true)
        let url = run.appendingPathComponent(Manifest.fileName)
        let text = try String(contentsOf: url, encoding: .utf8)
        // Claiming the replaced attempt was the recorded one.
        try Data(text.replacingOccurrences(of: "\"outcome\": \"replaced\"", with: "\"outcome\": \"recorded\"").utf8).write(to: url)
        #expect(throws: VerificationError.self) { try f.verify(run) }
        do { _ = try f.verify(run) } catch {
            #expect(error.description == "manifest.json: \"attempts\" lists 2 recorded attempts for 1 step")
        }
    }

    @Test func anInterruptedFirstStepLeavesNoCompletedStep() throws {
        let f = try Self.fixture()
        let run = f.root.appendingPathComponent("run")
        #expect(throws: RunCommit.Stopped.self) { try f.record(.placement(level: .junior, ring: nil), seed: 0, into: run, stopAfter: 2) }
        #expect {
            try f.verify(run)
        } throws: { error in
            "\(error)".hasPrefix("\(run.path): no step is complete: the first step (place (level junior)) was interrupted before all its files were written; leftover files: junior/.zoning.csv.staged, manifest.json.pending; run the command again")
        }
        #expect(try RunCommit.recover(run) != nil)
        let manifest = try #require(try Manifest.read(run: run))
        #expect(manifest.steps.isEmpty && manifest.attempts.map(\.outcome) == [.interrupted])
        #expect(Set(try Self.contents(run).keys) == [Manifest.fileName])
        // The rerun completes; the interrupted attempt stays listed.
        let done = try f.record(.placement(level: .junior, ring: nil), seed: 0, into: run)
        #expect(done.attempts.map(\.outcome) == [.interrupted, .recorded])
        #expect(try f.verify(run).state == .complete)
    }

    @Test func publishingReplacesTheWholeSiteAndRefusesAnotherFolder() throws {
        let f = try Self.fixture()
        let run = f.root.appendingPathComponent("run")
        try f.record(.placement(level: .junior, ring: nil), seed: 0, into: run)
        let results = try RunResults.read(run: run, caseFolder: f.caseFolder, ceremony: nil)
        let site = try PublishedSite(results)
        let out = f.root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: out.appendingPathComponent("notes.txt"))
        #expect(throws: PublishingError.notASite(out.path)) { try PublishedSite.publish(results, to: out, run: run) }
        try FileManager.default.removeItem(at: out.appendingPathComponent("notes.txt"))
        _ = try PublishedSite.publish(results, to: out, run: run)
        // A file of an earlier publication that the new one lacks does not survive.
        try Data("stale".utf8).write(to: out.appendingPathComponent("school-old.html"))
        _ = try PublishedSite.publish(results, to: out, run: run)
        let written = try Self.contents(out)
        #expect(written == Dictionary(uniqueKeysWithValues: site.files.map { ($0.path, Data($0.bytes)) }))
        // Beside the site only its lock file, which names the last publication and is never a result.
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.root.path).sorted() == [".site.lock", "case", "run", "site"])
    }

    @Test func thePublishedSiteListsEveryAttempt() throws {
        let f = try Self.fixture()
        let run = f.root.appendingPathComponent("run")
        try f.record(.placement(level: .junior, ring: nil), seed: 0, into: run)
        try f.record(.placement(level: .junior, ring: nil), seed: 1, into: run, force: true)
        let results = try RunResults.read(run: run, caseFolder: f.caseFolder, ceremony: nil)
        let index = try #require(try PublishedSite(results, language: .en).files.first { $0.path == "index.html" })
        let html = String(decoding: index.bytes, as: UTF8.self)
        let start = try #require(html.range(of: "<table id=\"attempts-table\">"))
        let end = try #require(html[start.lowerBound...].range(of: "</table>"))
        let table = String(html[start.lowerBound..<end.upperBound])
        #expect(table == "<table id=\"attempts-table\"><thead><tr><th>Step</th><th>Outcome</th><th>Seed</th></tr></thead><tbody>\n"
                + "<tr><td>Placement · Junior<td>replaced<td class=\"hash\">\(Self.seeds[0])\n"
                + "<tr><td>Placement · Junior<td>in effect<td class=\"hash\">\(Self.seeds[1])\n</tbody></table>")
    }
}
