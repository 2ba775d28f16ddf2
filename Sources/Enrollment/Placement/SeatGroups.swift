import EnrollmentIO
import EnrollmentCase

/// The seats of each school in the groups they are filled in: a school without reserved seats
/// is one group of all its seats; a school with reserved seats (预留学位, `ReservedSeats`) is a
/// group per reserve and a group of the open seats left, in the policy's `reserve_order` — the
/// open seats in two groups where a reserve has a cap: those the category may take (the cap
/// less its reserved seats) and, first, those it may not; a private school's purchased places
/// (政府购买学位) are a last group that no list names, which reassignment fills (`Reassignment`).
///
/// The mechanisms run on the *expanded* instance (`expand`), whose "schools" are the groups:
/// every student lists, in place of a school, all its groups in processing order, with the
/// school's tier at each — raised, at a reserved group, above every tier of the case for a
/// student outside the category, so that the category comes first there and everyone else
/// after it, in the usual order. Filling the groups one after another by these priorities is
/// what deferred acceptance does on the expanded instance (slot-specific priorities, Kominers
/// and Sönmez 2016): a reserved seat the category leaves goes to the next applicant in the open
/// order, in the same run, and stability on the expanded instance is the guarantee `verify`
/// checks. Immediate acceptance takes a school's groups in one round (`ImmediateAcceptance`).
public struct SeatGroups: Hashable, Sendable {
    /// One group of a school's seats.
    package struct Group: Hashable, Sendable {
        /// What the seats are for.
        package enum Kind: Hashable, Sendable {
            /// Everyone's, by priority.
            case open
            /// Held for a category first, then everyone's.
            case reserved(String)
            /// Open seats the category may not take (beyond its cap).
            case openExcept(String)
            /// Bought by the government; filled by reassignment only.
            case purchased
        }

        /// The school index.
        package var school: Int
        package var kind: Kind
        package var seats: Int

        /// The category the seats are held for, if reserved.
        package var category: String? {
            if case .reserved(let category) = kind { return category }
            return nil
        }
    }

    /// The groups, school after school, each school's in processing order.
    package let groups: [Group]
    /// `schoolCount + 1` offsets: the groups of school s are `offsets[s]..<offsets[s + 1]`.
    package let offsets: [Int]

    /// The groups of schools of `capacities` holding `reserves` (school index, category, seats,
    /// cap; several at one school are processed in the order given) and `purchased` places
    /// (none when empty, else one count per school).
    /// - Precondition: every school index in range, at most one reserve per school and
    ///   category, at most one cap per school and none below its reserve's seats, and a school's
    ///   reserves and purchased places at most its capacity (`enroll validate` refuses the rest).
    /// - Complexity: O(m + r) for m schools and r reserves.
    package init(capacities: [Int], reserves: [(school: Int, category: String, seats: Int, cap: Int?)] = [], order: ReserveOrder = .openFirst,
                purchased: [Int] = []) {
        var held = [[(category: String, seats: Int, cap: Int?)]](repeating: [], count: capacities.count)
        for r in reserves { held[r.school].append((r.category, r.seats, r.cap)) }
        var groups: [Group] = [], offsets = [0]
        for (s, capacity) in capacities.enumerated() {
            let bought = purchased.isEmpty ? 0 : purchased[s]
            let reserved = held[s].map { Group(school: s, kind: .reserved($0.category), seats: $0.seats) }
            let openSeats = capacity - bought - reserved.reduce(0) { $0 + $1.seats }
            precondition(openSeats >= 0, "school #\(s) reserves or sells more seats than it has")
            // Under a cap, the open seats the category may take come after those it may not, so
            // that everyone else fills these first and the category's share is what the cap leaves.
            var open = [Group(school: s, kind: .open, seats: openSeats)]
            if let capped = held[s].first(where: { $0.cap != nil }) {
                let allowed = min(openSeats, capped.cap! - capped.seats)
                open = [Group(school: s, kind: .openExcept(capped.category), seats: openSeats - allowed), Group(school: s, kind: .open, seats: allowed)]
            }
            groups += reserved.isEmpty ? open : order == .openFirst ? open + reserved : reserved + open
            if bought > 0 { groups.append(Group(school: s, kind: .purchased, seats: bought)) }
            offsets.append(groups.count)
        }
        self.groups = groups
        self.offsets = offsets
    }

    /// The groups of a level's `schools` (in the order of the instance's schools) under the
    /// policy's reserved seats and each school's purchased places.
    /// - Complexity: O(m + r).
    package init(schools: [School], policy: Policy) {
        var index: [String: Int] = [:]
        for (k, s) in schools.enumerated() { index[s.id] = k }
        self.init(capacities: schools.map(\.capacity),
                  reserves: policy.reservedSeats.compactMap { r in index[r.school].map { ($0, r.category, r.seats, r.cap) } },
                  order: policy.reserveOrder, purchased: schools.map(\.purchasedPlaces))
    }

    package var schoolCount: Int { offsets.count - 1 }

    /// Whether every school is one group (no reserved seats): the expanded instance is the instance.
    package var isTrivial: Bool { groups.count == schoolCount }

    /// The groups of `school`, in processing order.
    package func groups(of school: Int) -> Range<Int> { offsets[school]..<offsets[school + 1] }

    /// What a group is, as the run's files write it: `all` (a school of one group), `open`,
    /// `reserved:<category>`, `open-except:<category>` or `purchased`.
    package func label(of group: Int) -> String { seatsLabel(of: group).code }

    /// The label of `group`, typed (`all` for the one group of a school without reserved seats).
    package func seatsLabel(of group: Int) -> SeatsLabel {
        let g = groups[group]
        switch g.kind {
        case .open: return groups(of: g.school).count == 1 ? .all : .open
        case .reserved(let category): return .reserved(category: category)
        case .openExcept(let category): return .openExcept(category: category)
        case .purchased: return .purchased
        }
    }

    /// The group of `school` that `label` names, if any.
    package func group(of school: Int, label: String) -> Int? {
        groups(of: school).first { self.label(of: $0) == label }
    }

    /// The instance whose schools are the groups: each student's list with every school
    /// replaced by its groups in processing order (purchased places left out, and the open seats
    /// a capped category may not take left out for its members), the school's tier at each,
    /// raised by the span of the case's tiers at a reserved group whose category the student is
    /// not in.
    /// - Parameter isMember: whether student i is in a category.
    /// - Precondition: `instance.schoolCount == schoolCount`.
    /// - Complexity: O(n + c · g) for c choices and g groups a school at most.
    package func expand(_ instance: MatchingInstance, isMember: (_ student: Int, _ category: String) -> Bool) -> MatchingInstance {
        precondition(instance.schoolCount == schoolCount, "one school of the groups per school of the instance")
        guard !isTrivial else { return instance }
        let tiers = instance.choiceTiers.lazy.map(Int.init)
        let span = (tiers.max() ?? 0) - (tiers.min() ?? 0) + 1
        var offsets: [Int32] = [0], schools: [Int32] = [], groupTiers: [Int32] = []
        offsets.reserveCapacity(instance.studentCount + 1)
        for i in 0..<instance.studentCount {
            for c in instance.choiceRange(of: i) {
                let tier = Int(instance.choiceTiers[c])
                for g in groups(of: Int(instance.choiceSchools[c])) where groups[g].kind != .purchased {
                    if case .openExcept(let category) = groups[g].kind, isMember(i, category) { continue }
                    let outside = groups[g].category.map { !isMember(i, $0) } ?? false
                    guard let t = Int32(exactly: outside ? tier + span : tier) else {
                        preconditionFailure("a tier raised at a reserved group exceeds 32 bits")
                    }
                    schools.append(Int32(g))
                    groupTiers.append(t)
                }
            }
            offsets.append(Int32(schools.count))
        }
        do {
            return try MatchingInstance(capacities: groups.map { Int32($0.seats) }, choiceOffsets: offsets, choiceSchools: schools,
                                        choiceTiers: groupTiers, tieRanks: instance.tieRanks)
        } catch {
            preconditionFailure("the seat groups built an invalid instance: \(error)")
        }
    }

    /// A matching on the expanded instance as one on the schools of `instance`, with the
    /// choice ranks of `instance`.
    /// - Complexity: O(n + c).
    package func schoolMatching(_ matching: Matching, in instance: MatchingInstance) -> Matching {
        guard !isTrivial else { return matching }
        return Matching(schools: matching.schoolIndices.map { $0 < 0 ? nil : groups[Int($0)].school }, in: instance)
    }
}
