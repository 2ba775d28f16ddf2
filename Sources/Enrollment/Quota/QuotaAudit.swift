import EnrollmentIO
import EnrollmentCase

/// Checks a quota run against the guarantees docs/QUOTA.md states, independently of how the
/// run was computed, so that a bureau, a notary or a test can confirm them.
///
/// Checked:
/// - every allocation: the junior schools' seats plus the returned seats equal the quota, and
///   the quota is `quota_share × plan` rounded up;
/// - every graduate admitted at most once, to a high school of their `choices`; no high school
///   above its plan, except by ties admitted above a quota;
/// - every quota seat held by an eligible graduate at or above the high school's line;
/// - no pool (a junior school's quota seats at a high school) above its seats, except by a tie at
///   the last seat under `admit-all`, where every graduate beyond the seats is of the tied tier;
/// - no wasted quota seat: a pool left with an empty seat was not wanted by an eligible graduate of
///   its junior school at or above the line who took part in the quota round and holds no quota
///   seat they listed higher;
/// - the quota round's matching: `MatchingAudit` under the quota mechanism (no justified envy
///   and no waste under deferred acceptance; the round-by-round rule under immediate acceptance).
package enum QuotaAudit {
    /// Every violation found, in the order of the checks above.
    /// - Complexity: O(n + c + pools · graduates of a junior school).
    package static func audit(_ run: QuotaRun, admissionCase c: AdmissionCase) -> [QuotaViolation] {
        var violations: [QuotaViolation] = []
        let share = c.policy.quotaShareValue
        for a in run.allocations {
            let given = a.shares.reduce(0) { $0 + $1.seats }
            if given + a.returned != a.quota {
                violations.append(.quotaNotReconciled(highSchoolID: a.highSchoolID, seats: given, returned: a.returned, quota: a.quota))
            }
            if let exact = try? share * Rational(a.plan), Rational(a.quota) < exact || !(Rational(a.quota - 1) < exact) {
                violations.append(.quotaNotShareRoundedUp(highSchoolID: a.highSchoolID, quota: a.quota))
            }
        }
        var graduates: [String: Graduate] = [:]
        for g in run.graduates { graduates[g.id] = g }
        var admitted: [String: QuotaRun.Admission] = [:]
        var perHigh: [String: Int] = [:], perPool: [String: [String: Int]] = [:]
        for a in run.admissions {
            guard admitted[a.studentID] == nil else {
                violations.append(.admittedTwice(studentID: a.studentID))
                continue
            }
            admitted[a.studentID] = a
            guard let g = graduates[a.studentID] else { continue }
            if !g.choices.contains(a.highSchoolID) { violations.append(.notAChoice(studentID: a.studentID, highSchoolID: a.highSchoolID)) }
            perHigh[a.highSchoolID, default: 0] += 1
            guard a.route == .quota else { continue }
            if !g.eligible { violations.append(.quotaSeatNotEligible(studentID: a.studentID)) }
            if let line = run.scoreLines[a.highSchoolID], g.score < line {
                violations.append(.quotaSeatBelowLine(studentID: a.studentID, highSchoolID: a.highSchoolID))
            }
            if a.round == .quota { perPool[a.highSchoolID, default: [:]][g.juniorSchool, default: 0] += 1 }
        }
        var aboveQuota: [String: Int] = [:]
        for t in run.tiesAboveQuota { aboveQuota[t.highSchoolID, default: 0] += t.admitted - t.seats }
        for h in c.schools(.high).sorted(by: { $0.id < $1.id }) where (perHigh[h.id] ?? 0) > h.capacity + (aboveQuota[h.id] ?? 0) {
            violations.append(.overPlan(highSchoolID: h.id, admitted: perHigh[h.id]!, plan: h.capacity))
        }
        // Each junior school's graduates, in the graduates' order: an underfilled pool looks at
        // its own school's graduates only (not at every graduate for every pool).
        var graduatesOf: [String: [Int]] = [:]
        for (k, g) in run.graduates.enumerated() { graduatesOf[g.juniorSchool, default: []].append(k) }
        for pool in run.pools {
            let n = perPool[pool.highSchoolID]?[pool.juniorSchoolID] ?? 0
            if n > pool.seats {
                let tie = run.tiesAboveQuota.first { $0.highSchoolID == pool.highSchoolID && $0.juniorSchoolID == pool.juniorSchoolID }
                if c.policy.quotaTieAtLastSeat != .admitAll || tie.map({ n - pool.seats >= $0.tiedStudentIDs.count }) ?? true {
                    violations.append(.poolOverSeats(highSchoolID: pool.highSchoolID, juniorSchoolID: pool.juniorSchoolID, admitted: n, seats: pool.seats))
                }
            } else if n < pool.seats {
                for g in (graduatesOf[pool.juniorSchoolID] ?? []).lazy.map({ run.graduates[$0] }) where g.eligible {
                    guard let rank = g.choices.firstIndex(of: pool.highSchoolID) else { continue }
                    if let line = run.scoreLines[pool.highSchoolID], g.score < line { continue }
                    let held = admitted[g.id]
                    if run.order == .openFirst, held?.round == .open { continue }
                    if let held, held.round == .quota, let at = g.choices.firstIndex(of: held.highSchoolID), at <= rank { continue }
                    violations.append(.wastedQuotaSeat(studentID: g.id, highSchoolID: pool.highSchoolID, juniorSchoolID: pool.juniorSchoolID))
                }
            }
        }
        for v in MatchingAudit.audit(run.quotaMatching, in: run.quotaInstance, mechanism: run.mechanism) {
            switch v {
            case let .justifiedEnvy(student, school, held):
                let pool = run.pools[school]
                violations.append(.justifiedEnvy(studentID: run.graduates[student].id, highSchoolID: pool.highSchoolID,
                                                 juniorSchoolID: pool.juniorSchoolID, heldStudentID: run.graduates[held].id))
            case let .roundRuleBroken(student, _, _):
                violations.append(.roundRuleBroken(studentID: run.graduates[student].id))
            default:
                violations.append(.quotaRound(v.description))
            }
        }
        return violations
    }
}

/// One way a quota run breaks a guarantee of docs/QUOTA.md.
package enum QuotaViolation: Hashable, Sendable, CustomStringConvertible {
    case quotaNotReconciled(highSchoolID: String, seats: Int, returned: Int, quota: Int)
    case quotaNotShareRoundedUp(highSchoolID: String, quota: Int)
    case admittedTwice(studentID: String)
    case notAChoice(studentID: String, highSchoolID: String)
    case overPlan(highSchoolID: String, admitted: Int, plan: Int)
    case quotaSeatNotEligible(studentID: String)
    case quotaSeatBelowLine(studentID: String, highSchoolID: String)
    case poolOverSeats(highSchoolID: String, juniorSchoolID: String, admitted: Int, seats: Int)
    case wastedQuotaSeat(studentID: String, highSchoolID: String, juniorSchoolID: String)
    case justifiedEnvy(studentID: String, highSchoolID: String, juniorSchoolID: String, heldStudentID: String)
    case roundRuleBroken(studentID: String)
    /// Another condition of the quota round's matching (schools and students by index in
    /// `QuotaRun.pools` and `QuotaRun.graduates`).
    case quotaRound(String)

    package var description: String {
        switch self {
        case let .quotaNotReconciled(h, seats, returned, quota):
            return "\(h): the junior schools' \(seats) seats and \(returned) returned do not add up to the quota of \(quota)"
        case let .quotaNotShareRoundedUp(h, quota):
            return "\(h): the quota of \(quota) is not quota_share × plan rounded up"
        case let .admittedTwice(s):
            return "student \(s) is admitted more than once"
        case let .notAChoice(s, h):
            return "student \(s) is admitted to \(h), which is not among their choices"
        case let .overPlan(h, admitted, plan):
            return "\(h) admits \(admitted) graduates for a plan of \(plan)"
        case let .quotaSeatNotEligible(s):
            return "student \(s) holds a quota seat but is not eligible"
        case let .quotaSeatBelowLine(s, h):
            return "student \(s) holds a quota seat at \(h) below its minimum score line"
        case let .poolOverSeats(h, j, admitted, seats):
            return "\(h) admits \(admitted) graduates of \(j) to its \(seats) quota seats"
        case let .wastedQuotaSeat(s, h, j):
            return "student \(s) of \(j) wanted a quota seat of \(h) that was left empty"
        case let .justifiedEnvy(s, h, j, held):
            return "student \(s) of \(j) wanted a quota seat of \(h) held by student \(held), who has a lower priority"
        case let .roundRuleBroken(s):
            return "student \(s) is not where the round-by-round rule of immediate acceptance places them"
        case let .quotaRound(text):
            return "quota round: \(text)"
        }
    }
}
