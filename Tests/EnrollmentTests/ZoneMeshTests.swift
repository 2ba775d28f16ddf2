import Foundation
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

/// The synthetic zone mesh is valid by construction; these tests fail loudly if a change
/// breaks that: every ring simple, no two zones overlapping, the cells (and blocks of cells)
/// tiling the county exactly.
@Suite struct ZoneMeshTests {
    /// The mesh's zones as `ZoneMap.read` (the validator of `enroll validate`) reads them.
    func read(_ zones: [SyntheticCounty.Zone]) throws -> ZoneMap {
        try ZoneMap.read(CaseWriter.zones(zones, coordinateSystem: "GCJ-02"), file: "zones.geojson")
    }

    /// Twice the signed area of a closed ring in grid units (exact: integer coordinates).
    func doubleArea(_ ring: [(lon: Double, lat: Double)]) -> Int64 {
        let points = ring.map { GridPoint(longitude: $0.lon, latitude: $0.lat) }
        var sum: Int64 = 0
        for k in 0..<(points.count - 1) { sum += points[k].x * points[k + 1].y - points[k + 1].x * points[k].y }
        return sum
    }

    func rectangleDoubleArea(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> Int64 {
        let a = GridPoint(longitude: west, latitude: south), b = GridPoint(longitude: east, latitude: north)
        return 2 * (b.x - a.x) * (b.y - a.y)
    }

    /// Grids of several shapes and sizes (skinny cells, a city-size grid, a county in tiny
    /// cells), each under several seeds.
    static let shapes: [(columns: Int, rows: Int, east: Double, north: Double)] = [
        (4, 3, 113.80, 34.85), (1, 1, 113.61, 34.71), (7, 2, 113.61, 34.85), (2, 9, 113.90, 34.72),
        (42, 31, 114.272, 35.1185), (60, 60, 113.63, 34.73),
    ]

    @Test(arguments: 0..<shapes.count, 0..<3)
    func cellsAreSimpleDisjointAndTileTheCounty(shape: Int, seed: Int) throws {
        let s = Self.shapes[shape]
        var random = LotteryStream(seed: "mesh-\(seed)", draw: "synth/geometry")
        let mesh = ZoneMesh(columns: s.columns, rows: s.rows, west: 113.60, south: 34.70, east: s.east, north: s.north,
                            segments: 4, random: &random)
        var zones: [SyntheticCounty.Zone] = []
        var total: Int64 = 0
        for j in 0..<s.rows {
            for i in 0..<s.columns {
                let ring = mesh.ring(i, j)
                let area = doubleArea(ring)
                #expect(area > 0, "cell (\(i), \(j)) is not counter-clockwise")
                total += area
                zones.append(.init(id: "Z\(zones.count)", level: .primary, schools: ["S"], polygons: [[ring]]))
            }
        }
        // The rings are simple and no two cells overlap (else `read` throws and names them)…
        let map = try read(zones)
        #expect(map.zones.count == s.columns * s.rows)
        // …and their areas add up to the county's, so they cover it with no gap.
        #expect(total == rectangleDoubleArea(113.60, 34.70, s.east, s.north))
    }

    @Test(arguments: 0..<3)
    func blocksOfCellsAndAnEnclaveAreValidToo(seed: Int) throws {
        var random = LotteryStream(seed: "blocks-\(seed)", draw: "synth/geometry")
        let (columns, rows) = (23, 17)
        let mesh = ZoneMesh(columns: columns, rows: rows, west: 113.60, south: 34.70, east: 113.968, north: 34.9295,
                            segments: 4, random: &random)
        let targets = (0..<40).map { _ in 1 + 3 * random.unit() }
        let blocks = CellBlock.partition(CellBlock(west: 0, south: 0, east: columns, north: rows), targets: targets,
                                         cellWidth: 0.016, cellHeight: 0.0135) { i, j in Double(1 + (i * 7 + j * 3) % 5) }
        #expect(blocks.count == 40)
        #expect(blocks.reduce(0) { $0 + $1.cellCount } == columns * rows)
        for j in 0..<rows {
            for i in 0..<columns { #expect(blocks.filter { $0.contains(i, j) }.count == 1) }
        }
        var zones = blocks.enumerated().map { k, block in
            SyntheticCounty.Zone(id: "J\(k)", level: .junior, schools: ["S"], polygons: [[mesh.ring(block)]])
        }
        #expect(zones.reduce(0) { $0 + doubleArea($1.polygons[0][0]) } == rectangleDoubleArea(113.60, 34.70, 113.968, 34.9295))
        // Cell (5, 5) with a hole whose enclave is a zone of its own.
        let enclave = mesh.enclave(5, 5)
        zones += [.init(id: "P0", level: .primary, schools: ["S"], polygons: [[mesh.ring(5, 5), enclave]]),
                  .init(id: "P1", level: .primary, schools: ["S"], polygons: [[mesh.ring(6, 5)], [enclave]])]
        #expect(try read(zones).zones.count == 42)
    }

    @Test func theValidatorWouldCatchACrossing() throws {
        // The check the tests above rely on: a cell whose edge is pushed into its neighbour.
        var random = LotteryStream(seed: "mesh-0", draw: "synth/geometry")
        let mesh = ZoneMesh(columns: 2, rows: 1, west: 113.60, south: 34.70, east: 113.80, north: 34.85, segments: 4, random: &random)
        var bulging = mesh.ring(0, 0)
        bulging[6].lon += 0.06
        let zones: [SyntheticCounty.Zone] = [.init(id: "A", level: .primary, schools: ["S"], polygons: [[bulging]]),
                                             .init(id: "B", level: .primary, schools: ["S"], polygons: [[mesh.ring(1, 0)]])]
        #expect(throws: Diagnostics.self) { try read(zones) }
    }
}
