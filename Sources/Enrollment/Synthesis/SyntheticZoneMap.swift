import Foundation
import EnrollmentIO
import EnrollmentZones

/// A made-up zone map for tests and benchmarks: a rectangle cut into `columns × rows`
/// four-sided zones on a jittered grid, each shared side a wiggly line of several vertices
/// that is bit-identical (reversed) in the two zones it separates, so the zones tile the
/// rectangle exactly. Deterministic in `seed`.
package struct SyntheticZoneMap: Sendable {
    /// The zones, in row-major order, ids `Z00001`…, level primary, one school each.
    package let zones: [ZoneMap.Zone]
    /// The rectangle tiled, in grid units.
    package let minX: Int64, minY: Int64, maxX: Int64, maxY: Int64
    /// Every vertex of the map (lattice corners and wiggle points).
    package let vertices: [GridPoint]

    /// - Parameters:
    ///   - columns, rows: the grid (zones = columns × rows).
    ///   - origin: the south-west corner; `width`, `height` in grid units (1e-7 degree).
    ///   - pointsPerSide: interior vertices on every side of a zone.
    ///   - seed: drives the jitter and the wiggles.
    package init(columns: Int, rows: Int, origin: GridPoint, width: Int64, height: Int64,
                pointsPerSide: Int = 4, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let cw = width / Int64(columns), ch = height / Int64(rows)
        minX = origin.x
        minY = origin.y
        maxX = origin.x + cw * Int64(columns)
        maxY = origin.y + ch * Int64(rows)
        func jitter(_ size: Int64, _ share: Double) -> Int64 {
            Int64((Double(random.next() % 2_000_001) / 1_000_000 - 1) * share * Double(size))
        }
        var corner = [[GridPoint]](repeating: [], count: columns + 1)
        for i in 0...columns {
            for j in 0...rows {
                let interiorX = i > 0 && i < columns, interiorY = j > 0 && j < rows
                corner[i].append(GridPoint(x: origin.x + Int64(i) * cw + (interiorX ? jitter(cw, 0.2) : 0),
                                           y: origin.y + Int64(j) * ch + (interiorY ? jitter(ch, 0.2) : 0)))
            }
        }
        // A side from a to b: interior points with a wiggle across the side, none on the outline.
        func side(_ a: GridPoint, _ b: GridPoint, outline: Bool) -> [GridPoint] {
            var points: [GridPoint] = []
            for k in stride(from: 1, through: pointsPerSide, by: 1) {
                let t = Double(k) / Double(pointsPerSide + 1)
                let dx = Double(b.x - a.x), dy = Double(b.y - a.y)
                let amount = outline ? 0 : Double(jitter(1_000_000, 1)) / 1_000_000 * 0.06 * sin(Double.pi * t)
                points.append(GridPoint(x: a.x + Int64((dx * t - dy * amount).rounded()),
                                        y: a.y + Int64((dy * t + dx * amount).rounded())))
            }
            return points
        }
        var east = [[[GridPoint]]](repeating: [], count: columns)
        for i in 0..<columns {
            for j in 0...rows {
                east[i].append(side(corner[i][j], corner[i + 1][j], outline: j == 0 || j == rows))
            }
        }
        var north = [[[GridPoint]]](repeating: [], count: columns + 1)
        for i in 0...columns {
            for j in 0..<rows {
                north[i].append(side(corner[i][j], corner[i][j + 1], outline: i == 0 || i == columns))
            }
        }
        var zones: [ZoneMap.Zone] = []
        var vertices: [GridPoint] = corner.flatMap { $0 }
        for j in 0..<rows {
            for i in 0..<columns {
                var ring = [corner[i][j]] + east[i][j]
                ring += [corner[i + 1][j]] + north[i + 1][j]
                ring += [corner[i + 1][j + 1]] + east[i][j + 1].reversed()
                ring += [corner[i][j + 1]] + north[i][j].reversed()
                vertices += east[i][j] + north[i][j]
                let number = String(j * columns + i + 1)
                let id = "Z" + String(repeating: "0", count: max(0, 5 - number.count)) + number
                zones.append(ZoneMap.Zone(id: id, level: .primary, schools: ["S" + number], polygons: [[ring]],
                                          location: SourceLocation(file: "synthetic", line: 0, column: 0)))
            }
        }
        for i in 0..<columns { vertices += east[i][rows] }
        for j in 0..<rows { vertices += north[columns][j] }
        self.zones = zones
        self.vertices = vertices
    }
}

extension SyntheticZoneMap {
    /// `count` made-up homes, deterministic in `seed`: uniform over the rectangle, except
    /// that every 100th home sits exactly on a vertex (the hardest case for the boundary rule).
    package func homes(count: Int, seed: UInt64) -> [GridPoint] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { i in
            if i % 100 == 99 { return vertices[Int(random.next() % UInt64(vertices.count))] }
            return GridPoint(x: minX + Int64(random.next() % UInt64(maxX - minX)),
                             y: minY + Int64(random.next() % UInt64(maxY - minY)))
        }
    }
}
