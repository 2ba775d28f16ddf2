import Foundation

/// The overlap check of `ZoneMap.overlaps(level:)` (docs/ZONING.md, Overlaps).
///
/// 1. **Contacts.** Edges are bucketed (`SegmentBuckets`); every pair of edges of different
///    zones that share a cell is tested exactly. A vertex of one lying inside the other cuts
///    it; two edges on one line sharing a stretch are *partners*; a proper crossing cuts both
///    at the crossing (computed in floating point, the only inexact step, and only where the
///    boundaries cross, which is itself an overlap).
/// 2. **Pieces.** Each edge, cut at its contacts, falls into pieces whose insides touch no
///    other edge except their partners. Each piece is examined once (from the lowest of the
///    edges that run along it) at its middle, a point of the half-unit lattice:
///    a zone with one edge along the piece covers the side its interior lies on (known per
///    ring); a zone with several covers the side of the boundary rule's point by an exact test
///    and the other side if their number is even; any other zone listed around the middle by
///    `ZoneIndex` covers both sides or neither (one exact test).
/// 3. **Overlaps.** A side covered by two zones bounds their overlap: the piece, oriented with
///    the overlap on its left, adds to its area (shoelace formula) and is kept for its width
///    (`InscribedCircle`); lattice points beside it are tried as witnesses.
struct ZoneOverlapFinder {
    let rings: ZoneRings
    let index: ZoneIndex
    /// Per ring: the zone's interior lies left of its edges.
    let interiorOnLeft: [Bool]

    /// One overlapping pair, by zone index (first < second).
    struct Found {
        var first: Int
        var second: Int
        var point: GridPoint
        var area: Double
        var width: Double
        var southWest: GridPoint
        var northEast: GridPoint
    }

    /// Where an edge is cut: at `t` along it from start to end; `point` exact when `exact`.
    private struct Cut {
        var edge: Int32
        var t: Double
        var point: GridPoint
        var exact: Bool
    }

    /// What is gathered about one overlapping pair.
    private struct Pair {
        var origin: GridPoint
        /// Twice the area, in square units, from the pieces oriented with the overlap on their left.
        var doubleArea: Double = 0
        var boundary: [(GridPoint, GridPoint)] = []
        var witness: GridPoint?
        var fallback: GridPoint
        var tries = 0
    }

    init(zones: [ZoneMap.Zone]) {
        rings = ZoneRings(zones: zones)
        index = ZoneIndex(zones: zones, nearBoundaryMetres: 0, cellSize: nil, nearLists: false)
        interiorOnLeft = rings.interiorOnLeft()
    }

    mutating func find() -> [Found] {
        let n = rings.edgeCount
        let lo = (0..<n).map { min(rings.start[$0], rings.end[$0]) }
        let hi = (0..<n).map { max(rings.start[$0], rings.end[$0]) }
        var cuts: [Cut] = []
        // Edge e and its partner f packed as e << 32 | f, so that sorting groups them by edge.
        var partners: [UInt64] = []
        var crossings: [(first: Int, second: Int, point: GridPoint)] = []
        func cut(_ e: Int, at p: GridPoint) {
            cuts.append(Cut(edge: Int32(e), t: parameter(e, p), point: p, exact: true))
        }
        SegmentBuckets.forEachCandidatePair(lo: lo, hi: hi) { e, f in
            guard rings.edgeZone[e] != rings.edgeZone[f] else { return }
            let a = lo[e], b = hi[e], c = lo[f], d = hi[f]
            let o1 = GridPoint.orientation(a, b, c), o2 = GridPoint.orientation(a, b, d)
            if o1 == 0 && o2 == 0 {
                // On one line, where the order of GridPoint runs along the line.
                for p in [c, d] where a < p && p < b { cut(e, at: p) }
                for p in [a, b] where c < p && p < d { cut(f, at: p) }
                if max(a, c) < min(b, d) {
                    partners.append(UInt64(e) << 32 | UInt64(f))
                    partners.append(UInt64(f) << 32 | UInt64(e))
                }
                return
            }
            let o3 = GridPoint.orientation(c, d, a), o4 = GridPoint.orientation(c, d, b)
            if o1 * o2 < 0 && o3 * o4 < 0 {
                let (te, tf, point) = crossing(e, f)
                cuts.append(Cut(edge: Int32(e), t: te, point: point, exact: false))
                cuts.append(Cut(edge: Int32(f), t: tf, point: point, exact: false))
                let (ze, zf) = (Int(rings.edgeZone[e]), Int(rings.edgeZone[f]))
                crossings.append((min(ze, zf), max(ze, zf), point))
                return
            }
            if o1 == 0 && a < c && c < b { cut(e, at: c) }
            if o2 == 0 && a < d && d < b { cut(e, at: d) }
            if o3 == 0 && c < a && a < d { cut(f, at: a) }
            if o4 == 0 && c < b && b < d { cut(f, at: b) }
        }
        cuts.sort { ($0.edge, $0.t) < ($1.edge, $1.t) }
        // A pair of edges sharing several cells is found once per cell.
        partners.sort()
        partners = partners.enumerated().filter { $0.offset == 0 || partners[$0.offset - 1] != $0.element }.map(\.element)

        var pairs: [Int: Pair] = [:]
        let zoneCount = rings.zoneCount
        var nextCut = 0, nextPartner = 0
        var stops: [(t: Double, point: GridPoint, exact: Bool)] = []
        var along: [Int] = [], alongZones: [Int] = [], left: [Int] = [], right: [Int] = []
        for e in 0..<n {
            stops.removeAll(keepingCapacity: true)
            stops.append((0, rings.start[e], true))
            while nextCut < cuts.count && cuts[nextCut].edge == Int32(e) {
                let c = cuts[nextCut]
                nextCut += 1
                if let last = stops.last, last.point == c.point && (last.exact || !c.exact) { continue }
                stops.append((c.t, c.point, c.exact))
            }
            stops.append((1, rings.end[e], true))
            let firstPartner = nextPartner
            while nextPartner < partners.count && partners[nextPartner] >> 32 == UInt64(e) { nextPartner += 1 }
            for k in 1..<stops.count {
                let p = stops[k - 1], q = stops[k]
                if p.point == q.point && p.exact && q.exact { continue }
                let h = p.exact && q.exact
                    ? GridPoint(x: p.point.x + q.point.x, y: p.point.y + q.point.y)
                    : halfUnitPoint(e, (p.t + q.t) / 2)
                // The edges along this piece: e and the partners whose stretch holds its middle.
                along.removeAll(keepingCapacity: true)
                along.append(e)
                for k in firstPartner..<nextPartner {
                    let f = Int(partners[k] & 0xFFFF_FFFF)
                    if GridPoint(x: 2 * lo[f].x, y: 2 * lo[f].y) <= h && h <= GridPoint(x: 2 * hi[f].x, y: 2 * hi[f].y) {
                        along.append(f)
                    }
                }
                if along.contains(where: { $0 < e }) { continue }
                left.removeAll(keepingCapacity: true)
                right.removeAll(keepingCapacity: true)
                alongZones.removeAll(keepingCapacity: true)
                for g in along where !alongZones.contains(Int(rings.edgeZone[g])) { alongZones.append(Int(rings.edgeZone[g])) }
                for z in alongZones {
                    let edges = along.filter { Int(rings.edgeZone[$0]) == z }
                    if edges.count == 1 {
                        let g = edges[0]
                        // g and e lie on one line: they run the same way when their starts and ends compare alike.
                        let sameWay = (rings.start[g] < rings.end[g]) == (rings.start[e] < rings.end[e])
                        if interiorOnLeft[Int(rings.edgeRing[g])] == sameWay { left.append(z) } else { right.append(z) }
                    } else {
                        let inside = rings.contains(zone: z, doubled: h)
                        let beyond = inside != (edges.count % 2 == 1)
                        let perturbedLeft = rings.perturbedIsLeft(of: e, doubled: h)
                        if inside { if perturbedLeft { left.append(z) } else { right.append(z) } }
                        if beyond { if perturbedLeft { right.append(z) } else { left.append(z) } }
                    }
                }
                index.forEachZoneAround(GridPoint(x: h.x >> 1, y: h.y >> 1)) { z in
                    if !alongZones.contains(z) && rings.contains(zone: z, doubled: h) {
                        left.append(z)
                        right.append(z)
                    }
                }
                guard left.count > 1 || right.count > 1 else { continue }
                for (side, other, onLeft) in [(left, right, true), (right, left, false)] where side.count > 1 {
                    for i in side.indices {
                        for j in side.indices where side[i] < side[j] {
                            let (z1, z2) = (side[i], side[j])
                            if other.contains(z1) && other.contains(z2) { continue }
                            let key = z1 * zoneCount + z2
                            let (from, to) = onLeft ? (p.point, q.point) : (q.point, p.point)
                            var pair = pairs[key] ?? Pair(origin: from, fallback: GridPoint(x: h.x >> 1, y: h.y >> 1))
                            pair.doubleArea += Double(from.x - pair.origin.x) * Double(to.y - pair.origin.y)
                                - Double(to.x - pair.origin.x) * Double(from.y - pair.origin.y)
                            pair.boundary.append((from, to))
                            if pair.witness == nil && pair.tries < 4 {
                                pair.tries += 1
                                pair.witness = witness(z1, z2, from: from, to: to, middle: h)
                            }
                            pairs[key] = pair
                        }
                    }
                }
            }
        }
        for crossing in crossings where pairs[crossing.first * zoneCount + crossing.second] == nil {
            pairs[crossing.first * zoneCount + crossing.second] = Pair(origin: crossing.point, fallback: crossing.point)
        }
        return pairs.keys.sorted().map { key in
            let pair = pairs[key]!
            let metric = LocalMetric(at: pair.witness ?? pair.fallback)
            let area = abs(pair.doubleArea) / 2 * metric.kx * LocalMetric.metresPerUnitY
            let segments = pair.boundary.map { segment in
                (metric.offset(of: segment.0), metric.offset(of: segment.1))
            }
            let corners = pair.boundary.flatMap { [$0.0, $0.1] } + [pair.fallback]
            return Found(first: key / zoneCount, second: key % zoneCount, point: pair.witness ?? pair.fallback,
                         area: area, width: 2 * InscribedCircle.radius(segments, precision: 0.005),
                         southWest: GridPoint(x: corners.map(\.x).min()!, y: corners.map(\.y).min()!),
                         northEast: GridPoint(x: corners.map(\.x).max()!, y: corners.map(\.y).max()!))
        }
    }

    /// How far p lies along edge e from its start, as a fraction of its length.
    private func parameter(_ e: Int, _ p: GridPoint) -> Double {
        let dx = Double(rings.end[e].x - rings.start[e].x), dy = Double(rings.end[e].y - rings.start[e].y)
        return (Double(p.x - rings.start[e].x) * dx + Double(p.y - rings.start[e].y) * dy) / (dx * dx + dy * dy)
    }

    /// Where edges e and f cross (they do, properly): the fractions along each and the nearest grid point.
    private func crossing(_ e: Int, _ f: Int) -> (Double, Double, GridPoint) {
        let px = Double(rings.start[e].x), py = Double(rings.start[e].y)
        let rx = Double(rings.end[e].x) - px, ry = Double(rings.end[e].y) - py
        let qx = Double(rings.start[f].x), qy = Double(rings.start[f].y)
        let sx = Double(rings.end[f].x) - qx, sy = Double(rings.end[f].y) - qy
        let denominator = rx * sy - ry * sx
        let t = min(1, max(0, ((qx - px) * sy - (qy - py) * sx) / denominator))
        let u = min(1, max(0, ((qx - px) * ry - (qy - py) * rx) / denominator))
        return (t, u, GridPoint(x: Int64((px + t * rx).rounded()), y: Int64((py + t * ry).rounded())))
    }

    /// The point at fraction t along edge e, doubled and rounded: the nearest half-unit point.
    private func halfUnitPoint(_ e: Int, _ t: Double) -> GridPoint {
        let s = rings.start[e], d = rings.end[e]
        return GridPoint(x: 2 * s.x + Int64((2 * Double(d.x - s.x) * t).rounded()),
                         y: 2 * s.y + Int64((2 * Double(d.y - s.y) * t).rounded()))
    }

    /// A grid point strictly inside zones z1 and z2 beside the piece from → to (the overlap on
    /// its left), whose middle is h / 2: points at 1, 2, 4, … 4096 units from the middle
    /// square to the piece, then the eight neighbours of the middle at 1, 8, 64 and 512 units.
    private func witness(_ z1: Int, _ z2: Int, from: GridPoint, to: GridPoint, middle h: GridPoint) -> GridPoint? {
        let dx = Double(to.x - from.x), dy = Double(to.y - from.y)
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 0 else { return nil }
        let nx = -dy / length, ny = dx / length
        let mx = Double(h.x) / 2, my = Double(h.y) / 2
        var probes: [GridPoint] = []
        var step = 1.0
        while step <= 4096 {
            probes.append(GridPoint(x: Int64((mx + nx * step).rounded()), y: Int64((my + ny * step).rounded())))
            step *= 2
        }
        let centre = GridPoint(x: Int64(mx.rounded()), y: Int64(my.rounded()))
        for step: Int64 in [1, 8, 64, 512] {
            for (sx, sy): (Int64, Int64) in [(1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)] {
                probes.append(GridPoint(x: centre.x + sx * step, y: centre.y + sy * step))
            }
        }
        return probes.first { rings.strictlyContains(zone: z1, $0) && rings.strictlyContains(zone: z2, $0) }
    }
}
