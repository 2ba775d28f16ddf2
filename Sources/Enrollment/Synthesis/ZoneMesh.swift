import EnrollmentEngines

/// A partition of a rectangle into `columns × rows` cells with jittered corners and wiggly
/// shared edges, for synthetic attendance zones that look like real ones and are valid at any
/// size: no ring touches or crosses itself, no two cells overlap, and together they tile the
/// rectangle.
///
/// Why it is valid, by construction:
/// - Corners sit on a lattice, each moved by at most 20 % of the cell's width (east–west) and
///   height (north–south); corners on the outline move only along it. Each cell is then a
///   convex quadrilateral (an affine image of a square whose corners moved by at most 0.2 of
///   its side: a corner would have to move 0.71 of a side, relative to the diagonal of its
///   neighbours, to make the cell non-convex).
/// - Each cell is cut into four **fan triangles** from its centre C (the mean of its
///   corners) to its sides. An inner edge from corner A to corner B gets `segments − 1`
///   interior points, at A + t(B − A) for t = 1/segments, 2/segments, …, each moved across the
///   edge toward the centre of one of its two cells, by at most `wiggle` (0.3) of the room
///   the fan triangle (A, B, C) of that cell leaves there. The room is bounded below without
///   square roots: at t, a point moved s × (B − A) turned left stays in the triangle if
///   |s| ≤ cross(B − A, C − A) · min(t, 1 − t) / max(|dot|, |L² − dot|), dot = (C − A)·(B − A),
///   L² = |B − A|². So every edge is a polyline monotone along AB (never crossing itself) that
///   stays inside its two fan triangles, touching their outline only at A and B; fan
///   triangles of different edges meet only along the spokes from centres to corners, so two
///   edges meet only at a common corner, and the ring of a cell (or of a rectangle of cells)
///   is simple.
/// - Every edge is generated once and used by both cells beside it (reversed on one side),
///   and every coordinate is rounded to 1e-6 degree, so shared boundaries are identical to
///   the last digit in the written GeoJSON. Rounding moves a point by at most 0.71e-6 degree,
///   far less than its distance to the fan triangles' outline for cells wider than about
///   0.0005 degree (50 m).
///
/// Only +, −, ×, ÷ and rounding are used, so the mesh is the same on every machine.
struct ZoneMesh {
    typealias Point = (lon: Double, lat: Double)

    let columns: Int
    let rows: Int
    /// The corner grid: `corners[i][j]` for i in 0...columns, j in 0...rows.
    let corners: [[Point]]
    /// Horizontal edge (i, j): from corner (i, j) to (i+1, j), inclusive of both ends.
    let horizontal: [[[Point]]]
    /// Vertical edge (i, j): from corner (i, j) to (i, j+1), inclusive of both ends.
    let vertical: [[[Point]]]

    /// The share of a fan triangle's room an interior point of an edge may take.
    static let wiggle = 0.3

    /// - Parameters:
    ///   - segments: pieces each cell side is cut into (≥ 1); sides on the outline stay straight.
    /// - Complexity: O(columns × rows × segments).
    init<R: RandomDraw>(columns: Int, rows: Int, west: Double, south: Double, east: Double, north: Double,
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
        func centre(_ i: Int, _ j: Int) -> Point {
            let a = corners[i][j], b = corners[i + 1][j], c = corners[i + 1][j + 1], d = corners[i][j + 1]
            return ((a.lon + b.lon + c.lon + d.lon) / 4, (a.lat + b.lat + c.lat + d.lat) / 4)
        }
        /// The edge from a to b between the cells of centres `left` (left of a→b) and `right`,
        /// or straight when it lies on the outline (either is nil).
        func edge(_ a: Point, _ b: Point, left: Point?, right: Point?, random: inout R) -> [Point] {
            var points = [a]
            let (ex, ey) = (b.lon - a.lon, b.lat - a.lat)
            let length2 = ex * ex + ey * ey
            /// The room toward centre `c`: the largest |s| there, per unit of min(t, 1 − t).
            func room(_ c: Point) -> Double {
                let (cx, cy) = (c.lon - a.lon, c.lat - a.lat)
                let cross = abs(ex * cy - ey * cx), dot = cx * ex + cy * ey
                return cross / max(abs(dot), abs(length2 - dot))
            }
            let toLeft = left.map(room) ?? 0, toRight = right.map(room) ?? 0
            for k in 1..<max(segments, 1) {
                let t = Double(k) / Double(segments)
                var s = 0.0
                if left != nil, right != nil {
                    let r = 2 * random.unit() - 1
                    s = r * Self.wiggle * min(t, 1 - t) * (r >= 0 ? toLeft : toRight)
                }
                // s × (B − A) turned left: (−ey, ex).
                points.append((Self.round(a.lon + t * ex - s * ey), Self.round(a.lat + t * ey + s * ex)))
            }
            points.append(b)
            return points
        }
        var horizontal: [[[Point]]] = [], vertical: [[[Point]]] = []
        for i in 0...columns {
            var h: [[Point]] = [], v: [[Point]] = []
            for j in 0...rows {
                if i < columns {
                    // West to east: the cell above is on the left.
                    h.append(edge(corners[i][j], corners[i + 1][j], left: j < rows ? centre(i, j) : nil,
                                  right: j > 0 ? centre(i, j - 1) : nil, random: &random))
                }
                if j < rows {
                    // South to north: the cell to the west is on the left.
                    v.append(edge(corners[i][j], corners[i][j + 1], left: i > 0 ? centre(i - 1, j) : nil,
                                  right: i < columns ? centre(i, j) : nil, random: &random))
                }
            }
            horizontal.append(h)
            vertical.append(v)
        }
        self.corners = corners
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// The closed outer ring of cell (i, j), counter-clockwise, first point repeated last.
    func ring(_ i: Int, _ j: Int) -> [Point] {
        ring(CellBlock(west: i, south: j, east: i + 1, north: j + 1))
    }

    /// The closed outer ring of a block of cells, counter-clockwise, first point repeated last.
    func ring(_ block: CellBlock) -> [Point] {
        var ring: [Point] = [corners[block.west][block.south]]
        for i in block.west..<block.east { ring += horizontal[i][block.south].dropFirst() }
        for j in block.south..<block.north { ring += vertical[block.east][j].dropFirst() }
        for i in (block.west..<block.east).reversed() { ring += horizontal[i][block.north].reversed().dropFirst() }
        for j in (block.south..<block.north).reversed() { ring += vertical[block.west][j].reversed().dropFirst() }
        return ring
    }

    /// A point of cell (i, j) by bilinear interpolation of its corners (u, v in 0...1).
    func point(_ i: Int, _ j: Int, u: Double, v: Double) -> Point {
        let a = corners[i][j], b = corners[i + 1][j], c = corners[i + 1][j + 1], d = corners[i][j + 1]
        let lon = (1 - u) * (1 - v) * a.lon + u * (1 - v) * b.lon + u * v * c.lon + (1 - u) * v * d.lon
        let lat = (1 - u) * (1 - v) * a.lat + u * (1 - v) * b.lat + u * v * c.lat + (1 - u) * v * d.lat
        return (Self.round(lon), Self.round(lat))
    }

    /// A small closed ring well inside cell (i, j), counter-clockwise: the cell's corners
    /// brought to a quarter of their distance from its centre. It lies where no edge can reach
    /// (edges keep within 0.3 of each fan triangle's room from their side; this ring is at
    /// three quarters of it), so it can be a hole of the cell and an enclave of another zone.
    func enclave(_ i: Int, _ j: Int) -> [Point] {
        let quad = [corners[i][j], corners[i + 1][j], corners[i + 1][j + 1], corners[i][j + 1]]
        let centre = (lon: quad.map(\.lon).reduce(0, +) / 4, lat: quad.map(\.lat).reduce(0, +) / 4)
        let ring = quad.map { (Self.round(centre.lon + ($0.lon - centre.lon) / 4), Self.round(centre.lat + ($0.lat - centre.lat) / 4)) }
        return ring + [ring[0]]
    }

    /// Rounds to 1e-6 degree (about 0.1 m), the precision files are written with.
    static func round(_ x: Double) -> Double {
        (x * 1e6).rounded() / 1e6
    }
}
