import Testing
import Foundation
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

@Suite struct ZoneIndexTests {
    /// An independent reference: winding number of p + (ε, ε²) over every edge of every ring of
    /// every zone, in ring direction, with 128-bit arithmetic.
    private func referenceZone(_ zones: [ZoneMap.Zone], _ p: GridPoint) -> [Int] {
        zones.indices.filter { z in
            var winding = 0
            for (a, b) in zones[z].edges {
                let cross = Int128(b.x - a.x) * Int128(p.y - a.y) - Int128(b.y - a.y) * Int128(p.x - a.x)
                if a.y <= p.y && p.y < b.y && cross > 0 { winding += 1 }
                if b.y <= p.y && p.y < a.y && cross < 0 { winding -= 1 }
            }
            return winding != 0
        }
    }

    private func referenceDistance(_ zone: ZoneMap.Zone, _ p: GridPoint) -> Double {
        let metric = LocalMetric(at: p)
        return zone.edges.map { metric.distance(to: $0.0, $0.1) }.min()!
    }

    private func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? abs(a) : gcd(b, a % b) }

    @Test func agreesWithBruteForceOnRandomAndSnappedHomes() {
        let map = SyntheticZoneMap(columns: 12, rows: 9, origin: GridPoint(longitude: 116.2, latitude: 39.8),
                                   width: 600_000, height: 450_000, pointsPerSide: 3, seed: 7)
        let zones = map.zones
        let index = ZoneIndex(zones: zones, nearBoundaryMetres: 20)
        var random = SplitMix64(seed: 2024)
        var homes: [GridPoint] = []
        for k in 0..<3000 {
            switch k % 4 {
            case 0:
                homes.append(map.vertices[Int(random.next() % UInt64(map.vertices.count))])
            case 1:
                let zone = zones[Int(random.next() % UInt64(zones.count))]
                let edges = zone.edges
                let (a, b) = edges[Int(random.next() % UInt64(edges.count))]
                let g = max(1, gcd(b.x - a.x, b.y - a.y))
                let step = Int64(random.next() % UInt64(g + 1))
                homes.append(GridPoint(x: a.x + (b.x - a.x) / g * step, y: a.y + (b.y - a.y) / g * step))
            default:
                let spanX = UInt64(map.maxX - map.minX + 40_000), spanY = UInt64(map.maxY - map.minY + 40_000)
                homes.append(GridPoint(x: map.minX - 20_000 + Int64(random.next() % spanX),
                                       y: map.minY - 20_000 + Int64(random.next() % spanY)))
            }
        }
        let hits = index.locate(homes)
        var disagreements = 0, onEdges = 0, unzoned = 0, near = 0
        for (p, hit) in zip(homes, hits) {
            let owners = referenceZone(zones, p)
            let inRectangle = map.minX <= p.x && p.x < map.maxX && map.minY <= p.y && p.y < map.maxY
            if owners.count != (inRectangle ? 1 : 0) || hit.zone != owners.first { disagreements += 1; continue }
            if hit != index.locate(p) { disagreements += 1 }
            if let z = hit.zone {
                let d = referenceDistance(zones[z], p)
                if d == 0 { onEdges += 1 }
                if hit.nearBoundary != (d <= 20) { disagreements += 1 }
                if hit.nearBoundary { near += 1 }
            } else {
                unzoned += 1
                let distances = zones.map { referenceDistance($0, p) }
                let best = distances.min()!
                if hit.nearestZone != distances.firstIndex(of: best) || hit.distanceMetres != best { disagreements += 1 }
            }
        }
        #expect(disagreements == 0)
        #expect(onEdges >= 1300)
        #expect(unzoned > 50)
        #expect(near > 1500)
    }

    @Test func nearBoundaryAndUnzonedDistances() {
        let west = 116.0, south = 39.9
        let square: [GridPoint] = [GridPoint(longitude: west, latitude: south), GridPoint(longitude: 116.01, latitude: south),
                                   GridPoint(longitude: 116.01, latitude: 39.91), GridPoint(longitude: west, latitude: 39.91)]
        let zone = ZoneMap.Zone(id: "A", level: .primary, schools: ["S"], polygons: [[square]], location: SourceLocation(file: "t"))
        let index = ZoneIndex(zones: [zone], nearBoundaryMetres: 20)
        // Metres per degree of longitude at 39.905°: 6 371 008.8 · cos φ · π/180 ≈ 85 270.
        let metresPerDegree = 6_371_008.8 * Double.pi / 180
        func east(_ metres: Double) -> GridPoint {
            GridPoint(longitude: west + metres / (metresPerDegree * cos(39.905 * Double.pi / 180)), latitude: 39.905)
        }
        #expect(index.locate(east(10)) == ZoneHit(zone: 0, nearBoundary: true))
        #expect(index.locate(east(19.9)) == ZoneHit(zone: 0, nearBoundary: true))
        #expect(index.locate(east(20.1)) == ZoneHit(zone: 0, nearBoundary: false))
        #expect(index.locate(east(400)) == ZoneHit(zone: 0, nearBoundary: false))
        let outside = index.locate(east(-100))
        #expect(outside.zone == nil && outside.nearBoundary == false && outside.nearestZone == 0)
        #expect(abs(outside.distanceMetres! - 100) < 0.01)
    }

    @Test func batchResultIsIndependentOfSplitting() {
        let map = SyntheticZoneMap(columns: 5, rows: 4, origin: GridPoint(x: 0, y: 0), width: 50_000, height: 40_000, seed: 3)
        let index = ZoneIndex(zones: map.zones)
        var random = SplitMix64(seed: 9)
        let homes = (0..<40_000).map { _ in GridPoint(x: Int64(random.next() % 50_000), y: Int64(random.next() % 40_000)) }
        let batch = index.locate(homes)
        #expect(batch == homes.map(index.locate))
        #expect(batch.allSatisfy { $0.zone != nil })
    }
}

@Suite struct ZoneOverlapTests {
    private func zone(_ id: String, level: SchoolLevel = .primary, _ x0: Int64, _ y0: Int64, _ x1: Int64, _ y1: Int64) -> ZoneMap.Zone {
        ZoneMap.Zone(id: id, level: level, schools: ["S"],
                     polygons: [[[GridPoint(x: x0, y: y0), GridPoint(x: x1, y: y0), GridPoint(x: x1, y: y1), GridPoint(x: x0, y: y1)]]],
                     location: SourceLocation(file: "t"))
    }

    private func witnessIsInBoth(_ map: ZoneMap, _ overlap: ZoneOverlap) -> Bool {
        let a = ZoneShape(map.zones.first { $0.id == overlap.first }!)
        let b = ZoneShape(map.zones.first { $0.id == overlap.second }!)
        return a.strictlyContains(overlap.point) && b.strictlyContains(overlap.point)
    }

    @Test func findsOverlapsWithWitnesses() {
        let map = ZoneMap(coordinateSystem: nil, zones: [
            zone("A", 0, 0, 100, 100), zone("B", 50, 50, 150, 150),      // partial overlap
            zone("C", 200, 0, 300, 100), zone("D", 200, 0, 300, 100),    // identical
            zone("E", 400, 0, 500, 100), zone("F", 420, 20, 440, 40),    // F inside E
            zone("G", 600, 0, 700, 100), zone("H", 700, 0, 800, 100),    // touching along an edge
            zone("I", 700, 100, 800, 200),                                // touching H, G at a vertex
            zone("J", level: .junior, 0, 0, 800, 200),                           // other level: free
        ])
        let found = map.overlaps(level: .primary)
        #expect(found.map { [$0.first, $0.second] } == [["A", "B"], ["C", "D"], ["E", "F"]])
        #expect(found.allSatisfy { witnessIsInBoth(map, $0) })
        let unit2 = LocalMetric.metresPerUnitY * LocalMetric.metresPerUnitY
        #expect(zip(found.map(\.areaSquareMetres), [2_500.0, 10_000, 400]).allSatisfy { abs($0 - $1 * unit2) < 1e-9 })
        #expect(map.overlaps(level: .junior).isEmpty)
    }

    @Test func syntheticTilingHasNoOverlap() {
        let map = SyntheticZoneMap(columns: 8, rows: 6, origin: GridPoint(x: 1_160_000_000, y: 399_000_000),
                                   width: 400_000, height: 300_000, seed: 11)
        let zoneMap = ZoneMap(coordinateSystem: .wgs84, zones: map.zones)
        #expect(zoneMap.overlaps(level: .primary).isEmpty)
        #expect(map.zones.allSatisfy { ZoneMapReader.selfIntersection($0.polygons[0][0]) == nil })
    }
}
