import EnrollmentCase

/// One admission round of graduates to seat pools (a junior school's quota seats at a high
/// school, a high school's second-round quota seats, or its open seats): the matching instance
/// and its outcome.
///
/// Every graduate of the case is a student of the instance (those who take no part have an
/// empty list), so tie-break ranks stay the global permutation of `QuotaPriority`; the tier of a
/// graduate is their merit tier at every pool.
///
/// Under `LastSeatTieRule.lottery` the round is the placement engine's mechanism, unchanged.
/// Under `.admitAll`, a pool that has given its last seat to a graduate of merit tier t also
/// admits every later applicant of tier t (in the same round, under immediate acceptance). As
/// every pool orders graduates by the same global key, deferred acceptance is then serial
/// dictatorship by `(tier, tieRank)` with that rule. The instance is rebuilt with each pool's
/// seats raised to what it admitted, so `MatchingAudit` applies to the result unchanged.
struct SeatRound {
    /// The pools' seats as given (before any tie admitted above them).
    let seats: [Int]
    let instance: MatchingInstance
    let matching: Matching

    /// - Complexity: that of the mechanism; under `.admitAll`, O(n log n + c).
    init(seats: [Int], lists: [[Int]], priority: QuotaPriority, mechanism: Mechanism, ties: LastSeatTieRule) {
        let tiers = lists.indices.map { i in [Int](repeating: priority.tiers[i], count: lists[i].count) }
        self.seats = seats
        guard ties == .admitAll else {
            instance = Self.instance(capacities: seats, lists: lists, tiers: tiers, priority: priority)
            matching = mechanism.match(instance)
            return
        }
        let schools = mechanism == .deferredAcceptance
            ? Self.serialDictatorship(seats: seats, lists: lists, priority: priority)
            : Self.roundByRound(seats: seats, lists: lists, priority: priority)
        var occupancy = seats.map { _ in 0 }
        for s in schools { if let s { occupancy[s] += 1 } }
        instance = Self.instance(capacities: zip(seats, occupancy).map { max($0, $1) }, lists: lists, tiers: tiers, priority: priority)
        matching = Matching(schools: schools, in: instance)
    }

    private static func instance(capacities: [Int], lists: [[Int]], tiers: [[Int]], priority: QuotaPriority) -> MatchingInstance {
        do {
            return try MatchingInstance(capacities: capacities, preferences: lists, tiers: tiers, tieRanks: priority.tieRanks)
        } catch {
            preconditionFailure("the quota run built an invalid instance: \(error)")
        }
    }

    /// Deferred acceptance under common priorities with ties at the last seat admitted.
    private static func serialDictatorship(seats: [Int], lists: [[Int]], priority: QuotaPriority) -> [Int?] {
        let order = lists.indices.sorted { (priority.tiers[$0], priority.tieRanks[$0]) < (priority.tiers[$1], priority.tieRanks[$1]) }
        var admitted = seats.map { _ in 0 }
        var lastTier = seats.map { _ in -1 }
        var result = [Int?](repeating: nil, count: lists.count)
        for i in order {
            let t = priority.tiers[i]
            guard let p = lists[i].first(where: { admitted[$0] < seats[$0] || (seats[$0] > 0 && lastTier[$0] == t) }) else { continue }
            result[i] = p
            admitted[p] += 1
            lastTier[p] = t
        }
        return result
    }

    /// Immediate acceptance with ties at the last seat of a round admitted.
    private static func roundByRound(seats: [Int], lists: [[Int]], priority: QuotaPriority) -> [Int?] {
        var remaining = seats
        var result = [Int?](repeating: nil, count: lists.count)
        var round = 0
        var applying = lists.indices.filter { !lists[$0].isEmpty }
        while !applying.isEmpty {
            var byPool: [Int: [Int]] = [:]
            for i in applying { byPool[lists[i][round], default: []].append(i) }
            for p in byPool.keys.sorted() {
                let applicants = byPool[p]!.sorted { (priority.tiers[$0], priority.tieRanks[$0]) < (priority.tiers[$1], priority.tieRanks[$1]) }
                var lastTier: Int?
                for i in applicants {
                    if remaining[p] > 0 {
                        remaining[p] -= 1
                        lastTier = remaining[p] == 0 ? priority.tiers[i] : nil
                    } else if lastTier != priority.tiers[i] {
                        break
                    }
                    result[i] = p
                }
            }
            round += 1
            applying.removeAll { result[$0] != nil || lists[$0].count <= round }
        }
        return result
    }
}
