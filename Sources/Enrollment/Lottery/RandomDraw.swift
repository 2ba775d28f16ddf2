/// A source of seeded, reproducible randomness for the procedures that need more than a
/// lottery number per applicant (a random order of schools, tie-breaks in class formation,
/// the head-teacher draw).
///
/// Every conforming type must be a pure function of its documented inputs (the seed and the
/// draw's name): the same inputs give the same sequence on every machine. The production
/// conformer is `LotteryStream`, documented in `docs/LOTTERY.md`.
public protocol RandomDraw {
    /// A uniformly distributed integer in `0..<bound`. `bound` must be positive.
    mutating func nextInt(below bound: Int) -> Int
}

extension RandomDraw {
    /// Puts `elements` in a random order by the Fisher–Yates rule, drawing from the back:
    /// for i = n−1 down to 1, j = nextInt(below: i + 1), swap elements i and j.
    /// - Complexity: O(n) draws.
    public mutating func shuffle<T>(_ elements: inout [T]) {
        var i = elements.count - 1
        while i > 0 {
            let j = nextInt(below: i + 1)
            elements.swapAt(i, j)
            i -= 1
        }
    }

    /// A uniformly distributed Double in [0, 1) with 53 random bits: nextInt(below: 2^53) / 2^53.
    /// Only exact IEEE arithmetic is used, so the value is the same on every machine.
    package mutating func unit() -> Double {
        Double(nextInt(below: 1 << 53)) / Double(1 << 53)
    }

    /// True with probability `p` (compared against `unit()`).
    package mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// One element of a non-empty array, uniformly.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[nextInt(below: items.count)]
    }
}
