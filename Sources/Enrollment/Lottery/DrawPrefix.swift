import EnrollmentIO

extension SHA256 {
    /// A hasher that has already seen `domain` LF `seed` LF `draw` LF: the common start of
    /// every lottery number and stream block of one draw (docs/LOTTERY.md), hashed once.
    package static func drawPrefix(domain: String, seed: String, draw: String) -> SHA256 {
        var prefix = SHA256()
        for part in [domain, seed, draw] {
            prefix.update(part)
            prefix.update("\n")
        }
        return prefix
    }
}
