import EnrollmentCase

/// High-school admission with quota places (指标到校 / 名额分配): each quality high school's
/// quota divided among the junior schools (`QuotaAllocation`), the quota round in which a
/// junior school's graduates compete only for its own seats, the open round (统招) for every
/// graduate not yet admitted, in the policy's order, and where unfilled seats went.
///
/// Rules (docs/QUOTA.md states them with examples):
/// - Priority everywhere: `QuotaPriority` (score, the policy's tie-breaks, the lottery number of
///   the draw `quota-admission`).
/// - Quota round: a graduate applies to the quota pools `(high school, own junior school)` of
///   the quality high schools in their `choices`, in that order, if `eligible` and at or above
///   the high school's line. Mechanism: `quota_mechanism`; ties for the last seat: `quota_tie_at_last_seat`.
/// - Line of a high school: the higher of the absolute line (`quota_min_score`) and the relative
///   one (`quota_min_score_below_cutoff` N: the reference open-round cutoff minus N; the
///   reference cutoff is the lowest score admitted by a deferred-acceptance open round of every
///   graduate for the high school's open seats `plan − quota + returned`, run before any quota
///   seat is given; a school that round does not fill has no relative line).
/// - Open round: deferred acceptance over `choices` with the lottery for ties, among every
///   graduate not yet admitted (eligible or not, no line). Its seats at a quality high school are
///   `plan − quota + returned` plus, when it comes after the quota round, the quota seats left
///   unfilled; at another high school, its plan.
/// - `open-first`: the open round, then the quota round among graduates it did not admit; quota
///   seats left unfilled then go to a last open round (`open-returned-seats`) among graduates
///   still not admitted.
/// - `quota_unfilled: second-round`: seats a junior school left unfilled go to one pool per high
///   school, for eligible graduates of any junior school not yet admitted, above the line; what
///   that round leaves goes back to the open round.
/// - Graduates tied at the last seat and admitted above the quota (`admit-all`) add to the
///   plan: they never take an open seat.
///
/// `QuotaAudit` checks a finished run against these rules. Every round is final for whoever it
/// admits. The run depends only on the case and the seed:
/// graduates are handled by `student_id`, schools by `school_id`, every tie by a lottery number.
package struct QuotaRun: Sendable {
    /// How a graduate was admitted.
    package enum Route: String, Sendable {
        case quota
        case open
    }

    /// The round that admitted a graduate.
    package enum Round: String, Sendable {
        /// The quota round, for the graduate's own junior school's seats.
        case quota
        /// The region-wide second quota round (`quota_unfilled: second-round`).
        case secondQuota = "quota-second-round"
        /// The open round (统招).
        case open
        /// Under `open-first`, the open round for quota seats left unfilled.
        case openReturnedSeats = "open-returned-seats"

        package var route: Route { self == .quota || self == .secondQuota ? .quota : .open }
    }

    /// One admitted graduate.
    package struct Admission: Hashable, Sendable {
        package var studentID: String
        package var juniorSchoolID: String
        package var highSchoolID: String
        package var round: Round
        package var score: Score
        /// Tied at the last quota seat of a pool that admitted more than its seats (`admit-all`).
        package var tiedAboveQuota: Bool

        package var route: Route { round.route }
    }

    /// Quota seats that went back to the open round or on to the second round.
    package struct Unfilled: Hashable, Sendable {
        package enum Reason: String, Sendable {
            /// Not given to any junior school by the rounding (`floor-min-one-return-rest`, or no basis).
            case rounding
            /// Given to the junior school, not taken in the quota round.
            case notTaken = "not-taken"
            /// Not taken in the second quota round.
            case notTakenInSecondRound = "not-taken-in-second-round"
        }

        package var highSchoolID: String
        /// The junior school whose seats they were; nil for the rounding and the second round.
        package var juniorSchoolID: String?
        package var seats: Int
        package var reason: Reason
        package var goesTo: QuotaUnfilledRule
    }

    /// A pool of quota seats of one junior school at one high school (a school of the quota
    /// round's matching instance).
    package struct Pool: Hashable, Sendable {
        package var highSchoolID: String
        package var juniorSchoolID: String
        package var seats: Int
    }

    /// A pool that admitted more graduates than its seats because they tied at the last seat.
    package struct TieAboveQuota: Hashable, Sendable {
        package var highSchoolID: String
        /// nil for the second quota round's pool.
        package var juniorSchoolID: String?
        package var seats: Int
        package var admitted: Int
        /// The graduates of the tied merit tier admitted there, by `student_id`.
        package var tiedStudentIDs: [String]
    }

    package let order: QuotaOrder
    package let mechanism: Mechanism
    /// The quality high schools' allocations, by `school_id`.
    package let allocations: [QuotaAllocation]
    /// The line of each quality high school that has one.
    package let scoreLines: [String: Score]
    /// The reference open-round cutoff of each high school it filled (only with a relative line).
    package let referenceCutoffs: [String: Score]
    /// Admitted graduates, by `student_id`.
    package let admissions: [Admission]
    /// Seats not taken or not given, by high school, junior school, reason.
    package let unfilled: [Unfilled]
    /// Every pool that admitted ties above its quota.
    package let tiesAboveQuota: [TieAboveQuota]
    /// The graduates, by `student_id` (the students of the instances, in this order).
    package let graduates: [Graduate]
    package let priority: QuotaPriority
    /// The quota round's pools, by high school then junior school.
    package let pools: [Pool]
    /// The quota round as run (pool seats raised by admitted ties), for `MatchingAudit`.
    package let quotaInstance: MatchingInstance
    package let quotaMatching: Matching
}

extension QuotaRun {
    /// Allocates the quotas and admits the graduates of `admissionCase` under its policy.
    /// - Complexity: O(h · j) allocation plus O(n log n + c) per round for n graduates, c choices.
    package init(admissionCase c: AdmissionCase, seed: String) throws(QuotaError) {
        let policy = c.policy
        let graduates = c.graduates.sorted { $0.id < $1.id }
        let juniors = c.schools(.junior).sorted { $0.id < $1.id }
        let highs = c.schools(.high).sorted { $0.id < $1.id }
        let quality = highs.filter(\.quality)
        guard !quality.isEmpty else { throw .noQualityHighSchools }
        guard !juniors.isEmpty else { throw .noJuniorSchools }
        let juniorIDs = juniors.map(\.id)
        let juniorSet = Set(juniorIDs)
        if let g = graduates.first(where: { !juniorSet.contains($0.juniorSchool) }) {
            throw .unknownJuniorSchool(studentID: g.id, schoolID: g.juniorSchool)
        }
        if case .bySchool(let lines) = policy.quotaMinScore,
           let unknown = lines.keys.sorted().first(where: { id in !quality.contains { $0.id == id } }) {
            throw .scoreLineForUnknownSchool(unknown)
        }
        let subjects = Set(graduates.flatMap { $0.subjectScores.map { "score_\($0.subject)" } })
        if !graduates.isEmpty, let key = policy.quotaTieBreak.first(where: { $0.hasPrefix("score_") && !subjects.contains($0) }) {
            throw .unknownTieBreakSubject(key)
        }
        let bases = try QuotaAllocation.bases(juniorSchools: juniors, graduates: graduates, basis: policy.quotaBasis)
        var allocations: [QuotaAllocation] = []
        for h in quality {
            allocations.append(try QuotaAllocation(highSchool: h, juniorSchoolIDs: juniorIDs, bases: bases, policy: policy, seed: seed))
        }
        let priority = QuotaPriority(graduates: graduates, tieBreak: policy.quotaTieBreak, seed: seed)
        var highIndex: [String: Int] = [:]
        for (k, h) in highs.enumerated() { highIndex[h.id] = k }
        let choices = graduates.map { $0.choices.compactMap { highIndex[$0] } }
        var allocationOf = [Int?](repeating: nil, count: highs.count)
        for (a, allocation) in allocations.enumerated() { allocationOf[highIndex[allocation.highSchoolID]!] = a }

        // Open seats before any unfilled quota seat: plan − quota + returned.
        let openSeats = highs.indices.map { h in
            allocationOf[h].map { highs[h].capacity - allocations[$0].quota + allocations[$0].returned } ?? highs[h].capacity
        }
        var referenceCutoffs: [String: Score] = [:]
        if policy.quotaMinScoreBelowCutoff != nil {
            let reference = SeatRound(seats: openSeats, lists: choices, priority: priority, mechanism: .deferredAcceptance, ties: .lottery)
            for (h, students) in reference.matching.students(schoolCount: highs.count).enumerated()
            where !students.isEmpty && students.count >= openSeats[h] {
                referenceCutoffs[highs[h].id] = students.map { graduates[$0].score }.min()
            }
        }
        var scoreLines: [String: Score] = [:]
        for h in quality {
            let relative = policy.quotaMinScoreBelowCutoff.flatMap { n in
                referenceCutoffs[h.id].map { Score(hundredths: $0.hundredths - n.hundredths) }
            }
            if let line = [policy.quotaMinScore.line(at: h.id), relative].compactMap({ $0 }).max() { scoreLines[h.id] = line }
        }
        let qualifies = highs.map { h in { (g: Graduate) in scoreLines[h.id].map { g.score >= $0 } ?? true } }

        var pools: [Pool] = []
        var poolIndex: [Int: [String: Int]] = [:]
        for (h, high) in highs.enumerated() {
            guard let a = allocationOf[h] else { continue }
            for share in allocations[a].shares where share.seats > 0 {
                poolIndex[h, default: [:]][share.juniorSchoolID] = pools.count
                pools.append(Pool(highSchoolID: high.id, juniorSchoolID: share.juniorSchoolID, seats: share.seats))
            }
        }

        var state = RoundState(graduates: graduates, priority: priority)
        var unfilled: [Unfilled] = []
        var ties: [TieAboveQuota] = []
        for a in allocations where a.returned > 0 {
            unfilled.append(Unfilled(highSchoolID: a.highSchoolID, juniorSchoolID: nil, seats: a.returned, reason: .rounding, goesTo: .openRound))
        }
        if policy.quotaOrder == .openFirst {
            state.run(.open, seats: openSeats, lists: choices, mechanism: .deferredAcceptance, ties: .lottery)
        }
        // The quota round.
        let quotaLists = graduates.indices.map { i -> [Int] in
            let g = graduates[i]
            guard g.eligible else { return [] }
            return choices[i].compactMap { h in qualifies[h](g) ? poolIndex[h]?[g.juniorSchool] : nil }
        }
        let quotaRound = state.run(.quota, seats: pools.map(\.seats), lists: quotaLists, mechanism: policy.quotaMechanism,
                                   ties: policy.quotaTieAtLastSeat, schoolOfPool: pools.map { highIndex[$0.highSchoolID]! })
        var left = [Int](repeating: 0, count: highs.count)
        let occupancy = quotaRound.matching.occupancy(schoolCount: pools.count)
        for (p, pool) in pools.enumerated() {
            let rest = max(0, pool.seats - occupancy[p])
            left[highIndex[pool.highSchoolID]!] += rest
            if rest > 0 {
                unfilled.append(Unfilled(highSchoolID: pool.highSchoolID, juniorSchoolID: pool.juniorSchoolID, seats: rest,
                                         reason: .notTaken, goesTo: policy.quotaUnfilled))
            }
        }
        ties += state.tiesAboveQuota(quotaRound, names: pools.map { ($0.highSchoolID, $0.juniorSchoolID) })
        if policy.quotaUnfilled == .secondRound {
            let lists = graduates.indices.map { i -> [Int] in
                let g = graduates[i]
                guard g.eligible else { return [] }
                return choices[i].filter { left[$0] > 0 && qualifies[$0](g) }
            }
            let second = state.run(.secondQuota, seats: left, lists: lists, mechanism: policy.quotaMechanism,
                                   ties: policy.quotaTieAtLastSeat)
            ties += state.tiesAboveQuota(second, names: highs.map { ($0.id, nil) })
            let taken = second.matching.occupancy(schoolCount: highs.count)
            for h in highs.indices where left[h] > taken[h] {
                unfilled.append(Unfilled(highSchoolID: highs[h].id, juniorSchoolID: nil, seats: left[h] - taken[h],
                                         reason: .notTakenInSecondRound, goesTo: .openRound))
            }
            left = highs.indices.map { max(0, left[$0] - taken[$0]) }
        }
        switch policy.quotaOrder {
        case .quotaFirst:
            state.run(.open, seats: highs.indices.map { openSeats[$0] + left[$0] }, lists: choices, mechanism: .deferredAcceptance, ties: .lottery)
        case .openFirst:
            if left.contains(where: { $0 > 0 }) {
                state.run(.openReturnedSeats, seats: left, lists: choices, mechanism: .deferredAcceptance, ties: .lottery)
            }
        }

        let above = Set(ties.flatMap(\.tiedStudentIDs))
        self.order = policy.quotaOrder
        self.mechanism = policy.quotaMechanism
        self.allocations = allocations
        self.scoreLines = scoreLines
        self.referenceCutoffs = referenceCutoffs
        self.admissions = graduates.indices.compactMap { i in
            state.school[i].map { admitted in
                Admission(studentID: graduates[i].id, juniorSchoolID: graduates[i].juniorSchool, highSchoolID: highs[admitted.high].id,
                          round: admitted.round, score: graduates[i].score, tiedAboveQuota: above.contains(graduates[i].id))
            }
        }
        self.unfilled = unfilled.sorted { ($0.highSchoolID, $0.juniorSchoolID ?? "", $0.reason.rawValue) < ($1.highSchoolID, $1.juniorSchoolID ?? "", $1.reason.rawValue) }
        self.tiesAboveQuota = ties
        self.graduates = graduates
        self.priority = priority
        self.pools = pools
        self.quotaInstance = quotaRound.instance
        self.quotaMatching = quotaRound.matching
    }
}

/// Who has been admitted where, across the rounds of a quota run.
private struct RoundState {
    let graduates: [Graduate]
    let priority: QuotaPriority
    /// The high school (index) and round of each admitted graduate.
    var school: [(high: Int, round: QuotaRun.Round)?]

    init(graduates: [Graduate], priority: QuotaPriority) {
        self.graduates = graduates
        self.priority = priority
        school = Array(repeating: nil, count: graduates.count)
    }

    /// Runs a round among graduates not yet admitted (lists of admitted ones are dropped) and
    /// records its admissions; `schoolOfPool` maps the round's pools to high schools (identity
    /// when nil).
    @discardableResult
    mutating func run(_ round: QuotaRun.Round, seats: [Int], lists: [[Int]], mechanism: Mechanism, ties: LastSeatTieRule,
                      schoolOfPool: [Int]? = nil) -> SeatRound {
        let open = lists.indices.map { school[$0] == nil ? lists[$0] : [] }
        let result = SeatRound(seats: seats, lists: open, priority: priority, mechanism: mechanism, ties: ties)
        for i in graduates.indices {
            guard let p = result.matching.school(of: i) else { continue }
            school[i] = (schoolOfPool?[p] ?? p, round)
        }
        return result
    }

    /// The pools of `round` that admitted more than their seats, with the tied graduates.
    func tiesAboveQuota(_ round: SeatRound, names: [(high: String, junior: String?)]) -> [QuotaRun.TieAboveQuota] {
        round.matching.students(schoolCount: round.seats.count).enumerated().compactMap { p, students in
            guard students.count > round.seats[p] else { return nil }
            let tier = students.map { priority.tiers[$0] }.max()!
            let tied = students.filter { priority.tiers[$0] == tier }.map { graduates[$0].id }.sorted()
            return QuotaRun.TieAboveQuota(highSchoolID: names[p].high, juniorSchoolID: names[p].junior, seats: round.seats[p],
                                          admitted: students.count, tiedStudentIDs: tied)
        }
    }
}
