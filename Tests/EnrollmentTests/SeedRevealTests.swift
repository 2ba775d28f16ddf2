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

/// `enroll seed --reveal` through the library. Digests from docs/LOTTERY.md section 6.
@Suite struct SeedRevealTests {
    static let commitments = """
        # published 2026-06-20
        notary: c4bbcb1fbec99d65bf59d85c8cb62ee2db963f0fe106f483d9afa73bd4e39a8a

        家长代表: af8abc566274a8770ad3ad3e5d6381fbd0e27b791f42b17219d5d25859792327
        """

    @Test func goodRevealDerivesTheSeedOfAllContributionsInOrder() throws {
        let commitments = try SeedCommitment.list(Self.commitments, file: "commitments.txt")
        #expect(commitments.map(\.label) == ["notary", "家长代表"])
        let contributions = [SeedContribution(label: "balls", value: "07 13 22"),
                             SeedContribution(label: "notary", value: "correct horse battery staple"),
                             SeedContribution(label: "家长代表", value: "春风 38")]
        let ceremony = try SeedCeremony(contributions: contributions, revealedAgainst: commitments)
        #expect(ceremony == (try SeedCeremony(contributions)))
        #expect(ceremony.canonicalText == "enroll-seed/1\n5:balls8:07 13 22\n6:notary28:correct horse battery staple\n12:家长代表9:春风 38\n")
    }

    @Test func everyFailureIsNamedAndNoSeedIsMade() throws {
        let commitments = try SeedCommitment.list(Self.commitments, file: "commitments.txt")
        #expect(throws: SeedRevealFailures(failures: [.mismatch("notary"), .missingSecret("家长代表")])) {
            try SeedCeremony(contributions: [SeedContribution(label: "notary", value: "correct horse battery staple "),
                                             SeedContribution(label: "balls", value: "07 13 22")],
                             revealedAgainst: commitments)
        }
    }

    @Test func aMalformedCommitmentLineIsNamedByLine() {
        #expect(throws: Diagnostic(SourceLocation(file: "c.txt", line: 2), SeedCeremonyError.malformedCommitment("notary").description)) {
            try SeedCommitment.list("\nnotary: c4bbcb1f\n", file: "c.txt")
        }
    }

    @Test func checkCommandEscapesForPrintf() throws {
        let ceremony = try SeedCeremony([SeedContribution(label: "a", value: "50% it's \\n")])
        #expect(ceremony.checkCommand == #"printf 'enroll-seed/1\n1:a11:50%% it'\''s \\n\n' | sha256sum"#)
    }
}
