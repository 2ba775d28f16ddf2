/// The largest circle that fits inside a region of the plane (the pole of inaccessibility),
/// found by the quadtree search of Garcia-Castellanos and Lombardo (2007): square cells over
/// the region's box are kept in a queue by the farthest any point of them could be from the
/// boundary (distance of the centre plus half the diagonal) and split until no cell can beat
/// the best centre found by more than the precision.
package enum InscribedCircle {
    /// The radius of the largest circle inside the region bounded by `segments` (closed curves,
    /// in any orientation; a point is inside when a ray from it crosses them an odd number of
    /// times), rounded up: never less than the true radius, and more by at most `precision` or
    /// `relative` × the radius, whichever is larger — unless `budget` cells are examined first
    /// (a long band of even width), when the bound reached so far is returned. 0 for an empty
    /// or flat region.
    /// - Complexity: O(cells examined × segments), at most `budget` cells.
    package static func radius(_ segments: [(SIMD2<Double>, SIMD2<Double>)], precision: Double, relative: Double = 0.01,
                       budget: Int = 100_000) -> Double {
        largest(segments, precision: precision, relative: relative, budget: budget).radius
    }

    /// The centre of the largest circle found (a point inside the region, as far from its
    /// boundary as `radius` allows: where a map writes the region's label) and the radius as
    /// `radius(_:precision:relative:budget:)` gives it; the first point and 0 for a flat region.
    /// - Complexity: O(cells examined × segments), at most `budget` cells.
    package static func largest(_ segments: [(SIMD2<Double>, SIMD2<Double>)], precision: Double, relative: Double = 0.01,
                                budget: Int = 100_000) -> (centre: SIMD2<Double>, radius: Double) {
        guard let first = segments.first?.0 else { return (.zero, 0) }
        var low = first, high = first
        for (a, b) in segments {
            low = pointwiseMin(low, pointwiseMin(a, b))
            high = pointwiseMax(high, pointwiseMax(a, b))
        }
        let size = high - low
        // Cells as wide as the region is narrow, but at most 64 along its long side.
        let side = max(min(size.x, size.y), max(size.x, size.y) / 64)
        guard side > 0 else { return (first, 0) }
        var queue = CellQueue()
        func push(_ centre: SIMD2<Double>, _ half: Double) {
            let d = signedDistance(centre, segments)
            queue.push(Cell(centre: centre, half: half, distance: d, potential: d + half * 2.0.squareRoot()))
        }
        var y = low.y
        while y < high.y {
            var x = low.x
            while x < high.x {
                push(SIMD2(x + side / 2, y + side / 2), side / 2)
                x += side
            }
            y += side
        }
        var best = 0.0, centre = (low + high) / 2
        var examined = queue.count
        while let cell = queue.pop() {
            if cell.distance > best { (best, centre) = (cell.distance, cell.centre) }
            // No cell left can hold a centre farther from the boundary than this cell's potential.
            if cell.potential - best <= max(precision, relative * best) || examined >= budget { return (centre, max(best, cell.potential)) }
            let h = cell.half / 2
            for (dx, dy) in [(-h, -h), (h, -h), (-h, h), (h, h)] { push(cell.centre + SIMD2(dx, dy), h) }
            examined += 4
        }
        return (centre, best)
    }

    /// The distance from p to the nearest segment, negative when p is outside.
    private static func signedDistance(_ p: SIMD2<Double>, _ segments: [(SIMD2<Double>, SIMD2<Double>)]) -> Double {
        var inside = false
        var nearest = Double.infinity
        for (a, b) in segments {
            if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
            let d = b - a
            let length2 = (d * d).sum()
            let t = length2 > 0 ? min(1, max(0, ((p - a) * d).sum() / length2)) : 0
            let q = a + t * d - p
            nearest = min(nearest, (q * q).sum())
        }
        return (inside ? 1 : -1) * nearest.squareRoot()
    }

    private struct Cell {
        package var centre: SIMD2<Double>
        package var half: Double
        package var distance: Double
        package var potential: Double
    }

    /// A binary max-heap of cells by potential.
    private struct CellQueue {
        private var cells: [Cell] = []

        package var count: Int { cells.count }

        package mutating func push(_ cell: Cell) {
            cells.append(cell)
            var i = cells.count - 1
            while i > 0 && cells[(i - 1) / 2].potential < cells[i].potential {
                cells.swapAt(i, (i - 1) / 2)
                i = (i - 1) / 2
            }
        }

        package mutating func pop() -> Cell? {
            guard !cells.isEmpty else { return nil }
            let top = cells[0]
            let last = cells.removeLast()
            if !cells.isEmpty {
                cells[0] = last
                var i = 0
                while true {
                    let l = 2 * i + 1, r = l + 1
                    var largest = i
                    if l < cells.count && cells[l].potential > cells[largest].potential { largest = l }
                    if r < cells.count && cells[r].potential > cells[largest].potential { largest = r }
                    if largest == i { break }
                    cells.swapAt(i, largest)
                    i = largest
                }
            }
            return top
        }
    }
}
