/// Where a school's admission stopped (录取线): the `(tier, tieRank)` of the last student it
/// admitted by priority. An applicant with a better pair would have been admitted under
/// deferred acceptance.
package struct Cutoff: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var tier: Int
    package var tieRank: Int

    package init(tier: Int, tieRank: Int) {
        self.tier = tier
        self.tieRank = tieRank
    }

    package static func < (a: Cutoff, b: Cutoff) -> Bool { (a.tier, a.tieRank) < (b.tier, b.tieRank) }

    package var description: String { "tier \(tier), tie-break rank \(tieRank)" }
}

/// Cutoffs and waitlists (候补) of a placement: pure functions of the instance and the
/// matching.
package enum Waitlist {
    /// The cutoff of each school: the worst `(tier, tieRank)` among the students seated there
    /// who listed it (admitted by priority, not by reassignment); nil when those students do
    /// not fill the school (it took everyone who came) or there are none.
    /// - Complexity: O(n + m).
    package static func cutoffs(_ matching: Matching, in instance: MatchingInstance) -> [Cutoff?] {
        let m = instance.schoolCount
        var worst = [UInt64](repeating: 0, count: m)
        var admitted = [Int](repeating: 0, count: m)
        for i in 0..<instance.studentCount {
            guard let s = matching.school(of: i), let rank = matching.choiceRank(of: i) else { continue }
            let key = instance.priorityKey(choice: instance.choiceRange(of: i).lowerBound + rank - 1, student: i)
            worst[s] = admitted[s] == 0 ? key : max(worst[s], key)
            admitted[s] += 1
        }
        return (0..<m).map { s in
            guard admitted[s] > 0, admitted[s] >= Int(instance.capacities[s]) else { return nil }
            return Cutoff(tier: PriorityKey.tier(worst[s]), tieRank: PriorityKey.tieRank(worst[s]))
        }
    }

    /// The waitlist of each school: the students who listed it above the school they hold —
    /// or listed it at all, if they hold no seat or one they did not list (reassigned) — in
    /// `(tier at that school, tieRank)` order, best first.
    /// - Complexity: O(c + Σ w log w) for waitlists of length w.
    package static func waitlists(_ matching: Matching, in instance: MatchingInstance) -> [[Int]] {
        var keyed = [[UInt64]](repeating: [], count: instance.schoolCount)
        for i in 0..<instance.studentCount {
            let range = instance.choiceRange(of: i)
            let above = matching.choiceRank(of: i).map { range.prefix($0 - 1) } ?? range[...]
            for c in above { keyed[Int(instance.choiceSchools[c])].append(instance.priorityKey(choice: c, student: i)) }
        }
        let studentOfRank = instance.studentsByTieRank()
        return keyed.map { keys in keys.sorted().map { Int(studentOfRank[PriorityKey.tieRank($0)]) } }
    }
}
