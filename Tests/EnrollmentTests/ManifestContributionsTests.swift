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

/// How the seed was made, in the manifest (issue 24): the drawing commands record the ceremony's
/// contributions, `verify` checks that they give the seed, and the site shows them without
/// being given them again.
@Suite struct ManifestContributionsTests {
    static func folder(_ name: String = #function) throws -> (case: URL, run: URL, commitment: String) {
        let folder = try caseFolder(SecondRoundTests.files.filter { !$0.key.hasPrefix("second-round/") }, name: name)
        let commitment = folder.path + "-c.json"
        #expect(try runEnroll(["commit", folder.path, "--out", commitment]).status == 0)
        return (folder, URL(fileURLWithPath: folder.path + "-run"), commitment)
    }

    static func seed(_ contributions: [String], out: String? = nil) throws -> String {
        let result = try runEnroll(["seed"] + contributions.flatMap { ["--contribution", $0] } + (out.map { ["--out", $0] } ?? []))
        return String(result.out.split(separator: "\n").first { $0.hasPrefix("seed: ") }!.dropFirst("seed: ".count))
    }

    @Test func theContributionsAreRecordedCheckedAndPublished() throws {
        let (folder, run, commitment) = try Self.folder()
        let ceremony = folder.path + "-ceremony.json"
        let seed = try Self.seed(["notary: 4921", "家长代表: 07 13 22"], out: ceremony)
        let placed = try runEnroll(["place", folder.path, "--level", "primary", "--seed", seed, "--commitment", commitment,
                                    "--contributions", ceremony, "--out", run.path])
        #expect(placed.status == 0, "\(placed.err)")
        let manifest = try #require(try Manifest.read(run: run))
        #expect(manifest.contributions == [SeedContribution(label: "notary", value: "4921"), SeedContribution(label: "家长代表", value: "07 13 22")])
        #expect(try runEnroll(["verify", run.path]).status == 0)
        let site = folder.path + "-site"
        #expect(try runEnroll(["publish", run.path, "--out", site]).status == 0)
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index.contains("<td>家长代表<td>07 13 22"), "the credentials show how the seed was made")

        // The same contributions given again as labels are the same run; in another order they give another seed.
        #expect(try runEnroll(["place", folder.path, "--level", "primary", "--seed", seed, "--commitment", commitment, "--out", run.path,
                               "--contribution", "notary: 4921", "--contribution", "家长代表: 07 13 22"]).status == 0)
        let other = try runEnroll(["lottery", folder.path, "--level", "primary", "--seed", seed, "--commitment", commitment, "--out", run.path,
                                   "--contribution", "家长代表: 07 13 22", "--contribution", "notary: 4921"])
        #expect(other.status == 1)
        #expect(other.err.contains("the seed contributions give the seed \(try Self.seed(["家长代表: 07 13 22", "notary: 4921"])), not \(seed)"), "\(other.err)")
    }

    @Test func contributionsThatDoNotGiveTheSeedAreRefused() throws {
        let (folder, run, commitment) = try Self.folder()
        let seed = try Self.seed(["notary: 4921"])
        let wrong = try runEnroll(["place", folder.path, "--level", "primary", "--seed", seed, "--commitment", commitment, "--out", run.path,
                                   "--contribution", "notary: 4922"])
        #expect(wrong.status == 1)
        #expect(wrong.err.contains("the seed contributions give the seed \(try Self.seed(["notary: 4922"])), not \(seed): give them exactly as announced"),
                "\(wrong.err)")
        #expect(!FileManager.default.fileExists(atPath: run.path))
    }

    @Test func aManifestWhoseContributionsDoNotGiveItsSeedFailsVerify() throws {
        let (folder, run, commitment) = try Self.folder()
        let seed = try Self.seed(["notary: 4921"])
        #expect(try runEnroll(["place", folder.path, "--level", "primary", "--seed", seed, "--commitment", commitment, "--out", run.path,
                               "--contribution", "notary: 4921"]).status == 0)
        let url = run.appendingPathComponent("manifest.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"value\": \"4921\""))
        try text.replacingOccurrences(of: "\"value\": \"4921\"", with: "\"value\": \"4920\"").write(to: url, atomically: true, encoding: .utf8)
        let verified = try runEnroll(["verify", run.path])
        #expect(verified.status == 1)
        #expect(verified.err.contains("manifest.json: the seed contributions it records give the seed \(try Self.seed(["notary: 4920"])), "
                                      + "not the seed it records: the record of how the seed was made is not this run's"), "\(verified.err)")
    }

    @Test func theCeremonyFileIsReadBackAndAChangedSeedRefused() throws {
        let ceremony = try SeedCeremony([SeedContribution(label: "notary", value: "4921"), SeedContribution(label: "balls", value: "07 13")])
        let bytes = JSONWriter.render(ceremony.json)
        #expect(try SeedCeremony(json: bytes, file: "c.json") == ceremony)
        let changed = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: ceremony.seed, with: String(repeating: "0", count: 64))
        #expect(throws: Diagnostic.self) { try SeedCeremony(json: Array(changed.utf8), file: "c.json") }
        var manifest = Manifest(code: "sha256:" + String(repeating: "0", count: 64), seed: ceremony.seed, contributions: ceremony.contributions,
                                commitment: SHA256.hash([UInt8]()), caseFolder: "case")
        #expect(try Manifest(json: manifest.rendered) == manifest)
        manifest.contributions = nil
        #expect(!String(decoding: manifest.rendered, as: UTF8.self).contains("contributions"), "a manifest without them is as before")
    }
}
