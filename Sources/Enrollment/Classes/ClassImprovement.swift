import Foundation
/// The improvement phase of class formation (docs/CLASSES.md, step 4): swaps of two pupils
/// in different classes — steepest descent over single swaps, then the pair search
/// (ClassPairSearch.swift) and seeded perturbation.
///
/// Only pupils not bound by a together group take part. Two pupils are interchangeable when
/// they share gender, care profile and disabled status, so every count (size, weighted size,
/// boys, girls, each care group, disabled) is kept by their swap. Two pupils of the same
/// gender and disabled status (the same **family**) but different care profiles may also be
/// swapped by the pair search of a small school, when every care group's count in both
/// classes stays within the range the deal left (`PairSearch.careLow`…`careHigh`). A swap is
/// made only if it keeps every apart request.
extension ClassState {
    /// The swappable pupils: `bucketOf[p]` is p's profile (−1 if p is bound by a group),
    /// `pupils[b]` the pupils of profile b in rank order, `inClass[b * k + c]` those in class
    /// c, `mask[b]` the profile's care groups and `kin[b]` the profiles of its family (b
    /// included), in profile order.
    struct SwapBuckets {
        var bucketOf: [Int]
        var pupils: [[Int]]
        var inClass: [[Int]]
        var mask: [UInt64]
        var kin: [[Int]]

        /// The change of care group t's count in a class that a pupil of profile `leaving`
        /// leaves and a pupil of profile `joining` joins: −1, 0 or 1.
        func careChange(_ leaving: Int, _ joining: Int, _ t: Int) -> Int {
            let bit = UInt64(1) << UInt64(t)
            return (mask[joining] & bit != 0 ? 1 : 0) - (mask[leaving] & bit != 0 ? 1 : 0)
        }
    }

    func swapBuckets() -> SwapBuckets {
        let k = classCount
        var index: [ClassProblem.Profile: Int] = [:]
        var buckets = SwapBuckets(bucketOf: [Int](repeating: -1, count: problem.pupils.count), pupils: [], inClass: [], mask: [], kin: [])
        var families: [[Bool]: [Int]] = [:]
        var familyOf: [[Bool]] = []
        for p in problem.pupils.indices where problem.blocks[problem.blockOf[p]].count == 1 {
            let profile = problem.profile(of: p)
            let b = index[profile] ?? buckets.pupils.count
            if b == buckets.pupils.count {
                index[profile] = b
                buckets.pupils.append([])
                buckets.inClass += [[Int]](repeating: [], count: k)
                buckets.mask.append(profile.careMask)
                let family = [profile.male, profile.disabled]
                families[family, default: []].append(b)
                familyOf.append(family)
            }
            buckets.pupils[b].append(p)
            buckets.inClass[b * k + classOf[p]].append(p)
            buckets.bucketOf[p] = b
        }
        buckets.kin = familyOf.map { families[$0]! }
        return buckets
    }

    /// Runs the whole improvement phase (docs/CLASSES.md, step 4): single-swap descent, pair
    /// search, then perturbation while the budget lasts and the proven lower bound is not met.
    /// Returns the number of single-swap descent passes run.
    mutating func improve(draw: inout some RandomDraw) -> Int {
        guard !problem.measures.isEmpty, classCount > 1 else { return 0 }
        var buckets = swapBuckets()
        let movable = buckets.pupils.flatMap { $0 }.sorted()
        guard !movable.isEmpty else { return 0 }
        var partners = ClassPartners(classCount: classCount)
        let passes = descend(&buckets, &partners, draw: &draw)
        partners.choose(self, time: 0)
        var search = PairSearch(self, buckets, partners, movable: movable.count)
        descendPairs(&buckets, &search)
        perturb(&buckets, &search, movable: movable, draw: &draw)
        return passes
    }

    /// The change of the objective if `p` (in class a) and `q` (in class b) swapped classes.
    @inline(__always)
    func swapDelta(_ p: Int, _ q: Int, _ a: Int, _ b: Int) -> Double {
        let m = problem.measures.count
        var delta = 0.0
        for x in 0..<m {
            let d = problem.deviation[p * m + x] - problem.deviation[q * m + x]
            let sa = sums[a * m + x], sb = sums[b * m + x]
            delta += problem.measureWeights[x] * (abs(sa - d) - abs(sa) + abs(sb + d) - abs(sb))
        }
        return delta
    }

    /// Steepest descent: passes until one makes no swap or `policy.maxPasses` is reached.
    /// A pass visits the movable pupils in an order shuffled by `draw` (from rank order); each
    /// is swapped with the pupil of its profile, in a partner class of its own, whose swap keeps
    /// every apart request and lowers the objective most (ties: the earlier in lottery rank), if
    /// that lowers it by more than 1e-9. A pupil whose class and candidate classes have not
    /// changed since it was last examined is not re-examined against them (its best swap cannot
    /// have changed), which makes the passes after the first cheap.
    /// - Complexity: O(passes × movable pupils × `ClassPartners.limit` × class size × measures).
    mutating func descend(_ buckets: inout SwapBuckets, _ partners: inout ClassPartners, draw: inout some RandomDraw) -> Int {
        let k = classCount
        let movable = buckets.pupils.flatMap { $0 }.sorted()
        // Swaps so far; when each class last changed; when each pupil was last examined.
        var clock = 0
        var changed = [Int](repeating: 0, count: k)
        var examined = [Int](repeating: -1, count: problem.pupils.count)
        var passes = 0
        while passes < problem.policy.maxPasses {
            passes += 1
            clock += 1
            partners.choose(self, time: clock)
            var order = movable
            draw.shuffle(&order)
            var swapped = false
            for p in order {
                let a = classOf[p]
                let bucket = buckets.bucketOf[p] * k
                let since = changed[a] > examined[p] ? -1 : examined[p]
                examined[p] = clock
                var best = -1
                var bestDelta = -1e-9
                for (i, b) in partners.of[a].enumerated() where changed[b] > since || partners.joined[a][i] > since {
                    for q in buckets.inClass[bucket + b] {
                        let delta = swapDelta(p, q, a, b)
                        if (delta < bestDelta || (delta == bestDelta && q < best)) && canSwap(p, q) {
                            best = q; bestDelta = delta
                        }
                    }
                }
                if best >= 0 {
                    let b = classOf[best]
                    swap(p, best, &buckets)
                    clock += 1
                    changed[a] = clock
                    changed[b] = clock
                    swapped = true
                }
            }
            if !swapped { break }
        }
        return passes
    }

    /// Exchanges the classes of `p` and `q` (same family, different classes). Of the same
    /// profile, each takes the other's place in the profile's lists; else each leaves its list
    /// in its class and goes to the end of its list in the other class.
    mutating func swap(_ p: Int, _ q: Int, _ buckets: inout SwapBuckets) {
        let a = classOf[p], b = classOf[q]
        let bp = buckets.bucketOf[p] * classCount, bq = buckets.bucketOf[q] * classCount
        remove(p); remove(q)
        add(p, to: b); add(q, to: a)
        if bp == bq {
            buckets.inClass[bp + a][buckets.inClass[bp + a].firstIndex(of: p)!] = q
            buckets.inClass[bp + b][buckets.inClass[bp + b].firstIndex(of: q)!] = p
        } else {
            buckets.inClass[bp + a].remove(at: buckets.inClass[bp + a].firstIndex(of: p)!)
            buckets.inClass[bp + b].append(p)
            buckets.inClass[bq + b].remove(at: buckets.inClass[bq + b].firstIndex(of: q)!)
            buckets.inClass[bq + a].append(q)
        }
    }

    /// Whether exchanging `p` and `q` keeps every apart request.
    func canSwap(_ p: Int, _ q: Int) -> Bool {
        let a = classOf[p], b = classOf[q]
        for r in problem.apart[p] where r != q && classOf[r] == b { return false }
        for r in problem.apart[q] where r != p && classOf[r] == a { return false }
        return true
    }
}
