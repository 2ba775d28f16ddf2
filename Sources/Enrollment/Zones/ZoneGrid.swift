import Foundation

/// The two-level grid of a `ZoneIndex`: cells of `cellWidth × cellHeight` grid units,
/// grouped into square blocks of `ZoneGrid.blockSide` cells a side. Cell (0, 0) starts at
/// the origin; the cell of a point is found by integer division, so every point belongs to
/// exactly one cell, and the **closed** cell `[x0, x0 + cellWidth] × [y0, y0 + cellHeight]`
/// holds every perturbed point p + (ε, ε²) of the boundary rule for the points p of the cell.
struct ZoneGrid: Sendable {
    /// Cells per block side.
    static let blockSide = 4
    let originX: Int64, originY: Int64, cellWidth: Int64, cellHeight: Int64
    /// The grid's size in blocks.
    let blockColumns: Int, blockRows: Int
    /// The bands to build in, instead of one per core (tests vary it to check that the index
    /// does not depend on it).
    var bandLimit: Int?
    /// The grid's size in cells (whole blocks).
    var columns: Int { blockColumns * ZoneGrid.blockSide }
    var rows: Int { blockRows * ZoneGrid.blockSide }

    /// A grid over `minX...maxX` × `minY...maxY` with the given cell size.
    init(minX: Int64, minY: Int64, maxX: Int64, maxY: Int64, cellWidth: Int64, cellHeight: Int64) {
        originX = minX
        originY = minY
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        let b = Int64(ZoneGrid.blockSide)
        blockColumns = Int((maxX - minX) / (cellWidth * b)) + 1
        blockRows = Int((maxY - minY) / (cellHeight * b)) + 1
    }

    /// A grid over `minX...maxX` × `minY...maxY` whose blocks are roughly square on the
    /// ground, about `blocksPerEdge` blocks per edge (at most 4 M blocks).
    init(minX: Int64, minY: Int64, maxX: Int64, maxY: Int64, edgeCount: Int, blocksPerEdge: Double = 3) {
        let (unitX, unitY) = ZoneGrid.metresPerUnit(minY: minY, maxY: maxY)
        let width = Double(max(1, maxX - minX)) * unitX, height = Double(max(1, maxY - minY)) * unitY
        let blocks = max(1, min(Double(edgeCount) * blocksPerEdge, 4_000_000))
        let cellSide = max((width * height / blocks).squareRoot() / Double(ZoneGrid.blockSide), 1e-3)
        self.init(minX: minX, minY: minY, maxX: maxX, maxY: maxY,
                  cellWidth: max(1, Int64((cellSide / unitX).rounded(.up))),
                  cellHeight: max(1, Int64((cellSide / unitY).rounded(.up))))
    }

    /// The fewest metres a grid unit spans east–west (at the latitude farthest from the
    /// equator) and north–south, between latitudes `minY` and `maxY`.
    static func metresPerUnit(minY: Int64, maxY: Int64) -> (x: Double, y: Double) {
        let maxAbsLatitude = min(89.0, Double(max(abs(minY), abs(maxY))) / GridPoint.unitsPerDegree)
        return (LocalMetric.metresPerUnitY * cos(maxAbsLatitude * Double.pi / 180), LocalMetric.metresPerUnitY)
    }

    /// The x of the centre of cell column `column` (a point of the cell).
    @inline(__always)
    func centreX(_ column: Int) -> Int64 { originX + Int64(column) * cellWidth + cellWidth / 2 }

    /// The y of the centre of cell row `row`.
    @inline(__always)
    func centreY(_ row: Int) -> Int64 { originY + Int64(row) * cellHeight + cellHeight / 2 }

    /// The cells whose coordinates `a...b` (grid units) fall in, clamped to the grid.
    @inline(__always)
    func columns(_ a: Int64, _ b: Int64) -> ClosedRange<Int> {
        ZoneGrid.span(a, b, origin: originX, size: cellWidth, count: columns)
    }

    @inline(__always)
    func rows(_ a: Int64, _ b: Int64) -> ClosedRange<Int> {
        ZoneGrid.span(a, b, origin: originY, size: cellHeight, count: rows)
    }

    @inline(__always)
    static func span(_ a: Int64, _ b: Int64, origin: Int64, size: Int64, count: Int) -> ClosedRange<Int> {
        func index(_ v: Int64) -> Int {
            let d = v - origin
            return d < 0 ? 0 : Int(min(Int64(count - 1), d / size))
        }
        return index(a)...index(b)
    }

    /// Calls `body(column, row)` for every cell whose closed square the closed segment lo–hi
    /// (lo below hi) may touch: a superset of the cells it touches, tight to about a unit.
    /// The segment is cut into column slabs (each widened by a unit), and in each slab its
    /// y-range, computed in floating point and widened by a unit, gives the rows.
    /// - Complexity: O(cells visited), about 2 + (length / cell side) · 2 for a slanted edge.
    /// Only cells in rows `band` are visited.
    @inline(__always)
    func forEachCellTouching(_ lo: GridPoint, _ hi: GridPoint, rows band: Range<Int>, _ body: (Int, Int) -> Void) {
        let x0 = min(lo.x, hi.x), x1 = max(lo.x, hi.x)
        let all = rows(lo.y - 1, hi.y + 1)
        guard all.lowerBound < band.upperBound && band.lowerBound <= all.upperBound else { return }
        let edgeRows = max(all.lowerBound, band.lowerBound)...min(all.upperBound, band.upperBound - 1)
        if x0 == x1 || all.count == 1 {
            for row in edgeRows { for column in columns(x0 - 1, x1 + 1) { body(column, row) } }
            return
        }
        let slope = Double(hi.y - lo.y) / Double(hi.x - lo.x)
        for column in columns(x0 - 1, x1 + 1) {
            let left = max(x0, originX + Int64(column) * cellWidth - 1)
            let right = min(x1, originX + Int64(column + 1) * cellWidth + 1)
            let yl = Double(lo.y) + Double(left - lo.x) * slope
            let yr = Double(lo.y) + Double(right - lo.x) * slope
            let low = max(lo.y, Int64((min(yl, yr) - 1).rounded(.down)))
            let high = min(hi.y, Int64((max(yl, yr) + 1).rounded(.up)))
            let slab = rows(low - 1, high + 1)
            let first = max(slab.lowerBound, edgeRows.lowerBound), last = min(slab.upperBound, edgeRows.upperBound)
            if first <= last { for row in first...last { body(column, row) } }
        }
    }
}

extension ZoneGrid {
    /// Runs `body` on bands of whole block rows (given as cell rows), one band per core, in
    /// parallel, and returns when all are done. A body that writes only to the blocks and
    /// cells of its band does not race with the others.
    func inBands(_ body: (Range<Int>) -> Void) {
        let per = blockRowsPerBand
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: bandCount) { k in
                let first = k * per, last = min(blockRows, first + per)
                if first < last { work((first * ZoneGrid.blockSide)..<(last * ZoneGrid.blockSide)) }
            }
        }
    }

    /// The number of bands `inBands` uses: one per core (or `bandLimit`), at most one per block row.
    var bandCount: Int { max(1, min(bandLimit ?? ProcessInfo.processInfo.activeProcessorCount, blockRows)) }

    private var blockRowsPerBand: Int { (blockRows + bandCount - 1) / bandCount }

    /// The band (0 ..< `bandCount`) holding cell row `row`.
    func band(ofRow row: Int) -> Int { row / ZoneGrid.blockSide / blockRowsPerBand }

    /// Calls `body(row, columns)` for every run of cells in one row whose centres are inside
    /// the zone with edges `lo[i]`–`hi[i]` (lower endpoint first) and latitudes `minY...maxY`
    /// by the boundary rule (`ZoneShape.contains`), row by row from the south, runs from the
    /// west; cells in no run have their centre outside.
    ///
    /// A scanline pass: at the centre line of each row, every edge with lo.y ≤ y < hi.y
    /// counts for exactly the cell centres strictly left of it, a prefix of the row, found by
    /// estimating its end in floating point and settling it with exact orientation tests.
    /// Between consecutive prefix ends the crossing count is constant; runs of odd count are
    /// inside.
    /// - Complexity: O(e log e) for the shape's e edges, plus O(a log a) in each row crossed,
    ///   a being the edges active there.
    /// Only rows in `band` are visited.
    func forEachRunInside(_ lo: ArraySlice<GridPoint>, _ hi: ArraySlice<GridPoint>, minY: Int64, maxY: Int64,
                          rows band: Range<Int>, _ body: (Int, Range<Int>) -> Void) {
        // The first row whose centre line is at or above the zone's lowest point.
        let offset = minY - originY - cellHeight / 2
        var row = max(band.lowerBound, offset <= 0 ? 0 : Int((offset + cellHeight - 1) / cellHeight))
        guard !lo.isEmpty, row < band.upperBound, centreY(row) < maxY else { return }
        let order = lo.indices.sorted { lo[$0].y < lo[$1].y }
        var next = 0
        var active: [Int] = []
        var ends: [Int] = []
        while row < band.upperBound {
            let y = centreY(row)
            if y >= maxY { break }
            while next < order.count && lo[order[next]].y <= y {
                active.append(order[next])
                next += 1
            }
            active.removeAll { hi[$0].y <= y }
            ends.removeAll(keepingCapacity: true)
            for e in active { ends.append(prefixEnd(lo[e], hi[e], y: y)) }
            ends.sort()
            // Centres in ends[k - 1]..<ends[k] are crossed by the m − k edges with later ends.
            var start = 0
            for k in 0...ends.count {
                let end = k < ends.count ? ends[k] : columns
                if (ends.count - k) % 2 == 1 && start < end { body(row, start..<end) }
                start = end
            }
            row += 1
        }
    }

    /// The number of cell centres at height y strictly left of lo→hi (lo.y ≤ y < hi.y),
    /// that is, whose eastward ray the edge crosses: they form a prefix of the row.
    @inline(__always)
    func prefixEnd(_ lo: GridPoint, _ hi: GridPoint, y: Int64) -> Int {
        func crosses(_ column: Int) -> Bool {
            GridPoint.orientation(lo, hi, GridPoint(x: centreX(column), y: y)) > 0
        }
        let x = Double(lo.x) + Double(hi.x - lo.x) * Double(y - lo.y) / Double(hi.y - lo.y)
        let estimate = ((x - Double(originX) - Double(cellWidth / 2)) / Double(cellWidth)).rounded(.up)
        var end = Int(max(0, min(Double(columns), estimate)))
        while end > 0 && !crosses(end - 1) { end -= 1 }
        while end < columns && crosses(end) { end += 1 }
        return end
    }
}
