/// The two numbers a ring draw takes in the hall (起始号 + 间隔数, docs/LOTTERY.md section 7):
/// the start number s and the interval k, drawn with balls, dice or cards once the numbered
/// list is published. A level whose policy chooses the ring draw (`ring_draw_levels`) is
/// placed in the order they give instead of the seeded lottery's.
public struct RingDraw: Hashable, Sendable {
    /// s: the first number taken, in 1…n.
    public var start: Int
    /// k: how many numbers not yet taken are counted forward for each next one; at least 1.
    public var interval: Int

    public init(start: Int, interval: Int) {
        self.start = start
        self.interval = interval
    }

    /// For each number 1…`count` of the list (index 0 is number 1), its position in the order
    /// the ring takes the whole list: 1 for s, 2 for the number taken next, and so on.
    /// - Throws: `RingSelectionError` for an empty list, s outside 1…`count`, k below 1.
    /// - Complexity: O(n log n).
    package func positions(count: Int) throws(RingSelectionError) -> [Int] {
        let taken = try RingSelection(count: count, start: start, interval: interval).select(count)
        var positions = [Int](repeating: 0, count: count)
        for (k, number) in taken.enumerated() { positions[number - 1] = k + 1 }
        return positions
    }
}
