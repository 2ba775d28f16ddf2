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

/// The code identifier, and the audit commands end to end through the built `enroll`.
@Suite struct AuditCLITests {
    @Test func codeIdentifierVector() {
        // Checked with: find Sources/Enrollment -name '*.swift' | LC_ALL=C sort | xargs sha256sum | sha256sum
        let files = [("Sources/Enrollment/CLI/main.swift", "print(1)\n"), ("Sources/Enrollment/Sub/A.swift", "let a = 1\n"),
                     ("Sources/Enrollment/B.swift", "let b = 2\n")].map { CodeIdentifier.SourceFile(path: $0.0, digest: SHA256.hash($0.1)) }
        #expect(CodeIdentifier(files: files).description == "sha256:3f951e479f8999a9b5631efa4495f29b668d8dc4b1f9b6e58e2533a804e11ff6")
        #expect(CodeIdentifier.isWellFormed(CodeIdentifier(files: files).description))
        #expect(!CodeIdentifier.isWellFormed("sha256:" + String(repeating: "A", count: 64)))
        #expect(!CodeIdentifier.isWellFormed("git:" + String(repeating: "a", count: 64)))
    }

    /// The identifier of this package's library sources, computed as the build plugin does.
    static func packageCode() throws -> String {
        var files: [CodeIdentifier.SourceFile] = []
        for folder in ["Sources/Enrollment"] {
            let base = packageRoot.appendingPathComponent(folder)
            let paths = try #require(FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String])
            for path in paths where [".swift", ".c", ".h"].contains(where: path.hasSuffix) {
                files.append(.init(path: "\(folder)/\(path)", digest: try SHA256.hash(fileAt: base.appendingPathComponent(path))))
            }
        }
        return CodeIdentifier(files: files).description
    }

    static let seed = "7e71ffceae5940197c9c455310fd55c5ef45dfca79ad616579425728b4b38a9d"

    @Test func commitLotteryVerifyAndTheScript() throws {
        let root = try temporaryFolder()
        let caseFolder = root.appendingPathComponent("case")
        _ = try CaseWriter.write(SyntheticCounty(parameters: .scaled(seed: "cli", applicants: 60)), to: caseFolder)
        let commit = try runEnroll(["commit", caseFolder.path, "--note", "rehearsal"])
        #expect(commit.status == 0, "\(commit.err)")
        let commitment = try Commitment(contentsOf: caseFolder.appendingPathComponent("commitment.json"))
        #expect(commitment.note == "rehearsal")
        #expect(commit.out.contains("commitment: \(try Commitment(caseFolder: caseFolder).digest.hex)\n"))

        let run = root.appendingPathComponent("run")
        let lottery = try runEnroll(["lottery", caseFolder.path, "--level", "junior", "--seed", Self.seed,
                                     "--commitment", caseFolder.appendingPathComponent("commitment.json").path, "--out", run.path])
        #expect(lottery.status == 0, "\(lottery.err)")
        let manifest = try #require(try Manifest.read(run: run))
        #expect(CodeIdentifier.isWellFormed(manifest.code))
        #expect(manifest.code == (try Self.packageCode()))
        #expect(manifest.code == CodeIdentifier.library)
        #expect(manifest.commitment == commitment.digest)

        let verify = try runEnroll(["verify", run.path])
        #expect(verify.status == 0 && verify.out.hasPrefix("verified"), "\(verify.err)")

        let recomputed = try recomputeLottery(run)
        #expect(recomputed.status == 0)
        #expect(recomputed.out == "ok \(manifest.steps[0].counts["numbers"]!) numbers\n")

        let applicants = caseFolder.appendingPathComponent("junior-applicants.csv")
        var text = try String(contentsOf: applicants, encoding: .utf8)
        text = text.replacingOccurrences(of: "hukou_and_property", with: "hukou", options: [], range: text.range(of: "hukou_and_property"))
        try Data(text.utf8).write(to: applicants)
        let refused = try runEnroll(["lottery", caseFolder.path, "--level", "junior", "--seed", Self.seed,
                                     "--commitment", caseFolder.appendingPathComponent("commitment.json").path, "--out", root.appendingPathComponent("run2").path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("junior-applicants.csv: changed since the commitment was made"))
        let failed = try runEnroll(["verify", run.path])
        #expect(failed.status == 1)
        #expect(failed.err.hasPrefix("not verified: junior-applicants.csv: input file changed since the run"))
    }

    @Test func seedCeremonyCommands() throws {
        let derived = try runEnroll(["seed", "--contribution", "notary: 4921", "--contribution", "balls: 07 13 22",
                                     "--contribution", "beacon: drand 4812345 9f2c0e"])
        #expect(derived.status == 0)
        #expect(derived.out == """
            canonical text:
            enroll-seed/1
            6:notary4:4921
            5:balls8:07 13 22
            6:beacon20:drand 4812345 9f2c0e
            seed: 7e71ffceae5940197c9c455310fd55c5ef45dfca79ad616579425728b4b38a9d
            check: printf 'enroll-seed/1\\n6:notary4:4921\\n5:balls8:07 13 22\\n6:beacon20:drand 4812345 9f2c0e\\n' | sha256sum

            """)

        let committed = try runEnroll(["seed", "--commit", "notary: correct horse battery staple", "--commit", "家长代表: 春风 38"])
        #expect(committed.out == "notary: c4bbcb1fbec99d65bf59d85c8cb62ee2db963f0fe106f483d9afa73bd4e39a8a\n"
                + "家长代表: af8abc566274a8770ad3ad3e5d6381fbd0e27b791f42b17219d5d25859792327\n")
        let file = try temporaryFolder().appendingPathComponent("commitments.txt")
        try Data(("# published 2026-06-20\n" + committed.out).utf8).write(to: file)

        let revealed = try runEnroll(["seed", "--reveal", "--commitments", file.path, "--contribution", "notary: correct horse battery staple",
                                      "--contribution", "家长代表: 春风 38", "--contribution", "balls: 07 13 22"])
        #expect(revealed.status == 0, "\(revealed.err)")
        let expected = try SeedCeremony([SeedContribution(label: "notary", value: "correct horse battery staple"),
                                         SeedContribution(label: "家长代表", value: "春风 38"), SeedContribution(label: "balls", value: "07 13 22")])
        #expect(revealed.out.hasPrefix("all 2 commitments match their secrets\n"))
        #expect(revealed.out.contains("seed: \(expected.seed)\n"))

        let bad = try runEnroll(["seed", "--reveal", "--commitments", file.path, "--contribution", "notary: correct horse battery stapler",
                                 "--contribution", "balls: 07 13 22"])
        #expect(bad.status == 1)
        #expect(!bad.out.contains("seed:"))
        #expect(bad.err.contains("'notary': the revealed secret does not match the published commitment"))
        #expect(bad.err.contains("'家长代表' published a commitment but revealed no secret"))
    }
}
