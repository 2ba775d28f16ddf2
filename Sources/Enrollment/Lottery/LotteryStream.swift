import EnrollmentIO

/// The seeded random stream behind every draw that needs more than one number per student
/// (a random order of schools, tie-breaks in class formation, the head-teacher draw).
///
/// The stream is a sequence of 64-bit words. Block i (i = 0, 1, 2, …) is the SHA-256 digest of
/// the UTF-8 text
///
///     "enroll-stream/1" LF seed LF draw LF decimal(i)
///
/// (LF = U+000A, decimal(i) without sign or leading zeros, no final line feed), and each block
/// gives four words: its bytes 0–7, 8–15, 16–23 and 24–31, each read as a big-endian unsigned
/// integer, in that order. `nextUInt64()` returns the next word.
///
/// `nextInt(below: n)` draws by rejection sampling: let r = 2^64 mod n; take the next word w;
/// if w ≥ 2^64 − r, discard it and take another; otherwise return w mod n. Every value in
/// `0..<n` is then exactly equally likely. When n divides 2^64 (r = 0) no word is discarded;
/// every call, even with n = 1, takes at least one word.
///
/// `shuffle(_:)` (from `RandomDraw`) is Fisher–Yates from the back: for i = count−1 down to 1,
/// swap elements i and `nextInt(below: i + 1)`.
///
/// Different draws of one lottery use different draw names, so their streams are unrelated; the
/// stream depends on nothing but the seed and the draw's name. Neither may contain a line feed.
public struct LotteryStream: RandomDraw, Sendable {
    /// The domain tag at the start of every block's text; the `1` is the version of this rule.
    package static let domain = "enroll-stream/1"

    /// A hasher that has already seen "enroll-stream/1" LF seed LF draw LF.
    private let prefix: SHA256
    /// The index of the next block to compute.
    private var nextBlock: UInt64 = 0
    /// The current block's words, and how many of them have been used.
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var used = 4

    /// The stream of the draw named `draw` under `seed`, positioned at its first word.
    public init(seed: String, draw: String) {
        prefix = SHA256.drawPrefix(domain: Self.domain, seed: seed, draw: draw)
    }

    /// The next word of the stream.
    /// - Complexity: O(1); one SHA-256 block every four words.
    public mutating func nextUInt64() -> UInt64 {
        if used == 4 {
            var hasher = prefix
            hasher.update(String(nextBlock))
            words = hasher.finalize().words
            nextBlock += 1
            used = 0
        }
        defer { used += 1 }
        switch used {
        case 0: return words.0
        case 1: return words.1
        case 2: return words.2
        default: return words.3
        }
    }

    /// A uniformly distributed integer in `0..<bound`, by the rejection rule above.
    /// - Precondition: `bound > 0`.
    /// - Complexity: O(1) expected; fewer than two words on average for any bound.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let n = UInt64(bound)
        // (2^64 − n) mod n = 2^64 mod n, computed without 65-bit arithmetic.
        let r = (0 &- n) % n
        while true {
            let w = nextUInt64()
            if r == 0 || w < 0 &- r {
                return Int(w % n)
            }
        }
    }
}
