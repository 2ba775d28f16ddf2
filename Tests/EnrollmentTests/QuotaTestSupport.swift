import Testing
@testable import Enrollment

/// Small builders and the invariants every quota run must satisfy, shared by the quota tests.
enum QuotaFixture {
    static let seed = "5c1e0d"

    static func junior(_ id: String, weight: String? = nil) -> School {
        School(id: id, name: id, level: .junior, capacity: 100, quotaWeight: weight)
    }

    static func high(_ id: String, plan: Int, quality: Bool = true) -> School {
        School(id: id, name: id, level: .high, capacity: plan, quality: quality)
    }

    static func graduate(_ id: String, _ junior: String, _ score: Int, _ choices: [String] = ["H1"], eligible: Bool = true,
                         categories: [String] = [], math: Int? = nil) -> Graduate {
        Graduate(id: id, juniorSchool: junior, score: Score(hundredths: score * 100), choices: choices, eligible: eligible,
                 categories: categories, subjectScores: math.map { [SubjectScore(subject: "math", score: Score(hundredths: $0 * 100))] } ?? [])
    }

    static func run(_ schools: [School], _ graduates: [Graduate], _ configure: (inout Policy) -> Void = { _ in }) throws -> QuotaRun {
        var policy = Policy()
        configure(&policy)
        return try QuotaRun(admissionCase: AdmissionCase(schools: schools, policy: policy, graduates: graduates), seed: seed)
    }

    /// Admitted high school and route by student.
    static func outcome(_ run: QuotaRun) -> [String: String] {
        Dictionary(uniqueKeysWithValues: run.admissions.map { ($0.studentID, "\($0.highSchoolID):\($0.route.rawValue)") })
    }

    /// Every guarantee of docs/QUOTA.md, checked on a finished run; returns the broken ones.
    static func violations(_ run: QuotaRun, policy: Policy, schools: [School]) -> [String] {
        var problems: [String] = []
        let plans = Dictionary(uniqueKeysWithValues: schools.filter { $0.level == .high }.map { ($0.id, $0.capacity) })
        let share = policy.quotaShareValue
        for a in run.allocations {
            if a.shares.reduce(0, { $0 + $1.seats }) + a.returned != a.quota { problems.append("\(a.highSchoolID): seats do not add up to the quota") }
            let exact = try! share * Rational(a.plan)
            if Rational(a.quota) < exact || !(Rational(a.quota - 1) < exact) { problems.append("\(a.highSchoolID): quota \(a.quota) is not ⌈share × plan⌉") }
        }
        let byID = Dictionary(uniqueKeysWithValues: run.graduates.map { ($0.id, $0) })
        if Set(run.admissions.map(\.studentID)).count != run.admissions.count { problems.append("a graduate is admitted twice") }
        var perPool: [String: Int] = [:], perHigh: [String: Int] = [:]
        for a in run.admissions {
            let g = byID[a.studentID]!
            if !g.choices.contains(a.highSchoolID) { problems.append("\(a.studentID) admitted to \(a.highSchoolID), not a choice") }
            perHigh[a.highSchoolID, default: 0] += 1
            guard a.route == .quota else { continue }
            if !g.eligible { problems.append("\(a.studentID) holds a quota seat but is not eligible") }
            if let line = run.scoreLines[a.highSchoolID], g.score < line { problems.append("\(a.studentID) holds a quota seat below the line") }
            if a.round == .quota { perPool["\(a.highSchoolID)/\(a.juniorSchoolID)", default: 0] += 1 }
        }
        let extra = run.tiesAboveQuota.reduce(into: [String: Int]()) { $0[$1.highSchoolID, default: 0] += $1.admitted - $1.seats }
        for (h, n) in perHigh where n > plans[h]! + (extra[h] ?? 0) { problems.append("\(h) admits \(n) above its plan") }
        for pool in run.pools {
            let n = perPool["\(pool.highSchoolID)/\(pool.juniorSchoolID)"] ?? 0
            if n > pool.seats {
                let tie = run.tiesAboveQuota.first { $0.highSchoolID == pool.highSchoolID && $0.juniorSchoolID == pool.juniorSchoolID }
                if policy.quotaTieAtLastSeat != .admitAll || tie == nil || n - pool.seats >= tie!.tiedStudentIDs.count {
                    problems.append("\(pool.highSchoolID)/\(pool.juniorSchoolID) admits \(n) for \(pool.seats) seats")
                }
            }
            if n < pool.seats {
                // No seat wasted: every eligible graduate of the junior school above the line who
                // listed the school and took part in the quota round holds a quota seat they prefer.
                for g in run.graduates where g.juniorSchool == pool.juniorSchoolID && g.eligible {
                    guard let rank = g.choices.firstIndex(of: pool.highSchoolID) else { continue }
                    if let line = run.scoreLines[pool.highSchoolID], g.score < line { continue }
                    let held = run.admissions.first { $0.studentID == g.id }
                    if policy.quotaOrder == .openFirst, held?.round == .open { continue }
                    guard let held, held.round == .quota, let at = g.choices.firstIndex(of: held.highSchoolID), at <= rank else {
                        problems.append("\(g.id) wanted an unfilled quota seat of \(pool.highSchoolID)/\(pool.juniorSchoolID)"); continue
                    }
                }
            }
        }
        // No justified envy within a junior school's quota seats (and the round rule under IA).
        problems += MatchingAudit.audit(run.quotaMatching, in: run.quotaInstance, mechanism: run.mechanism).map(\.description)
        return problems
    }
}
