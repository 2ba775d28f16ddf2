/// A position on the map in whole units of 1e-7 degree (about 1 cm), so that every
/// geometric test is exact integer arithmetic and gives the same answer on every machine.
///
/// `x` is longitude and `y` latitude, both times 10^7 and rounded to the nearest whole unit
/// (halves away from zero). Coordinates with more than seven decimals are rounded; seven
/// decimals is finer than any published zone map.
package struct GridPoint: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Units per degree.
    package static let unitsPerDegree: Double = 10_000_000

    package var x: Int64
    package var y: Int64

    package init(x: Int64, y: Int64) {
        self.x = x
        self.y = y
    }

    /// The grid point nearest to `longitude`, `latitude` (degrees).
    /// - Precondition: both are finite and within ±180 / ±90.
    package init(longitude: Double, latitude: Double) {
        x = Int64((longitude * GridPoint.unitsPerDegree).rounded(.toNearestOrAwayFromZero))
        y = Int64((latitude * GridPoint.unitsPerDegree).rounded(.toNearestOrAwayFromZero))
    }

    package var longitude: Double { Double(x) / GridPoint.unitsPerDegree }
    package var latitude: Double { Double(y) / GridPoint.unitsPerDegree }

    /// Orders by latitude, then longitude: the canonical order in which every edge is
    /// evaluated (lower endpoint first).
    package static func < (a: GridPoint, b: GridPoint) -> Bool {
        (a.y, a.x) < (b.y, b.x)
    }

    /// `lon,lat` with seven decimals.
    package var description: String {
        "\(GridPoint.degreesText(x)),\(GridPoint.degreesText(y))"
    }

    /// A whole number of 1e-7 degree units written as degrees with seven decimals
    /// (`1163000000` → `116.3000000`), exactly and without rounding.
    package static func degreesText(_ units: Int64) -> String {
        let sign = units < 0 ? "-" : ""
        let magnitude = units.magnitude
        let fraction = String(magnitude % 10_000_000)
        return "\(sign)\(magnitude / 10_000_000).\(String(repeating: "0", count: 7 - fraction.count))\(fraction)"
    }

    /// The sign of the turn a → b → c: +1 counter-clockwise (c left of a→b), −1 clockwise,
    /// 0 collinear. Exact for all points within ±180° / ±90°: each of the two products
    /// is below 3.6e9 · 1.8e9 < 2^63, so they are compared rather than subtracted.
    @inline(__always)
    package static func orientation(_ a: GridPoint, _ b: GridPoint, _ c: GridPoint) -> Int {
        let left = (b.x - a.x) * (c.y - a.y)
        let right = (b.y - a.y) * (c.x - a.x)
        return left > right ? 1 : (left < right ? -1 : 0)
    }

    /// Whether `p` lies on the closed segment a–b.
    package static func isOnSegment(_ p: GridPoint, _ a: GridPoint, _ b: GridPoint) -> Bool {
        orientation(a, b, p) == 0
            && min(a.x, b.x) <= p.x && p.x <= max(a.x, b.x)
            && min(a.y, b.y) <= p.y && p.y <= max(a.y, b.y)
    }

    /// Whether the closed segments a–b and c–d have a point in common.
    package static func segmentsIntersect(_ a: GridPoint, _ b: GridPoint, _ c: GridPoint, _ d: GridPoint) -> Bool {
        let o1 = orientation(a, b, c), o2 = orientation(a, b, d)
        let o3 = orientation(c, d, a), o4 = orientation(c, d, b)
        if o1 * o2 < 0 && o3 * o4 < 0 { return true }
        return isOnSegment(c, a, b) || isOnSegment(d, a, b) || isOnSegment(a, c, d) || isOnSegment(b, c, d)
    }
}
