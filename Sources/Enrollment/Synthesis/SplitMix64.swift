import EnrollmentEngines

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny seeded generator for made-up data —
/// synthetic zone maps, benchmark instances and property tests. Never used for a draw: every
/// random decision of an admission comes from `LotteryNumber` and `LotteryStream`.
package struct SplitMix64: RandomDraw, Sendable {
    package var state: UInt64

    package init(seed: UInt64) {
        state = seed
    }

    /// The next 64 bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `next()` reduced modulo `bound` (slightly biased; good enough for made-up data).
    package mutating func nextInt(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
