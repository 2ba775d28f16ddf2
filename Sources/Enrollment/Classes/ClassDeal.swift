/// The two construction steps of class formation: placing the groups that carry hard
/// requests, then dealing every other pupil stratum by stratum (docs/CLASSES.md, steps 2–3).
extension ClassState {
    /// Places the blocks with a together group or an apart request, one connected part of the
    /// apart graph at a time, by depth-first search: blocks larger first, each tried in the
    /// classes from smallest weighted size (then class number), one empty class standing for all.
    mutating func placeConstrainedBlocks() throws(ClassFormationError) {
        let problem = self.problem
        let constrained = problem.blocks.indices.filter { problem.blocks[$0].count > 1 || !problem.apartBlocks(of: $0).isEmpty }
        var component = [Int](repeating: -1, count: problem.blocks.count)
        var placedIDs: [String] = []
        for start in constrained where component[start] < 0 {
            var members = [start]
            component[start] = start
            var i = 0
            while i < members.count {
                for nb in problem.apartBlocks(of: members[i]) where component[nb] < 0 {
                    component[nb] = start; members.append(nb)
                }
                i += 1
            }
            members.sort { (problem.blocks[$0].count, $1) > (problem.blocks[$1].count, $0) }
            let ids = members.flatMap { problem.blocks[$0] }.map { problem.pupils[$0].studentID }
            var budget = 200_000
            if !search(members, 0, &budget) {
                var alone = ClassState(problem)
                var fresh = 200_000
                let culprits = alone.search(members, 0, &fresh) ? placedIDs + ids : ids
                throw .constraintsUnsatisfiable(culprits.sorted())
            }
            placedIDs += ids
        }
    }

    private mutating func search(_ blocks: [Int], _ i: Int, _ budget: inout Int) -> Bool {
        if i == blocks.count { return true }
        budget -= 1
        if budget < 0 { return false }
        let group = problem.blocks[blocks[i]]
        var triedEmpty = false
        for c in (0..<classCount).sorted(by: { (weighted[$0], $0) < (weighted[$1], $1) }) {
            if heads[c] == 0 {
                if triedEmpty { continue }
                triedEmpty = true
            }
            guard fits(group, in: c) else { continue }
            for p in group { add(p, to: c) }
            if search(blocks, i + 1, &budget) { return true }
            for p in group { remove(p) }
        }
        return false
    }

    /// Deals every unplaced pupil. Strata (care profile × gender) go in turn: profiles with
    /// `disabled` first, then by more care groups, then by the profile's groups; boys before girls.
    /// Inside a stratum pupils are sorted by band value (descending, missing last; ties by
    /// rank), cut into bands of k pupils, and each band is dealt in lottery order. Each pupil
    /// joins, among the classes it fits, the one where it breaks the fewest balance targets
    /// (weighted size, its gender, each of its care groups: a class may not pass ⌈total/k⌉,
    /// and no more classes than total mod k may reach it), then the fewest of its stratum, then the
    /// fewest of its care groups, then of its gender, then the smallest weighted size, then
    /// the earliest in the snake order of the stratum's current round.
    mutating func deal() throws(ClassFormationError) {
        let problem = self.problem
        let k = classCount
        var members: [ClassProblem.Profile: [Int]] = [:]
        var counts: [ClassProblem.Profile: [Int]] = [:]
        for p in problem.pupils.indices {
            let s = problem.profile(of: p)
            if classOf[p] >= 0 {
                counts[s, default: [Int](repeating: 0, count: k)][classOf[p]] += 1
            } else {
                members[s, default: []].append(p)
            }
        }
        let order = members.keys.sorted {
            ($0.disabled ? 0 : 1, -$0.careMask.nonzeroBitCount, $0.careMask, $0.male ? 0 : 1)
                < ($1.disabled ? 0 : 1, -$1.careMask.nonzeroBitCount, $1.careMask, $1.male ? 0 : 1)
        }
        let careCount = problem.policy.careGroups.count
        let totalWeight = problem.weight.reduce(0, +)
        let totalBoys = problem.pupils.filter { $0.gender == .male }.count
        var careTotals = [Int](repeating: 0, count: careCount)
        for mask in problem.careMask { for t in 0..<careCount where mask & (1 << UInt64(t)) != 0 { careTotals[t] += 1 } }
        var violations = [Int](repeating: 0, count: k)
        // Adds 1 to violations[c] for each class c where one more pupil (inc) would leave the
        // counts of an attribute with this total unable to end within 1 of each other.
        func mark(total: Int, inc: Int, _ count: (Int) -> Int) {
            let ceiling = (total + k - 1) / k, extra = total % k
            var atCeiling = 0
            if extra > 0 { for c in 0..<k where count(c) >= ceiling { atCeiling += 1 } }
            for c in 0..<k {
                let after = count(c) + inc
                if after > ceiling || (extra > 0 && after == ceiling && count(c) < ceiling && atCeiling >= extra) { violations[c] += 1 }
            }
        }
        for s in order {
            var count = counts[s] ?? [Int](repeating: 0, count: k)
            let band = members[s]!.map { (p: $0, value: bandValue($0)) }.sorted {
                switch ($0.value, $1.value) {
                case let (a?, b?): return a != b ? a > b : $0.p < $1.p
                case (.some, nil): return true
                case (nil, .some): return false
                case (nil, nil): return $0.p < $1.p
                }
            }.map(\.p)
            var dealt = 0
            for start in stride(from: 0, to: band.count, by: k) {
                for p in band[start..<min(start + k, band.count)].sorted() {
                    let round = dealt / k
                    for c in 0..<k { violations[c] = 0 }
                    mark(total: totalWeight, inc: problem.weight[p]) { self.weighted[$0] }
                    if s.male {
                        mark(total: totalBoys, inc: 1) { self.boys[$0] }
                    } else {
                        mark(total: problem.pupils.count - totalBoys, inc: 1) { self.heads[$0] - self.boys[$0] }
                    }
                    var tags = problem.careMask[p]
                    while tags != 0 {
                        let t = tags.trailingZeroBitCount
                        mark(total: careTotals[t], inc: 1) { self.care[$0 * careCount + t] }
                        tags &= tags - 1
                    }
                    var best = -1
                    var bestKey: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0)
                    for c in 0..<k where fits(CollectionOfOne(p), in: c) {
                        var careSum = 0
                        var mask = problem.careMask[p]
                        while mask != 0 {
                            careSum += care[c * careCount + mask.trailingZeroBitCount]
                            mask &= mask - 1
                        }
                        let gender = s.male ? boys[c] : heads[c] - boys[c]
                        let snake = round % 2 == 0 ? c : k - 1 - c
                        let key = (violations[c], count[c], careSum, gender, weighted[c], snake)
                        if best < 0 || key < bestKey { best = c; bestKey = key }
                    }
                    guard best >= 0 else { throw .noClassFor(problem.pupils[p].studentID) }
                    add(p, to: best)
                    count[best] += 1
                    dealt += 1
                }
            }
        }
    }

    /// The value that orders a stratum into bands: the score, else the mean of the pupil's
    /// subject scores, else none.
    private func bandValue(_ p: Int) -> Double? {
        let pupil = problem.pupils[p]
        if let s = pupil.score { return s }
        guard !pupil.subjectScores.isEmpty else { return nil }
        return pupil.subjectScores.keys.sorted().reduce(0.0) { $0 + pupil.subjectScores[$1]! } / Double(pupil.subjectScores.count)
    }
}
