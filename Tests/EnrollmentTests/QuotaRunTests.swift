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

@Suite struct QuotaAllocationTests {
    typealias F = QuotaFixture

    func number(_ junior: String, _ high: String = "H1") -> LotteryNumber {
        LotteryNumber(seed: F.seed, draw: "quota/\(high)", studentID: junior)
    }

    @Test func remainderTiesGoByTheDrawAndZeroGraduateSchoolsGetNothing() throws {
        // Plan 15, share 0.5: quota ⌈7.5⌉ = 8. Eligible graduates 3, 3, 0, 1 (J4's second one is
        // not eligible): exact shares 24/7, 24/7, 0, 8/7; floors 3, 3, 0, 1 leave one seat, tied
        // between J1 and J2 (remainder 3/7 each): the smaller number in the draw quota/H1 wins.
        let schools = ["J1", "J2", "J3", "J4"].map { F.junior($0) } + [F.high("H1", plan: 15)]
        let graduates = ["J1", "J1", "J1", "J2", "J2", "J2", "J4"].enumerated().map { F.graduate("G\($0)", $1, 500) }
            + [F.graduate("G9", "J4", 500, eligible: false)]
        let run = try F.run(schools, graduates)
        let a = try #require(run.allocations.first)
        #expect(a.quota == 8)
        #expect(a.returned == 0)
        #expect(a.shares.map(\.basis) == [3, 3, 0, 1].map { Rational($0) })
        #expect(a.shares.map(\.exactShare.description) == ["24/7", "24/7", "0", "8/7"])
        let winner = number("J1") < number("J2") ? 0 : 1
        #expect(a.shares.map(\.seats) == (winner == 0 ? [4, 3, 0, 1] : [3, 4, 0, 1]))
        #expect(a.shares.map(\.lotteryNumber) == ["J1", "J2", "J3", "J4"].map { number($0) })
        let csv = String(decoding: QuotaTables.allocation(run).dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(csv[0] == "high_school_id,junior_school_id,basis,exact_share,seats,quota,lottery_number")
        #expect(csv[3] == "H1,J3,0,0,0,8,\(number("J3").hex)")
    }

    @Test func quotaIsTheShareRoundedUpAndWeightsAreExact() throws {
        let schools = [F.junior("J1", weight: "1.5"), F.junior("J2"), F.high("H1", plan: 11)]
        let graduates = [F.graduate("A", "J1", 500), F.graduate("B", "J1", 500), F.graduate("C", "J1", 500), F.graduate("D", "J2", 500)]
        // 0.6 × 11 = 6.6 → 7. Weighted bases 9/2 and 1: shares 63/11 and 14/11 → 5 (rem 8/11), 1 (rem 3/11); 7th seat to J1.
        let run = try F.run(schools, graduates) { $0.quotaShare = "0.6"; $0.quotaBasis = .weighted }
        let a = try #require(run.allocations.first)
        #expect(a.quota == 7)
        #expect(a.shares.map(\.basis.description) == ["9/2", "1"])
        #expect(a.shares.map(\.exactShare.description) == ["63/11", "14/11"])
        #expect(a.shares.map(\.seats) == [6, 1])
        // The plain basis ignores the weight: 3 and 1 → 21/4, 7/4 → 5, 2 (remainders 1/4, 3/4).
        let plain = try F.run(schools, graduates) { $0.quotaShare = "0.6" }
        #expect(plain.allocations[0].shares.map(\.seats) == [5, 2])
    }

    @Test func returnedSeatsAreRecordedAndGoToTheOpenRound() throws {
        // floor-min-one-return-rest, quota 8, bases 3, 3, 1: floors 3, 3, 1 and one seat returned.
        let schools = ["J1", "J2", "J3"].map { F.junior($0) } + [F.high("H1", plan: 15)]
        let graduates = ["J1", "J1", "J1", "J2", "J2", "J2", "J3"].enumerated().map { F.graduate("G\($0)", $1, 600 - $0) }
            + (0..<10).map { F.graduate("X\($0)", "J1", 400 - $0, eligible: false) }
        let run = try F.run(schools, graduates) { $0.quotaRounding = .floorMinOneReturnRest }
        #expect(run.allocations[0].shares.map(\.seats) == [3, 3, 1])
        #expect(run.allocations[0].returned == 1)
        #expect(run.unfilled == [.init(highSchoolID: "H1", juniorSchoolID: nil, seats: 1, reason: .rounding, goesTo: .openRound)])
        // Seven quota seats taken; the open round has 15 − 8 + 1 = 8 seats for the ten others.
        #expect(run.admissions.filter { $0.route == .quota }.count == 7)
        #expect(run.admissions.filter { $0.route == .open }.map(\.studentID) == (0..<8).map { "X\($0)" })
        #expect(String(decoding: QuotaTables.unfilled(run).dropFirst(3), as: UTF8.self)
            == "high_school_id,junior_school_id,unfilled,reason,goes_to\nH1,,1,rounding,open-round\n")
        #expect(F.violations(run, policy: Policy(), schools: schools).isEmpty)
    }

    @Test func noGraduatesAnywhereReturnsTheWholeQuota() throws {
        let run = try F.run([F.junior("J1"), F.high("H1", plan: 10)], [F.graduate("A", "J1", 500, eligible: false)])
        #expect(run.allocations[0].returned == 5)
        #expect(run.pools.isEmpty)
        #expect(F.outcome(run) == ["A": "H1:open"])
    }

    @Test func errorsNameWhatToFix() {
        #expect(throws: QuotaError.noQualityHighSchools) { try F.run([F.junior("J1"), F.high("H1", plan: 10, quality: false)], []) }
        #expect(throws: QuotaError.unknownJuniorSchool(studentID: "A", schoolID: "J9")) {
            try F.run([F.junior("J1"), F.high("H1", plan: 10)], [F.graduate("A", "J9", 500)])
        }
        #expect(throws: QuotaError.scoreLineForUnknownSchool("H2")) {
            try F.run([F.junior("J1"), F.high("H1", plan: 10)], []) { $0.quotaMinScore = .bySchool(["H2": Score(hundredths: 1)]) }
        }
        #expect(throws: QuotaError.unknownTieBreakSubject("score_physics")) {
            try F.run([F.junior("J1"), F.high("H1", plan: 10)], [F.graduate("A", "J1", 500, math: 90)]) { $0.quotaTieBreak = ["military", "score_physics"] }
        }
        #expect(throws: QuotaError.apportionment(highSchoolID: "H1", .minimumNotAffordable(minimum: 3, parties: 2, seats: 2))) {
            try F.run([F.junior("J1"), F.junior("J2"), F.high("H1", plan: 4)], [F.graduate("A", "J1", 500), F.graduate("B", "J2", 500)]) {
                $0.quotaMinPerSchool = 3
            }
        }
    }
}

@Suite struct QuotaAdmissionTests {
    typealias F = QuotaFixture

    @Test func theTwoPrecedenceOrdersDiffer() throws {
        // Dur, Kominers, Pathak and Sönmez (2018): plan 2, one quota seat, which goes to J1 (bases 2, 1).
        // Quota first: A (J1, 90) uses the quota seat and B (J2, 80) takes the open seat.
        // Open first: A takes the open seat on score and the quota seat goes to C (J1, 70).
        let schools = [F.junior("J1"), F.junior("J2"), F.high("H1", plan: 2)]
        let graduates = [F.graduate("A", "J1", 90), F.graduate("B", "J2", 80), F.graduate("C", "J1", 70)]
        let quotaFirst = try F.run(schools, graduates)
        #expect(quotaFirst.pools == [.init(highSchoolID: "H1", juniorSchoolID: "J1", seats: 1)])
        #expect(F.outcome(quotaFirst) == ["A": "H1:quota", "B": "H1:open"])
        let openFirst = try F.run(schools, graduates) { $0.quotaOrder = .openFirst }
        #expect(F.outcome(openFirst) == ["A": "H1:open", "C": "H1:quota"])
        for (run, order) in [(quotaFirst, QuotaOrder.quotaFirst), (openFirst, .openFirst)] {
            var p = Policy()
            p.quotaOrder = order
            #expect(F.violations(run, policy: p, schools: schools).isEmpty)
        }
        #expect(String(decoding: QuotaTables.admissions(openFirst).dropFirst(3), as: UTF8.self) == """
            student_id,junior_school_id,high_school_id,route,score,round,tied_above_quota
            A,J1,H1,open,90,open,false
            C,J1,H1,quota,70,quota,false

            """)
    }

    /// Plan 4, quota 2: one seat each for J1 (eligible: D) and J2 (E, and I when `withI`).
    func unfilledCase(withI: Bool) -> (schools: [School], graduates: [Graduate]) {
        let schools = [F.junior("J1"), F.junior("J2"), F.high("H1", plan: 4)]
        var graduates = [F.graduate("D", "J1", 60), F.graduate("E", "J2", 80), F.graduate("F", "J2", 50, eligible: false),
                         F.graduate("G", "J1", 55, eligible: false), F.graduate("H", "J2", 40, eligible: false)]
        if withI { graduates.append(F.graduate("I", "J2", 75)) }
        return (schools, graduates)
    }

    @Test func unfilledQuotaSeatsReturnToTheOpenRound() throws {
        // D is below the line of 70: J1's seat is not taken and the open round gets 4 − 2 + 1 = 3 seats.
        let (schools, graduates) = unfilledCase(withI: false)
        var policy = Policy()
        policy.quotaMinScore = .everySchool(Score(hundredths: 7000))
        let run = try QuotaRun(admissionCase: AdmissionCase(schools: schools, policy: policy, graduates: graduates), seed: F.seed)
        #expect(run.allocations[0].shares.map(\.seats) == [1, 1])
        #expect(F.outcome(run) == ["E": "H1:quota", "D": "H1:open", "G": "H1:open", "F": "H1:open"])
        #expect(run.unfilled == [.init(highSchoolID: "H1", juniorSchoolID: "J1", seats: 1, reason: .notTaken, goesTo: .openRound)])
        #expect(F.violations(run, policy: policy, schools: schools).isEmpty)
    }

    @Test func unfilledQuotaSeatsCanGoToASecondRound() throws {
        // With I (J2, 75): bases 1 and 2 give J1 and J2 one seat each; E takes J2's. J1's seat goes
        // to the second round, where I (eligible, 75 ≥ 70) takes it; the open round has 2 seats.
        let (schools, graduates) = unfilledCase(withI: true)
        var policy = Policy()
        policy.quotaMinScore = .everySchool(Score(hundredths: 7000))
        policy.quotaUnfilled = .secondRound
        let run = try QuotaRun(admissionCase: AdmissionCase(schools: schools, policy: policy, graduates: graduates), seed: F.seed)
        #expect(F.outcome(run) == ["E": "H1:quota", "I": "H1:quota", "D": "H1:open", "G": "H1:open"])
        #expect(run.admissions.first { $0.studentID == "I" }?.round == .secondQuota)
        #expect(run.unfilled == [.init(highSchoolID: "H1", juniorSchoolID: "J1", seats: 1, reason: .notTaken, goesTo: .secondRound)])
        #expect(F.violations(run, policy: policy, schools: schools).isEmpty)
        // Open first: the open round (2 seats) takes E and I; D is below the line, so both quota
        // seats are left and go to the last open round: D and G.
        policy.quotaOrder = .openFirst
        let openFirst = try QuotaRun(admissionCase: AdmissionCase(schools: schools, policy: policy, graduates: graduates), seed: F.seed)
        #expect(F.outcome(openFirst) == ["E": "H1:open", "I": "H1:open", "D": "H1:open", "G": "H1:open"])
        #expect(openFirst.admissions.first { $0.studentID == "D" }?.round == .openReturnedSeats)
        #expect(openFirst.unfilled.map(\.reason) == [.notTakenInSecondRound, .notTaken, .notTaken])
        #expect(F.violations(openFirst, policy: policy, schools: schools).isEmpty)
    }

    /// Plan 4, quota 2, all for J1: A 90, then B, C, D tied at 80; E not eligible.
    func tieCase() -> (schools: [School], graduates: [Graduate]) {
        ([F.junior("J1"), F.high("H1", plan: 4)],
         [F.graduate("A", "J1", 90), F.graduate("B", "J1", 80, math: 100), F.graduate("C", "J1", 80, categories: ["military"], math: 90),
          F.graduate("D", "J1", 80, math: 110), F.graduate("E", "J1", 70, eligible: false)])
    }

    @Test func tiesAtTheLastSeatGoByLotteryOrAreAllAdmitted() throws {
        let (schools, graduates) = tieCase()
        let lottery = try F.run(schools, graduates)
        let numbers = ["B", "C", "D"].map { LotteryNumber(seed: F.seed, draw: "quota-admission", studentID: $0) }
        let lucky = ["B", "C", "D"][numbers.indices.min { numbers[$0] < numbers[$1] }!]
        #expect(Set(lottery.admissions.filter { $0.route == .quota }.map(\.studentID)) == ["A", lucky])
        #expect(lottery.tiesAboveQuota.isEmpty)

        var policy = Policy()
        policy.quotaTieAtLastSeat = .admitAll
        for mechanism in Mechanism.allCases {
            policy.quotaMechanism = mechanism
            let all = try QuotaRun(admissionCase: AdmissionCase(schools: schools, policy: policy, graduates: graduates), seed: F.seed)
            #expect(all.admissions.filter { $0.route == .quota }.map(\.studentID) == ["A", "B", "C", "D"])
            #expect(all.admissions.filter(\.tiedAboveQuota).map(\.studentID) == ["B", "C", "D"])
            #expect(all.tiesAboveQuota == [.init(highSchoolID: "H1", juniorSchoolID: "J1", seats: 2, admitted: 4, tiedStudentIDs: ["B", "C", "D"])])
            // The ties add to the plan: the open round still has its 2 seats, for E.
            #expect(F.outcome(all)["E"] == "H1:open")
            #expect(F.violations(all, policy: policy, schools: schools).isEmpty)
        }
    }

    @Test func policyTieBreaksComeBeforeTheLottery() throws {
        let (schools, graduates) = tieCase()
        let military = try F.run(schools, graduates) { $0.quotaTieBreak = ["military", "score_math"] }
        #expect(military.admissions.filter { $0.route == .quota }.map(\.studentID) == ["A", "C"])
        let math = try F.run(schools, graduates) { $0.quotaTieBreak = ["score_math"]; $0.quotaTieAtLastSeat = .admitAll }
        #expect(math.admissions.filter { $0.route == .quota }.map(\.studentID) == ["A", "D"])
        #expect(math.tiesAboveQuota.isEmpty)
        #expect(Set(math.priority.tiers) == [0, 1, 2, 3, 4])
    }

    /// J1 and J2 share a quota of 2 (one seat each); P and Q (not eligible) top the open round.
    func lineCase() -> (schools: [School], graduates: [Graduate]) {
        ([F.junior("J1"), F.junior("J2"), F.high("H1", plan: 4)],
         [F.graduate("P", "J2", 95, eligible: false), F.graduate("Q", "J2", 90, eligible: false), F.graduate("R", "J1", 85),
          F.graduate("S", "J1", 70), F.graduate("T", "J2", 60)])
    }

    @Test func absoluteLines() throws {
        let (schools, graduates) = lineCase()
        let low = try F.run(schools, graduates) { $0.quotaMinScore = .everySchool(Score(hundredths: 5500)) }
        #expect(F.outcome(low) == ["R": "H1:quota", "T": "H1:quota", "P": "H1:open", "Q": "H1:open"])
        let high = try F.run(schools, graduates) { $0.quotaMinScore = .bySchool(["H1": Score(hundredths: 6050)]) }
        #expect(high.scoreLines == ["H1": Score(hundredths: 6050)])
        #expect(F.outcome(high) == ["R": "H1:quota", "P": "H1:open", "Q": "H1:open", "S": "H1:open"])
        #expect(high.unfilled.map(\.juniorSchoolID) == ["J2"])
    }

    @Test func relativeLineFollowsTheReferenceOpenCutoff() throws {
        // The reference open round (2 seats) admits P and Q: cutoff 90, line 90 − 10 = 80, which
        // T (60) misses. The higher line wins over an absolute 55.
        let (schools, graduates) = lineCase()
        var policy = Policy()
        policy.quotaMinScoreBelowCutoff = Score(hundredths: 1000)
        policy.quotaMinScore = .everySchool(Score(hundredths: 5500))
        let run = try QuotaRun(admissionCase: AdmissionCase(schools: schools, policy: policy, graduates: graduates), seed: F.seed)
        #expect(run.referenceCutoffs == ["H1": Score(hundredths: 9000)])
        #expect(run.scoreLines == ["H1": Score(hundredths: 8000)])
        #expect(F.outcome(run) == ["R": "H1:quota", "P": "H1:open", "Q": "H1:open", "S": "H1:open"])
        #expect(F.violations(run, policy: policy, schools: schools).isEmpty)
    }

    @Test func immediateAcceptanceServesFirstChoicesFirst() throws {
        // J1 has one quota seat at H1 and one at H2. X (90) and W (85) list H2 then H1; Y (80) lists H1.
        // Deferred acceptance: X takes H2, W falls back on H1 and Y is refused there, then takes
        // H1's open seat. Immediate acceptance: Y applied to H1 first in round 1 and keeps it; W
        // comes to H1 in round 2, too late, and takes H2's open seat instead.
        let schools = [F.junior("J1"), F.high("H1", plan: 2), F.high("H2", plan: 2)]
        let graduates = [F.graduate("X", "J1", 90, ["H2", "H1"]), F.graduate("W", "J1", 85, ["H2", "H1"]), F.graduate("Y", "J1", 80, ["H1"])]
        let da = try F.run(schools, graduates)
        #expect(F.outcome(da) == ["X": "H2:quota", "W": "H1:quota", "Y": "H1:open"])
        let ia = try F.run(schools, graduates) { $0.quotaMechanism = .immediateAcceptance }
        #expect(F.outcome(ia) == ["X": "H2:quota", "Y": "H1:quota", "W": "H2:open"])
        var p = Policy()
        #expect(F.violations(da, policy: p, schools: schools).isEmpty)
        p.quotaMechanism = .immediateAcceptance
        #expect(F.violations(ia, policy: p, schools: schools).isEmpty)
        // Immediate acceptance allows justified envy (W over Y at H1), which the deferred-acceptance audit finds.
        #expect(!MatchingAudit.audit(ia.quotaMatching, in: ia.quotaInstance, mechanism: .deferredAcceptance).isEmpty)
    }
}

@Suite struct QuotaInvariantCheckTests {
    typealias F = QuotaFixture

    @Test func theInvariantCheckCatchesBrokenRuns() throws {
        // A run with ties admitted above the quota, checked as if the policy were the lottery,
        // is over its seats; a wrong share is a wrong quota.
        let schools = [F.junior("J1"), F.high("H1", plan: 4)]
        let graduates = [F.graduate("A", "J1", 90), F.graduate("B", "J1", 80), F.graduate("C", "J1", 80)]
        let run = try F.run(schools, graduates) { $0.quotaTieAtLastSeat = .admitAll }
        var lottery = Policy()
        #expect(F.violations(run, policy: lottery, schools: schools) == ["H1 admits 3 graduates of J1 to its 2 quota seats"])
        lottery.quotaShare = "0.75"
        #expect(F.violations(run, policy: lottery, schools: schools).first == "H1: the quota of 2 is not quota_share × plan rounded up")
    }
}

extension QuotaInvariantCheckTests {
    /// The run with its admissions replaced.
    func forged(_ run: QuotaRun, _ admissions: [QuotaRun.Admission]) -> QuotaRun {
        QuotaRun(order: run.order, mechanism: run.mechanism, allocations: run.allocations, scoreLines: run.scoreLines,
                 referenceCutoffs: run.referenceCutoffs, admissions: admissions, unfilled: run.unfilled, tiesAboveQuota: run.tiesAboveQuota,
                 graduates: run.graduates, priority: run.priority, pools: run.pools, quotaInstance: run.quotaInstance, quotaMatching: run.quotaMatching)
    }

    @Test func theAuditNamesForgedAdmissions() throws {
        // Plan 4, quota 2 for J1; line 60. A (90) and B (80) take the quota seats; C (50, below
        // the line) and N (70, not eligible) the open ones.
        let schools = [F.junior("J1"), F.high("H1", plan: 4), F.high("H2", plan: 1, quality: false)]
        let graduates = [F.graduate("A", "J1", 90), F.graduate("B", "J1", 80), F.graduate("C", "J1", 50),
                         F.graduate("N", "J1", 70, eligible: false)]
        var policy = Policy()
        policy.quotaMinScore = .everySchool(Score(hundredths: 6000))
        let c = AdmissionCase(schools: schools, policy: policy, graduates: graduates)
        let run = try QuotaRun(admissionCase: c, seed: F.seed)
        #expect(F.outcome(run) == ["A": "H1:quota", "B": "H1:quota", "C": "H1:open", "N": "H1:open"])
        #expect(QuotaAudit.audit(run, admissionCase: c).isEmpty)
        let (a, b, cc, n) = (run.admissions[0], run.admissions[1], run.admissions[2], run.admissions[3])
        var belowLine = cc
        belowLine.round = .quota
        var ineligible = n
        ineligible.round = .quota
        var elsewhere = n
        elsewhere.highSchoolID = "H2"
        #expect(QuotaAudit.audit(forged(run, [a, b, belowLine, ineligible]), admissionCase: c) == [
            .quotaSeatBelowLine(studentID: "C", highSchoolID: "H1"), .quotaSeatNotEligible(studentID: "N"),
            .poolOverSeats(highSchoolID: "H1", juniorSchoolID: "J1", admitted: 4, seats: 2),
        ])
        #expect(QuotaAudit.audit(forged(run, [a, cc, elsewhere, a]), admissionCase: c) == [
            .notAChoice(studentID: "N", highSchoolID: "H2"), .admittedTwice(studentID: "A"),
            .wastedQuotaSeat(studentID: "B", highSchoolID: "H1", juniorSchoolID: "J1"),
        ])
    }
}
