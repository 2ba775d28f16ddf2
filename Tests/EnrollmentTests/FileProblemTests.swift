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

/// A file that cannot be read is reported with its real cause (issue 20), from the command line.
@Suite struct FileProblemTests {
    @Test func aMissingCommitmentIsNamedAsMissing() throws {
        let root = try RunFolderLockTests.committedCase()
        let missing = root.appendingPathComponent("no-such.json").path
        let result = try runEnroll(["place", root.appendingPathComponent("case").path, "--level", "primary",
                                    "--seed", RunFolderLockTests.seed, "--commitment", missing, "--out", root.appendingPathComponent("run").path])
        #expect(result.status == 1)
        #expect(result.err.contains("\(missing): there is no such file; check the name and the folder"), "\(result.err)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("run").path))
    }

    @Test func aFolderGivenForAFileIsNamedAsAFolder() throws {
        let root = try RunFolderLockTests.committedCase()
        let folder = root.appendingPathComponent("case").path
        let result = try runEnroll(["place", folder, "--level", "primary",
                                    "--seed", RunFolderLockTests.seed, "--commitment", folder, "--out", root.appendingPathComponent("run").path])
        #expect(result.status == 1)
        #expect(result.err.contains("\(folder): this is a folder, not a file; give the path of the file"), "\(result.err)")
    }

    /// Permission denied can only be seen by a user the permissions apply to (not root, who
    /// reads everything): the reason is checked where the test does not run as root.
    @Test func theReasonsInWords() throws {
        let root = try temporaryFolder()
        #expect(FileProblem.reading(root.appendingPathComponent("x").path) == "there is no such file; check the name and the folder")
        #expect(FileProblem.reading(root.path) == "this is a folder, not a file; give the path of the file")
        let locked = root.appendingPathComponent("locked.csv")
        try Data("a\n".utf8).write(to: locked)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: locked.path)
        if getuid() != 0 {
            #expect(FileProblem.reading(locked.path) == "permission denied: this user may not read the file; ask for read access or copy the file")
        }
    }

    /// A case file that is a folder is reported as such by `validate`.
    @Test func aCaseFileThatIsAFolderIsNamed() throws {
        let root = try RunFolderLockTests.committedCase()
        let policy = root.appendingPathComponent("case/policy.json")
        try FileManager.default.removeItem(at: policy)
        try FileManager.default.createDirectory(at: policy, withIntermediateDirectories: false)
        let result = try runEnroll(["validate", root.appendingPathComponent("case").path])
        #expect(result.status == 1)
        #expect((result.out + result.err).contains("policy.json:0:0: this is a folder, not a file; give the path of the file"), "\(result.out)\(result.err)")
    }
}

/// A full disk while a step is written (issue 20): exit 1, a message saying so, and nothing of
/// the step left in the run folder. Needs a small file system of its own: a 64 KB tmpfs, which
/// only a user allowed to mount (root) can make; elsewhere the test says so and checks nothing.
@Suite struct DiskFullTests {
    @Test func aStepOnAFullDiskLeavesTheRunFolderAsItWas() throws {
        let root = try RunFolderLockTests.committedCase()
        let small = root.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        guard try runSystemTool("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small.path]) == 0 else {
            print("DiskFullTests: skipped: this user cannot mount a small tmpfs")
            return
        }
        defer { _ = try? runSystemTool("/bin/umount", [small.path]) }
        let run = small.appendingPathComponent("run")
        let result = try runEnroll(["place", root.appendingPathComponent("case").path, "--level", "primary", "--seed", RunFolderLockTests.seed,
                                    "--commitment", root.appendingPathComponent("c.json").path, "--out", run.path])
        #expect(result.status == 1)
        #expect(result.err.contains(": the disk is full (No space left on device); the command's results were not kept: "
                                    + "free some space, or write to a folder on another disk, and run the command again"), "\(result.err)")
        #expect(try snapshot(run).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: run.path) == [FolderLock.fileName])
    }
}
