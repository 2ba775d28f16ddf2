import Foundation
import Testing
@testable import EnrollmentIO

/// `enroll verify` only reads (issue 28): it verifies a run and its case on a read-only file
/// system, and a `verify` killed at any moment leaves both folders exactly as they were.
@Suite(.serialized) struct VerifyReadsOnlyTests {
    @Test func aKilledVerifyLeavesTheRunAndTheCaseAsTheyWere() throws {
        let root = try temporaryFolder()
        let run = try ReplacedTargetTests.placedRun(root), caseFolder = root.appendingPathComponent("case")
        func state() throws -> [String?] {
            [try ReplacedTargetTests.fingerprint(run), try ReplacedTargetTests.fingerprint(caseFolder)]
        }
        let before = try state()
        let listing = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        let duration = try KillTests.run(["verify", run.path], killAfter: nil, from: nil).seconds
        var delays = KillTests.Delays(state: 20261205_28)
        var interrupted = 0
        for _ in 0..<8 {
            interrupted += try KillTests.killed(["verify", run.path], after: delays.next(below: duration * 0.9), from: nil) ? 1 : 0
            #expect(try state() == before, "a killed verify changed the run or the case folder")
        }
        #expect(interrupted >= 3, "the kills came after verify ended")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == listing)
        let result = try runEnroll(["verify", run.path])
        #expect(result.status == 0 && result.out.hasPrefix("verified: 2 steps"), "\(result.err)")
    }

    /// A copy of the run and its case on a tmpfs remounted read-only (root, who writes through
    /// permissions, needs the mount), or made read-only by permissions for any other user.
    @Test func verifyPassesOnAReadOnlyCopy() throws {
        let root = try temporaryFolder()
        let run = try ReplacedTargetTests.placedRun(root)
        let disk = root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mounted = try runSystemTool("/bin/mount", ["-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.path]) == 0
        defer { if mounted { _ = try? runSystemTool("/bin/umount", [disk.path]) } }
        guard mounted || getuid() != 0 else {
            print("VerifyReadsOnlyTests: skipped: root cannot be kept from writing without a read-only mount, and the mount failed")
            return
        }
        let copy = (run: disk.appendingPathComponent("run"), case: disk.appendingPathComponent("case"))
        try FileManager.default.copyItem(at: run, to: copy.run)
        try FileManager.default.copyItem(at: root.appendingPathComponent("case"), to: copy.case)
        let paths = [disk.path] + (FileManager.default.enumerator(atPath: disk.path)?.allObjects as? [String] ?? []).map { disk.path + "/" + $0 }
        if mounted {
            #expect(try runSystemTool("/bin/mount", ["-o", "remount,ro", disk.path]) == 0)
        } else {
            for path in paths { chmod(path, 0o555) }
        }
        defer { if !mounted { for path in paths { chmod(path, 0o755) } } }
        #expect(!FileManager.default.createFile(atPath: copy.run.appendingPathComponent("probe").path, contents: Data()),
                "the copy is not read-only")
        let result = try runEnroll(["verify", copy.run.path, "--case", copy.case.path])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("verified: 2 steps") && result.out.contains("complete run of steps: place (level primary), place (level junior)"),
                "\(result.out)")
    }
}
