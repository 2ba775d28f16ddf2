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

/// The boundary rule: every point of a tiled area belongs to exactly one zone, on shared
/// edges, at shared vertices, on hole boundaries, in MultiPolygon parts and in enclaves.
@Suite struct ZoneBoundaryRuleTests {
    private func zone(_ id: String, _ polygons: [[[(Int64, Int64)]]]) -> ZoneMap.Zone {
        ZoneMap.Zone(id: id, level: .primary, schools: ["S"],
                     polygons: polygons.map { $0.map { $0.map { GridPoint(x: $0.0, y: $0.1) } } },
                     location: SourceLocation(file: "t"))
    }

    private func square(_ x0: Int64, _ y0: Int64, _ x1: Int64, _ y1: Int64) -> [(Int64, Int64)] {
        [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    }

    /// Checks that every lattice point of [x0, x1) × [y0, y1) is in exactly one zone and
    /// every other point of the surrounding box in none, by each zone's own test and by the index.
    private func expectTiling(_ zones: [ZoneMap.Zone], x0: Int64, y0: Int64, x1: Int64, y1: Int64) {
        let shapes = zones.map(ZoneShape.init)
        let index = ZoneIndex(zones: zones, nearBoundaryMetres: 0)
        var wrong = 0
        for x in (x0 - 2)...(x1 + 2) {
            for y in (y0 - 2)...(y1 + 2) {
                let p = GridPoint(x: x, y: y)
                let owners = shapes.indices.filter { shapes[$0].contains(p) }
                let inside = x0 <= x && x < x1 && y0 <= y && y < y1
                if owners.count != (inside ? 1 : 0) || index.locate(p).zone != owners.first { wrong += 1 }
            }
        }
        #expect(wrong == 0)
    }

    @Test func fourZonesAroundAVertex() {
        let zones = [zone("SW", [[square(-10, -10, 0, 0)]]), zone("SE", [[square(0, -10, 10, 0)]]),
                     zone("NW", [[square(-10, 0, 0, 10)]]), zone("NE", [[square(0, 0, 10, 10)]])]
        expectTiling(zones, x0: -10, y0: -10, x1: 10, y1: 10)
        let index = ZoneIndex(zones: zones)
        // The point is taken as (ε, ε²): east and north of the vertex, so in NE.
        #expect(index.locate(GridPoint(x: 0, y: 0)).zone == 3)
        // On the shared edge x = 0 the point goes east; on y = 0 it goes north.
        #expect(index.locate(GridPoint(x: 0, y: -5)).zone == 1)
        #expect(index.locate(GridPoint(x: -5, y: 0)).zone == 2)
    }

    @Test func threeZonesAroundAVertexWithSlantedEdges() {
        let zones = [zone("S", [[[(0, 0), (-10, -10), (10, -10)]]]),
                     zone("E", [[[(0, 0), (10, -10), (10, 10), (0, 10)]]]),
                     zone("W", [[[(0, 0), (0, 10), (-10, 10), (-10, -10)]]])]
        expectTiling(zones, x0: -10, y0: -10, x1: 10, y1: 10)
        // On the slanted edge from (0,0) to (10,−10) the point is pushed east: into E.
        #expect(ZoneIndex(zones: zones).locate(GridPoint(x: 5, y: -5)).zone == 1)
        #expect(ZoneIndex(zones: zones).locate(GridPoint(x: 0, y: 0)).zone == 1)
    }

    @Test func holeEnclaveAndTwoPartZone() {
        // A has a hole filled by the enclave B; C has two parts on either side of A.
        let zones = [zone("A", [[square(-10, -10, 10, 10), square(-4, -4, 4, 4)]]),
                     zone("B", [[square(-4, -4, 4, 4)]]),
                     zone("C", [[square(10, -10, 14, 10)], [square(-14, -10, -10, 10)]])]
        expectTiling(zones, x0: -14, y0: -10, x1: 14, y1: 10)
        let index = ZoneIndex(zones: zones)
        #expect(index.locate(GridPoint(x: -4, y: 0)).zone == 1)
        #expect(index.locate(GridPoint(x: 4, y: 0)).zone == 0)
        #expect(index.locate(GridPoint(x: 0, y: 4)).zone == 0)
        #expect(index.locate(GridPoint(x: 0, y: -4)).zone == 1)
        #expect(index.locate(GridPoint(x: -12, y: 3)).zone == 2)
        #expect(index.locate(GridPoint(x: 10, y: 3)).zone == 2)
        #expect(index.locate(GridPoint(x: -10, y: 3)).zone == 0)
    }

    @Test func ringOrientationDoesNotMatter() {
        let clockwise = zone("A", [[square(0, 0, 10, 10).reversed()]])
        let counter = zone("A", [[square(0, 0, 10, 10)]])
        let a = ZoneShape(clockwise), b = ZoneShape(counter)
        for x: Int64 in -1...11 {
            for y: Int64 in -1...11 {
                let p = GridPoint(x: x, y: y)
                #expect(a.contains(p) == b.contains(p))
            }
        }
    }
}
