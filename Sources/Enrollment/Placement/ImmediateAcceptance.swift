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
}
