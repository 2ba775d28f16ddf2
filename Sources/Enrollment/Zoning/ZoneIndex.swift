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

/// A uniform grid over the zones of one level that answers "which zone is this home in?"
/// exactly (the boundary rule of docs/ZONING.md) and fast.
///
/// Each cell knows the edges that touch it (closed cell, exact integers) and the edges
/// within `nearBoundaryMetres` of it. A cell no edge touches lies wholly inside one zone or
/// none, recorded at build time, so most homes need no polygon test; in other cells only the
/// zones owning a touching edge, plus the cell's own zone, are tested.
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
    let originX: Int64, originY: Int64, cellWidth: Int64, cellHeight: Int64
    let columns: Int, rows: Int
    /// The zone of every cell that no edge touches (−1: none), else −2.
    let cellZone: [Int32]
    /// Per cell, the zones to test (CSR: `candidateStart[c]..<candidateStart[c+1]`).
    let candidateStart: [Int32]
    let candidates: [Int32]
    /// Per cell, the edges within `nearBoundaryMetres` (CSR).
    let nearStart: [Int32]
    let nearEdges: [Int32]
    /// The near-boundary distance in grid units, rounded up (a cheap exact prefilter).
    let marginX: Int64, marginY: Int64

    /// Builds the index.
    /// - Parameters:
    ///   - zones: zones of one level; hits refer to them by index.
    ///   - nearBoundaryMetres: distance for `ZoneHit.nearBoundary` (policy default 20 m).
    /// - Complexity: O(edges + cells) time and memory, with about 16 cells per edge.
    public init(zones: [ZoneMap.Zone], nearBoundaryMetres: Double = 20) {
        self.nearBoundaryMetres = nearBoundaryMetres
        shapes = zones.map(ZoneShape.init)
        var lo: [GridPoint] = [], hi: [GridPoint] = [], owner: [Int32] = []
        for (z, shape) in shapes.enumerated() {
            lo += shape.lo
            hi += shape.hi
            owner += repeatElement(Int32(z), count: shape.lo.count)
        }
        edgeLo = lo
        edgeHi = hi
        edgeZone = owner
        var edgeStart = [0]
        for shape in shapes { edgeStart.append(edgeStart.last! + shape.lo.count) }
        zoneEdgeStart = edgeStart
        let minX = shapes.map(\.minX).min() ?? 0, maxX = shapes.map(\.maxX).max() ?? 1
        let minY = shapes.map(\.minY).min() ?? 0, maxY = shapes.map(\.maxY).max() ?? 1
        let maxAbsLatitude = min(89.0, Double(max(abs(minY), abs(maxY))) / GridPoint.unitsPerDegree)
        let unitX = LocalMetric.metresPerUnitY * cos(maxAbsLatitude * Double.pi / 180)
        let unitY = LocalMetric.metresPerUnitY
        let width = Double(max(1, maxX - minX)) * unitX, height = Double(max(1, maxY - minY)) * unitY
        let target = Double(max(1, min(lo.count * 16, 16_000_000)))
        let side = max((width * height / target).squareRoot(), 1e-3)
        let cw = max(1, Int64((side / unitX).rounded(.up)))
        let ch = max(1, Int64((side / unitY).rounded(.up)))
        originX = minX
        originY = minY
        cellWidth = cw
        cellHeight = ch
        let nx = Int((maxX - minX) / cw) + 1, ny = Int((maxY - minY) / ch) + 1
        columns = nx
        rows = ny
        let cellCount = nx * ny

        func cellRange(_ a: Int64, _ b: Int64, _ origin: Int64, _ size: Int64, _ count: Int) -> ClosedRange<Int> {
            let first = Int(max(0, min(Int64(count - 1), (a - origin) / size)))
            let last = Int(max(0, min(Int64(count - 1), (b - origin) / size)))
            return first...last
        }
        func cells(of e: Int, marginX: Int64, marginY: Int64) -> (ClosedRange<Int>, ClosedRange<Int>) {
            let a = lo[e], b = hi[e]
            return (cellRange(min(a.x, b.x) - marginX, max(a.x, b.x) + marginX, minX, cw, nx),
                    cellRange(a.y - marginY, b.y + marginY, minY, ch, ny))
        }
        func buildCSR(marginX: Int64, marginY: Int64) -> (start: [Int32], items: [Int32]) {
            var count = [Int32](repeating: 0, count: cellCount + 1)
            for e in lo.indices {
                let (xs, ys) = cells(of: e, marginX: marginX, marginY: marginY)
                for y in ys { for x in xs { count[y * nx + x + 1] += 1 } }
            }
            for c in 0..<cellCount { count[c + 1] += count[c] }
            var fill = count
            var items = [Int32](repeating: 0, count: Int(count[cellCount]))
            for e in lo.indices {
                let (xs, ys) = cells(of: e, marginX: marginX, marginY: marginY)
                for y in ys {
                    for x in xs {
                        items[Int(fill[y * nx + x])] = Int32(e)
                        fill[y * nx + x] += 1
                    }
                }
            }
            return (count, items)
        }
        // Edges touching a closed cell: a one-unit margin covers edges on the cell's sides.
        let touching = buildCSR(marginX: 1, marginY: 1)
        let nearX = Int64((nearBoundaryMetres / unitX * 1.001).rounded(.up)) + 1
        let nearY = Int64((nearBoundaryMetres / unitY * 1.001).rounded(.up)) + 1
        marginX = nearX
        marginY = nearY
        let near = buildCSR(marginX: nearX, marginY: nearY)
        nearStart = near.start
        nearEdges = near.items

        // The zone at each cell's centre, found by testing the zones whose box holds it.
        var centreZone = [Int32](repeating: -1, count: cellCount)
        for (z, shape) in shapes.enumerated().reversed() {
            let xs = cellRange(shape.minX, shape.maxX, minX, cw, nx)
            let ys = cellRange(shape.minY, shape.maxY, minY, ch, ny)
            for y in ys {
                for x in xs {
                    let centre = GridPoint(x: minX + Int64(x) * cw + cw / 2, y: minY + Int64(y) * ch + ch / 2)
                    if shape.contains(centre) { centreZone[y * nx + x] = Int32(z) }
                }
            }
        }
        var zoneOfCell = [Int32](repeating: -2, count: cellCount)
        var start = [Int32](repeating: 0, count: cellCount + 1)
        var list: [Int32] = []
        for c in 0..<cellCount {
            let edges = touching.items[Int(touching.start[c])..<Int(touching.start[c + 1])]
            if edges.isEmpty {
                zoneOfCell[c] = centreZone[c]
            } else {
                var zonesHere = edges.map { owner[Int($0)] }
                if centreZone[c] >= 0 { zonesHere.append(centreZone[c]) }
                zonesHere.sort()
                for (k, z) in zonesHere.enumerated() where k == 0 || zonesHere[k - 1] != z { list.append(z) }
            }
            start[c + 1] = Int32(list.count)
        }
        cellZone = zoneOfCell
        candidateStart = start
        candidates = list
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
        cellZone.withUnsafeBufferPointer { cellZone in
            candidateStart.withUnsafeBufferPointer { candidateStart in
                candidates.withUnsafeBufferPointer { candidates in
                    nearStart.withUnsafeBufferPointer { nearStart in
                        nearEdges.withUnsafeBufferPointer { nearEdges in
                            edgeLo.withUnsafeBufferPointer { edgeLo in
                                edgeHi.withUnsafeBufferPointer { edgeHi in
                                    edgeZone.withUnsafeBufferPointer { edgeZone in
                                        zoneEdgeStart.withUnsafeBufferPointer { zoneEdgeStart in
                                            body(Tables(index: self, cellZone: cellZone, candidateStart: candidateStart,
                                                        candidates: candidates, nearStart: nearStart, nearEdges: nearEdges,
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

    /// The grid lookup over raw table views; valid only inside `withTables`.
    private struct Tables {
        let originX: Int64, originY: Int64, cellWidth: Int64, cellHeight: Int64
        let columns: Int, rows: Int
        let marginX: Int64, marginY: Int64
        let nearBoundaryMetres: Double
        let cellZone: UnsafeBufferPointer<Int32>
        let candidateStart: UnsafeBufferPointer<Int32>
        let candidates: UnsafeBufferPointer<Int32>
        let nearStart: UnsafeBufferPointer<Int32>
        let nearEdges: UnsafeBufferPointer<Int32>
        let edgeLo: UnsafeBufferPointer<GridPoint>
        let edgeHi: UnsafeBufferPointer<GridPoint>
        let edgeZone: UnsafeBufferPointer<Int32>
        let zoneEdgeStart: UnsafeBufferPointer<Int>

        init(index: ZoneIndex, cellZone: UnsafeBufferPointer<Int32>, candidateStart: UnsafeBufferPointer<Int32>,
             candidates: UnsafeBufferPointer<Int32>, nearStart: UnsafeBufferPointer<Int32>, nearEdges: UnsafeBufferPointer<Int32>,
             edgeLo: UnsafeBufferPointer<GridPoint>, edgeHi: UnsafeBufferPointer<GridPoint>, edgeZone: UnsafeBufferPointer<Int32>,
             zoneEdgeStart: UnsafeBufferPointer<Int>) {
            originX = index.originX
            originY = index.originY
            cellWidth = index.cellWidth
            cellHeight = index.cellHeight
            columns = index.columns
            rows = index.rows
            marginX = index.marginX
            marginY = index.marginY
            nearBoundaryMetres = index.nearBoundaryMetres
            self.cellZone = cellZone
            self.candidateStart = candidateStart
            self.candidates = candidates
            self.nearStart = nearStart
            self.nearEdges = nearEdges
            self.edgeLo = edgeLo
            self.edgeHi = edgeHi
            self.edgeZone = edgeZone
            self.zoneEdgeStart = zoneEdgeStart
        }

        /// The hit for a home inside some zone, or nil when it is in none.
        @inline(__always)
        func locate(_ p: GridPoint) -> ZoneHit? {
            guard p.x >= originX, p.y >= originY else { return nil }
            let x = Int((p.x - originX) / cellWidth), y = Int((p.y - originY) / cellHeight)
            guard x < columns, y < rows else { return nil }
            let c = y * columns + x
            var zone = Int(cellZone[c])
            if zone == -2 {
                zone = -1
                for k in Int(candidateStart[c])..<Int(candidateStart[c + 1]) {
                    let z = Int(candidates[k])
                    if contains(zone: z, p) { zone = z; break }
                }
            }
            guard zone >= 0 else { return nil }
            return ZoneHit(zone: zone, nearBoundary: isNear(p, zone: zone, cell: c))
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
        func isNear(_ p: GridPoint, zone: Int, cell c: Int) -> Bool {
            var metric: LocalMetric?
            for k in Int(nearStart[c])..<Int(nearStart[c + 1]) {
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
