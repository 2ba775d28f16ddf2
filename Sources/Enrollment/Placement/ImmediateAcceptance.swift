import EnrollmentIO
import EnrollmentCase

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
        let n = instance.studentCount, m = instance.schoolCount
        var remaining = instance.capacities
        var schoolIndices = [Int32](repeating: -1, count: n)
        var choiceRanks = [Int32](repeating: 0, count: n)
        let studentOfRank = instance.studentsByTieRank()
        var applying = (0..<n).filter { !instance.choiceRange(of: $0).isEmpty }.map { Int32($0) }
        var bucketStart = [Int](repeating: 0, count: m + 1)
        var keys = [UInt64](repeating: 0, count: n)
        var round = 0
        while !applying.isEmpty {
            for s in 0...m { bucketStart[s] = 0 }
            for i in applying {
                let s = Int(instance.choiceSchools[Int(instance.choiceOffsets[Int(i)]) + round])
                bucketStart[s + 1] += 1
            }
            for s in 0..<m { bucketStart[s + 1] += bucketStart[s] }
            var fill = bucketStart
            for i in applying {
                let c = Int(instance.choiceOffsets[Int(i)]) + round
                let s = Int(instance.choiceSchools[c])
                keys[fill[s]] = instance.priorityKey(choice: c, student: Int(i))
                fill[s] += 1
            }
            for s in 0..<m where bucketStart[s] < bucketStart[s + 1] {
                let applicants = bucketStart[s]..<bucketStart[s + 1]
                let seats = Int(remaining[s])
                if seats == 0 { continue }
                if applicants.count > seats { keys[applicants].sort() }
                let admitted = applicants.prefix(seats)
                for a in admitted {
                    let student = Int(studentOfRank[PriorityKey.tieRank(keys[a])])
                    schoolIndices[student] = Int32(s)
                    choiceRanks[student] = Int32(round + 1)
                }
                remaining[s] -= Int32(admitted.count)
            }
            round += 1
            applying.removeAll { i in
                schoolIndices[Int(i)] >= 0 || instance.choiceRange(of: Int(i)).count <= round
            }
        }
        return Matching(schoolIndices: schoolIndices, choiceRanks: choiceRanks)
    }

    /// Runs the mechanism on an instance expanded into seat groups (`SeatGroups.expand`): round
    /// k takes every student's k-th *school*, all its groups at once. The school's round-k
    /// applicants go through its groups in processing order; each group admits, in its own
    /// `(tier, tieRank)` order, those who list it up to the seats it still has, and passes the
    /// others to the next group. The result is on the expanded instance.
    /// - Complexity: O(c + Σ over rounds and groups of a log a) for a the group's applicants.
    public static func match(_ expanded: MatchingInstance, groups: SeatGroups) -> Matching {
        guard !groups.isTrivial else { return match(expanded) }
        let n = expanded.studentCount
        var remaining = expanded.capacities
        var schoolIndices = [Int32](repeating: -1, count: n)
        var choiceRanks = [Int32](repeating: 0, count: n)
        // The position in each student's expanded list where their next school's groups start.
        var cursor = (0..<n).map { Int(expanded.choiceOffsets[$0]) }
        var applying = (0..<n).filter { !expanded.choiceRange(of: $0).isEmpty }
        while !applying.isEmpty {
            // The applicants of each school this round, in student order: (student, block of entries).
            var bySchool: [Int: [(student: Int, block: Range<Int>)]] = [:]
            for i in applying {
                let start = cursor[i], end = expanded.choiceRange(of: i).upperBound
                let school = groups.groups[Int(expanded.choiceSchools[start])].school
                var stop = start + 1
                while stop < end, groups.groups[Int(expanded.choiceSchools[stop])].school == school { stop += 1 }
                bySchool[school, default: []].append((i, start..<stop))
            }
            for school in bySchool.keys.sorted() {
                var candidates = bySchool[school]!
                for g in groups.groups(of: school) where remaining[g] > 0 && !candidates.isEmpty {
                    var keyed: [(key: UInt64, candidate: Int, entry: Int)] = []
                    for (k, candidate) in candidates.enumerated() {
                        guard let c = candidate.block.first(where: { Int(expanded.choiceSchools[$0]) == g }) else { continue }
                        keyed.append((expanded.priorityKey(choice: c, student: candidate.student), k, c))
                    }
                    keyed.sort { $0.key < $1.key }
                    var admitted = Set<Int>()
                    for (_, k, c) in keyed.prefix(Int(remaining[g])) {
                        let i = candidates[k].student
                        schoolIndices[i] = Int32(g)
                        choiceRanks[i] = Int32(c - Int(expanded.choiceOffsets[i]) + 1)
                        admitted.insert(k)
                    }
                    remaining[g] -= Int32(admitted.count)
                    candidates = candidates.enumerated().filter { !admitted.contains($0.offset) }.map(\.element)
                }
                for candidate in candidates { cursor[candidate.student] = candidate.block.upperBound }
            }
            applying.removeAll { schoolIndices[$0] >= 0 || cursor[$0] == expanded.choiceRange(of: $0).upperBound }
        }
        return Matching(schoolIndices: schoolIndices, choiceRanks: choiceRanks)
    }
}
