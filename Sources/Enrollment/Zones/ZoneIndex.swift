import Foundation
import EnrollmentIO

/// Where a home falls among the zones of one level.
package struct ZoneHit: Sendable, Equatable {
    /// Index (into the zones given to `ZoneIndex`) of the zone containing the home, or nil
    /// when the home is in no zone (`unzoned`).
    package var zone: Int?
    /// True when the home is within the index's distance of any boundary edge of its zone
    /// (holes and outer rings alike); always false for an unzoned home.
    package var nearBoundary: Bool
    /// For an unzoned home: the zone with the nearest boundary (lowest index on a tie).
    package var nearestZone: Int?
    /// For an unzoned home: the distance in metres to that zone.
    package var distanceMetres: Double?

    package init(zone: Int?, nearBoundary: Bool, nearestZone: Int? = nil, distanceMetres: Double? = nil) {
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
/// cell is classified the same way; in a touched cell only the block's candidates are tested:
/// the zones owning an edge that touches one of the block's cells, plus the zones of the
/// centres of its touched cells. Each block also lists the edges within
/// `nearBoundaryMetres` of it, which the near-boundary test measures.
///
/// The zones must not overlap (check with `ZoneMap.overlaps(level:)`); if they do, the
/// lowest-index zone containing the home is returned.
package struct ZoneIndex: Sendable {
    /// The distance under which a home counts as near a boundary, in metres.
    package let nearBoundaryMetres: Double
    /// Each zone's bounding box.
    package let zoneMin: [GridPoint]
    package let zoneMax: [GridPoint]
    package let edgeLo: [GridPoint]
    package let edgeHi: [GridPoint]
    package let edgeZone: [Int32]
    /// Zone z owns edges `zoneEdgeStart[z]..<zoneEdgeStart[z+1]`.
    package let zoneEdgeStart: [Int]
    let grid: ZoneGrid
    /// Per block: for a block no edge touches, (zone + 1) · 2 + 1 if the zone has an edge
    /// in the block's near list (else + 0), zone −1 meaning none; for a touched block,
    /// −1 − its number among the touched blocks.
    package let blockCode: [Int32]
    /// Per cell of the touched blocks, at number · 16 + row in block · 4 + column in block:
    /// the zone (−1: none) of a cell no edge touches, else −2 − the block's number (its
    /// candidate list).
    package let cellCode: [Int32]
    /// Per touched block, the zones to test in its touched cells, lowest first (CSR:
    /// `candidateStart[k]..<candidateStart[k+1]`).
    package let candidateStart: [Int32]
    package let candidates: [Int32]
    /// Cell centres of touched blocks inside more than one zone (zones overlap there): each
    /// (slot in `cellCode`, zone) besides the lowest, sorted. Empty for a valid map.
    package let otherClaims: [(slot: Int32, zone: Int32)]
    /// Per block, the edges that come within the near-boundary distance (in units, per axis)
    /// of it (CSR), each with its zone.
    package let nearStart: [Int32]
    let nearEdges: [NearEdge]
    /// The near-boundary distance in grid units, rounded up (a cheap exact prefilter).
    package let marginX: Int64, marginY: Int64

    /// Builds the index.
    /// - Parameters:
    ///   - zones: zones of one level; hits refer to them by index.
    ///   - nearBoundaryMetres: distance for `ZoneHit.nearBoundary` (policy default 20 m).
    /// - Complexity: memory O(edges + blocks + cells of touched blocks), with about 3 blocks
    ///   per edge. Time O(bands × (edges + zones) + blocks + cells of touched blocks + Σ over
    ///   zones of rows crossed × active edges): each band (one per core) walks every edge and
    ///   every zone, and the cell classification is a scanline pass per zone.
    package init(zones: [ZoneMap.Zone], nearBoundaryMetres: Double = 20) {
        self.init(zones: zones, nearBoundaryMetres: nearBoundaryMetres, cellSize: nil)
    }

    /// Builds the index on cells of `cellSize` grid units (for tests), or of the size chosen
    /// from the zones when nil, in `bands` bands (one per core when nil).
    /// Without `nearLists` no block lists its nearby edges (every hit answers `nearBoundary`
    /// false): the overlap check, which needs only the zones around a point, saves their memory.
    package init(zones: [ZoneMap.Zone], nearBoundaryMetres: Double, cellSize: (width: Int64, height: Int64)?, bands: Int? = nil,
         nearLists: Bool = true) {
        self.nearBoundaryMetres = nearBoundaryMetres
        // Every edge once per zone, lower endpoint first, zone by zone: the edges of `ZoneShape`,
        // which the overlap check and the tests use too (made on all cores, each zone its own
        // slot, then joined in the zones' order).
        let shapes = concurrentMap(count: zones.count) { ZoneShape(zones[$0]) }
        var lo: [GridPoint] = [], hi: [GridPoint] = [], owner: [Int32] = []
        let edgeCount = shapes.reduce(0) { $0 + $1.lo.count }
        lo.reserveCapacity(edgeCount)
        hi.reserveCapacity(edgeCount)
        owner.reserveCapacity(edgeCount)
        var edgeStart = [0], boxMin: [GridPoint] = [], boxMax: [GridPoint] = []
        for (z, shape) in shapes.enumerated() {
            lo += shape.lo
            hi += shape.hi
            owner += repeatElement(Int32(z), count: shape.lo.count)
            edgeStart.append(lo.count)
            boxMin.append(GridPoint(x: shape.minX, y: shape.minY))
            boxMax.append(GridPoint(x: shape.maxX, y: shape.maxY))
        }
        edgeLo = lo
        edgeHi = hi
        edgeZone = owner
        zoneEdgeStart = edgeStart
        zoneMin = boxMin
        zoneMax = boxMax
        let mapMinX = boxMin.map(\.x).min() ?? 0, mapMinY = boxMin.map(\.y).min() ?? 0
        let mapMaxX = boxMax.map(\.x).max() ?? 1, mapMaxY = boxMax.map(\.y).max() ?? 1
        var g = cellSize.map {
            ZoneGrid(minX: mapMinX, minY: mapMinY, maxX: mapMaxX, maxY: mapMaxY, cellWidth: $0.width, cellHeight: $0.height)
        } ?? ZoneGrid(minX: mapMinX, minY: mapMinY, maxX: mapMaxX, maxY: mapMaxY, edgeCount: lo.count)
        g.bandLimit = bands
        grid = g
        let side = ZoneGrid.blockSide, blockCells = side * side
        let blockCount = g.blockColumns * g.blockRows

        // Every step below runs on bands of block rows in parallel (`ZoneGrid.inBands`):
        // each band writes only its own blocks and cells, visiting edges and zones in index
        // order, so the tables do not depend on the number of bands.

        // One walk of the edges marks the touched cells of each block (a 16-bit mask) and
        // collects the zones owning an edge that touches each block: each (block, zone) once
        // and, since edges come zone by zone, in increasing zone order per block.
        var touchedCells = [UInt16](repeating: 0, count: blockCount)
        let bandCount = g.bandCount
        var bandOwners = [[(block: Int32, zone: Int32)]](repeating: [], count: bandCount)
        do {
            var lastZone = [Int32](repeating: -1, count: blockCount)
            touchedCells.withUnsafeMutableBufferPointer { maskBuffer in
                lastZone.withUnsafeMutableBufferPointer { lastBuffer in
                    bandOwners.withUnsafeMutableBufferPointer { ownerBuffer in
                        nonisolated(unsafe) let masks = maskBuffer, lastZone = lastBuffer, bandOwners = ownerBuffer
                        g.inBands { rows in
                            var found: [(block: Int32, zone: Int32)] = []
                            for e in lo.indices {
                                let z = owner[e]
                                g.forEachCellTouching(lo[e], hi[e], rows: rows) { column, row in
                                    let b = (row / side) * g.blockColumns + column / side
                                    masks[b] |= 1 << ((row % side) * side + column % side)
                                    if lastZone[b] != z {
                                        lastZone[b] = z
                                        found.append((Int32(b), z))
                                    }
                                }
                            }
                            bandOwners[g.band(ofRow: rows.lowerBound)] = found
                        }
                    }
                }
            }
        }
        var touched = [Int32](repeating: -1, count: blockCount)
        var touchedBlocks = 0
        for b in 0..<blockCount where touchedCells[b] != 0 {
            touched[b] = Int32(touchedBlocks)
            touchedBlocks += 1
        }
        let blockNumber = touched
        let slotCount = touchedBlocks * blockCells

        // The zone of each cell centre of the touched blocks and of the first cell of every
        // other block, zone by zone from the last, so the lowest index wins.
        var blockZone = [Int32](repeating: -1, count: blockCount)
        var cellZone = [Int32](repeating: -1, count: slotCount)
        // A cell centre of a touched block claimed by a second zone: (slot, the higher zone).
        var bandClaims = [[(slot: Int32, zone: Int32)]](repeating: [], count: bandCount)
        blockZone.withUnsafeMutableBufferPointer { blockBuffer in
            cellZone.withUnsafeMutableBufferPointer { cellBuffer in
              bandClaims.withUnsafeMutableBufferPointer { claimBuffer in
                nonisolated(unsafe) let blockZone = blockBuffer, cellZone = cellBuffer, bandClaims = claimBuffer
                g.inBands { rows in
                    var claims: [(slot: Int32, zone: Int32)] = []
                    defer { bandClaims[g.band(ofRow: rows.lowerBound)] = claims }
                    for z in zones.indices.reversed() {
                        g.forEachRunInside(lo[edgeStart[z]..<edgeStart[z + 1]], hi[edgeStart[z]..<edgeStart[z + 1]],
                                           minY: boxMin[z].y, maxY: boxMax[z].y, rows: rows) { row, run in
                            let blockRow = row / side, rowInBlock = row % side
                            for blockColumn in (run.lowerBound / side)...((run.upperBound - 1) / side) {
                                let b = blockRow * g.blockColumns + blockColumn
                                let number = Int(blockNumber[b])
                                if number >= 0 {
                                    let base = number * blockCells + rowInBlock * side - blockColumn * side
                                    for column in max(run.lowerBound, blockColumn * side)..<min(run.upperBound, (blockColumn + 1) * side) {
                                        if cellZone[base + column] >= 0 { claims.append((Int32(base + column), cellZone[base + column])) }
                                        cellZone[base + column] = Int32(z)
                                    }
                                } else if rowInBlock == 0 && run.lowerBound <= blockColumn * side {
                                    blockZone[b] = Int32(z)
                                }
                            }
                        }
                    }
                }
              }
            }
        }
        var claimed = bandClaims.flatMap { $0 }
        claimed.sort { ($0.slot, $0.zone) < ($1.slot, $1.zone) }
        otherClaims = claimed

        // The candidates of a touched block, lowest first: the owners of its edges and the
        // zones of the centres of its touched cells. Its touched cells point to them.
        var ownerStart = [Int](repeating: 0, count: touchedBlocks + 1)
        for found in bandOwners { for (block, _) in found { ownerStart[Int(blockNumber[Int(block)]) + 1] += 1 } }
        for k in 0..<touchedBlocks { ownerStart[k + 1] += ownerStart[k] }
        var owners = [Int32](repeating: 0, count: ownerStart[touchedBlocks])
        var next = ownerStart
        for found in bandOwners {
            for (block, zone) in found {
                let k = Int(blockNumber[Int(block)])
                owners[next[k]] = zone
                next[k] += 1
            }
        }
        var codes = cellZone
        var start: [Int32] = [0]
        var list: [Int32] = []
        var zonesHere: [Int32] = []
        for b in 0..<blockCount where touchedCells[b] != 0 {
            let k = Int(blockNumber[b])
            zonesHere.removeAll(keepingCapacity: true)
            zonesHere += owners[ownerStart[k]..<ownerStart[k + 1]]
            for cell in 0..<blockCells where touchedCells[b] & (1 << cell) != 0 {
                if cellZone[k * blockCells + cell] >= 0 { zonesHere.append(cellZone[k * blockCells + cell]) }
                codes[k * blockCells + cell] = -2 - Int32(k)
            }
            zonesHere.sort()
            for (i, z) in zonesHere.enumerated() where i == 0 || zonesHere[i - 1] != z { list.append(z) }
            start.append(Int32(list.count))
        }
        cellCode = codes
        candidateStart = start
        candidates = list

        // Per block, the edges that meet the block widened by the near-boundary distance in
        // units on each axis (exactly: not all four corners strictly on one side of the edge).
        let (unitX, unitY) = ZoneGrid.metresPerUnit(minY: mapMinY, maxY: mapMaxY)
        let nearX = Int64((nearBoundaryMetres / unitX * 1.001).rounded(.up)) + 1
        let nearY = Int64((nearBoundaryMetres / unitY * 1.001).rounded(.up)) + 1
        marginX = nearX
        marginY = nearY
        let blockWidth = g.cellWidth * Int64(side), blockHeight = g.cellHeight * Int64(side)
        func forEachBlockNear(_ e: Int, rows band: Range<Int>, _ body: (Int) -> Void) {
            let a = lo[e], b = hi[e]
            let columns = g.columns(min(a.x, b.x) - nearX, max(a.x, b.x) + nearX)
            let rows = g.rows(a.y - nearY, b.y + nearY)
            let firstRow = max(rows.lowerBound, band.lowerBound) / side, lastRow = min(rows.upperBound, band.upperBound - 1) / side
            guard firstRow <= lastRow else { return }
            for y in firstRow...lastRow {
                let y0 = g.originY + Int64(y) * blockHeight - nearY, y1 = y0 + blockHeight + 2 * nearY
                for x in (columns.lowerBound / side)...(columns.upperBound / side) {
                    let x0 = g.originX + Int64(x) * blockWidth - nearX, x1 = x0 + blockWidth + 2 * nearX
                    let turns = GridPoint.orientation(a, b, GridPoint(x: x0, y: y0)) + GridPoint.orientation(a, b, GridPoint(x: x1, y: y0))
                        + GridPoint.orientation(a, b, GridPoint(x: x0, y: y1)) + GridPoint.orientation(a, b, GridPoint(x: x1, y: y1))
                    if abs(turns) < 4 { body(y * g.blockColumns + x) }
                }
            }
        }
        var near = [Int32](repeating: 0, count: blockCount + 1)
        if nearLists {
            near.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let count = buffer
                g.inBands { rows in
                    for e in lo.indices { forEachBlockNear(e, rows: rows) { count[$0 + 1] += 1 } }
                }
            }
        }
        for b in 0..<blockCount { near[b + 1] += near[b] }
        var fill = near
        var nearList = [NearEdge](repeating: NearEdge(lo: GridPoint(x: 0, y: 0), hi: GridPoint(x: 0, y: 0), zone: 0),
                                  count: Int(near[blockCount]))
        fill.withUnsafeMutableBufferPointer { fillBuffer in
            nearList.withUnsafeMutableBufferPointer { listBuffer in
                nonisolated(unsafe) let fill = fillBuffer, nearList = listBuffer
                g.inBands { rows in
                    for e in lo.indices where nearLists {
                        forEachBlockNear(e, rows: rows) { b in
                            nearList[Int(fill[b])] = NearEdge(lo: lo[e], hi: hi[e], zone: owner[e])
                            fill[b] += 1
                        }
                    }
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
                let measured = z >= 0 && nearList[Int(near[b])..<Int(near[b + 1])].contains { $0.zone == z }
                block[b] = (z + 1) * 2 + (measured ? 1 : 0)
            }
        }
        blockCode = block
    }

    /// How a cell is answered: one zone (nil: none) for every point of it, or the zones to
    /// test, lowest first.
    package enum CellClass: Equatable {
        case zone(Int?)
        case candidates([Int])
    }

    /// The classification of cell (`column`, `row`) of the grid.
    package func cellClass(column: Int, row: Int) -> CellClass {
        let side = ZoneGrid.blockSide
        let code = blockCode[(row / side) * grid.blockColumns + column / side]
        if code >= 0 { return .zone(code / 2 == 0 ? nil : Int(code / 2) - 1) }
        let cell = cellCode[Int(-1 - code) * side * side + (row % side) * side + column % side]
        if cell >= -1 { return .zone(cell == -1 ? nil : Int(cell)) }
        let k = Int(-2 - cell)
        return .candidates(candidates[Int(candidateStart[k])..<Int(candidateStart[k + 1])].map { Int($0) })
    }

    /// The number of zones indexed.
    package var zoneCount: Int { zoneMin.count }

    /// Calls `body` with every zone whose interior may hold p: all of them but the zones whose
    /// boundary is nowhere near p's cell and whose interior holds none of it. Each zone once.
    /// - Complexity: O(candidates of p's block + log of the cells claimed twice).
    package func forEachZoneAround(_ p: GridPoint, _ body: (Int) -> Void) {
        guard p.x >= grid.originX, p.y >= grid.originY else { return }
        let column = Int((p.x - grid.originX) / grid.cellWidth), row = Int((p.y - grid.originY) / grid.cellHeight)
        guard column < grid.columns, row < grid.rows else { return }
        let side = ZoneGrid.blockSide
        let code = blockCode[(row / side) * grid.blockColumns + column / side]
        if code >= 0 {
            if code / 2 != 0 { body(Int(code / 2) - 1) }
            return
        }
        let slot = Int(-1 - code) * side * side + (row % side) * side + column % side
        let cell = cellCode[slot]
        let listed: ArraySlice<Int32>
        if cell >= -1 {
            listed = cell == -1 ? [] : [cell]
        } else {
            let k = Int(-2 - cell)
            listed = candidates[Int(candidateStart[k])..<Int(candidateStart[k + 1])]
        }
        for z in listed { body(Int(z)) }
        var low = 0, high = otherClaims.count
        while low < high {
            let middle = (low + high) / 2
            if otherClaims[middle].slot < Int32(slot) { low = middle + 1 } else { high = middle }
        }
        while low < otherClaims.count && otherClaims[low].slot == Int32(slot) {
            if !listed.contains(otherClaims[low].zone) { body(Int(otherClaims[low].zone)) }
            low += 1
        }
    }

    /// Locates one home.
    /// - Complexity: O(1) for most homes; O(edges of the candidate zones) near boundaries;
    ///   O(zones) for a home outside every zone (nearest-zone search with box pruning).
    package func locate(_ p: GridPoint) -> ZoneHit {
        withTables { $0.finish(p, $0.lookup(p)) }
    }

    /// Locates many homes, splitting the work across the machine's cores. The result at
    /// index i is `locate(points[i])`; it does not depend on the number of cores or on
    /// timing. Homes go in batches of 256: first every grid look-up of the batch (a tight
    /// loop whose memory reads overlap), then the polygon and near-boundary tests.
    package func locate(_ points: [GridPoint]) -> [ZoneHit] {
        let chunk = 16_384
        let chunks = (points.count + chunk - 1) / chunk
        return [ZoneHit](unsafeUninitializedCapacity: points.count) { buffer, initialized in
            points.withUnsafeBufferPointer { input in
                withTables { tables in
                    nonisolated(unsafe) let output = buffer
                    nonisolated(unsafe) let homes = input
                    nonisolated(unsafe) let lookup = tables
                    DispatchQueue.concurrentPerform(iterations: chunks) { k in
                        let end = min(homes.count, (k + 1) * chunk)
                        withUnsafeTemporaryAllocation(of: Tables.Lookup.self, capacity: 256) { found in
                            for first in stride(from: k * chunk, to: end, by: 256) {
                                let count = min(256, end - first)
                                for j in 0..<count { found[j] = lookup.lookup(homes[first + j]) }
                                for j in 0..<count {
                                    (output.baseAddress! + first + j).initialize(to: lookup.finish(homes[first + j], found[j]))
                                }
                            }
                        }
                    }
                }
            }
            initialized = points.count
        }
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
                                              zoneMin.withUnsafeBufferPointer { zoneMin in
                                               zoneMax.withUnsafeBufferPointer { zoneMax in
                                                body(Tables(grid: grid, marginX: marginX, marginY: marginY,
                                                            nearBoundaryMetres: nearBoundaryMetres,
                                                            blockCode: blockCode, cellCode: cellCode,
                                                            candidateStart: candidateStart, candidates: candidates,
                                                            nearStart: nearStart, nearEdges: nearEdges,
                                                            edgeLo: edgeLo, edgeHi: edgeHi, edgeZone: edgeZone,
                                                            zoneEdgeStart: zoneEdgeStart, zoneMin: zoneMin, zoneMax: zoneMax))
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
        }
    }

    /// The grid lookup over raw table views; valid only inside `withTables`.
    private struct Tables {
        package let grid: ZoneGrid
        package let marginX: Int64, marginY: Int64
        package let nearBoundaryMetres: Double
        package let blockCode: UnsafeBufferPointer<Int32>
        package let cellCode: UnsafeBufferPointer<Int32>
        package let candidateStart: UnsafeBufferPointer<Int32>
        package let candidates: UnsafeBufferPointer<Int32>
        package let nearStart: UnsafeBufferPointer<Int32>
        package let nearEdges: UnsafeBufferPointer<NearEdge>
        package let edgeLo: UnsafeBufferPointer<GridPoint>
        package let edgeHi: UnsafeBufferPointer<GridPoint>
        package let edgeZone: UnsafeBufferPointer<Int32>
        package let zoneEdgeStart: UnsafeBufferPointer<Int>
        package let zoneMin: UnsafeBufferPointer<GridPoint>
        package let zoneMax: UnsafeBufferPointer<GridPoint>

        /// What the grid tables say about a home, before any polygon test.
        package struct Lookup {
            /// The zone (−1: none) when the grid settles it, else −2 − the candidate list.
            package var cell: Int32
            /// The near list to measure (`nearEdges[nearFrom..<nearTo]`); empty when no edge
            /// of the home's zone is near its block.
            package var nearFrom: Int32
            package var nearTo: Int32
        }

        /// The first stage of a look-up: the block and cell tables.
        @inline(__always)
        package func lookup(_ p: GridPoint) -> Lookup {
            guard p.x >= grid.originX, p.y >= grid.originY else { return Lookup(cell: -1, nearFrom: 0, nearTo: 0) }
            let column = Int((p.x - grid.originX) / grid.cellWidth), row = Int((p.y - grid.originY) / grid.cellHeight)
            guard column < grid.columns, row < grid.rows else { return Lookup(cell: -1, nearFrom: 0, nearTo: 0) }
            let side = ZoneGrid.blockSide
            let b = (row / side) * grid.blockColumns + column / side
            let code = blockCode[b]
            if code >= 0 {
                guard code % 2 == 1 else { return Lookup(cell: code / 2 - 1, nearFrom: 0, nearTo: 0) }
                return Lookup(cell: code / 2 - 1, nearFrom: nearStart[b], nearTo: nearStart[b + 1])
            }
            return Lookup(cell: cellCode[(-1 - Int(code)) * side * side + (row % side) * side + column % side],
                          nearFrom: nearStart[b], nearTo: nearStart[b + 1])
        }

        /// The second stage: the candidate zones' exact tests, the near-boundary test, or
        /// the nearest-zone search for a home in no zone.
        @inline(__always)
        package func finish(_ p: GridPoint, _ found: Lookup) -> ZoneHit {
            var zone = Int(found.cell)
            if zone <= -2 {
                let k = -2 - zone
                zone = -1
                for i in Int(candidateStart[k])..<Int(candidateStart[k + 1]) {
                    let z = Int(candidates[i])
                    if contains(zone: z, p) { zone = z; break }
                }
            }
            guard zone >= 0 else { return unzoned(p) }
            return ZoneHit(zone: zone, nearBoundary: isNear(p, zone: zone, edges: Int(found.nearFrom)..<Int(found.nearTo)))
        }

        /// `ZoneShape.contains` over the flat edge tables.
        @inline(__always)
        package func contains(zone z: Int, _ p: GridPoint) -> Bool {
            var inside = false
            for e in zoneEdgeStart[z]..<zoneEdgeStart[z + 1] where ZoneShape.crosses(edgeLo[e], edgeHi[e], p) {
                inside.toggle()
            }
            return inside
        }

        @inline(__always)
        package func isNear(_ p: GridPoint, zone: Int, edges: Range<Int>) -> Bool {
            var metric: LocalMetric?
            for k in edges {
                let edge = nearEdges[k]
                guard Int(edge.zone) == zone else { continue }
                let a = edge.lo, b = edge.hi
                if p.y < a.y - marginY || p.y > b.y + marginY || p.x < min(a.x, b.x) - marginX || p.x > max(a.x, b.x) + marginX {
                    continue
                }
                if metric == nil { metric = LocalMetric(at: p) }
                if metric!.distance(to: a, b) <= nearBoundaryMetres { return true }
            }
            return false
        }

        /// The hit for a home in no zone: the zone with the nearest boundary, lowest index on
        /// a tie. The zone whose box is nearest is measured first; its distance then rules
        /// out every zone whose box is farther.
        /// - Complexity: O(zones + edges of the zones not ruled out).
        package func unzoned(_ p: GridPoint) -> ZoneHit {
            guard !zoneMin.isEmpty else { return ZoneHit(zone: nil, nearBoundary: false) }
            let metric = LocalMetric(at: p)
            func bound(_ z: Int) -> Double {
                metric.distance(toBoxMinX: zoneMin[z].x, minY: zoneMin[z].y, maxX: zoneMax[z].x, maxY: zoneMax[z].y)
            }
            func distance(_ z: Int) -> Double {
                var d = Double.infinity
                for e in zoneEdgeStart[z]..<zoneEdgeStart[z + 1] { d = min(d, metric.distance(to: edgeLo[e], edgeHi[e])) }
                return d
            }
            var bestZone = 0, nearestBox = Double.infinity
            for z in zoneMin.indices {
                let d = bound(z)
                if d < nearestBox { nearestBox = d; bestZone = z }
            }
            var best = distance(bestZone)
            for z in zoneMin.indices where z != bestZone && bound(z) <= best {
                let d = distance(z)
                if d < best || (d == best && z < bestZone) { best = d; bestZone = z }
            }
            return ZoneHit(zone: nil, nearBoundary: false, nearestZone: bestZone, distanceMetres: best)
        }
    }
}

/// An edge in a block's near list, with its zone, stored inline so the near-boundary test
/// reads one contiguous run.
struct NearEdge {
    let lo: GridPoint
    let hi: GridPoint
    let zone: Int32
}
