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

@Suite struct ZoneMapReaderTests {
    private func problems(_ text: String) -> [String] {
        do {
            _ = try ZoneMap.read(Array(text.utf8), file: "zones.geojson")
            return []
        } catch let error as Diagnostics {
            return error.items.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    private func feature(_ properties: String, _ geometry: String) -> String {
        #"{"type": "Feature", "properties": {\#(properties)}, "geometry": \#(geometry)}"#
    }

    private let square = #"{"type": "Polygon", "coordinates": [[[116.0, 39.9], [116.01, 39.9], [116.01, 39.91], [116.0, 39.91], [116.0, 39.9]]]}"#

    @Test func readsZonesWithPropertiesAndHoles() throws {
        let text = """
        {"type": "FeatureCollection", "coordinate_system": "GCJ-02", "features": [
        {"type": "Feature", "properties": {"zone_id": "A", "level": "primary", "schools": ["P1", "P2"], "name": "东区"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], [[0.25, 0.25], [0.75, 0.25], [0.75, 0.75], [0.25, 0.75], [0.25, 0.25]]]}},
        {"type": "Feature", "properties": {"zone_id": "A", "level": "junior", "schools": "J1; J2;"},
         "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 0], [3, 0], [3, 1], [2, 0]]]]}}
        ]}
        """
        let map = try ZoneMap.read(Array(text.utf8), file: "zones.geojson")
        #expect(map.coordinateSystem == .gcj02)
        #expect(map.zones.count == 2)
        let a = map.zones[0]
        #expect(a.id == "A" && a.level == .primary && a.schools == ["P1", "P2"] && a.name == "东区")
        #expect(a.polygons.count == 1 && a.polygons[0].count == 2 && a.polygons[0][1].count == 4)
        #expect(a.polygons[0][1][0] == GridPoint(x: 2_500_000, y: 2_500_000))
        #expect(a.location == SourceLocation(file: "zones.geojson", line: 2, column: 1))
        let j = map.zones[1]
        #expect(j.level == .junior && j.schools == ["J1", "J2"] && j.polygons.count == 2)
        #expect(map.zones(level: .junior).map(\.id) == ["A"])
        #expect(throws: Diagnostic.self) { try map.checkCoordinateSystem(expected: .wgs84, file: "zones.geojson") }
        try map.checkCoordinateSystem(expected: .gcj02, file: "zones.geojson")
        try ZoneMap(coordinateSystem: nil, zones: []).checkCoordinateSystem(expected: .wgs84, file: "z")
    }

    @Test func reportsEveryProblemAtItsPosition() {
        let text = """
        {"type": "FeatureCollection", "coordinate_system": "BD-09", "features": [
        \(feature(#""level": "primary", "schools": ["P1"]"#, square)),
        \(feature(#""zone_id": "B", "level": "senior", "schools": ["P1"]"#, square)),
        \(feature(#""zone_id": "C", "level": "primary", "schools": []"#, square)),
        \(feature(#""zone_id": "D", "level": "primary", "schools": "P""#, #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0.5]]]}"#)),
        \(feature(#""zone_id": "E", "level": "primary", "schools": "P""#, #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [0, 0]]]}"#)),
        \(feature(#""zone_id": "F", "level": "primary", "schools": "P""#, #"{"type": "Polygon", "coordinates": [[[0, 0], [200, 0], [1, 1], [0, 0]]]}"#)),
        \(feature(#""zone_id": "G", "level": "primary", "schools": "P""#, #"{"type": "Polygon", "coordinates": [[[0, 0], ["1", 0], [1, 1], [0, 0]]]}"#)),
        \(feature(#""zone_id": "H", "level": "primary", "schools": "P""#, #"{"type": "MultiPolygon", "coordinates": []}"#)),
        \(feature(#""zone_id": "I", "level": "primary", "schools": "P""#, #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}"#)),
        \(feature(#""zone_id": "J", "level": "primary", "schools": "P""#, #"{"type": "Point", "coordinates": [0, 0]}"#)),
        \(feature(#""zone_id": "K", "level": "primary", "schools": "P""#, square)),
        \(feature(#""zone_id": "K", "level": "primary", "schools": "P""#, square))
        ]}
        """
        #expect(problems(text) == [
            "zones.geojson:1:52: coordinate_system must be one of \"WGS-84\", \"GCJ-02\", \"CGCS2000\"",
            "zones.geojson:2:35: missing zone_id",
            "zones.geojson:3:61: level must be \"primary\" or \"junior\"",
            "zones.geojson:4:83: schools must list at least one school id (an array, or ids separated by ';')",
            "zones.geojson:5:137: the ring is not closed: its last position must repeat the first",
            "zones.geojson:6:137: a ring needs at least 4 positions (the first repeated at the end), found 3",
            "zones.geojson:7:146: position out of range: longitude must be within −180..180 and latitude within −90..90 (is the order [longitude, latitude]?)",
            "zones.geojson:8:146: expected a position: [longitude, latitude] as two numbers",
            "zones.geojson:9:141: empty geometry: the zone has no polygon",
            "zones.geojson:10:137: the ring touches or crosses itself near 0.0000000,0.0000000; draw it as a simple closed line",
            "zones.geojson:11:110: geometry type must be \"Polygon\" or \"MultiPolygon\"",
            "zones.geojson:13:47: zone_id K is used twice for primary zones (first at line 12)",
        ])
    }

    @Test func rejectsWrongTopLevelAndSyntax() {
        #expect(problems("[]") == ["zones.geojson:1:1: expected a GeoJSON FeatureCollection object, found an array"])
        #expect(problems(#"{"type": "FeatureCollection", "features": [1]}"#) == ["zones.geojson:1:44: expected a Feature object, found a number"])
        #expect(problems("{\"type\": \"FeatureCollection\",\n \"features\": [,]}") == ["zones.geojson:2:15: unexpected character ',': expected a value"])
    }

    @Test func overlappingZonesAreReported() {
        let shifted = #"{"type": "Polygon", "coordinates": [[[116.005, 39.905], [116.02, 39.905], [116.02, 39.92], [116.005, 39.92], [116.005, 39.905]]]}"#
        let text = """
        {"type": "FeatureCollection", "features": [
        \(feature(#""zone_id": "A", "level": "primary", "schools": "P1""#, square)),
        \(feature(#""zone_id": "B", "level": "primary", "schools": "P2""#, shifted)),
        \(feature(#""zone_id": "C", "level": "junior", "schools": "J1""#, shifted))
        ]}
        """
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("zones.geojson:3:1: primary zones A and B overlap, for example at 116.00") == true)
    }
}
