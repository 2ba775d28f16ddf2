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
        if arguments.flag("reveal") {
            guard let path = arguments.value("commitments") else { throw UsageError.missingArgument("--commitments <file>") }
            let commitments = try readCommitments(URL(fileURLWithPath: path))
            let committed = Set(commitments.map(\.label))
            let failures = SeedCeremony.verifyReveal(commitments: commitments, secrets: contributions.filter { committed.contains($0.label) })
            guard failures.isEmpty else {
                for failure in failures { Console.error(failure.description) }
                Console.error("the reveal failed: no seed may be made until every failure above is resolved")
                return 1
            }
            print("all \(commitments.count) commitments match their secrets")
        } else if arguments.value("commitments") != nil {
            throw UsageError.invalidValue(option: "commitments", value: arguments.value("commitments")!, reason: "give it with --reveal")
        }
        let ceremony = try SeedCeremony(contributions)
        print("canonical text:")
        print(ceremony.canonicalText, terminator: "")
        print("seed: \(ceremony.seed)")
        print("check: printf '\(printfFormat(ceremony.canonicalText))' | sha256sum")
        return 0
    }

    /// Reads `label: <sha256>` lines; blank lines and lines starting with `#` are skipped.
    static func readCommitments(_ url: URL) throws -> [SeedCommitment] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CommitmentError.unreadable(url.path)
        }
        var commitments: [SeedCommitment] = []
        for (k, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            do {
                commitments.append(try SeedCommitment(parsing: text))
            } catch {
                throw Diagnostic(SourceLocation(file: url.lastPathComponent, line: k + 1), error.description)
            }
        }
        return commitments
    }

    /// `text` as a printf format inside single quotes: `%`, `\`, `'` and line feeds escaped.
    static func printfFormat(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "%": out += "%%"
            case "\\": out += "\\\\"
            case "'": out += "'\\''"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
