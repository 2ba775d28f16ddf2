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
    /// that lowers it by more than 1e-9. A pupil whose class and candidate classes have not
    /// changed since it was last examined is not re-examined against them (its best swap
    /// cannot have changed), which makes the passes after the first cheap.
    /// - Complexity: O(passes × Σ over profiles of size² × measures).
    mutating func improve(draw: inout some RandomDraw) -> Int {
        let problem = self.problem
        let m = problem.measures.count
        guard m > 0, classCount > 1 else { return 0 }
        let k = classCount
        var bucketOfProfile: [ClassProblem.Profile: Int] = [:]
        var bucketOf = [Int](repeating: -1, count: problem.pupils.count)
        // members[bucket * k + c]: the movable pupils of that profile in class c.
        var members: [[Int]] = []
        var movable: [Int] = []
        for p in problem.pupils.indices where problem.blocks[problem.blockOf[p]].count == 1 {
            let profile = problem.profile(of: p)
            let b = bucketOfProfile[profile] ?? bucketOfProfile.count
            if b == bucketOfProfile.count {
                bucketOfProfile[profile] = b
                members += [[Int]](repeating: [], count: k)
            }
            members[b * k + classOf[p]].append(p)
            bucketOf[p] = b
            movable.append(p)
        }
        let weights = problem.measureWeights
        let deviation = problem.deviation
        // Swaps so far; when each class last changed; when each pupil was last examined.
        var clock = 0
        var changed = [Int](repeating: 0, count: k)
        var examined = [Int](repeating: -1, count: problem.pupils.count)
        var passes = 0
        while passes < problem.policy.maxPasses {
            passes += 1
            var order = movable
            draw.shuffle(&order)
            var swapped = false
            for p in order {
                let a = classOf[p]
                let bucket = bucketOf[p] * k
                // A pupil's best swap changes only with its own class or the partner's class.
                let since = changed[a] > examined[p] ? -1 : examined[p]
                examined[p] = clock
                var best = -1
                var bestDelta = -1e-9
                deviation.withUnsafeBufferPointer { dev in
                    sums.withUnsafeBufferPointer { sum in
                        let pm = p * m, am = a * m
                        for b in 0..<k where b != a && changed[b] > since {
                            let bm = b * m
                            for q in members[bucket + b] {
                                let qm = q * m
                                var delta = 0.0
                                for x in 0..<m {
                                    let d = dev[pm + x] - dev[qm + x]
                                    let sa = sum[am + x], sb = sum[bm + x]
                                    delta += weights[x] * (abs(sa - d) - abs(sa) + abs(sb + d) - abs(sb))
                                }
                                if (delta < bestDelta || (delta == bestDelta && q < best)) && canSwap(p, q) {
                                    best = q; bestDelta = delta
                                }
                            }
                        }
                    }
                }
                if best >= 0 {
                    let b = classOf[best]
                    remove(p); remove(best)
                    add(p, to: b); add(best, to: a)
                    members[bucket + a][members[bucket + a].firstIndex(of: p)!] = best
                    members[bucket + b][members[bucket + b].firstIndex(of: best)!] = p
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

    /// Whether exchanging `p` and `q` keeps every apart request.
    private func canSwap(_ p: Int, _ q: Int) -> Bool {
        let a = classOf[p], b = classOf[q]
        for r in problem.apart[p] where r != q && classOf[r] == b { return false }
        for r in problem.apart[q] where r != p && classOf[r] == a { return false }
        return true
    }
}
