import EnrollmentIO

/// The seed ceremony with commit–reveal, as `enroll seed --reveal` runs it (docs/LOTTERY.md,
/// sections 5, 6 and 10).
extension SeedCeremony {
    /// Derives the seed from `contributions`, in order, after checking the revealed secrets:
    /// every contribution whose label has a commitment is a secret and must match it, and every
    /// committed party must have revealed; the other contributions are taken as drawn live.
    /// - Throws: `SeedRevealFailures` listing every failure (no seed is made), or
    ///   `SeedCeremonyError` if the contributions break the rules of section 5.
    package init(contributions: [SeedContribution], revealedAgainst commitments: [SeedCommitment]) throws {
        let committed = Set(commitments.map(\.label))
        let failures = Self.verifyReveal(commitments: commitments, secrets: contributions.filter { committed.contains($0.label) })
        guard failures.isEmpty else { throw SeedRevealFailures(failures: failures) }
        try self.init(contributions)
    }

    /// A shell command that prints the seed from the canonical text: `printf '<text>' | sha256sum`,
    /// with `%`, `\`, `'` and line feeds escaped for printf inside single quotes.
    package var checkCommand: String {
        var format = ""
        for c in canonicalText.unicodeScalars {
            switch c {
            case "%": format += "%%"
            case "\\": format += "\\\\"
            case "'": format += "'\\''"
            case "\n": format += "\\n"
            default: format.unicodeScalars.append(c)
            }
        }
        return "printf '\(format)' | sha256sum"
    }
}

extension SeedCommitment {
    /// Reads a list of published commitments, one `label: <64 hex digits>` a line; blank lines
    /// and lines starting with `#` are skipped.
    /// - Throws: a `Diagnostic` at `file:line` for the first line that is not a commitment.
    package static func list(_ text: String, file: String) throws(Diagnostic) -> [SeedCommitment] {
        var commitments: [SeedCommitment] = []
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(line).trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            do {
                commitments.append(try SeedCommitment(parsing: trimmed))
            } catch {
                throw Diagnostic(SourceLocation(file: file, line: k + 1), error.description)
            }
        }
        return commitments
    }
}

/// Every failure of a reveal (`SeedCeremony.verifyReveal`): the seed must not be made.
package struct SeedRevealFailures: Error, Equatable, CustomStringConvertible {
    package var failures: [SeedRevealError]

    package var description: String {
        (failures.map(\.description) + ["the reveal failed: no seed may be made until every failure above is resolved"])
            .joined(separator: "\n")
    }
}
