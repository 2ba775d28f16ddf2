import EnrollmentIO
import EnrollmentVocabulary

/// Attendance zones drawn as polygons (a zone map, 划片图), read from GeoJSON by
/// `ZoneMap.read(_:file:)`.
///
/// Each zone is one or more polygons with holes, in `GridPoint` units. A valid map has
/// unique `zone_id`s per level, simple closed rings, and no two zones of the same level
/// overlapping (see `ZoneMap.overlaps(level:)`).
package struct ZoneMap: Sendable, Equatable {
    /// The geodetic datum of the coordinates. Chinese web maps publish GCJ-02
    /// (“Mars coordinates”), GPS and OpenStreetMap give WGS-84, official surveying uses
    /// CGCS2000 (within centimetres of WGS-84 but still declared separately). The tool never
    /// converts between them: a map whose datum differs from the one the policy expects is
    /// refused, because GCJ-02 is offset from WGS-84 by hundreds of metres.
    package enum CoordinateSystem: String, Sendable, Hashable, CaseIterable {
        case wgs84 = "WGS-84"
        case gcj02 = "GCJ-02"
        case cgcs2000 = "CGCS2000"
    }

    /// One zone: its identity and its shape.
    package struct Zone: Sendable, Equatable {
        /// `zone_id`, unique within its level.
        package var id: String
        /// The school stage the zone is for (primary or junior, never high). Zones of different
        /// levels may overlap freely.
        package var level: SchoolLevel
        /// The schools serving the zone, in the order given; more than one makes it a
        /// multi-school zone (多校划片).
        package var schools: [String]
        package var name: String?
        /// The parts (one for a Polygon, several for a MultiPolygon); each part is its outer
        /// ring followed by its holes. Rings are closed implicitly: the repeated last
        /// position of GeoJSON is dropped, so a ring of n positions has n − 1 points.
        package var polygons: [[[GridPoint]]]
        /// Where the zone's Feature starts in the file.
        package var location: SourceLocation

        package init(id: String, level: SchoolLevel, schools: [String], name: String? = nil,
                    polygons: [[[GridPoint]]], location: SourceLocation) {
            self.id = id
            self.level = level
            self.schools = schools
            self.name = name
            self.polygons = polygons
            self.location = location
        }

        /// Every boundary edge of every ring as (start, end) in ring order.
        /// - Complexity: O(vertices).
        package var edges: [(GridPoint, GridPoint)] {
            var result: [(GridPoint, GridPoint)] = []
            for polygon in polygons {
                for ring in polygon {
                    for i in ring.indices {
                        result.append((ring[i], ring[(i + 1) % ring.count]))
                    }
                }
            }
            return result
        }
    }

    /// The datum declared by the top-level `coordinate_system` member, or nil when the file
    /// does not declare one.
    package var coordinateSystem: CoordinateSystem?
    /// The zones in file order.
    package var zones: [Zone]
    /// Overlaps the policy accepts as digitising noise (narrower than its
    /// `overlap_tolerance_metres`), by level, then file order of the pairs.
    package var acceptedOverlaps: [ZoneOverlap]

    package init(coordinateSystem: CoordinateSystem?, zones: [Zone], acceptedOverlaps: [ZoneOverlap] = []) {
        self.coordinateSystem = coordinateSystem
        self.zones = zones
        self.acceptedOverlaps = acceptedOverlaps
    }

    /// The zones of one level, in file order.
    package func zones(level: SchoolLevel) -> [Zone] {
        zones.filter { $0.level == level }
    }

    /// Checks the declared datum against the one the policy expects. A map that declares
    /// none is accepted as the policy's (the clerk is responsible); a map that declares
    /// another one is refused — coordinates are never shifted silently.
    /// - Throws: `Diagnostic` at the start of the file when they differ.
    package func checkCoordinateSystem(expected: CoordinateSystem, file: String) throws(Diagnostic) {
        if let declared = coordinateSystem, declared != expected {
            throw Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                             "coordinate_system is \(declared.rawValue) but the policy expects \(expected.rawValue); convert the map (this tool never shifts coordinates)")
        }
    }
}
