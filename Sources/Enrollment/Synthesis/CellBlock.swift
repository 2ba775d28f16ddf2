/// A rectangle of cells of a `ZoneMesh`: columns `west..<east`, rows `south..<north`. Its
/// outline (`ZoneMesh.ring(_:)`) is a simple ring, so blocks that partition the mesh make
/// valid zones: the junior zones of a synthetic county are such blocks of primary zones.
struct CellBlock: Equatable {
    var west: Int
    var south: Int
    var east: Int
    var north: Int

    var cellCount: Int { (east - west) * (north - south) }

    func contains(_ i: Int, _ j: Int) -> Bool {
        (west..<east).contains(i) && (south..<north).contains(j)
    }

    /// Cuts `block` into one block per target, in the order of `targets`, each holding about
    /// its target's share of the total `weight` (cell (i, j) weighs `weight(i, j)`), by
    /// recursive guillotine cuts: the block is cut across its longer side (`cellWidth` ×
    /// columns against `cellHeight` × rows) and the targets into two runs (the first for the
    /// west or south part) where the weight on the first side's share of the block comes
    /// closest to the first run's share of the targets (ties: the runs nearest in count, then
    /// the westmost or southmost cut), each side holding at least one cell per target.
    /// - Precondition: `block.cellCount ≥ targets.count ≥ 1`, every target positive.
    /// - Complexity: O(cells × targets) in all, at most; O(cells × log targets) for blocks
    ///   about as wide as high.
    static func partition(_ block: CellBlock, targets: [Double], cellWidth: Double, cellHeight: Double,
                          weight: (Int, Int) -> Double) -> [CellBlock] {
        guard targets.count > 1 else { return [block] }
        let n = targets.count
        let columns = block.east - block.west, rows = block.north - block.south
        let acrossColumns = columns > 1 && (rows == 1 || Double(columns) * cellWidth >= Double(rows) * cellHeight)
        let length = acrossColumns ? columns : rows, breadth = acrossColumns ? rows : columns
        // Weight of each slice across the cut direction, then prefix sums.
        var prefix = [0.0]
        for s in 0..<length {
            var w = 0.0
            for t in 0..<breadth {
                w += acrossColumns ? weight(block.west + s, block.south + t) : weight(block.west + t, block.south + s)
            }
            prefix.append(prefix[s] + w)
        }
        var runs = [0.0]
        for t in targets { runs.append(runs.last! + t) }
        var best: (error: Double, balance: Int, cut: Int, first: Int)?
        for cut in 1..<length {
            for first in max(1, n - (length - cut) * breadth)...min(n - 1, cut * breadth) {
                let error = abs(prefix[cut] / max(prefix[length], 1e-300) - runs[first] / runs[n])
                let key = (error: error, balance: abs(2 * first - n), cut: cut, first: first)
                if best == nil || (key.error, key.balance, key.cut) < (best!.error, best!.balance, best!.cut) { best = key }
            }
        }
        let (_, _, cut, first) = best!
        var low = block, high = block
        if acrossColumns {
            low.east = block.west + cut
            high.west = low.east
        } else {
            low.north = block.south + cut
            high.south = low.north
        }
        return partition(low, targets: Array(targets[..<first]), cellWidth: cellWidth, cellHeight: cellHeight, weight: weight)
            + partition(high, targets: Array(targets[first...]), cellWidth: cellWidth, cellHeight: cellHeight, weight: weight)
    }
}
