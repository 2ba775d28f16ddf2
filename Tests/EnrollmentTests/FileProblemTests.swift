import Foundation
import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
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
