import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum SeedCommand: EnrollCommand {
    static let contributions = Argument<[String]>.repeating("contribution", valueName: "label: value", help: "One contribution, e.g. 'notary: 4921'. Repeat, in order.", as: .text)
    static let commits = Argument<[String]>.repeating("commit", valueName: "label: secret", help: "Print the commitment line to publish for this secret. Repeatable.", as: .text)
    static let reveal = Argument<Bool>.flag("reveal", help: "Check the revealed secrets against --commitments before deriving the seed.")
    static let out = Argument<URL?>.optional("out", valueName: "file", help: "Also write the ceremony (contributions and seed) to this file, for the drawing commands' --contributions.", as: .path)
    static let commitments = Argument<URL?>.optional("commitments", valueName: "file", help: "The published commitments, one 'label: <sha256>' a line (with --reveal).", as: .path)

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
        arguments: [contributions.spec, commits.spec, reveal.spec, commitments.spec, out.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        // Parsed here, not as usage errors: a malformed secret must never be echoed (SeedCeremonyError names no value).
        let contributions = try arguments[contributions].map { line throws -> SeedContribution in try SeedContribution(parsing: line) }
        let commits = try arguments[commits].map { line throws -> SeedContribution in try SeedContribution(parsing: line) }
        let (reveal, commitmentsFile) = (try arguments[reveal], try arguments[commitments])
        if !commits.isEmpty {
            guard contributions.isEmpty, !reveal else {
                throw UsageError.invalidValue(option: "commit", value: "…", reason: "give --commit alone, before the ceremony")
            }
            for secret in commits { print(SeedCommitment(label: secret.label, secret: secret.value)) }
            return 0
        }
        let ceremony: SeedCeremony
        if reveal {
            guard let url = commitmentsFile else { throw UsageError.missingArgument("--commitments <file>") }
            guard let data = FileManager.default.contents(atPath: url.path) else { throw CommitmentError.unreadable(url.path, reason: FileProblem.reading(url.path)) }
            let commitments = try SeedCommitment.list(String(decoding: data, as: UTF8.self), file: url.lastPathComponent)
            do {
                ceremony = try SeedCeremony(contributions: contributions, revealedAgainst: commitments)
            } catch let failures as SeedRevealFailures {
                Console.error(failures.description)
                return 1
            }
            print("all \(commitments.count) commitments match their secrets")
        } else {
            if let url = commitmentsFile {
                throw UsageError.invalidValue(option: "commitments", value: url.path, reason: "give it with --reveal")
            }
            ceremony = try SeedCeremony(contributions)
        }
        print("canonical text:")
        print(ceremony.canonicalText, terminator: "")
        print("seed: \(ceremony.seed)")
        print("check: \(ceremony.checkCommand)")
        if let url = try arguments[out] {
            try AtomicFile.write(JSONWriter.render(ceremony.json), to: url)
            print("written to \(url.path); give it to the drawing commands as --contributions")
        }
        return 0
    }
}
