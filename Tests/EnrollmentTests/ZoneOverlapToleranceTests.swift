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

/// Overlap extents, the policy's `overlap_tolerance_metres`, and the ring check on long rings.
@Suite struct ZoneOverlapToleranceTests {
    private func zone(_ id: String, _ x0: Int64, _ y0: Int64, _ x1: Int64, _ y1: Int64) -> ZoneMap.Zone {
        ZoneMap.Zone(id: id, level: .primary, schools: ["S"],
                     polygons: [[[GridPoint(x: x0, y: y0), GridPoint(x: x1, y: y0), GridPoint(x: x1, y: y1), GridPoint(x: x0, y: y1)]]],
                     location: SourceLocation(file: "t"))
    }

    @Test func overlapAreaAndWidth() {
        let map = ZoneMap(coordinateSystem: nil, zones: [
            zone("A", 0, 0, 100, 100), zone("B", 50, 50, 150, 150),      // a 50-unit square in common
            zone("E", 400, 0, 500, 100), zone("F", 420, 20, 440, 40),    // F (20 units) inside E
            zone("G", 600, 0, 700, 100), zone("H", 690, 0, 800, 100),    // a strip 10 units wide
        ])
        let found = map.overlaps(level: .primary)
        #expect(found.map { [$0.first, $0.second] } == [["A", "B"], ["E", "F"], ["G", "H"]])
        let unit = LocalMetric.metresPerUnitY   // at latitude 0 both axes span this
        let sides: [(Double, Double)] = [(50, 50), (20, 20), (10, 100)]
        for (overlap, (side, length)) in zip(found, sides) {
            #expect(abs(overlap.areaSquareMetres - side * length * unit * unit) < 1e-9, "\(overlap)")
            #expect(overlap.widthMetres >= side * unit - 1e-9 && overlap.widthMetres <= side * unit * 1.01 + 0.0101, "\(overlap)")
        }
        #expect(found[2].southWest == GridPoint(x: 690, y: 0) && found[2].northEast == GridPoint(x: 700, y: 100))
    }

    /// Two zones drawn separately near 34.7° N: B's west side lies 300 units (2.74 m) inside A.
    private let sliver = """
    {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"zone_id": "A", "level": "primary", "schools": "P1"}, "geometry": {"type": "Polygon", "coordinates": [[[113.600, 34.70], [113.610, 34.70], [113.610, 34.71], [113.600, 34.71], [113.600, 34.70]]]}},
    {"type": "Feature", "properties": {"zone_id": "B", "level": "primary", "schools": "P2"}, "geometry": {"type": "Polygon", "coordinates": [[[113.60997, 34.70], [113.620, 34.70], [113.620, 34.71], [113.60997, 34.71], [113.60997, 34.70]]]}}
    ]}
    """

    @Test func aSliverIsRefusedByDefaultAndAcceptedUnderTheTolerance() throws {
        do {
            _ = try ZoneMap.read(Array(sliver.utf8), file: "zones.geojson", overlapToleranceMetres: 1)
            Issue.record("the sliver should be refused")
        } catch let problems as Diagnostics {
            #expect(problems.items.count == 1)
            let message = problems.items[0].description
            #expect(message.hasPrefix("zones.geojson:3:1: primary zones A and B overlap, for example at 113.6"))
            #expect(message.contains(" (2.") && message.contains(" m wide at most, 30"))
            #expect(message.hasSuffix("; a home must fall in one zone only and the policy accepts only overlaps narrower than 1.00 m (overlap_tolerance_metres)"))
        }
        let map = try ZoneMap.read(Array(sliver.utf8), file: "zones.geojson", overlapToleranceMetres: 5)
        #expect(map.acceptedOverlaps.map { [$0.first, $0.second] } == [["A", "B"]])
        // Never under the true 2.742 m, over it by a few per cent at most.
        #expect(map.acceptedOverlaps[0].widthMetres >= 2.742 && map.acceptedOverlaps[0].widthMetres < 2.742 * 1.03)
    }

    @Test func aHomeInAnAcceptedOverlapGoesWhereItLiesDeeper() throws {
        let files = [
            "schools.csv": "school_id,name,level,capacity\nP1,一小,primary,10\nP2,二小,primary,10\n",
            "policy.json": #"{"coordinate_system": "WGS-84", "overlap_tolerance_metres": 5}"#,
            "zones.geojson": sliver,
            "primary-applicants.csv": """
            student_id,name,gender,birth_date,lon,lat,residence
            H1,甲,M,2019-09-01,113.60999,34.705,hukou
            H2,乙,F,2019-09-01,113.60998,34.705,hukou
            H3,丙,F,2019-09-01,113.605,34.705,hukou

            """,
        ]
        let loaded = try CaseFolder(url: try caseFolder(files)).load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let c = loaded.admissionCase
        let result = ZoneAssigner(admissionCase: c, level: .primary).assign(c.primaryApplicants)
        #expect(result.map(\.zoneID) == ["B", "A", "A"])
        #expect(result[0].note.hasPrefix("in an overlap of zones accepted as digitising noise (overlap_tolerance_metres; A/B 2."))
        #expect(result[0].note.hasSuffix("): placed in B, 1.83 m inside it, rather than A (0.91 m inside)"))
        #expect(result[1].note.hasSuffix("): placed in A, 1.83 m inside it, rather than B (0.91 m inside)"))
        #expect(result[0].publicNotes == [.overlap(zone: "B", metres: "1.83", others: ["A"])])
        #expect(result[1].publicNotes == [.overlap(zone: "A", metres: "1.83", others: ["B"])])
        #expect(result[2].note.isEmpty)
        #expect(result[0].nearBoundary && result[1].nearBoundary)
    }

    @Test func theToleranceIsAPolicyKeyFrom0To100Metres() {
        #expect(PolicyFile.read(Array(#"{"overlap_tolerance_metres": 2.5}"#.utf8)).policy.overlapToleranceMetres == 2.5)
        #expect(PolicyFile.read(Array("{}".utf8)).policy.overlapToleranceMetres == 0)
        let (_, problems) = PolicyFile.read(Array(#"{"overlap_tolerance_metres": 150}"#.utf8))
        #expect(problems.map(\.description) == ["policy.json:1:30: overlap_tolerance_metres must be a number of metres from 0 to 100"])
    }

    @Test func longRingsAreCheckedThroughTheBuckets() {
        // A regular 200-gon (integer vertices) is simple; swapping vertices 10 and 11 makes
        // edges 9 and 11 cross, reported at vertex 9 as the pairwise check would.
        let ring = (0..<200).map { k -> GridPoint in
            let angle = Double(k) / 200 * 2 * Double.pi
            return GridPoint(x: Int64((cos(angle) * 1_000_000).rounded()), y: Int64((sin(angle) * 1_000_000).rounded()))
        }
        #expect(ZoneMapReader.selfIntersection(ring) == nil)
        var crossed = ring
        crossed.swapAt(10, 11)
        #expect(ZoneMapReader.selfIntersection(crossed) == crossed[9])
        // A ring that comes back to touch one of its own vertices: edges 99–100 and 149–150
        // share the point of vertex 100.
        var touching = ring
        touching[150] = ring[100]
        #expect(ZoneMapReader.selfIntersection(touching) == touching[99])
    }
}
