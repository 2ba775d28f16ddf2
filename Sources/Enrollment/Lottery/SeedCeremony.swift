import EnrollmentIO

/// The public derivation of a lottery's seed from several parties' contributions
/// (摇号种子: the notary's number, balls drawn in the hall, a public randomness beacon, …),
/// so that no single party, the bureau included, can choose the seed.
///
/// The seed is the SHA-256 digest, as 64 lowercase hex digits, of the canonical text
///
///     "enroll-seed/1" LF
///     then, for each contribution in the order given:
///         len(label) ":" label len(value) ":" value LF
///
/// where len is the length in bytes of the UTF-8 encoding, written in decimal, and LF is
/// U+000A. For `notary: 4921` and `balls: 07 13 22` the text is
/// `"enroll-seed/1\n6:notary4:4921\n5:balls8:07 13 22\n"`. The length prefixes make the text
/// unambiguous whatever the values contain; the order of contributions matters and is the
/// order in which they are announced and published. Strings are hashed exactly as given: no
/// case folding, no Unicode normalisation.
///
/// - Label: non-empty, no ":" and no line feed, unique in the ceremony.
/// - Value: non-empty, no line feed.
public struct SeedCeremony: Hashable, Sendable {
    /// The first line of the canonical text; the `1` is the version of this rule.
    package static let domain = "enroll-seed/1"

    /// The contributions, in the order they are hashed.
    package let contributions: [SeedContribution]
    /// The exact text whose SHA-256 digest is the seed (publish it: `sha256sum` of a file
    /// holding it prints the seed).
    package let canonicalText: String
    /// The seed: 64 lowercase hex digits.
    public let seed: String

    /// Derives the seed from `contributions`, in the order given.
    /// - Throws: `SeedCeremonyError` if there are none, or a label or value breaks the rules.
    /// - Complexity: O(total length of the contributions).
    public init(_ contributions: [SeedContribution]) throws(SeedCeremonyError) {
        guard !contributions.isEmpty else { throw .noContributions }
        var labels = Set<String>()
        var text = Self.domain + "\n"
        for (index, contribution) in contributions.enumerated() {
            try contribution.validate(position: index + 1)
            guard labels.insert(contribution.label).inserted else { throw .duplicateLabel(contribution.label) }
            for part in [contribution.label, contribution.value] {
                text += "\(part.utf8.count):\(part)"
            }
            text += "\n"
        }
        self.contributions = contributions
        canonicalText = text
        seed = SHA256.hash(text).hex
    }

    /// Checks revealed secrets against the commitments published before the draw: each
    /// secret's SHA-256 digest must equal its party's commitment, every committed party must
    /// reveal, and no secret may come without a commitment.
    ///
    /// - Returns: The failures, empty if the reveal is good: first duplicate labels, then
    ///   each commitment's problem in the commitments' order, then secrets that were never
    ///   committed, in the secrets' order.
    /// - Complexity: O(total length of the secrets).
    package static func verifyReveal(
        commitments: [SeedCommitment], secrets: [SeedContribution]
    ) -> [SeedRevealError] {
        var failures: [SeedRevealError] = []
        var secretByLabel: [String: String] = [:]
        for secret in secrets where secretByLabel.updateValue(secret.value, forKey: secret.label) != nil {
            failures.append(.duplicateSecret(secret.label))
        }
        var committed = Set<String>()
        for commitment in commitments where !committed.insert(commitment.label).inserted {
            failures.append(.duplicateCommitment(commitment.label))
        }
        for commitment in commitments {
            guard let secret = secretByLabel[commitment.label] else {
                failures.append(.missingSecret(commitment.label))
                continue
            }
            if SHA256.hash(secret) != commitment.digest {
                failures.append(.mismatch(commitment.label))
            }
        }
        for secret in secrets where !committed.contains(secret.label) {
            failures.append(.uncommittedSecret(secret.label))
        }
        return failures
    }
}

/// One party's contribution to a seed: who or what contributed (`label`: "notary", "balls",
/// "beacon") and what (`value`). Written one to a line as `label: value`.
public struct SeedContribution: Hashable, Sendable, CustomStringConvertible {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }

    /// Reads `label: value`: the label is the text before the first colon, the value the
    /// text after it; spaces, tabs and carriage returns around each are dropped, those inside the value kept.
    /// - Throws: `SeedCeremonyError.notLabelled` if there is no colon.
    package init(parsing line: some StringProtocol) throws(SeedCeremonyError) {
        let bytes = Array(line.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { throw .notLabelled }
        self.init(label: trimmed(bytes[..<colon]), value: trimmed(bytes[(colon + 1)...]))
    }

    /// The contribution as a line: `label: value`.
    public var description: String { "\(label): \(value)" }

    package func validate(position: Int) throws(SeedCeremonyError) {
        guard !label.isEmpty else { throw .emptyLabel(position: position) }
        guard !label.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == lineFeed }) else {
            throw .invalidLabel(position: position)
        }
        guard !value.isEmpty else { throw .emptyValue(label) }
        guard !value.utf8.contains(lineFeed) else { throw .lineFeedInValue(label) }
    }
}

/// A party's commitment to a secret, published before the applicant list is frozen and the
/// draw is run: the SHA-256 digest of the UTF-8 secret, written `label: <64 hex digits>`.
/// The secret must be long and unguessable (say 20 or more random characters): a short one
/// such as a four-digit number is found from its digest by trying every possibility.
package struct SeedCommitment: Hashable, Sendable, CustomStringConvertible {
    package var label: String
    package var digest: SHA256Digest

    package init(label: String, digest: SHA256Digest) {
        self.label = label
        self.digest = digest
    }

    /// The commitment of `label` to `secret`: SHA-256 of the secret's UTF-8 bytes.
    package init(label: String, secret: String) {
        self.init(label: label, digest: SHA256.hash(secret))
    }

    /// Reads `label: <64 hex digits>`, trimmed as a contribution is.
    /// - Throws: `SeedCeremonyError.notLabelled` without a colon, `.malformedCommitment` if the
    ///   digest is not 64 hex digits.
    package init(parsing line: some StringProtocol) throws(SeedCeremonyError) {
        let pair = try SeedContribution(parsing: line)
        guard let digest = SHA256Digest(hex: pair.value) else { throw .malformedCommitment(pair.label) }
        self.init(label: pair.label, digest: digest)
    }

    /// The commitment as a line: `label: <64 hex digits>`.
    package var description: String { "\(label): \(digest.hex)" }
}

/// Why contributions cannot make a seed. Messages name the label or the position, never a value.
public enum SeedCeremonyError: Error, Hashable, CustomStringConvertible {
    case noContributions
    case notLabelled
    case emptyLabel(position: Int)
    case invalidLabel(position: Int)
    case duplicateLabel(String)
    case emptyValue(String)
    case lineFeedInValue(String)
    case malformedCommitment(String)

    public var description: String {
        switch self {
        case .noContributions:
            return "no seed contributions given; the seed needs at least one, normally one from each party present"
        case .notLabelled:
            return "a seed contribution must be written as 'label: value', for example 'notary: 4921'"
        case let .emptyLabel(position):
            return "seed contribution \(position) has no label; write who contributed it before the colon"
        case let .invalidLabel(position):
            return "the label of seed contribution \(position) contains a colon or a line break; use a short name such as 'notary'"
        case let .duplicateLabel(label):
            return "the label '\(label)' is used twice; give each contribution its own label"
        case let .emptyValue(label):
            return "the contribution of '\(label)' is empty; write its value after the colon"
        case let .lineFeedInValue(label):
            return "the contribution of '\(label)' spans several lines; write it on one line"
        case let .malformedCommitment(label):
            return "the commitment of '\(label)' is not 64 hex digits; copy it exactly as published"
        }
    }
}

/// A failure found by `SeedCeremony.verifyReveal`: the seed must not be used until it is resolved.
package enum SeedRevealError: Error, Hashable, CustomStringConvertible {
    /// The revealed secret's digest differs from the published commitment.
    case mismatch(String)
    /// A party that committed revealed nothing.
    case missingSecret(String)
    /// A secret was revealed by a party that published no commitment.
    case uncommittedSecret(String)
    /// Two commitments carry the same label.
    case duplicateCommitment(String)
    /// Two revealed secrets carry the same label.
    case duplicateSecret(String)

    package var description: String {
        switch self {
        case let .mismatch(label):
            return "'\(label)': the revealed secret does not match the published commitment; check it was typed exactly (spaces and case count)"
        case let .missingSecret(label):
            return "'\(label)' published a commitment but revealed no secret"
        case let .uncommittedSecret(label):
            return "'\(label)' revealed a secret but published no commitment before the draw; it cannot be used"
        case let .duplicateCommitment(label):
            return "two commitments are labelled '\(label)'; each party commits once"
        case let .duplicateSecret(label):
            return "two secrets are labelled '\(label)'; each party reveals once"
        }
    }
}

private let lineFeed = UInt8(ascii: "\n")

/// The UTF-8 `bytes` as text, without the spaces, tabs and carriage returns at either end.
private func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
    let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else {
        return ""
    }
    return String(decoding: bytes[first...last], as: UTF8.self)
}
