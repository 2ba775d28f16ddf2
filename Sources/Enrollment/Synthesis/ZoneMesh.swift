import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines

/// A partition of a rectangle into `columns × rows` cells with jittered corners and wiggly
/// shared edges, for synthetic attendance zones that look like real ones.
///
/// Every edge is generated once and used by both cells beside it (reversed on one side),
/// and every coordinate is rounded to 1e-6 degree, so shared boundaries are identical to
/// the last digit in the written GeoJSON. Cells never overlap and leave no gap.
package struct ZoneMesh {
    package typealias Point = (lon: Double, lat: Double)

    package let columns: Int
    package let rows: Int
    /// The corner grid: `corners[i][j]` for i in 0...columns, j in 0...rows.
    package let corners: [[Point]]
    /// Horizontal edge (i, j): from corner (i, j) to (i+1, j), inclusive of both ends.
    package let horizontal: [[[Point]]]
    /// Vertical edge (i, j): from corner (i, j) to (i, j+1), inclusive of both ends.
    package let vertical: [[[Point]]]

    /// - Parameters:
    ///   - segments: pieces each cell side is cut into (≥ 1); interior points are jittered
    ///     sideways by at most 6 % of the side's length.
    package init<R: RandomDraw>(columns: Int, rows: Int, west: Double, south: Double, east: Double, north: Double,
                        segments: Int, random: inout R) {
        self.columns = columns
        self.rows = rows
        let dx = (east - west) / Double(columns), dy = (north - south) / Double(rows)
        var corners: [[Point]] = []
        for i in 0...columns {
            var column: [Point] = []
            for j in 0...rows {
                var lon = west + Double(i) * dx, lat = south + Double(j) * dy
                if i > 0, i < columns { lon += (random.unit() - 0.5) * 0.4 * dx }
                if j > 0, j < rows { lat += (random.unit() - 0.5) * 0.4 * dy }
                column.append((Self.round(lon), Self.round(lat)))
            }
            corners.append(column)
        }
        func edge(_ a: Point, _ b: Point, border: Bool, random: inout R) -> [Point] {
            var points = [a]
            let (ex, ey) = (b.lon - a.lon, b.lat - a.lat)
            for k in 1..<max(segments, 1) {
                let t = Double(k) / Double(segments)
                let sideways = border ? 0 : (random.unit() - 0.5) * 0.12
                points.append((Self.round(a.lon + t * ex - sideways * ey), Self.round(a.lat + t * ey + sideways * ex)))
            }
            points.append(b)
            return points
        }
        var horizontal: [[[Point]]] = [], vertical: [[[Point]]] = []
        for i in 0...columns {
            var h: [[Point]] = [], v: [[Point]] = []
            for j in 0...rows {
                if i < columns { h.append(edge(corners[i][j], corners[i + 1][j], border: j == 0 || j == rows, random: &random)) }
                if j < rows { v.append(edge(corners[i][j], corners[i][j + 1], border: i == 0 || i == columns, random: &random)) }
            }
            horizontal.append(h)
            vertical.append(v)
        }
        self.corners = corners
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// The closed outer ring of cell (i, j), counter-clockwise, first point repeated last.
    package func ring(_ i: Int, _ j: Int) -> [Point] {
        var ring = horizontal[i][j]
        ring += vertical[i + 1][j].dropFirst()
        ring += horizontal[i][j + 1].reversed().dropFirst()
        ring += vertical[i][j].reversed().dropFirst()
        return ring
    }

    /// A point of cell (i, j) by bilinear interpolation of its corners (u, v in 0...1).
    package func point(_ i: Int, _ j: Int, u: Double, v: Double) -> Point {
        let a = corners[i][j], b = corners[i + 1][j], c = corners[i + 1][j + 1], d = corners[i][j + 1]
        let lon = (1 - u) * (1 - v) * a.lon + u * (1 - v) * b.lon + u * v * c.lon + (1 - u) * v * d.lon
        let lat = (1 - u) * (1 - v) * a.lat + u * (1 - v) * b.lat + u * v * c.lat + (1 - u) * v * d.lat
        return (Self.round(lon), Self.round(lat))
    }

    /// Rounds to 1e-6 degree (about 0.1 m), the precision files are written with.
    package static func round(_ x: Double) -> Double {
        (x * 1e6).rounded() / 1e6
    }
}
