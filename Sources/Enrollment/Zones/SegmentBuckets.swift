/// Segments bucketed in a grid so that the pairs that may touch are found without testing
/// every pair: each segment goes into every cell whose closed square it may touch (the cell
/// walk of `ZoneGrid`, a superset tight to about a unit), and two segments are a candidate
/// pair when they share a cell. A cell holding more than `crowded` segments is split again
/// by a finer grid over its own square, down to squares of a few units, so that dense
/// stretches of boundary (a coastline, a street drawn vertex by vertex) cost about as much
/// as their segments and not their square.
///
/// Two segments that have a point in common always share a cell: the cell whose closed
/// square holds that point holds both. A pair may be reported more than once (once per cell
/// they share); callers deduplicate where it matters.
struct SegmentBuckets {
    /// Splits cells holding more segments than this.
    static let crowded = 24

    /// Calls `body(i, j)` with i < j for every pair of segments `lo[i]`–`hi[i]`, `lo[j]`–`hi[j]`
    /// (lower endpoint first in `GridPoint` order) that share a cell and whose bounding boxes
    /// meet, and for every pair that has a point in common.
    /// - Complexity: O(n + cells) to bucket n segments in about n cells, plus the pairs tested
    ///   in each cell: O(n) for segments spread like the boundaries of a map, O(m²) only
    ///   where m segments crowd into a square of a few units.
    static func forEachCandidatePair(lo: [GridPoint], hi: [GridPoint], _ body: (Int, Int) -> Void) {
        guard lo.count > 1 else { return }
        var minX = Int64.max, minY = Int64.max, maxX = Int64.min, maxY = Int64.min
        for i in lo.indices {
            minX = min(minX, lo[i].x, hi[i].x); maxX = max(maxX, lo[i].x, hi[i].x)
            minY = min(minY, lo[i].y); maxY = max(maxY, hi[i].y)
        }
        split(lo: lo, hi: hi, members: Array(0..<Int32(lo.count))[...], minX: minX, minY: minY, maxX: maxX, maxY: maxY, depth: 0, body)
    }

    /// Buckets `members` (all touching the box) into a grid of about one cell per member over
    /// the box, then tests or splits each cell.
    private static func split(lo: [GridPoint], hi: [GridPoint], members: ArraySlice<Int32>,
                              minX: Int64, minY: Int64, maxX: Int64, maxY: Int64, depth: Int,
                              _ body: (Int, Int) -> Void) {
        let width = max(1, maxX - minX), height = max(1, maxY - minY)
        if members.count <= crowded || depth >= 6 || (width <= 4 && height <= 4) {
            testAllPairs(lo: lo, hi: hi, members, body)
            return
        }
        // Square cells in grid units, about one per member (at most one per member along the
        // longer side, for boxes much longer than wide).
        let count = Double(members.count)
        let cellSide = max(1, Int64(max((Double(width) * Double(height) / count).squareRoot(), Double(max(width, height)) / count).rounded(.up)))
        let grid = ZoneGrid(minX: minX, minY: minY, maxX: maxX, maxY: maxY, cellWidth: cellSide, cellHeight: cellSide)
        let columns = grid.columns, rows = grid.rows
        // Two passes (count, then fill) of the cell walk: a compact list of members per cell.
        var start = [Int32](repeating: 0, count: columns * rows + 1)
        for i in members {
            grid.forEachCellTouching(lo[Int(i)], hi[Int(i)], rows: 0..<rows) { column, row in start[row * columns + column + 1] += 1 }
        }
        for c in 0..<(columns * rows) { start[c + 1] += start[c] }
        var fill = start
        var slots = [Int32](repeating: 0, count: Int(start[columns * rows]))
        for i in members {
            grid.forEachCellTouching(lo[Int(i)], hi[Int(i)], rows: 0..<rows) { column, row in
                let c = row * columns + column
                slots[Int(fill[c])] = i
                fill[c] += 1
            }
        }
        for row in 0..<rows {
            for column in 0..<columns {
                let c = row * columns + column
                let from = Int(start[c]), to = Int(start[c + 1])
                guard to - from > 1 else { continue }
                let x0 = grid.originX + Int64(column) * cellSide, y0 = grid.originY + Int64(row) * cellSide
                if to - from > crowded && to - from < members.count {
                    split(lo: lo, hi: hi, members: slots[from..<to], minX: x0, minY: y0,
                          maxX: x0 + cellSide, maxY: y0 + cellSide, depth: depth + 1, body)
                } else {
                    testAllPairs(lo: lo, hi: hi, slots[from..<to], body)
                }
            }
        }
    }

    /// Every pair of `members` whose bounding boxes meet, lower index first.
    private static func testAllPairs(lo: [GridPoint], hi: [GridPoint], _ members: ArraySlice<Int32>, _ body: (Int, Int) -> Void) {
        for (k, member) in zip(members.indices, members) {
            let i = Int(member)
            let ax0 = min(lo[i].x, hi[i].x), ax1 = max(lo[i].x, hi[i].x)
            for other in members[(k + 1)...] {
                let j = Int(other)
                if hi[j].y < lo[i].y || lo[j].y > hi[i].y || max(lo[j].x, hi[j].x) < ax0 || min(lo[j].x, hi[j].x) > ax1 { continue }
                body(min(i, j), max(i, j))
            }
        }
    }
}
