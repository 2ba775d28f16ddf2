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

/// Expected seeds computed independently with Python's hashlib from the rule in docs/LOTTERY.md.
@Suite struct LotterySeedTests {
    static func contributions(_ lines: [String]) throws -> [SeedContribution] {
        try lines.map { try SeedContribution(parsing: $0) }
    }

    @Test func threePartiesVector() throws {
        let ceremony = try SeedCeremony(Self.contributions(["notary: 4921", "balls: 07 13 22", "beacon: drand 4812345 9f2c0e"]))
        #expect(ceremony.canonicalText == "enroll-seed/1\n6:notary4:4921\n5:balls8:07 13 22\n6:beacon20:drand 4812345 9f2c0e\n")
        #expect(ceremony.seed == "7e71ffceae5940197c9c455310fd55c5ef45dfca79ad616579425728b4b38a9d")
    }

    @Test func lengthsAreUTF8Bytes() throws {
        let ceremony = try SeedCeremony(Self.contributions(["公证处: 4921", "家长代表: 春风 38"]))
        #expect(ceremony.canonicalText == "enroll-seed/1\n9:公证处4:4921\n12:家长代表9:春风 38\n")
        #expect(ceremony.seed == "edb1eb26783300d8cbeb2b3674ef48f5e7b5d5da6cc5c12bf565cd49bcf3d9e4")
    }

    @Test func valueMayContainAColon() throws {
        let ceremony = try SeedCeremony([SeedContribution(parsing: "a: b:1c")])
        #expect(ceremony.contributions == [SeedContribution(label: "a", value: "b:1c")])
        #expect(ceremony.seed == "827feab1b6720f65e0d0fcb3644952ca56211b343ca6dafea1e59474b5d98515")
    }

    @Test func orderMatters() throws {
        let a = SeedContribution(label: "notary", value: "4921")
        let b = SeedContribution(label: "balls", value: "07 13 22")
        #expect(try SeedCeremony([a, b]).seed != SeedCeremony([b, a]).seed)
    }

    @Test func parsingTrimsAroundButNotInside() throws {
        let c = try SeedContribution(parsing: "  balls :\t07  13 22 \r")
        #expect(c == SeedContribution(label: "balls", value: "07  13 22"))
        #expect(c.description == "balls: 07  13 22")
        #expect(throws: SeedCeremonyError.notLabelled) { try SeedContribution(parsing: "4921") }
    }

    @Test func rejectsBadContributions() {
        #expect(throws: SeedCeremonyError.noContributions) { try SeedCeremony([]) }
        #expect(throws: SeedCeremonyError.emptyLabel(position: 2)) {
            try SeedCeremony([.init(label: "notary", value: "1"), .init(label: "", value: "2")])
        }
        #expect(throws: SeedCeremonyError.invalidLabel(position: 1)) { try SeedCeremony([.init(label: "a:b", value: "1")]) }
        #expect(throws: SeedCeremonyError.duplicateLabel("notary")) {
            try SeedCeremony([.init(label: "notary", value: "1"), .init(label: "notary", value: "2")])
        }
        #expect(throws: SeedCeremonyError.emptyValue("balls")) { try SeedCeremony([.init(label: "balls", value: "")]) }
        #expect(throws: SeedCeremonyError.lineFeedInValue("balls")) { try SeedCeremony([.init(label: "balls", value: "1\n2")]) }
        #expect(throws: SeedCeremonyError.lineFeedInValue("balls")) { try SeedCeremony([.init(label: "balls", value: "1\r\n2")]) }
    }
}

@Suite struct LotteryCommitRevealTests {
    // printf '%s' "$SECRET" | sha256sum
    static let notarySecret = "correct horse battery staple"
    static let notaryCommitment = "c4bbcb1fbec99d65bf59d85c8cb62ee2db963f0fe106f483d9afa73bd4e39a8a"
    static let parentsSecret = "春风 38"
    static let parentsCommitment = "af8abc566274a8770ad3ad3e5d6381fbd0e27b791f42b17219d5d25859792327"

    let commitments = [
        try! SeedCommitment(parsing: "notary: \(notaryCommitment)"),
        try! SeedCommitment(parsing: "parents: \(parentsCommitment)"),
    ]

    @Test func commitmentIsTheSecretsDigest() {
        #expect(SeedCommitment(label: "notary", secret: Self.notarySecret).digest.hex == Self.notaryCommitment)
        #expect(SeedCommitment(label: "parents", secret: Self.parentsSecret).description == "parents: \(Self.parentsCommitment)")
    }

    @Test func goodRevealPasses() {
        let secrets = [SeedContribution(label: "parents", value: Self.parentsSecret),
                       SeedContribution(label: "notary", value: Self.notarySecret)]
        #expect(SeedCeremony.verifyReveal(commitments: commitments, secrets: secrets).isEmpty)
    }

    @Test func reportsEveryFailure() {
        let secrets = [SeedContribution(label: "notary", value: "correct horse battery stapl"),
                       SeedContribution(label: "bureau", value: "late idea")]
        #expect(SeedCeremony.verifyReveal(commitments: commitments, secrets: secrets) == [
            .mismatch("notary"), .missingSecret("parents"), .uncommittedSecret("bureau"),
        ])
    }

    @Test func reportsDuplicates() {
        let secrets = [SeedContribution(label: "notary", value: Self.notarySecret),
                       SeedContribution(label: "notary", value: Self.notarySecret),
                       SeedContribution(label: "parents", value: Self.parentsSecret)]
        #expect(SeedCeremony.verifyReveal(commitments: commitments + [commitments[1]], secrets: secrets) == [
            .duplicateSecret("notary"), .duplicateCommitment("parents"),
        ])
    }

    @Test func malformedCommitmentIsRejected() {
        #expect(throws: SeedCeremonyError.malformedCommitment("notary")) { try SeedCommitment(parsing: "notary: c4bbcb1f") }
    }
}
