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

/// Zoning on six real districts (Tests/EnrollmentTests/RealMap/README.md).
@Suite struct RealMapZoningTests {
    func map() throws -> ZoneMap {
        let url = packageRoot.appendingPathComponent("Tests/EnrollmentTests/RealMap/districts.geojson")
        return try ZoneMap.read([UInt8](try Data(contentsOf: url)), file: "districts.geojson")
    }

    /// Points (in 1e-7 degree) on shared vertices and edges, in the hole, on the island and
    /// at sea, with the zone the boundary rule gives (nil: none).
    static let cases: [(String, Int64, Int64, String?)] = [
        ("vertex of 140302/140303/140311", 1135677600, 378751070, "140311"),
        ("vertex of 140302/140303/140311", 1135605100, 378552430, "140302"),
        ("vertex of 820001/820002/820003", 1135554330, 222007430, "820001"),
        ("vertex of 140303/140311", 1134975210, 378784060, "140303"),
        ("vertex of 140303/140311", 1135087770, 378763740, "140303"),
        ("vertex of 820001/820002", 1135406230, 222018710, "820002"),
        ("vertex of 820001/820002", 1135505580, 222045530, "820001"),
        ("vertex of 140302/140303", 1135683580, 378602390, "140302"),
        ("vertex of 140302/140311", 1136062010, 378403890, "140311"),
        ("edge of 140303/140311", 1134977355, 378780380, "140303"),
        ("edge of 140303/140311", 1135106740, 378787870, "140311"),
        ("edge of 820002/820003", 1135486485, 221949725, "820003"),
        ("edge of 820001/820003", 1135596140, 221954740, "820001"),
        ("edge of 140302/140311", 1136036440, 378417050, "140302"),
        ("hole of 140311", 1135431526, 378728450, "140303"),
        ("island of 820001", 1135812722, 221978415, "820001"),
        ("main part of 820001", 1135673825, 221983295, "820001"),
        ("sea", 1136000000, 221700000, nil),
    ]

    @Test func readsCleanAndPlacesEdgeVertexHoleAndIslandPoints() throws {
        let map = try map()
        #expect(map.zones.count == 6)
        #expect(map.zones.first { $0.id == "140311" }!.polygons[0].count == 2, "郊区 has a hole")
        #expect(map.zones.first { $0.id == "820001" }!.polygons.count == 2, "花地玛堂区 has an island")
        let index = ZoneIndex(zones: map.zones)
        for (what, x, y, expected) in Self.cases {
            let hit = index.locate(GridPoint(x: x, y: y))
            #expect(hit.zone.map { map.zones[$0].id } == expected, "\(what)")
        }
    }

    @Test func indexAgreesWithTheRuleOnALatticeOverEachDistrict() throws {
        let map = try map()
        let index = ZoneIndex(zones: map.zones)
        let shapes = map.zones.map(ZoneShape.init)
        var random = SplitMix64(seed: 14)
        for shape in shapes {
            for _ in 0..<400 {
                let p = GridPoint(x: shape.minX + Int64(random.next() % UInt64(shape.maxX - shape.minX + 1)),
                                  y: shape.minY + Int64(random.next() % UInt64(shape.maxY - shape.minY + 1)))
                #expect(index.locate(p).zone == shapes.firstIndex { $0.contains(p) })
            }
        }
    }

    @Test func aShiftedCopyOfADistrictOverlapsItsNeighbours() throws {
        var map = try map()
        // 矿区 moved 50 m north (450 units of latitude) now overlaps 城区 and 郊区 on one side.
        var moved = map.zones[1]
        moved.polygons = moved.polygons.map { $0.map { $0.map { GridPoint(x: $0.x, y: $0.y + 4_500) } } }
        map.zones[1] = moved
        let found = map.overlaps(level: .primary)
        #expect(found.map { [$0.first, $0.second] } == [["140302", "140303"], ["140303", "140311"]])
        let rings = ZoneRings(zones: map.zones)
        for overlap in found {
            let (a, b) = (map.zones.firstIndex { $0.id == overlap.first }!, map.zones.firstIndex { $0.id == overlap.second }!)
            #expect(rings.strictlyContains(zone: a, overlap.point) && rings.strictlyContains(zone: b, overlap.point))
            #expect(overlap.widthMetres > 1 && overlap.widthMetres <= 50.04 * 1.011, "no wider than the 50.04 m shift: \(overlap.widthMetres)")
            #expect(overlap.areaSquareMetres > 1_000)
        }
    }
}
