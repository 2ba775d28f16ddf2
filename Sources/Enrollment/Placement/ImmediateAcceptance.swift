/// Immediate acceptance (志愿优先, "first choices first", the Boston mechanism).
///
/// The published round-by-round rule:
/// - Round k (k = 1, 2, …): every student not yet admitted applies to the k-th school on
///   their list (a student whose list is shorter than k no longer applies).
/// - Each school admits its round-k applicants in `(tier, tieRank)` order, lowest first, up to
///   the seats it still has; the others are refused.
/// - Admissions are final: a seat taken in round k is never given back in a later round.
/// - The rounds end after the longest list; whoever is still not admitted is unplaced (and
///   goes on to reassignment).
///
/// Consequences worth telling parents: a school full after round 1 admits nobody who put it
/// second; the mechanism is not strategy-proof (listing a safer school first can pay) and a
/// student can be refused by a school that admits someone of worse priority who listed it
/// higher (justified envy is allowed by design).
public enum ImmediateAcceptance {
    /// Runs the mechanism.
    /// - Complexity: O(c + Σ_k a_k log a_k) for c choices in all and a_k the applicants of
    ///   round k at the most contested school; O(n + m) memory beyond the instance.
    public static func match(_ instance: MatchingInstance) -> Matching {
        match(instance, groups: SeatGroups(capacities: instance.capacities.map(Int.init)))
    }

    /// Runs the mechanism on an instance expanded into seat groups (`SeatGroups.expand`; with
    /// one group per school, the instance itself): round k takes every student's k-th
    /// *school*, all its groups at once. The school's round-k applicants go through its groups
    /// in processing order; each group admits, in its own `(tier, tieRank)` order, those who
    /// list it, up to the seats it still has, and passes the others to the next group. The
    /// result is on the expanded instance.
    /// - Complexity: O(c + Σ_k a_k log a_k) as above, a_k counted per group.
    package static func match(_ expanded: MatchingInstance, groups: SeatGroups) -> Matching {
        let n = expanded.studentCount, m = groups.schoolCount
        let schoolOfGroup = groups.groups.map(\.school)
        var remaining = expanded.capacities
        var schoolIndices = [Int32](repeating: -1, count: n)
        var choiceRanks = [Int32](repeating: 0, count: n)
        let studentOfRank = expanded.studentsByTieRank()
        // Where each student's next school's groups start in their list, and where they end.
        var cursor = (0..<n).map { Int(expanded.choiceOffsets[$0]) }
        var blockEnd = cursor
        var applying = (0..<n).filter { !expanded.choiceRange(of: $0).isEmpty }.map { Int32($0) }
        var bucketStart = [Int](repeating: 0, count: m + 1)
        var bucket = [Int32](repeating: 0, count: n)
        var keys: [UInt64] = []
        while !applying.isEmpty {
            for s in 0...m { bucketStart[s] = 0 }
            for i32 in applying {
                let i = Int(i32), end = expanded.choiceRange(of: i).upperBound
                let school = schoolOfGroup[Int(expanded.choiceSchools[cursor[i]])]
                var stop = cursor[i] + 1
                while stop < end, schoolOfGroup[Int(expanded.choiceSchools[stop])] == school { stop += 1 }
                blockEnd[i] = stop
                bucketStart[school + 1] += 1
            }
            for s in 0..<m { bucketStart[s + 1] += bucketStart[s] }
            var fill = bucketStart
            for i32 in applying {
                let school = schoolOfGroup[Int(expanded.choiceSchools[cursor[Int(i32)]])]
                bucket[fill[school]] = i32
                fill[school] += 1
            }
            for s in 0..<m where bucketStart[s] < bucketStart[s + 1] {
                // The school's applicants still to place this round, as indices into `bucket`.
                var candidates = Array(bucketStart[s]..<bucketStart[s + 1])
                for g in groups.groups(of: s) where remaining[g] > 0 && !candidates.isEmpty {
                    keys.removeAll(keepingCapacity: true)
                    for k in candidates {
                        let i = Int(bucket[k])
                        if let c = (cursor[i]..<blockEnd[i]).first(where: { Int(expanded.choiceSchools[$0]) == g }) {
                            keys.append(expanded.priorityKey(choice: c, student: i))
                        }
                    }
                    let seats = Int(remaining[g])
                    if keys.count > seats { keys.sort() }
                    for key in keys.prefix(seats) {
                        let i = Int(studentOfRank[PriorityKey.tieRank(key)])
                        schoolIndices[i] = Int32(g)
                        let c = (cursor[i]..<blockEnd[i]).first { Int(expanded.choiceSchools[$0]) == g }!
                        choiceRanks[i] = Int32(c - Int(expanded.choiceOffsets[i]) + 1)
                    }
                    remaining[g] -= Int32(min(seats, keys.count))
                    candidates.removeAll { schoolIndices[Int(bucket[$0])] >= 0 }
                }
            }
            applying.removeAll { i32 in
                let i = Int(i32)
                cursor[i] = blockEnd[i]
                return schoolIndices[i] >= 0 || cursor[i] == expanded.choiceRange(of: i).upperBound
            }
        }
        return Matching(schoolIndices: schoolIndices, choiceRanks: choiceRanks)
    }
}
