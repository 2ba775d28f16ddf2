import Foundation

/// A zone's boundary prepared for exact point tests: every edge stored once, lower endpoint
/// first in the canonical `GridPoint` order (by latitude, then longitude).
///
/// **Boundary rule.** A point p is tested as if it were p + (ε, ε²) for an infinitesimal
/// ε > 0. That perturbed point lies on no edge, so it is inside exactly one of the zones
/// that tile the area around p (or outside all). Concretely, an edge lo→hi counts as a
/// crossing of the ray to the east when lo.y ≤ p.y < hi.y and p is strictly left of lo→hi;
/// an odd count means inside. See docs/ZONING.md for the proof.
struct ZoneShape: Sendable {
    var lo: [GridPoint] = []
    var hi: [GridPoint] = []
    var minX = Int64.max, minY = Int64.max, maxX = Int64.min, maxY = Int64.min

    /// The zone's edges in the order of `ZoneMap.Zone.edges`, read from its rings directly.
    /// - Complexity: O(vertices).
    init(_ zone: ZoneMap.Zone) {
        let count = zone.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        lo.reserveCapacity(count)
        hi.reserveCapacity(count)
        for polygon in zone.polygons {
            for ring in polygon {
                for i in ring.indices {
                    let a = ring[i], b = ring[i + 1 == ring.count ? 0 : i + 1]
                    lo.append(min(a, b))
                    hi.append(max(a, b))
                    minX = min(minX, a.x); maxX = max(maxX, a.x)
                    minY = min(minY, a.y); maxY = max(maxY, a.y)
                }
            }
        }
    }

    /// Whether p + (ε, ε²) is inside the zone (see the boundary rule above).
    /// - Complexity: O(edges).
    @inline(__always)
    func contains(_ p: GridPoint) -> Bool {
        if p.x > maxX || p.x < minX - 1 || p.y >= maxY || p.y < minY { return false }
        var inside = false
        for i in lo.indices where ZoneShape.crosses(lo[i], hi[i], p) {
            inside.toggle()
        }
        return inside
    }

    /// Whether the edge lo→hi (lo < hi canonically) crosses the eastward ray from
    /// p + (ε, ε²).
    @inline(__always)
    static func crosses(_ lo: GridPoint, _ hi: GridPoint, _ p: GridPoint) -> Bool {
        lo.y <= p.y && p.y < hi.y && GridPoint.orientation(lo, hi, p) > 0
    }

    /// Whether p lies exactly on the zone's boundary.
    func isOnBoundary(_ p: GridPoint) -> Bool {
        lo.indices.contains { GridPoint.isOnSegment(p, lo[$0], hi[$0]) }
    }

    /// Whether p is in the open interior of the zone (inside and not on its boundary).
    func strictlyContains(_ p: GridPoint) -> Bool {
        contains(p) && !isOnBoundary(p)
    }
}

/// Distances in metres near a point, by the equirectangular approximation at that point's
/// latitude on a sphere of radius 6 371 008.8 m (the mean Earth radius): one unit of
/// longitude is R·cos φ·π/180·10⁻⁷ m, one of latitude R·π/180·10⁻⁷ m. At zone scale (a few
/// km) the error is far below a metre.
package struct LocalMetric: Sendable {
    package static let earthRadius = 6_371_008.8
    package static let metresPerUnitY = earthRadius * Double.pi / 180 / GridPoint.unitsPerDegree

    package let origin: GridPoint
    package let kx: Double

    package init(at origin: GridPoint) {
        self.origin = origin
        kx = LocalMetric.metresPerUnitY * cos(origin.latitude * Double.pi / 180)
    }

    /// Distance in metres from the origin to the closed segment a–b: exactly 0 when the
    /// origin is on it, and the same whichever endpoint comes first.
    @inline(__always)
    package func distance(to first: GridPoint, _ second: GridPoint) -> Double {
        if GridPoint.isOnSegment(origin, first, second) { return 0 }
        let a = min(first, second), b = max(first, second)
        let ax = Double(a.x - origin.x) * kx, ay = Double(a.y - origin.y) * LocalMetric.metresPerUnitY
        let bx = Double(b.x - origin.x) * kx, by = Double(b.y - origin.y) * LocalMetric.metresPerUnitY
        let dx = bx - ax, dy = by - ay
        let length2 = dx * dx + dy * dy
        var t = length2 > 0 ? -(ax * dx + ay * dy) / length2 : 0
        t = min(1, max(0, t))
        let px = ax + t * dx, py = ay + t * dy
        return (px * px + py * py).squareRoot()
    }

    /// Where p lies from the origin, in metres east and north.
    package func offset(of p: GridPoint) -> SIMD2<Double> {
        SIMD2(Double(p.x - origin.x) * kx, Double(p.y - origin.y) * LocalMetric.metresPerUnitY)
    }

    /// A lower bound in metres of the distance from the origin to any point of the box.
    package func distance(toBoxMinX minX: Int64, minY: Int64, maxX: Int64, maxY: Int64) -> Double {
        let dx = origin.x < minX ? minX - origin.x : (origin.x > maxX ? origin.x - maxX : 0)
        let dy = origin.y < minY ? minY - origin.y : (origin.y > maxY ? origin.y - maxY : 0)
        let mx = Double(dx) * kx * 0.999, my = Double(dy) * LocalMetric.metresPerUnitY
        return (mx * mx + my * my).squareRoot()
    }
}
