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

/// SIGKILL at seeded random moments of a real `enroll` run: `verify` must then report the
/// previous state or the complete new one (never a mix, which would not verify), and running the
/// command again must complete it.
@Suite struct KillTests {
    /// A seeded generator for the kill delays (SplitMix64), so a failure can be replayed.
    struct Delays {
        var state: UInt64
        mutating func next(below limit: Double) -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return Double(z >> 11) / Double(1 << 53) * limit
        }
    }

    /// Starts `enroll arguments` and, when `delay` is given, kills it with SIGKILL `delay`
    /// seconds after `trigger` first appears (nil: after launch). Returns whether it was killed
    /// before it ended by itself, and the seconds from the trigger (or launch) to its end.
    static func run(_ arguments: [String], killAfter delay: Double?, from trigger: URL?) throws -> (killed: Bool, seconds: Double) {
        let process = Process()
        process.executableURL = enrollBinary
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let trigger {
            while process.isRunning, !FileManager.default.fileExists(atPath: trigger.path) { usleep(100) }
        }
        let start = DispatchTime.now()
        var wasRunning = false
        if let delay {
            usleep(UInt32(delay * 1_000_000))
            wasRunning = process.isRunning
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        #expect(delay != nil || process.terminationStatus == 0, "enroll \(arguments.joined(separator: " "))")
        return (wasRunning && process.terminationReason == .uncaughtSignal, seconds)
    }

    static func killed(_ arguments: [String], after delay: Double, from trigger: URL?) throws -> Bool {
        try run(arguments, killAfter: delay, from: trigger).killed
    }

    @Test func aKilledStepLeavesThePreviousStateOrTheCompleteNewOne() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case"), run = root.appendingPathComponent("run")
        let commitment = caseFolder.appendingPathComponent(Commitment.fileName)
        _ = try CaseWriter.write(SyntheticCounty(parameters: .init(seed: "kill", applicants: 400, primaryColumns: 3, primaryRows: 2)), to: caseFolder)
        try Commitment(caseFolder: caseFolder).write(to: commitment)
        let seeds = [String(repeating: "a1", count: 32), String(repeating: "b2", count: 32)]
        func drawing(_ seed: String) -> [String] { ["--seed", seed, "--commitment", commitment.path, "--out", run.path] }
        func enroll(_ arguments: [String]) throws {
            let r = try runEnroll(arguments)
            #expect(r.status == 0, "enroll \(arguments.joined(separator: " ")): \(r.err)")
        }
        // How long the command takes, and its commit (from the pending manifest to the end).
        let pending = run.appendingPathComponent(RunCommit.pendingFileName)
        let duration = try Self.run(["place", caseFolder.path, "--level", "primary"] + drawing(seeds[0]), killAfter: nil, from: nil).seconds
        try enroll(["classes", caseFolder.path, "--level", "primary"] + drawing(seeds[0]))
        let commit = try Self.run(["place", caseFolder.path, "--level", "primary", "--force"] + drawing(seeds[1]), killAfter: nil, from: pending).seconds
        try enroll(["place", caseFolder.path, "--level", "primary", "--force"] + drawing(seeds[0]))
        // Without --force, another seed is refused, naming the option.
        let refused = try runEnroll(["place", caseFolder.path, "--level", "primary"] + drawing(seeds[1]))
        #expect(refused.status == 1 && refused.err.contains("this run folder records a run with another seed") && refused.err.contains("give --force"))
        var delays = Delays(state: 20260620)
        var killedInCommit = 0
        for round in 0..<4 {
            let (old, new) = (seeds[round % 2], seeds[(round + 1) % 2])
            // The previous state: two steps under the old seed.
            try enroll(["classes", caseFolder.path, "--level", "primary"] + drawing(old))
            // The killed command replaces them by one step under the new seed (removing the
            // classes files): on even rounds at a random moment of the commit, on odd ones
            // at a random moment of the whole command.
            let command = ["place", caseFolder.path, "--level", "primary", "--force"] + drawing(new)
            let inCommit = round % 2 == 0
            let wasKilled = try Self.killed(command, after: delays.next(below: inCommit ? commit : duration), from: inCommit ? pending : nil)
            let state = try RunCommit.state(of: run)
            if case .settled = state {} else { killedInCommit += wasKilled ? 1 : 0 }
            let verified = try runEnroll(["verify", run.path])
            #expect(verified.status == 0, "round \(round): \(verified.err)")
            let lines = verified.out.split(separator: "\n").map(String.init)
            let previous = "steps: place (level primary), classes (level primary)", next = "steps: place (level primary)"
            switch state {
            case .settled(let manifest, _):
                let seed = try #require(manifest?.seed)
                #expect(lines[1] == "complete run of \(seed == old ? previous : next)", "round \(round): \(verified.out)")
            case .interrupted(let manifest, _, _, _):
                #expect(manifest?.seed == old)
                #expect(lines[1] == "interrupted step place (level primary) before all its files were written: the previous state (\(previous)) is intact",
                        "round \(round): \(verified.out)")
            case .committing(_, let pending, _, _):
                #expect(pending.seed == new)
                #expect(lines[1].hasPrefix("interrupted step place (level primary) after all its files were written: the new state (\(next))"),
                        "round \(round): \(verified.out)")
            }
            // Running the command again completes the new state.
            try enroll(command)
            guard case .settled(let manifest?, let leftovers) = try RunCommit.state(of: run) else {
                Issue.record("round \(round): the folder is not settled after the rerun")
                continue
            }
            #expect(leftovers.isEmpty && manifest.seed == new && manifest.steps.map(\.label) == ["place (level primary)"])
            #expect(!FileManager.default.fileExists(atPath: run.appendingPathComponent("primary/classes.csv").path))
        }
        #expect(killedInCommit >= 1, "no kill landed inside a commit")
        let final = try runEnroll(["verify", run.path])
        #expect(final.status == 0 && final.out.contains("complete run of steps: place (level primary)"), "\(final.out)\(final.err)")
        // Every forced re-run is kept: the setup's two and each round's replaced steps drawn under another seed.
        let manifest = try #require(try Manifest.read(run: run))
        #expect(manifest.attempts.filter { $0.outcome == .replaced }.count == 3 + 8)
        #expect(final.out.contains("earlier attempt kept in the manifest: place (level primary): replaced, seed \(seeds[0])"))
    }

    /// Whether `site` is one complete published site: exactly the files its SHA256SUMS lists,
    /// each with its digest; returns the language of its index page.
    static func completeSite(_ site: URL) throws -> String? {
        let sums = try String(contentsOf: site.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        var listed: Set<String> = ["SHA256SUMS"]
        for line in sums.split(separator: "\n") {
            let digest = String(line.prefix(64)), path = String(line.dropFirst(66))
            guard try SHA256.hash(fileAt: site.appendingPathComponent(path)).hex == digest else { return nil }
            listed.insert(path)
        }
        let present = Set((FileManager.default.enumerator(atPath: site.path)?.allObjects as? [String] ?? []).filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path, isDirectory: &folder) && !folder.boolValue
        })
        guard present == listed else { return nil }
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        return index.contains("<html lang=\"zh") ? "zh" : index.contains("<html lang=\"en") ? "en" : "?"
    }

    @Test func aKilledPublicationLeavesTheOldSiteOrTheNewOne() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case"), run = root.appendingPathComponent("run"), site = root.appendingPathComponent("site")
        let commitment = caseFolder.appendingPathComponent(Commitment.fileName)
        _ = try CaseWriter.write(SyntheticCounty(parameters: .init(seed: "kill-site", applicants: 400, primaryColumns: 3, primaryRows: 2)), to: caseFolder)
        try Commitment(caseFolder: caseFolder).write(to: commitment)
        let drawing = ["--seed", String(repeating: "d4", count: 32), "--commitment", commitment.path, "--out", run.path]
        for level in ["primary", "junior"] {
            #expect(try runEnroll(["place", caseFolder.path, "--level", level] + drawing).status == 0)
        }
        let started = DispatchTime.now()
        #expect(try runEnroll(["publish", run.path, "--out", site.path, "--lang", "zh"]).status == 0)
        let duration = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var delays = Delays(state: 20260621)
        var language = "zh", interrupted = 0
        for _ in 0..<4 {
            let next = language == "zh" ? "en" : "zh"
            interrupted += try Self.killed(["publish", run.path, "--out", site.path, "--lang", next], after: duration * 0.15 + delays.next(below: duration * 0.6), from: nil) ? 1 : 0
            let found = try Self.completeSite(site)
            #expect(found == language || found == next, "the site is neither the old one nor the new one: \(found ?? "incomplete")")
            // Publishing again replaces the site, whatever the kill left.
            #expect(try runEnroll(["publish", run.path, "--out", site.path, "--lang", next]).status == 0)
            #expect(try Self.completeSite(site) == next)
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".site.lock", "case", "run", "site"])
            language = next
        }
        #expect(interrupted >= 2, "the kills came after the publications ended")
    }
}
