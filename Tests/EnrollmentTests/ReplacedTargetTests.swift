import Foundation
import Testing
@testable import EnrollmentIO
@testable import EnrollmentCase
@testable import EnrollmentSynthesis

/// What `synth`, `zone` and the publishing commands write outside a run folder: one writer at a
/// time (the target's lock, `FolderLock(beside:)`: a second command is refused naming the first,
/// or waits with `--wait`), and `synth` replaces its folder whole, so a kill leaves the old case
/// or the new one.
@Suite(.serialized) struct ReplacedTargetTests {
    /// A digest of every file under `folder` (path and bytes), nil when it does not exist.
    static func fingerprint(_ folder: URL) throws -> String? {
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        let paths = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted()
        var text = ""
        for path in paths {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder), !isFolder.boolValue { text += path + " " + (try SHA256.hash(fileAt: folder.appendingPathComponent(path)).hex) + "\n" }
        }
        return SHA256.hash(Array(text.utf8)).hex
    }

    /// A case, placed at both levels, and the run.
    static func placedRun(_ root: URL) throws -> URL {
        let caseFolder = root.appendingPathComponent("case"), run = root.appendingPathComponent("run")
        #expect(try runEnroll(["synth", "--seed", "lock", "--applicants", "300", "--out", caseFolder.path]).status == 0)
        #expect(try runEnroll(["commit", caseFolder.path]).status == 0)
        for level in ["primary", "junior"] {
            #expect(try runEnroll(["place", caseFolder.path, "--level", level, "--seed", String(repeating: "7a", count: 32), "--commitment",
                                   caseFolder.appendingPathComponent(Commitment.fileName).path, "--out", run.path]).status == 0)
        }
        return run
    }

    @Test func aSecondPublicationIntoTheSameSiteIsRefusedNamingTheFirstOrWaits() throws {
        let root = try temporaryFolder()
        let run = try Self.placedRun(root), site = root.appendingPathComponent("site")
        #expect(try runEnroll(["publish", run.path, "--out", site.path]).status == 0)
        let published = try Self.fingerprint(site)
        do {
            let held = try FolderLock(beside: site)
            let refused = try runEnroll(["publish", run.path, "--out", site.path, "--lang", "en"])
            #expect(refused.status == 1 && refused.err.contains("\(site.path): the folder is busy: another command is writing into it (process \(getpid()): "),
                    "\(refused.err)")
            #expect(throws: FolderLockError.self) { try FolderLock(beside: site) }
            withExtendedLifetime(held) {}
        }
        #expect(try Self.fingerprint(site) == published)
        // Four at once, each waiting for the one before: all complete, the site whole, nothing left beside it.
        let processes = try (0..<4).map { k -> Process in
            let p = Process()
            p.executableURL = enrollBinary
            p.arguments = ["publish", run.path, "--out", site.path, "--lang", k % 2 == 0 ? "en" : "zh", "--wait"]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            return p
        }
        for p in processes { p.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == [0, 0, 0, 0])
        #expect(try KillTests.completeSite(site) != nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".case.lock", ".site.lock", "case", "run", "site"])
    }

    @Test func synthReplacesACaseWholeAndRefusesAnotherFolder() throws {
        let root = try temporaryFolder()
        let other = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: other.appendingPathComponent("letter.txt"))
        let refused = try runEnroll(["synth", "--seed", "a", "--applicants", "50", "--out", other.path])
        #expect(refused.status == 1 && refused.err.contains("\(other.path): the folder holds files and no schools.csv, so it is not a case folder"),
                "\(refused.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["letter.txt"])
        let caseFolder = root.appendingPathComponent("case")
        #expect(try runEnroll(["synth", "--seed", "a", "--applicants", "50", "--out", caseFolder.path]).status == 0)
        #expect(try runEnroll(["commit", caseFolder.path]).status == 0)
        #expect(try runEnroll(["synth", "--seed", "b", "--applicants", "60", "--out", caseFolder.path]).status == 0)
        // The new case alone: the old case's commitment went with it.
        let fresh = root.appendingPathComponent("fresh")
        _ = try CaseWriter.write(SyntheticCounty(parameters: .scaled(seed: "b", applicants: 60)), to: fresh)
        #expect(try Self.fingerprint(caseFolder) == Self.fingerprint(fresh))
        do {
            let held = try FolderLock(beside: caseFolder)
            let busy = try runEnroll(["synth", "--seed", "c", "--applicants", "50", "--out", caseFolder.path])
            #expect(busy.status == 1 && busy.err.contains("the folder is busy"), "\(busy.err)")
            withExtendedLifetime(held) {}
        }
    }

    /// SIGKILL at random points of `synth` over an existing case: the folder is the old case or
    /// the new one, complete, every time.
    @Test func aKilledSynthLeavesTheOldCaseOrTheNewOne() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case")
        let seeds = ["old", "new"]
        var expected: [String: String] = [:]
        var duration = 0.0
        for seed in seeds {
            let timed = try KillTests.run(["synth", "--seed", seed, "--applicants", "20000", "--out", caseFolder.path], killAfter: nil, from: nil)
            duration = max(duration, timed.seconds)
            expected[seed] = try Self.fingerprint(caseFolder)
        }
        var delays = KillTests.Delays(state: 20261205)
        var current = "new", interrupted = 0
        for _ in 0..<6 {
            let next = current == "new" ? "old" : "new"
            let killed = try KillTests.killed(["synth", "--seed", next, "--applicants", "20000", "--out", caseFolder.path],
                                              after: delays.next(below: duration * 0.9), from: nil)
            interrupted += killed ? 1 : 0
            let found = try Self.fingerprint(caseFolder)
            #expect(found == expected[current] || found == expected[next], "the case is neither the old one nor the new one")
            current = found == expected[next] ? next : current
        }
        #expect(interrupted >= 3, "the kills came after synth ended")
        // The next synth clears what a kill left beside the folder.
        #expect(try runEnroll(["synth", "--seed", "old", "--applicants", "20000", "--out", caseFolder.path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".case.lock", "case"])
    }

    @Test func aSecondZoningIntoTheSameFileIsRefusedNamingTheFirst() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case"), out = root.appendingPathComponent("zoning.csv")
        #expect(try runEnroll(["synth", "--seed", "z", "--applicants", "50", "--out", caseFolder.path]).status == 0)
        let held = try FolderLock(beside: out, isFolder: false)
        let busy = try runEnroll(["zone", caseFolder.path, "--level", "junior", "--out", out.path])
        #expect(busy.status == 1 && busy.err.contains("\(out.path): the file is busy: another command is writing into it (process \(getpid()): "), "\(busy.err)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
        withExtendedLifetime(held) {}
        let same = try runEnroll(["zone", caseFolder.path, "--level", "junior", "--out", out.path, "--summary", out.path])
        #expect(same.status == 2 && same.err.contains("the value '\(out.path)' of '--summary' is invalid: it is the --out file; give the summary another name"),
                "\(same.err)")
    }

    /// Starts every command of `commands` at once (processes); returns their exit statuses and error outputs.
    static func atOnce(_ commands: [[String]]) throws -> [(status: Int32, err: String)] {
        let started = try commands.map { arguments -> (Process, Pipe) in
            let p = Process(), err = Pipe()
            p.executableURL = enrollBinary
            p.arguments = arguments
            p.standardOutput = FileHandle.nullDevice
            p.standardError = err
            try p.run()
            return (p, err)
        }
        return started.map { p, err in
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            return (p.terminationStatus, text)
        }
    }

    /// Two `synth` into one folder and two `zone` into one file, started at once: with `--wait`
    /// both end and the target is one of the two results, whole; without, the loser is refused
    /// as busy and the target is the winner's.
    @Test func twoSynthsOrTwoZonesAtOnceLeaveOneWholeResult() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case"), out = root.appendingPathComponent("zoning.csv")
        var cases: [String?] = []
        for seed in ["a", "b"] {
            let folder = root.appendingPathComponent("expected-\(seed)")
            _ = try CaseWriter.write(SyntheticCounty(parameters: .scaled(seed: seed, applicants: 3000)), to: folder)
            cases.append(try Self.fingerprint(folder))
        }
        for wait in [["--wait"], []] {
            let ended = try Self.atOnce(["a", "b"].map { ["synth", "--seed", $0, "--applicants", "3000", "--out", caseFolder.path] + wait })
            #expect(ended.allSatisfy { $0.status == 0 || $0.err.contains("\(caseFolder.path): the folder is busy") }, "\(ended.map(\.err))")
            #expect(!wait.isEmpty ? ended.allSatisfy { $0.status == 0 } : ended.contains { $0.status == 0 })
            #expect(cases.contains(try Self.fingerprint(caseFolder)), "two synths left a case that is neither")
        }
        var zonings: [[UInt8]] = []
        for level in ["primary", "junior"] {
            #expect(try runEnroll(["zone", caseFolder.path, "--level", level, "--out", out.path]).status == 0)
            zonings.append([UInt8](try Data(contentsOf: out)))
        }
        for wait in [["--wait"], []] {
            let ended = try Self.atOnce(["primary", "junior"].map { ["zone", caseFolder.path, "--level", $0, "--out", out.path] + wait })
            #expect(ended.allSatisfy { $0.status == 0 || $0.err.contains("\(out.path): the file is busy") }, "\(ended.map(\.err))")
            #expect(!wait.isEmpty ? ended.allSatisfy { $0.status == 0 } : ended.contains { $0.status == 0 })
            #expect(zonings.contains([UInt8](try Data(contentsOf: out))), "two zones left a file that is neither")
        }
    }

    /// SIGKILL at random points of `zone` writing over an earlier zoning of the other level:
    /// each file is the old one or the new one, whole, every time.
    @Test func aKilledZoningLeavesEachFileOldOrNew() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case")
        let out = root.appendingPathComponent("zoning.csv"), summary = root.appendingPathComponent("zoning.summary.csv")
        #expect(try runEnroll(["synth", "--seed", "zone-kill", "--applicants", "20000", "--out", caseFolder.path]).status == 0)
        func zoning(_ level: String) -> [String] { ["zone", caseFolder.path, "--level", level, "--out", out.path] }
        var expected: [String: [UInt8]] = [:]
        var duration = 0.0
        for level in ["primary", "junior"] {
            duration = max(duration, try KillTests.run(zoning(level), killAfter: nil, from: nil).seconds)
            expected[level] = [UInt8](try Data(contentsOf: out)) + [0] + [UInt8](try Data(contentsOf: summary))
        }
        func whole(_ url: URL, part: Int) throws -> Bool {
            let bytes = [UInt8](try Data(contentsOf: url))
            return expected.values.contains { $0.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)[part].elementsEqual(bytes) }
        }
        var delays = KillTests.Delays(state: 20261205)
        var interrupted = 0
        for k in 0..<6 {
            interrupted += try KillTests.killed(zoning(k % 2 == 0 ? "primary" : "junior"), after: delays.next(below: duration * 0.95), from: nil) ? 1 : 0
            #expect(try whole(out, part: 0) && whole(summary, part: 1), "a killed zone left a file that is neither the old one nor the new one")
        }
        #expect(interrupted >= 3, "the kills came after zone ended")
        #expect(try runEnroll(zoning("junior")).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".case.lock", ".zoning.csv.lock", "case", "zoning.csv", "zoning.summary.csv"])
    }
}
