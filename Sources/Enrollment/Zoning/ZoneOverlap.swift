/// Two zones of the same level that share area: a data error, since a home must fall in
/// exactly one zone of each level.
public struct ZoneOverlap: Sendable, Equatable, CustomStringConvertible {
    /// The `zone_id` that comes first in the file.
    public var first: String
    /// The `zone_id` that comes later in the file.
    public var second: String
    /// A point strictly inside both zones (not on either boundary).
    public var point: GridPoint

    public var description: String {
        "zones \(first) and \(second) overlap at \(point)"
    }
}

extension ZoneMap {
    /// Every pair of zones of `level` that overlap with positive area, in file order of the
    /// pairs, each with a witness point strictly inside both.
    ///
    /// Method: for each pair whose bounding boxes overlap, every edge of either zone is cut
    /// at its crossings with the other zone's edges; the overlap's boundary is made of such
    /// pieces, so probing lattice points around each piece's midpoint (at 1, 8, 64 and 512
    /// units, in eight directions) finds a point in the open interior of both zones whenever
    /// the overlap is wider than a few units near that piece. Touching along edges or at
    /// vertices is not an overlap. A reported point is always a true witness.
    /// - Complexity: O(pairs with overlapping boxes × edges²).
    public func overlaps(level: SchoolLevel) -> [ZoneOverlap] {
        let selected = zones.filter { $0.level == level }
        let shapes = selected.map(ZoneShape.init)
        var result: [ZoneOverlap] = []
        let order = shapes.indices.sorted { (shapes[$0].minX, $0) < (shapes[$1].minX, $1) }
        var pairs: [(Int, Int)] = []
        for (k, i) in order.enumerated() {
            for j in order[(k + 1)...] {
                if shapes[j].minX >= shapes[i].maxX { break }
                if shapes[j].minY < shapes[i].maxY && shapes[i].minY < shapes[j].maxY {
                    pairs.append((min(i, j), max(i, j)))
                }
            }
        }
        pairs.sort { $0 < $1 }
        for (i, j) in pairs {
            if let point = ZoneMap.overlapWitness(shapes[i], shapes[j]) {
                result.append(ZoneOverlap(first: selected[i].id, second: selected[j].id, point: point))
            }
        }
        return result
    }

    static func overlapWitness(_ a: ZoneShape, _ b: ZoneShape) -> GridPoint? {
        let minX = max(a.minX, b.minX), maxX = min(a.maxX, b.maxX)
        let minY = max(a.minY, b.minY), maxY = min(a.maxY, b.maxY)
        for (shape, other) in [(a, b), (b, a)] {
            for e in shape.lo.indices {
                let p = shape.lo[e], q = shape.hi[e]
                if max(p.x, q.x) < minX || min(p.x, q.x) > maxX || q.y < minY || p.y > maxY { continue }
                var cuts: [Double] = [0, 1]
                for f in other.lo.indices {
                    let c = other.lo[f], d = other.hi[f]
                    guard GridPoint.segmentsIntersect(p, q, c, d) else { continue }
                    let rx = Double(q.x - p.x), ry = Double(q.y - p.y)
                    let sx = Double(d.x - c.x), sy = Double(d.y - c.y)
                    let denominator = rx * sy - ry * sx
                    if denominator != 0 {
                        let t = (Double(c.x - p.x) * sy - Double(c.y - p.y) * sx) / denominator
                        cuts.append(min(1, max(0, t)))
                    }
                }
                cuts.sort()
                for k in 1..<cuts.count where cuts[k] > cuts[k - 1] {
                    let t = (cuts[k - 1] + cuts[k]) / 2
                    let m = GridPoint(x: p.x + Int64((Double(q.x - p.x) * t).rounded()),
                                      y: p.y + Int64((Double(q.y - p.y) * t).rounded()))
                    for step: Int64 in [1, 8, 64, 512] {
                        for (dx, dy): (Int64, Int64) in [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)] {
                            let probe = GridPoint(x: m.x + dx * step, y: m.y + dy * step)
                            if other.strictlyContains(probe) && shape.strictlyContains(probe) { return probe }
                        }
                    }
                }
            }
        }
        return nil
    }
}
