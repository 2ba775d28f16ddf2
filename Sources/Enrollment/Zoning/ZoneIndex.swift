import Foundation

/// Where a home falls among the zones of one level.
public struct ZoneHit: Sendable, Equatable {
    /// Index (into the zones given to `ZoneIndex`) of the zone containing the home, or nil
    /// when the home is in no zone (`unzoned`).
    public var zone: Int?
    /// True when the home is within the index's distance of any boundary edge of its zone
    /// (holes and outer rings alike); always false for an unzoned home.
    public var nearBoundary: Bool
    /// For an unzoned home: the zone with the nearest boundary (lowest index on a tie).
    public var nearestZone: Int?
    /// For an unzoned home: the distance in metres to that zone.
    public var distanceMetres: Double?

    public init(zone: Int?, nearBoundary: Bool, nearestZone: Int? = nil, distanceMetres: Double? = nil) {
        self.zone = zone
        self.nearBoundary = nearBoundary
        self.nearestZone = nearestZone
        self.distanceMetres = distanceMetres
    }
}

/// A two-level grid over the zones of one level that answers "which zone is this home in?"
/// exactly (the boundary rule of docs/ZONING.md) and fast.
///
/// The grid (`ZoneGrid`) has cells of a few metres grouped into blocks of 4 × 4 cells. A
/// block that no edge touches (closed block, exact integers) lies wholly inside one zone or
/// none, recorded at build time, so most homes need one array read. In a touched block each
/// cell is classified the same way; in a touched cell only the zones owning a touching edge,
/// plus the zone of the cell's centre, are tested. Each block also lists the edges within
/// `nearBoundaryMetres` of it, which the near-boundary test measures.
///
/// The zones must not overlap (check with `ZoneMap.overlaps(level:)`); if they do, the
/// lowest-index zone containing the home is returned.
public struct ZoneIndex: Sendable {
    /// The distance under which a home counts as near a boundary, in metres.
    public let nearBoundaryMetres: Double
    let shapes: [ZoneShape]
    let edgeLo: [GridPoint]
    let edgeHi: [GridPoint]
    let edgeZone: [Int32]
    /// Zone z owns edges `zoneEdgeStart[z]..<zoneEdgeStart[z+1]`.
    let zoneEdgeStart: [Int]
    let grid: ZoneGrid
    /// Per block: for a block no edge touches, (zone + 1) · 2 + 1 if the zone has an edge
    /// in the block's near list (else + 0), zone −1 meaning none; for a touched block,
    /// −1 − its number among the touched blocks.
    let blockCode: [Int32]
    /// Per cell of the touched blocks, at number · 16 + row in block · 4 + column in block:
    /// the zone (−1: none) of a cell no edge touches, else −2 − its candidate list number.
    let cellCode: [Int32]
    /// Per touched cell, the zones to test, lowest first (CSR: `candidateStart[k]..<candidateStart[k+1]`).
    let candidateStart: [Int32]
    let candidates: [Int32]
    /// Per block, the edges whose box widened by the near-boundary distance meets it (CSR).
    let nearStart: [Int32]
    let nearEdges: [Int32]
    /// The near-boundary distance in grid units, rounded up (a cheap exact prefilter).
    let marginX: Int64, marginY: Int64

    /// Builds the index.
    /// - Parameters:
    ///   - zones: zones of one level; hits refer to them by index.
    ///   - nearBoundaryMetres: distance for `ZoneHit.nearBoundary` (policy default 20 m).
    /// - Complexity: O(edges + blocks + cells of touched blocks) time and memory, with about
    ///   3 blocks per edge; the cell classification is a scanline pass per zone.
    public init(zones: [ZoneMap.Zone], nearBoundaryMetres: Double = 20) {
        self.init(zones: zones, nearBoundaryMetres: nearBoundaryMetres, cellSize: nil)
    }

    /// Builds the index on cells of `cellSize` grid units (for tests), or of the size chosen
    /// from the zones when nil.
    init(zones: [ZoneMap.Zone], nearBoundaryMetres: Double, cellSize: (width: Int64, height: Int64)?) {
        self.nearBoundaryMetres = nearBoundaryMetres
        shapes = zones.map(ZoneShape.init)
        var lo: [GridPoint] = [], hi: [GridPoint] = [], owner: [Int32] = []
        var edgeStart = [0]
        for (z, shape) in shapes.enumerated() {
            lo += shape.lo
            hi += shape.hi
            owner += repeatElement(Int32(z), count: shape.lo.count)
            edgeStart.append(lo.count)
        }
        edgeLo = lo
        edgeHi = hi
        edgeZone = owner
        zoneEdgeStart = edgeStart
        let g: ZoneGrid
        if let cellSize {
            g = ZoneGrid(minX: shapes.map(\.minX).min() ?? 0, minY: shapes.map(\.minY).min() ?? 0,
                         maxX: shapes.map(\.maxX).max() ?? 1, maxY: shapes.map(\.maxY).max() ?? 1,
                         cellWidth: cellSize.width, cellHeight: cellSize.height)
        } else {
            g = ZoneGrid(covering: shapes, edgeCount: lo.count)
        }
        grid = g
        let side = ZoneGrid.blockSide, blockCells = side * side
        let blockCount = g.blockColumns * g.blockRows

        // The touched blocks, numbered in block order.
        var blockNumber = [Int32](repeating: -1, count: blockCount)
        for e in lo.indices {
            g.forEachCellTouching(lo[e], hi[e]) { column, row in
                blockNumber[(row / side) * g.blockColumns + column / side] = 0
            }
        }
        var touchedBlocks = 0
        for b in 0..<blockCount where blockNumber[b] == 0 {
            blockNumber[b] = Int32(touchedBlocks)
            touchedBlocks += 1
        }
        func slot(_ column: Int, _ row: Int) -> Int {
            Int(blockNumber[(row / side) * g.blockColumns + column / side]) * blockCells + (row % side) * side + column % side
        }

        // The zone of each cell centre of the touched blocks and of the first cell of every
        // other block, zone by zone from the last, so the lowest index wins.
        var blockZone = [Int32](repeating: -1, count: blockCount)
        var cellZone = [Int32](repeating: -1, count: touchedBlocks * blockCells)
        for z in shapes.indices.reversed() {
            g.forEachRunInside(shapes[z]) { row, run in
                let blockRow = row / side, rowInBlock = row % side
                for blockColumn in (run.lowerBound / side)...((run.upperBound - 1) / side) {
                    let b = blockRow * g.blockColumns + blockColumn
                    let number = Int(blockNumber[b])
                    if number >= 0 {
                        let base = number * blockCells + rowInBlock * side - blockColumn * side
                        for column in max(run.lowerBound, blockColumn * side)..<min(run.upperBound, (blockColumn + 1) * side) {
                            cellZone[base + column] = Int32(z)
                        }
                    } else if rowInBlock == 0 && run.lowerBound <= blockColumn * side {
                        blockZone[b] = Int32(z)
                    }
                }
            }
        }

        // The owners of the edges touching each cell of the touched blocks (CSR).
        var ownerStart = [Int32](repeating: 0, count: touchedBlocks * blockCells + 1)
        for e in lo.indices {
            g.forEachCellTouching(lo[e], hi[e]) { column, row in ownerStart[slot(column, row) + 1] += 1 }
        }
        for k in 0..<(touchedBlocks * blockCells) { ownerStart[k + 1] += ownerStart[k] }
        var fill = ownerStart
        var owners = [Int32](repeating: 0, count: Int(ownerStart.last!))
        for e in lo.indices {
            g.forEachCellTouching(lo[e], hi[e]) { column, row in
                let k = slot(column, row)
                owners[Int(fill[k])] = owner[e]
                fill[k] += 1
            }
        }
        var codes = cellZone
        var start: [Int32] = [0]
        var list: [Int32] = []
        var zonesHere: [Int32] = []
        for k in codes.indices where ownerStart[k] < ownerStart[k + 1] {
            zonesHere.removeAll(keepingCapacity: true)
            zonesHere += owners[Int(ownerStart[k])..<Int(ownerStart[k + 1])]
            if cellZone[k] >= 0 { zonesHere.append(cellZone[k]) }
            zonesHere.sort()
            for (i, z) in zonesHere.enumerated() where i == 0 || zonesHere[i - 1] != z { list.append(z) }
            codes[k] = -2 - Int32(start.count - 1)
            start.append(Int32(list.count))
        }
        cellCode = codes
        candidateStart = start
        candidates = list

        // Per block, the edges whose box widened by the near-boundary distance meets it.
        let (unitX, unitY) = ZoneGrid.metresPerUnit(minY: g.originY, maxY: shapes.map(\.maxY).max() ?? 1)
        let nearX = Int64((nearBoundaryMetres / unitX * 1.001).rounded(.up)) + 1
        let nearY = Int64((nearBoundaryMetres / unitY * 1.001).rounded(.up)) + 1
        marginX = nearX
        marginY = nearY
        func blocksNear(_ e: Int) -> (ClosedRange<Int>, ClosedRange<Int>) {
            let columns = g.columns(min(lo[e].x, hi[e].x) - nearX, max(lo[e].x, hi[e].x) + nearX)
            let rows = g.rows(lo[e].y - nearY, hi[e].y + nearY)
            return ((columns.lowerBound / side)...(columns.upperBound / side), (rows.lowerBound / side)...(rows.upperBound / side))
        }
        var near = [Int32](repeating: 0, count: blockCount + 1)
        for e in lo.indices {
            let (xs, ys) = blocksNear(e)
            for y in ys { for x in xs { near[y * g.blockColumns + x + 1] += 1 } }
        }
        for b in 0..<blockCount { near[b + 1] += near[b] }
        fill = near
        var nearList = [Int32](repeating: 0, count: Int(near[blockCount]))
        for e in lo.indices {
            let (xs, ys) = blocksNear(e)
            for y in ys {
                for x in xs {
                    let b = y * g.blockColumns + x
                    nearList[Int(fill[b])] = Int32(e)
                    fill[b] += 1
                }
            }
        }
        nearStart = near
        nearEdges = nearList

        var block = [Int32](repeating: 0, count: blockCount)
        for b in 0..<blockCount {
            if blockNumber[b] >= 0 {
                block[b] = -1 - blockNumber[b]
            } else {
                let z = blockZone[b]
                let measured = z >= 0 && nearList[Int(near[b])..<Int(near[b + 1])].contains { owner[Int($0)] == z }
                block[b] = (z + 1) * 2 + (measured ? 1 : 0)
            }
        }
        blockCode = block
    }

    /// How a cell is answered: one zone (nil: none) for every point of it, or the zones to
    /// test, lowest first.
    enum CellClass: Equatable {
        case zone(Int?)
        case candidates([Int])
    }

    /// The classification of cell (`column`, `row`) of the grid.
    func cellClass(column: Int, row: Int) -> CellClass {
        let side = ZoneGrid.blockSide
        let code = blockCode[(row / side) * grid.blockColumns + column / side]
        if code >= 0 { return .zone(code / 2 == 0 ? nil : Int(code / 2) - 1) }
        let cell = cellCode[Int(-1 - code) * side * side + (row % side) * side + column % side]
        if cell >= -1 { return .zone(cell == -1 ? nil : Int(cell)) }
        let k = Int(-2 - cell)
        return .candidates(candidates[Int(candidateStart[k])..<Int(candidateStart[k + 1])].map { Int($0) })
    }

    /// The number of zones indexed.
    public var zoneCount: Int { shapes.count }

    /// Locates one home.
    /// - Complexity: O(1) for most homes; O(edges of the candidate zones) near boundaries;
    ///   O(zones) for a home outside every zone (nearest-zone search with box pruning).
    public func locate(_ p: GridPoint) -> ZoneHit {
        withTables { $0.locate(p) } ?? unzoned(p)
    }

    /// Locates many homes, splitting the work across the machine's cores. The result at
    /// index i is `locate(points[i])`; it does not depend on the number of cores or on
    /// timing.
    public func locate(_ points: [GridPoint]) -> [ZoneHit] {
        let chunk = 16_384
        let chunks = (points.count + chunk - 1) / chunk
        var hits = [ZoneHit](repeating: ZoneHit(zone: nil, nearBoundary: false), count: points.count)
        hits.withUnsafeMutableBufferPointer { buffer in
            points.withUnsafeBufferPointer { input in
                withTables { tables in
                    nonisolated(unsafe) let output = buffer
                    nonisolated(unsafe) let homes = input
                    nonisolated(unsafe) let lookup = tables
                    DispatchQueue.concurrentPerform(iterations: chunks) { k in
                        for i in (k * chunk)..<min(homes.count, (k + 1) * chunk) {
                            output[i] = lookup.locate(homes[i]) ?? unzoned(homes[i])
                        }
                    }
                }
            }
        }
        return hits
    }

    /// Runs `body` with raw views of the lookup tables: the hot loop then touches no
    /// reference counts, which threads sharing the index would otherwise contend on.
    private func withTables<R>(_ body: (Tables) -> R) -> R {
        blockCode.withUnsafeBufferPointer { blockCode in
            cellCode.withUnsafeBufferPointer { cellCode in
                candidateStart.withUnsafeBufferPointer { candidateStart in
                    candidates.withUnsafeBufferPointer { candidates in
                        nearStart.withUnsafeBufferPointer { nearStart in
                            nearEdges.withUnsafeBufferPointer { nearEdges in
                                edgeLo.withUnsafeBufferPointer { edgeLo in
                                    edgeHi.withUnsafeBufferPointer { edgeHi in
                                        edgeZone.withUnsafeBufferPointer { edgeZone in
                                            zoneEdgeStart.withUnsafeBufferPointer { zoneEdgeStart in
                                                body(Tables(grid: grid, marginX: marginX, marginY: marginY,
                                                            nearBoundaryMetres: nearBoundaryMetres,
                                                            blockCode: blockCode, cellCode: cellCode,
                                                            candidateStart: candidateStart, candidates: candidates,
                                                            nearStart: nearStart, nearEdges: nearEdges,
                                                            edgeLo: edgeLo, edgeHi: edgeHi, edgeZone: edgeZone,
                                                            zoneEdgeStart: zoneEdgeStart))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The grid lookup over raw table views; valid only inside `withTables`.
    private struct Tables {
        let grid: ZoneGrid
        let marginX: Int64, marginY: Int64
        let nearBoundaryMetres: Double
        let blockCode: UnsafeBufferPointer<Int32>
        let cellCode: UnsafeBufferPointer<Int32>
        let candidateStart: UnsafeBufferPointer<Int32>
        let candidates: UnsafeBufferPointer<Int32>
        let nearStart: UnsafeBufferPointer<Int32>
        let nearEdges: UnsafeBufferPointer<Int32>
        let edgeLo: UnsafeBufferPointer<GridPoint>
        let edgeHi: UnsafeBufferPointer<GridPoint>
        let edgeZone: UnsafeBufferPointer<Int32>
        let zoneEdgeStart: UnsafeBufferPointer<Int>

        /// The hit for a home inside some zone, or nil when it is in none.
        @inline(__always)
        func locate(_ p: GridPoint) -> ZoneHit? {
            guard p.x >= grid.originX, p.y >= grid.originY else { return nil }
            let column = Int((p.x - grid.originX) / grid.cellWidth), row = Int((p.y - grid.originY) / grid.cellHeight)
            guard column < grid.columns, row < grid.rows else { return nil }
            let side = ZoneGrid.blockSide
            let b = (row / side) * grid.blockColumns + column / side
            let code = Int(blockCode[b])
            var zone: Int, measure: Bool
            if code >= 0 {
                zone = code / 2 - 1
                measure = code % 2 == 1
            } else {
                let cell = Int(cellCode[(-1 - code) * side * side + (row % side) * side + column % side])
                if cell >= -1 {
                    zone = cell
                } else {
                    zone = -1
                    let k = -2 - cell
                    for i in Int(candidateStart[k])..<Int(candidateStart[k + 1]) {
                        let z = Int(candidates[i])
                        if contains(zone: z, p) { zone = z; break }
                    }
                }
                measure = true
            }
            guard zone >= 0 else { return nil }
            return ZoneHit(zone: zone, nearBoundary: measure && isNear(p, zone: zone, block: b))
        }

        /// `ZoneShape.contains` over the flat edge tables.
        @inline(__always)
        func contains(zone z: Int, _ p: GridPoint) -> Bool {
            var inside = false
            for e in zoneEdgeStart[z]..<zoneEdgeStart[z + 1] where ZoneShape.crosses(edgeLo[e], edgeHi[e], p) {
                inside.toggle()
            }
            return inside
        }

        @inline(__always)
        func isNear(_ p: GridPoint, zone: Int, block b: Int) -> Bool {
            var metric: LocalMetric?
            for k in Int(nearStart[b])..<Int(nearStart[b + 1]) {
                let e = Int(nearEdges[k])
                guard Int(edgeZone[e]) == zone else { continue }
                let a = edgeLo[e], b = edgeHi[e]
                if p.y < a.y - marginY || p.y > b.y + marginY || p.x < min(a.x, b.x) - marginX || p.x > max(a.x, b.x) + marginX {
                    continue
                }
                if metric == nil { metric = LocalMetric(at: p) }
                if metric!.distance(to: a, b) <= nearBoundaryMetres { return true }
            }
            return false
        }
    }

    private func unzoned(_ p: GridPoint) -> ZoneHit {
        guard !shapes.isEmpty else { return ZoneHit(zone: nil, nearBoundary: false) }
        let metric = LocalMetric(at: p)
        var best = Double.infinity, bestZone = 0
        for (z, shape) in shapes.enumerated() {
            if metric.distance(toBoxMinX: shape.minX, minY: shape.minY, maxX: shape.maxX, maxY: shape.maxY) > best { continue }
            for i in shape.lo.indices {
                let d = metric.distance(to: shape.lo[i], shape.hi[i])
                if d < best { best = d; bestZone = z }
            }
        }
        return ZoneHit(zone: nil, nearBoundary: false, nearestZone: bestZone, distanceMetres: best)
    }
}
