import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

/// The synthetic county through the quota run under several policies: every guarantee holds,
/// and the tables do not depend on row order.
@Suite struct QuotaCountyTests {
    typealias F = QuotaFixture

    static let county = SyntheticCounty(parameters: .init(seed: "quota-county-1", applicants: 600))

    static let policies: [(String, @Sendable (inout Policy) -> Void)] = [
        ("default", { _ in }),
        ("open first, second round, admit-all", { p in
            p.quotaOrder = .openFirst; p.quotaUnfilled = .secondRound; p.quotaTieAtLastSeat = .admitAll
            p.quotaTieBreak = ["military", "score_math"]
        }),
        ("immediate acceptance, relative and absolute lines, weights, minimum", { p in
            p.quotaMechanism = .immediateAcceptance; p.quotaMinScoreBelowCutoff = Score(hundredths: 3000)
            p.quotaMinScore = .everySchool(Score(hundredths: 45000)); p.quotaBasis = .weighted; p.quotaMinPerSchool = 1
            p.quotaShare = "0.6"
        }),
        ("Sainte-Laguë, return the rest, admit-all, second round", { p in
            p.quotaRounding = .floorMinOneReturnRest; p.quotaTieAtLastSeat = .admitAll; p.quotaUnfilled = .secondRound
            p.quotaMinScore = .bySchool(["H01": Score(hundredths: 50000)])
        }),
    ]

    @Test(arguments: 0..<policies.count)
    func everyGuaranteeHoldsAndRowOrderDoesNotMatter(_ k: Int) throws {
        var c = Self.county.admissionCase
        Self.policies[k].1(&c.policy)
        let first = try QuotaRun(admissionCase: c, seed: F.seed)
        #expect(F.violations(first, policy: c.policy, schools: c.schools) == [], "\(Self.policies[k].0)")
        #expect(first.admissions.filter { $0.route == .quota }.count > 0)
        #expect(first.admissions.filter { $0.route == .open }.count > 0)
        c.graduates.reverse()
        c.schools.reverse()
        let second = try QuotaRun(admissionCase: c, seed: F.seed)
        #expect(QuotaTables.allocation(first) == QuotaTables.allocation(second))
        #expect(QuotaTables.admissions(first) == QuotaTables.admissions(second))
        #expect(QuotaTables.unfilled(first) == QuotaTables.unfilled(second))
    }

    @Test func theCountyHasWhatTheTestsNeed() throws {
        let c = Self.county.admissionCase
        let run = try QuotaRun(admissionCase: c, seed: F.seed)
        #expect(c.graduates.count > 500)
        #expect(run.allocations.count == 3)
        #expect(run.allocations.allSatisfy { $0.shares.count == c.schools(.junior).count })
        // Ties at the last seat do occur under admit-all (whole-point scores), so that rule is exercised.
        var p = c.policy
        p.quotaTieAtLastSeat = .admitAll
        var tied = c
        tied.policy = p
        #expect(try !QuotaRun(admissionCase: tied, seed: F.seed).tiesAboveQuota.isEmpty)
    }
}
