/// Promotion from waitlists after withdrawals (候补递补): each freed seat goes to the first
/// student on the school's waitlist who still prefers that school to the seat they hold; that
/// student's old seat is freed in turn and goes down its own waitlist, until a waitlist runs
/// out of such students (the seat stays empty) — a vacancy chain.
///
/// Order, which matters when several seats are free at once: one seat at a time, always at
/// the school with the lowest index among those with a free seat still to fill; a seat freed
/// by a promotion joins the free seats at once and is taken in the same order. A student
/// passed over at a school (withdrawn, or holding a seat they like as much or more) is never
/// reconsidered there: their seat only ever improves. Every promotion moves a student strictly
/// up their own list, so the process ends after at most (choices in all) promotions.
package enum VacancyChain {
    /// Frees the seats of the `withdrawn` students and promotes down the `waitlists`.
    /// - Parameters:
    ///   - withdrawn: students who give up their seat (duplicates and unplaced ones are ignored);
    ///     they are never promoted.
    ///   - matching: the current placement (after reassignment, if any).
    ///   - waitlists: per school, students best first (as `Waitlist.waitlists` gives them).
    /// - Returns: the promotions in the order made, the new matching, and per school the seats
    ///   freed and left empty.
    /// - Complexity: O(m · promotions + Σ waitlist lengths).
    package static func promote(
        withdrawn: [Int], from matching: Matching, waitlists: [[Int]], in instance: MatchingInstance
    ) -> VacancyChainResult {
        precondition(waitlists.count == instance.schoolCount, "one waitlist per school")
        var result = matching
        var vacancies = [Int](repeating: 0, count: instance.schoolCount)
        var gone = [Bool](repeating: false, count: instance.studentCount)
        // Schools with a free seat, highest index first so that the lowest pops first.
        var pending: [Int] = []
        func enqueue(_ school: Int) {
            let at = pending.partitioningIndex { $0 <= school }
            if at == pending.count || pending[at] != school { pending.insert(school, at: at) }
        }
        func free(_ school: Int) {
            vacancies[school] += 1
            enqueue(school)
        }
        for student in withdrawn where !gone[student] {
            gone[student] = true
            if let s = result.school(of: student) {
                result.unseat(student)
                free(s)
            }
        }
        var next = [Int](repeating: 0, count: instance.schoolCount)
        var moves: [VacancyMove] = []
        while let s = pending.popLast() {
            let list = waitlists[s]
            var promoted: Int? = nil
            while promoted == nil, next[s] < list.count {
                let student = list[next[s]]
                next[s] += 1
                if !gone[student], let rank = instance.choiceRank(of: student, for: s),
                    rank < result.choiceRank(of: student) ?? Int.max
                {
                    promoted = student
                }
            }
            guard let student = promoted else { continue }
            let old = result.school(of: student)
            result.seat(student, at: s, in: instance)
            vacancies[s] -= 1
            moves.append(VacancyMove(student: student, from: old, to: s))
            if vacancies[s] > 0 { enqueue(s) }
            if let old { free(old) }
        }
        return VacancyChainResult(moves: moves, matching: result, emptySeats: vacancies)
    }
}

/// One promotion of a vacancy chain.
package struct VacancyMove: Hashable, Sendable {
    package var student: Int
    /// The school the student left (nil if they held no seat).
    package var from: Int?
    /// The school the student moved up to.
    package var to: Int

    package init(student: Int, from: Int?, to: Int) {
        self.student = student
        self.from = from
        self.to = to
    }
}

/// What a run of vacancy chains did.
package struct VacancyChainResult: Hashable, Sendable {
    /// The promotions in the order made.
    package var moves: [VacancyMove]
    /// The placement after the promotions (withdrawn students unplaced).
    package var matching: Matching
    /// Per school, the freed seats that no waitlisted student wanted.
    package var emptySeats: [Int]
}

extension Array {
    /// The first index whose element satisfies `belongs`, for an array partitioned so that
    /// all such elements come last.
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if belongs(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}
