import EnrollmentIO

/// The ring draws of named schools inside a placement (`ring_draw_schools`, docs/LOTTERY.md
/// section 7). At a ring school, the applicants whose effective list holds it — in the
/// instance's student order, which is `student_id` order — are numbered 1…n; the school's ring
/// (its start number and interval) gives each a position, and the school orders its applicants
/// by (tier, position) instead of (tier, lottery number). Every other school keeps the lottery.
///
/// The mechanisms see the rings through the tiers alone: at a ring school's seat group the tier
/// becomes `tier × n + position − 1` (`applied(to:groups:)`), which orders the applicants the
/// same way and never ties, so deferred and immediate acceptance, the stability audit, the
/// cutoffs and the waitlists serve both tie-breaks unchanged; `decode` gives the tier and the
/// position back for the files.
package struct SchoolRings: Sendable {
    /// One ring school: its applicants in increasing student index, and each one's position.
    package struct Ring: Sendable {
        package var school: Int
        package var members: [Int32]
        package var positions: [Int32]
    }

    /// Why the rings cannot be used.
    package enum Problem: Error, Equatable {
        /// The draw of `school` does not fit its list.
        case draw(school: Int, RingSelectionError)
        /// The recorded positions at `school` are not 1…n, each once.
        case positionsNotARing(school: Int)
        /// A tier at `school` times its number of applicants leaves 32 bits.
        case tierTooLarge(school: Int)
    }

    /// The ring schools, in increasing school index.
    package let rings: [Ring]
    /// For each ring school, its entry in `rings`.
    private let ringOfSchool: [Int: Int]

    /// No school drawn by a ring.
    package static let none = SchoolRings(rings: [])

    private init(rings: [Ring]) {
        self.rings = rings.sorted { $0.school < $1.school }
        var index: [Int: Int] = [:]
        for (k, ring) in self.rings.enumerated() { index[ring.school] = k }
        ringOfSchool = index
    }

    /// The rings `draws` give at their schools of `instance` (schools, not seat groups).
    /// - Throws: `Problem.draw` for an empty list, s outside 1…n, k below 1.
    /// - Complexity: O(c + Σ n log n) for c choices and n applicants at each ring school.
    package init(drawing draws: [(school: Int, draw: RingDraw)], in instance: MatchingInstance) throws(Problem) {
        guard !draws.isEmpty else { self = .none; return }
        var slot = [Int](repeating: -1, count: instance.schoolCount)
        for (k, d) in draws.enumerated() { slot[d.school] = k }
        var members = [[Int32]](repeating: [], count: draws.count)
        for i in 0..<instance.studentCount {
            for c in instance.choiceRange(of: i) where slot[Int(instance.choiceSchools[c])] >= 0 {
                members[slot[Int(instance.choiceSchools[c])]].append(Int32(i))
            }
        }
        var rings: [Ring] = []
        for (k, d) in draws.enumerated() {
            do {
                let positions = try d.draw.positions(count: members[k].count).map(Int32.init)
                rings.append(Ring(school: d.school, members: members[k], positions: positions))
            } catch {
                throw .draw(school: d.school, error)
            }
        }
        self.init(rings: rings)
    }

    /// The rings as a placement's files record them: per ring school, each applicant (student
    /// index) and the position given there.
    /// - Throws: `Problem.positionsNotARing` when a school's positions are not 1…n, each once.
    /// - Complexity: O(Σ n log n).
    package init(recorded: [(school: Int, entries: [(student: Int32, position: Int32)])]) throws(Problem) {
        var rings: [Ring] = []
        for (school, entries) in recorded {
            let sorted = entries.sorted { $0.student < $1.student }
            var seen = [Bool](repeating: false, count: sorted.count + 1)
            for e in sorted {
                guard e.position >= 1, Int(e.position) <= sorted.count, !seen[Int(e.position)] else { throw .positionsNotARing(school: school) }
                seen[Int(e.position)] = true
            }
            rings.append(Ring(school: school, members: sorted.map(\.student), positions: sorted.map(\.position)))
        }
        self.init(rings: rings)
    }

    package var isEmpty: Bool { rings.isEmpty }

    /// The position of `student` in the ring of `school`; nil when the school has no ring or
    /// the student does not list it.
    /// - Complexity: O(log n).
    package func position(of student: Int, at school: Int) -> Int? {
        guard let k = ringOfSchool[school] else { return nil }
        let ring = rings[k]
        var (low, high) = (0, ring.members.count)
        while low < high {
            let mid = (low + high) / 2
            if Int(ring.members[mid]) < student { low = mid + 1 } else { high = mid }
        }
        return low < ring.members.count && Int(ring.members[low]) == student ? Int(ring.positions[low]) : nil
    }

    /// The tier and ring position a tier of `applied(to:groups:)` stands for at `school`; the
    /// tier itself and nil at a school without a ring.
    package func decode(_ tier: Int, at school: Int) -> (tier: Int, position: Int?) {
        guard let k = ringOfSchool[school] else { return (tier, nil) }
        let n = rings[k].members.count
        let q = tier.dividingFloor(by: n)
        return (q, tier - q * n + 1)
    }

    /// `instance` (whose schools are `groups`' seat groups) with the tier at each ring school's
    /// group replaced by `tier × n + position − 1`.
    /// - Precondition: a ring school's applicants list one group of it (no reserved seats:
    ///   `enroll validate` refuses them at a ring school).
    /// - Throws: `Problem.tierTooLarge` when such a tier leaves 32 bits.
    /// - Complexity: O(c log n).
    package func applied(to instance: MatchingInstance, groups: SeatGroups) throws(Problem) -> MatchingInstance {
        guard !isEmpty else { return instance }
        var tiers = instance.choiceTiers
        for i in 0..<instance.studentCount {
            for c in instance.choiceRange(of: i) {
                let school = groups.groups[Int(instance.choiceSchools[c])].school
                guard let k = ringOfSchool[school], let position = position(of: i, at: school) else { continue }
                guard let t = Int32(exactly: Int(tiers[c]) * rings[k].members.count + position - 1) else { throw .tierTooLarge(school: school) }
                tiers[c] = t
            }
        }
        do {
            return try MatchingInstance(capacities: instance.capacities, choiceOffsets: instance.choiceOffsets, choiceSchools: instance.choiceSchools,
                                        choiceTiers: tiers, tieRanks: instance.tieRanks)
        } catch {
            preconditionFailure("the ring tiers built an invalid instance: \(error)")
        }
    }
}

extension Int {
    /// The quotient rounded toward minus infinity.
    fileprivate func dividingFloor(by d: Int) -> Int {
        let (q, r) = quotientAndRemainder(dividingBy: d)
        return r < 0 ? q - 1 : q
    }
}
