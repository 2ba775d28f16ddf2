/// The improvement phase of class formation (docs/CLASSES.md, step 4): swaps of two
/// interchangeable pupils in different classes that lower the objective.
extension ClassState {
    /// Runs passes until one makes no swap or `policy.maxPasses` is reached; returns the
    /// number of passes run.
    ///
    /// Only pupils not bound by a together group take part. Two pupils are interchangeable
    /// when they share gender, care profile and disabled status, so every count (size,
    /// weighted size, boys, girls, each care group, disabled) is kept by every swap. A pass
    /// visits those pupils in an order shuffled by `draw` (from rank order); each pupil is
    /// swapped with the interchangeable pupil, in another class, whose swap keeps every
    /// apart request and lowers the objective most (ties: the earlier in lottery rank), if
    /// that lowers it by more than 1e-9.
    /// - Complexity: O(passes × Σ over profiles of size² × measures).
    mutating func improve(draw: inout some RandomDraw) -> Int {
        let problem = self.problem
        let m = problem.measures.count
        guard m > 0, classCount > 1 else { return 0 }
        var buckets: [ClassProblem.Profile: [Int]] = [:]
        var movable: [Int] = []
        for p in problem.pupils.indices where problem.blocks[problem.blockOf[p]].count == 1 {
            buckets[problem.profile(of: p), default: []].append(p)
            movable.append(p)
        }
        let bucketOf: [Int: [Int]] = Dictionary(uniqueKeysWithValues: buckets.values.flatMap { b in b.map { ($0, b) } })
        let weights = problem.measureWeights
        let deviation = problem.deviation
        var passes = 0
        while passes < problem.policy.maxPasses {
            passes += 1
            var order = movable
            draw.shuffle(&order)
            var swapped = false
            for p in order {
                let a = classOf[p]
                var best = -1
                var bestDelta = -1e-9
                for q in bucketOf[p]! {
                    let b = classOf[q]
                    if b == a { continue }
                    var delta = 0.0
                    for k in 0..<m {
                        let d = deviation[p * m + k] - deviation[q * m + k]
                        let sa = sums[a * m + k], sb = sums[b * m + k]
                        delta += weights[k] * (abs(sa - d) - abs(sa) + abs(sb + d) - abs(sb))
                    }
                    if delta < bestDelta && canSwap(p, q) { best = q; bestDelta = delta }
                }
                if best >= 0 {
                    let b = classOf[best]
                    remove(p); remove(best)
                    add(p, to: b); add(best, to: a)
                    swapped = true
                }
            }
            if !swapped { break }
        }
        return passes
    }

    /// Whether exchanging `p` and `q` keeps every apart request.
    private func canSwap(_ p: Int, _ q: Int) -> Bool {
        let a = classOf[p], b = classOf[q]
        for r in problem.apart[p] where r != q && classOf[r] == b { return false }
        for r in problem.apart[q] where r != p && classOf[r] == a { return false }
        return true
    }
}
