import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

/// The grid behind `ZoneIndex`: scanline runs, the edge walk and every cell's
/// classification, each against brute force on every lattice point.
@Suite struct ZoneGridTests {
    private func zone(_ id: String, _ rings: [[(Int64, Int64)]]) -> ZoneMap.Zone {
        ZoneMap.Zone(id: id, level: .primary, schools: ["S"],
                     polygons: [rings.map { $0.map { GridPoint(x: $0.0, y: $0.1) } }], location: SourceLocation(file: "t"))
    }

    /// Small maps: jittered meshes with wiggly sides, and a lattice mesh of squares and
    /// triangles, with a hole and its enclave, whose vertices all lie on cell corners of a
    /// grid with cells of 4 × 4 or 1 × 1 units.
    private func maps() -> [(zones: [ZoneMap.Zone], cell: (width: Int64, height: Int64))] {
        let meshA = SyntheticZoneMap(columns: 4, rows: 3, origin: GridPoint(x: 1000, y: -300), width: 400, height: 300,
                                     pointsPerSide: 2, seed: 5)
        let meshB = SyntheticZoneMap(columns: 3, rows: 3, origin: GridPoint(x: 0, y: 0), width: 120, height: 105,
                                     pointsPerSide: 3, seed: 41)
        let lattice = [
            zone("A", [[(0, 0), (40, 0), (40, 40), (0, 40)], [(8, 8), (8, 24), (24, 24), (24, 8)]]),
            zone("B", [[(8, 8), (24, 8), (24, 24), (8, 24)]]),
            zone("C", [[(40, 0), (80, 0), (40, 40)]]),
            zone("D", [[(80, 0), (80, 40), (40, 40)]]),
            zone("E", [[(0, 40), (40, 40), (20, 60)]]),
            zone("F", [[(40, 40), (80, 40), (60, 60), (20, 60)]]),
        ]
        return [(meshA.zones, (5, 4)), (meshA.zones, (7, 2)), (meshB.zones, (1, 1)), (meshB.zones, (3, 3)),
                (lattice, (4, 4)), (lattice, (1, 1)), (lattice, (8, 4))]
    }

    /// The lowest-index zone containing p by each zone's own test.
    private func bruteZone(_ shapes: [ZoneShape], _ p: GridPoint) -> Int? {
        shapes.indices.first { shapes[$0].contains(p) }
    }

    /// Whether the closed segment a–b meets the closed box, exactly.
    private func touches(_ a: GridPoint, _ b: GridPoint, x0: Int64, y0: Int64, x1: Int64, y1: Int64) -> Bool {
        guard max(a.x, b.x) >= x0, min(a.x, b.x) <= x1, max(a.y, b.y) >= y0, min(a.y, b.y) <= y1 else { return false }
        let sides = [GridPoint(x: x0, y: y0), GridPoint(x: x1, y: y0), GridPoint(x: x0, y: y1), GridPoint(x: x1, y: y1)]
            .map { GridPoint.orientation(a, b, $0) }
        return !(sides.allSatisfy { $0 > 0 } || sides.allSatisfy { $0 < 0 })
    }

    /// A grid over the boxes of `shapes`, of cells of `cell`'s size.
    private func covering(_ shapes: [ZoneShape], cell: (width: Int64, height: Int64)) -> ZoneGrid {
        ZoneGrid(minX: shapes.map(\.minX).min()!, minY: shapes.map(\.minY).min()!,
                 maxX: shapes.map(\.maxX).max()!, maxY: shapes.map(\.maxY).max()!,
                 cellWidth: cell.width, cellHeight: cell.height)
    }

    @Test func scanlineRunsAreExactlyTheCentresInside() {
        var checked = 0, wrong = 0
        for (zones, cell) in maps() {
            let shapes = zones.map(ZoneShape.init)
            let grid = covering(shapes, cell: cell)
            for shape in shapes {
                var inside = Set<[Int]>()
                var lastRow = -1, lastEnd = -1
                grid.forEachRunInside(shape.lo[...], shape.hi[...], minY: shape.minY, maxY: shape.maxY, rows: 0..<grid.rows) { row, run in
                    // Rows come from the south, runs from the west, never overlapping.
                    if row < lastRow || (row == lastRow && run.lowerBound < lastEnd) || run.isEmpty { wrong += 1 }
                    lastRow = row
                    lastEnd = run.upperBound
                    for column in run { inside.insert([column, row]) }
                }
                for row in 0..<grid.rows {
                    for column in 0..<grid.columns {
                        let centre = GridPoint(x: grid.centreX(column), y: grid.centreY(row))
                        if shape.contains(centre) != inside.contains([column, row]) { wrong += 1 }
                        checked += 1
                    }
                }
            }
        }
        #expect(wrong == 0)
        #expect(checked > 100_000)
    }

    @Test func edgeWalkVisitsEveryCellTheEdgeTouches() {
        var missed = 0, visits = 0, touched = 0
        for (zones, cell) in maps() {
            let shapes = zones.map(ZoneShape.init)
            let grid = covering(shapes, cell: cell)
            for shape in shapes {
                for e in shape.lo.indices {
                    var seen = Set<[Int]>()
                    grid.forEachCellTouching(shape.lo[e], shape.hi[e], rows: 0..<grid.rows) { seen.insert([$0, $1]) }
                    visits += seen.count
                    for row in 0..<grid.rows {
                        for column in 0..<grid.columns {
                            let x0 = grid.originX + Int64(column) * grid.cellWidth, y0 = grid.originY + Int64(row) * grid.cellHeight
                            guard touches(shape.lo[e], shape.hi[e], x0: x0, y0: y0, x1: x0 + grid.cellWidth, y1: y0 + grid.cellHeight) else { continue }
                            touched += 1
                            if !seen.contains([column, row]) { missed += 1 }
                        }
                    }
                }
            }
        }
        #expect(missed == 0)
        // A superset, but a tight one: at most about twice the cells truly touched.
        #expect(visits < touched * 2 + 10_000)
    }

    /// The build runs in bands of block rows, one per core: 1, 2, 3 or 5 bands (at most one per
    /// block row) give the same answer for every lattice point of every map, zone and
    /// near-boundary flag alike.
    @Test func theIndexIsTheSameWhateverTheNumberOfBands() {
        var points = 0, differing = 0, bandCounts = Set<Int>()
        for (zones, cell) in maps() {
            let shapes = zones.map(ZoneShape.init)
            let lattice = (shapes.map(\.minY).min()! - 2...shapes.map(\.maxY).max()! + 2).flatMap { y in
                (shapes.map(\.minX).min()! - 2...shapes.map(\.maxX).max()! + 2).map { x in GridPoint(x: x, y: y) }
            }
            let indexes = [1, 2, 3, 5].map { ZoneIndex(zones: zones, nearBoundaryMetres: 0.05, cellSize: cell, bands: $0) }
            bandCounts.formUnion(indexes.map(\.grid.bandCount))
            let hits = indexes.map { $0.locate(lattice) }
            points += lattice.count
            differing += lattice.indices.filter { i in hits.contains { $0[i] != hits[0][i] } }.count
        }
        #expect(differing == 0)
        #expect(bandCounts.isSuperset(of: [1, 2, 3, 5]))
        #expect(points > 100_000)
    }

    @Test func everyCellsClassificationAgreesWithBruteForce() {
        var wrong = 0, direct = 0, tested = 0
        for (zones, cell) in maps() {
            let shapes = zones.map(ZoneShape.init)
            let index = ZoneIndex(zones: zones, nearBoundaryMetres: 0, cellSize: cell)
            let grid = index.grid
            for row in 0..<grid.rows {
                for column in 0..<grid.columns {
                    let x0 = grid.originX + Int64(column) * grid.cellWidth, y0 = grid.originY + Int64(row) * grid.cellHeight
                    var owners: [Int?] = []
                    for y in y0..<(y0 + grid.cellHeight) {
                        for x in x0..<(x0 + grid.cellWidth) { owners.append(bruteZone(shapes, GridPoint(x: x, y: y))) }
                    }
                    switch index.cellClass(column: column, row: row) {
                    case let .zone(z):
                        // No edge may touch the closed cell, and every point is in z.
                        direct += 1
                        let edgeTouches = shapes.contains { shape in
                            shape.lo.indices.contains {
                                touches(shape.lo[$0], shape.hi[$0], x0: x0, y0: y0, x1: x0 + grid.cellWidth, y1: y0 + grid.cellHeight)
                            }
                        }
                        if edgeTouches || owners.contains(where: { $0 != z }) { wrong += 1 }
                    case let .candidates(list):
                        tested += 1
                        if list != list.sorted() || Set(list).count != list.count { wrong += 1 }
                        if owners.contains(where: { $0 != nil && !list.contains($0!) }) { wrong += 1 }
                    }
                    for (k, owner) in owners.enumerated() {
                        let p = GridPoint(x: x0 + Int64(k) % grid.cellWidth, y: y0 + Int64(k) / grid.cellWidth)
                        if index.locate(p).zone != owner { wrong += 1 }
                    }
                }
            }
        }
        #expect(wrong == 0)
        #expect(direct > 20_000)
        #expect(tested > 5_000)
    }
}
