import Enrollment
import Foundation

enum SeedCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "seed",
        abstract: "Derive the lottery seed from the parties' contributions (the seed ceremony).",
        discussion: """
            With --contribution, in the order announced, prints the canonical text, the seed and a command to check it. \
            Before the ceremony, --commit 'label: secret' prints the line a party publishes. At the ceremony, --reveal \
            --commitments FILE checks every contribution whose label has a commitment against it, and that every \
            committed party revealed, before deriving the seed; other contributions are taken as drawn live. \
            docs/LOTTERY.md sections 5 and 6 give the rules.
            """,
        arguments: [
            .option("contribution", valueName: "label: value", help: "One contribution, e.g. 'notary: 4921'. Repeat, in order.", repeating: true),
            .option("commit", valueName: "label: secret", help: "Print the commitment line to publish for this secret. Repeatable.", repeating: true),
            .flag("reveal", help: "Check the revealed secrets against --commitments before deriving the seed."),
            .option("commitments", valueName: "file", help: "The published commitments, one 'label: <sha256>' a line (with --reveal)."),
        ]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let commits = arguments.values("commit")
        if !commits.isEmpty {
            guard arguments.values("contribution").isEmpty, !arguments.flag("reveal") else {
                throw UsageError.invalidValue(option: "commit", value: "…", reason: "give --commit alone, before the ceremony")
            }
            for line in commits {
                let secret = try SeedContribution(parsing: line)
                print(SeedCommitment(label: secret.label, secret: secret.value))
            }
            return 0
        }
        let contributions = try arguments.values("contribution").map { line throws -> SeedContribution in try SeedContribution(parsing: line) }
        let ceremony: SeedCeremony
        if arguments.flag("reveal") {
            guard let path = arguments.value("commitments") else { throw UsageError.missingArgument("--commitments <file>") }
            let url = URL(fileURLWithPath: path)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw CommitmentError.unreadable(url.path) }
            let commitments = try SeedCommitment.list(String(decoding: data, as: UTF8.self), file: url.lastPathComponent)
            do {
                ceremony = try SeedCeremony(contributions: contributions, revealedAgainst: commitments)
            } catch let failures as SeedRevealFailures {
                Console.error(failures.description)
                return 1
            }
            print("all \(commitments.count) commitments match their secrets")
        } else {
            if let path = arguments.value("commitments") {
                throw UsageError.invalidValue(option: "commitments", value: path, reason: "give it with --reveal")
            }
            ceremony = try SeedCeremony(contributions)
        }
        print("canonical text:")
        print(ceremony.canonicalText, terminator: "")
        print("seed: \(ceremony.seed)")
        print("check: \(ceremony.checkCommand)")
        return 0
    }
}
