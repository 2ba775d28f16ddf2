import Foundation
import EnrollmentZones

/// A map of attendance zones as SVG text, drawn from the zones' polygons (`zones.geojson`) for
/// the site published before the draw: each zone filled in its own colour with its id written
/// inside it, the schools as dots with their ids, deterministic and without scripts.
///
/// Longitude and latitude are drawn equirectangular, longitude scaled by the cosine of the
/// map's middle latitude (true to shape at a county's size), `width` pixels wide; coordinates
/// are written with one decimal; a point that rounds onto the one before it, and the point
/// that closes a ring, are left out (`Z` closes it).
struct ZoneMapSVG: Sendable {
    var title: String
    var zones: [ZoneMap.Zone]
    /// The schools to mark: id and position (longitude, latitude); those without one are left out.
    var schools: [(id: String, point: GridPoint)]
    var width: Double

    init(title: String, zones: [ZoneMap.Zone], schools: [(id: String, point: GridPoint)], width: Double = 960) {
        self.title = title
        self.zones = zones
        self.schools = schools
        self.width = width
    }

    /// The SVG document (with its XML declaration), or nil when no zone has a point.
    /// - Complexity: O(vertices) for the outlines, plus the label search per zone (at most
    ///   `labelBudget` cells × its edges).
    var svg: String? {
        let points = zones.flatMap { $0.polygons.joined().joined() } + schools.map(\.point)
        guard let first = points.first else { return nil }
        var (minX, maxX, minY, maxY) = (first.x, first.x, first.y, first.y)
        for p in points {
            (minX, maxX) = (min(minX, p.x), max(maxX, p.x))
            (minY, maxY) = (min(minY, p.y), max(maxY, p.y))
        }
        let middle = (Double(minY) + Double(maxY)) / 2 / GridPoint.unitsPerDegree * .pi / 180
        let spanX = max(1, Double(maxX - minX) * cos(middle)), spanY = max(1, Double(maxY - minY))
        let margin = 12.0, scale = (width - 2 * margin) / spanX
        let height = (spanY * scale + 2 * margin).rounded(.up)
        func project(_ p: GridPoint) -> SIMD2<Double> {
            SIMD2(margin + Double(p.x - minX) * cos(middle) * scale, margin + Double(maxY - p.y) * scale)
        }
        let w = SVGChart.number(width), h = SVGChart.number(height)
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        s += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" font-family=\"sans-serif\" font-size=\"14\" aria-label=\"\(HTMLText.escape(title))\">"
        s += "<title>\(HTMLText.escape(title))</title>"
        var labels = ""
        for (k, zone) in zones.enumerated() {
            let colour = SVGChart.palette[k % SVGChart.palette.count]
            var path = "", segments: [(SIMD2<Double>, SIMD2<Double>)] = []
            for ring in zone.polygons.joined() {
                var last: (Int, Int)?
                var drawn: [SIMD2<Double>] = []
                for (k, point) in ring.enumerated() where k == 0 || k < ring.count - 1 || point != ring[0] {
                    let q = project(point), tenths = (Int((q.x * 10).rounded()), Int((q.y * 10).rounded()))
                    if let last, last == tenths { continue }
                    path += (drawn.isEmpty ? "M" : "L") + SVGChart.number(q.x) + " " + SVGChart.number(q.y)
                    drawn.append(q)
                    last = tenths
                }
                path += "Z"
                for (a, b) in zip(drawn, drawn.dropFirst() + drawn.prefix(1)) { segments.append((a, b)) }
            }
            s += "<path d=\"\(path)\" fill=\"\(colour)\" fill-opacity=\"0.3\" stroke=\"\(colour)\" stroke-width=\"1.5\" fill-rule=\"evenodd\">"
            s += "<title>\(HTMLText.escape(zone.name.map { "\(zone.id) \($0)" } ?? zone.id)): \(HTMLText.escape(zone.schools.joined(separator: ", ")))</title></path>"
            let label = InscribedCircle.largest(segments, precision: 2, relative: 0.1, budget: Self.labelBudget).centre
            labels += "<text x=\"\(SVGChart.number(label.x))\" y=\"\(SVGChart.number(label.y + 5))\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#222\">\(HTMLText.escape(zone.id))</text>"
        }
        for school in schools {
            let q = project(school.point)
            labels += "<circle cx=\"\(SVGChart.number(q.x))\" cy=\"\(SVGChart.number(q.y))\" r=\"4\" fill=\"#c00\"/>"
            labels += "<text x=\"\(SVGChart.number(q.x + 6))\" y=\"\(SVGChart.number(q.y - 6))\" font-size=\"12\" fill=\"#600\">\(HTMLText.escape(school.id))</text>"
        }
        return s + labels + "</svg>\n"
    }

    /// The most cells the search for a zone's label position examines.
    static var labelBudget: Int { 400 }
}
