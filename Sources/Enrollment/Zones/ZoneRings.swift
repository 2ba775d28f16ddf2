/// The zones of one level as rings of directed edges, each ring with its bounding box, for
/// exact tests at the points of the half-unit lattice: a point is given **doubled** (`h`
/// stands for h / 2), so that the midpoint of any edge or piece of edge between grid points
/// is a point too. Products are taken in 128 bits, so every test is exact.
///
/// The boundary rule of `ZoneShape` applies unchanged: h / 2 is tested as if it stood at
/// h / 2 + (ε, ε²).
package struct ZoneRings: Sendable {
    /// Edge e runs from `start[e]` to `end[e]`, in the order of its ring.
    package let start: [GridPoint]
    package let end: [GridPoint]
    package let edgeZone: [Int32]
    package let edgeRing: [Int32]
    /// Ring r has edges `ringFirst[r]..<ringFirst[r + 1]` and the box `ringMin[r]...ringMax[r]`.
    package let ringFirst: [Int]
    package let ringMin: [GridPoint]
    package let ringMax: [GridPoint]
    /// Zone z has rings `zoneRingStart[z]..<zoneRingStart[z + 1]`.
    package let zoneRingStart: [Int]

    package init(zones: [ZoneMap.Zone]) {
        var start: [GridPoint] = [], end: [GridPoint] = [], edgeZone: [Int32] = [], edgeRing: [Int32] = []
        var ringFirst = [0], ringMin: [GridPoint] = [], ringMax: [GridPoint] = [], zoneRingStart = [0]
        for (z, zone) in zones.enumerated() {
            for polygon in zone.polygons {
                for ring in polygon {
                    var low = GridPoint(x: .max, y: .max), high = GridPoint(x: .min, y: .min)
                    for i in ring.indices {
                        start.append(ring[i])
                        end.append(ring[(i + 1) % ring.count])
                        edgeZone.append(Int32(z))
                        edgeRing.append(Int32(ringMin.count))
                        low = GridPoint(x: min(low.x, ring[i].x), y: min(low.y, ring[i].y))
                        high = GridPoint(x: max(high.x, ring[i].x), y: max(high.y, ring[i].y))
                    }
                    ringFirst.append(start.count)
                    ringMin.append(low)
                    ringMax.append(high)
                }
            }
            zoneRingStart.append(ringMin.count)
        }
        (self.start, self.end, self.edgeZone, self.edgeRing) = (start, end, edgeZone, edgeRing)
        (self.ringFirst, self.ringMin, self.ringMax, self.zoneRingStart) = (ringFirst, ringMin, ringMax, zoneRingStart)
    }

    package var edgeCount: Int { start.count }
    package var zoneCount: Int { zoneRingStart.count - 1 }

    /// The sign of the turn 2a → 2b → h (+1 counter-clockwise, −1 clockwise, 0 collinear).
    @inline(__always)
    package static func orientation(_ a: GridPoint, _ b: GridPoint, doubled h: GridPoint) -> Int {
        let left = Int128(b.x - a.x) * Int128(h.y - 2 * a.y)
        let right = Int128(b.y - a.y) * Int128(h.x - 2 * a.x)
        return left > right ? 1 : (left < right ? -1 : 0)
    }

    /// Whether h / 2 lies on the closed segment a–b.
    @inline(__always)
    package static func isOnSegment(doubled h: GridPoint, _ a: GridPoint, _ b: GridPoint) -> Bool {
        min(2 * a.x, 2 * b.x) <= h.x && h.x <= max(2 * a.x, 2 * b.x)
            && min(2 * a.y, 2 * b.y) <= h.y && h.y <= max(2 * a.y, 2 * b.y)
            && orientation(a, b, doubled: h) == 0
    }

    /// Whether h / 2 + (ε, ε²) is inside zone z (the boundary rule). Rings whose box the
    /// eastward ray misses are skipped whole.
    /// - Complexity: O(rings of the zone + edges of the rings the ray meets).
    package func contains(zone z: Int, doubled h: GridPoint) -> Bool {
        var inside = false
        for r in zoneRingStart[z]..<zoneRingStart[z + 1] {
            if h.y < 2 * ringMin[r].y || h.y >= 2 * ringMax[r].y || h.x > 2 * ringMax[r].x { continue }
            for e in ringFirst[r]..<ringFirst[r + 1] {
                let lo = min(start[e], end[e]), hi = max(start[e], end[e])
                if 2 * lo.y <= h.y && h.y < 2 * hi.y && ZoneRings.orientation(lo, hi, doubled: h) > 0 { inside.toggle() }
            }
        }
        return inside
    }

    /// Whether h / 2 lies on an edge of zone z.
    package func isOnBoundary(zone z: Int, doubled h: GridPoint) -> Bool {
        for r in zoneRingStart[z]..<zoneRingStart[z + 1] {
            if h.y < 2 * ringMin[r].y || h.y > 2 * ringMax[r].y || h.x < 2 * ringMin[r].x || h.x > 2 * ringMax[r].x { continue }
            for e in ringFirst[r]..<ringFirst[r + 1] where ZoneRings.isOnSegment(doubled: h, start[e], end[e]) {
                return true
            }
        }
        return false
    }

    /// The distance in metres from the metric's origin to the nearest edge of zone z.
    /// - Complexity: O(edges of the zone).
    package func distanceMetres(zone z: Int, from metric: LocalMetric) -> Double {
        var nearest = Double.infinity
        for e in ringFirst[zoneRingStart[z]]..<ringFirst[zoneRingStart[z + 1]] {
            nearest = min(nearest, metric.distance(to: start[e], end[e]))
        }
        return nearest
    }

    /// Whether the grid point p is in the open interior of zone z.
    package func strictlyContains(zone z: Int, _ p: GridPoint) -> Bool {
        let h = GridPoint(x: 2 * p.x, y: 2 * p.y)
        return contains(zone: z, doubled: h) && !isOnBoundary(zone: z, doubled: h)
    }

    /// Whether h / 2 + (ε, ε²) lies left of the line start → end of edge e (h / 2 on that line
    /// or not): the side of the edge on which the boundary rule looks.
    @inline(__always)
    package func perturbedIsLeft(of e: Int, doubled h: GridPoint) -> Bool {
        let turn = ZoneRings.orientation(start[e], end[e], doubled: h)
        if turn != 0 { return turn > 0 }
        let d = GridPoint(x: end[e].x - start[e].x, y: end[e].y - start[e].y)
        // orient(a, b, p + (ε, ε²)) = orient(a, b, p) − d.y·ε + d.x·ε².
        return d.y != 0 ? d.y < 0 : d.x > 0
    }

    /// For each ring, whether its zone's interior lies left of its edges (walked in ring
    /// order), found by one exact test beside the middle of the ring's first edge. Holds
    /// along the whole ring while the rings of a zone do not cross each other.
    /// - Complexity: O(Σ over rings of the edges of the rings of its zone that the test ray meets).
    package func interiorOnLeft() -> [Bool] {
        (0..<ringMin.count).map { r in
            let e = ringFirst[r]
            let h = GridPoint(x: start[e].x + end[e].x, y: start[e].y + end[e].y)
            return contains(zone: Int(edgeZone[e]), doubled: h) == perturbedIsLeft(of: e, doubled: h)
        }
    }
}
