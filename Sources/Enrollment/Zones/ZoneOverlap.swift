import Foundation
import EnrollmentVocabulary

/// Two zones of the same level that share area: a data error, since a home must fall in
/// exactly one zone of each level — unless the policy accepts it as digitising noise
/// (`overlap_tolerance_metres`, see docs/ZONING.md).
package struct ZoneOverlap: Sendable, Equatable, CustomStringConvertible {
    /// The level of both zones.
    package var level: SchoolLevel
    /// The `zone_id` that comes first in the file.
    package var first: String
    /// The `zone_id` that comes later in the file.
    package var second: String
    /// A point strictly inside both zones (not on either boundary); for an overlap too thin
    /// to hold any grid point (under about a centimetre), a point of its edge.
    package var point: GridPoint
    /// The overlap's area in square metres (all its parts).
    package var areaSquareMetres: Double
    /// The diameter in metres of the largest circle that fits in the overlap (its widest
    /// part), rounded up by at most 1 cm or 1 % (more only for a band so long and even that
    /// 100,000 cells of the search do not settle it): never less than the true width.
    package var widthMetres: Double
    /// The overlap's bounding box: every point of it lies within `southWest...northEast`.
    package var southWest: GridPoint
    package var northEast: GridPoint

    package init(level: SchoolLevel, first: String, second: String, point: GridPoint, areaSquareMetres: Double, widthMetres: Double,
                southWest: GridPoint, northEast: GridPoint) {
        self.level = level
        self.first = first
        self.second = second
        self.point = point
        self.areaSquareMetres = areaSquareMetres
        self.widthMetres = widthMetres
        self.southWest = southWest
        self.northEast = northEast
    }

    /// `at most 0.84 m wide over 12.5 m²`: width and area as a clerk reads them.
    package var extent: String {
        "\(ZoneOverlap.metres(widthMetres)) m wide at most, \(ZoneOverlap.metres(areaSquareMetres)) m² in all"
    }

    package var description: String {
        "zones \(first) and \(second) overlap at \(point) (\(extent))"
    }

    /// Two decimals below 100, whole numbers above.
    package static func metres(_ value: Double) -> String {
        value < 100 ? String(format: "%.2f", value) : String(Int(value.rounded()))
    }
}

extension ZoneMap {
    /// Every pair of zones of `level` that overlap with positive area, in file order of the
    /// pairs, each with a witness point, its area and its width.
    ///
    /// Method (exact, see docs/ZONING.md): every edge is cut where another zone's boundary
    /// touches or crosses it (edges bucketed in `SegmentBuckets`, so only edges that share a
    /// small cell are compared). On each piece the zones covering either side are counted:
    /// the zones whose edges run along the piece cover the side their interior lies on; any
    /// other zone covers both sides or neither, found by one exact test at the piece's middle
    /// against the zones `ZoneIndex` lists around it. A side covered twice is an overlap; the
    /// pieces bounding it give its area (shoelace formula) and its width (largest inscribed
    /// circle). Touching along edges or at vertices is not an overlap.
    /// - Complexity: O(n log n + k) for n edges and k contacts between them on maps drawn like
    ///   real ones (plus, per piece, one test of each other zone with an edge in its cell).
    package func overlaps(level: SchoolLevel) -> [ZoneOverlap] {
        let selected = zones.filter { $0.level == level }
        guard selected.count > 1 else { return [] }
        var finder = ZoneOverlapFinder(zones: selected)
        return finder.find().map { found in
            ZoneOverlap(level: level, first: selected[found.first].id, second: selected[found.second].id, point: found.point,
                        areaSquareMetres: found.area, widthMetres: found.width, southWest: found.southWest, northEast: found.northEast)
        }
    }
}
