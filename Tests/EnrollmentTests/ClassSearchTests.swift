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

/// The improvement phase's pair search, its proven lower bound and the multi-school entry point.
@Suite struct ClassSearchTests {
    func form(_ pupils: [ClassPupil], classes: Int, effort: Int? = nil, seed: UInt64 = 7) throws -> ClassFormationResult {
        var policy = ClassFormationPolicy.primary
        policy.classCount = classes
        policy.searchEffort = effort ?? policy.searchEffort
        var draw = SplitMix64(seed: seed)
        return try ClassFormation.form(pupils, policy: policy, draw: &draw)
    }

    func plain(_ scores: [Double]) -> [ClassPupil] {
        scores.enumerated().map { i, s in
            ClassPupil(studentID: "P\(i)", gender: .female, score: s, lotteryRank: i + 1)
        }
    }

    /// Pupils with these scores and, if given, these maths scores.
    func pupils(_ scores: [Double], maths: [Double]? = nil) -> [ClassPupil] {
        var pupils = plain(scores)
        if let maths { for i in pupils.indices { pupils[i].subjectScores = ["maths": maths[i]] } }
        return pupils
    }

    /// The least objective over every split of the pupils into two classes of n/2 that
    /// `allowed` accepts (bit i of the mask: pupil i in the first class), by enumeration;
    /// `measures` holds each measure's values.
    func bestSplit(_ measures: [[Double]], allowed: (Int) -> Bool = { _ in true }) -> Double {
        let n = measures[0].count
        let means = measures.map { $0.reduce(0, +) / Double(n) }
        var best = Double.infinity
        for mask in 0..<(1 << n) where mask.nonzeroBitCount == n / 2 && mask & 1 == 1 && allowed(mask) {
            var total = 0.0
            for (m, values) in measures.enumerated() {
                var sum = 0.0
                for i in 0..<n where mask & (1 << i) != 0 { sum += values[i] - means[m] }
                total += 2 * abs(sum)
            }
            best = min(best, total)
        }
        return best
    }

    /// Two classes formed from `pupils` with no perturbation.
    func formWithoutPerturbation(_ pupils: [ClassPupil], seed: Int) throws -> ClassFormationResult {
        var policy = ClassFormationPolicy.primary
        policy.classCount = 2
        policy.kickSwaps = 0
        var draw = SplitMix64(seed: UInt64(seed))
        return try ClassFormation.form(pupils, policy: policy, draw: &draw)
    }

    @Test func lowerBoundRoundsEachClassShare() throws {
        // S = 1 over 4 pupils, two classes of 2: each share is 0.5, one class rounds up and one
        // down, so the bound is 0.5 + 0.5 = 1, which the only possible split reaches.
        let result = try form(plain([0, 0, 0, 1]), classes: 2)
        #expect(result.objectiveLowerBound == 1)
        #expect(abs(result.objective - 1) < 1e-12)
        // S = 6: shares of 3 are whole numbers, so the bound is 0, reached by {0, 3}, {1, 2}.
        let exact = try form(plain([0, 1, 2, 3]), classes: 2)
        #expect(exact.objectiveLowerBound == 0)
        #expect(abs(exact.objective) < 1e-12)
    }

    @Test func halfPointsHaveABoundInHalfPoints() throws {
        // In half points S = 13 over 4 pupils, two classes of 2: each share is 6.5 half points,
        // so each class is at least half a half point off: 0.25 + 0.25, reached by {0, 3}, {1.5, 2}.
        let result = try form(plain([0, 1.5, 2, 3]), classes: 2)
        #expect(result.objectiveLowerBound == 0.5)
        #expect(abs(result.objective - 0.5) < 1e-12)
        #expect(ClassProblem.wholeUnits([0.1, 0.25, 3])! == ([2, 5, 60], 20))
        #expect(ClassProblem.wholeUnits([1.0 / 3, 2.0 / 3, 1])! == ([1, 2, 3], 3))
    }

    @Test func noBoundWithoutWholeUnitsOrWithMissingValues() throws {
        #expect(try form(plain([0, 1.001, 2, 3]), classes: 2).objectiveLowerBound == nil)
        #expect(ClassProblem.wholeUnits([0.5, 0.001]) == nil)
        var pupils = plain([0, 1, 2, 3])
        pupils[0].score = nil
        #expect(try form(pupils, classes: 2).objectiveLowerBound == nil)
    }

    /// Two classes of 3 to 5 pupils: the pair search (one or two swaps at a time) and the
    /// perturbation within the budget end at the optimum; checked against every split.
    @Test func twoClassesReachTheOptimumFoundByEnumeration() throws {
        var draw = SplitMix64(seed: 31)
        for trial in 0..<20 {
            let n = 6 + 2 * (trial % 3)
            let scores = (0..<n).map { _ in Double(draw.nextInt(below: 100)) }
            let maths = (0..<n).map { _ in Double(draw.nextInt(below: 30)) }
            let result = try form(pupils(scores, maths: maths), classes: 2, effort: 20)
            let best = bestSplit([scores, maths])
            #expect(abs(result.objective - best) < 1e-9, "trial \(trial): \(result.objective) vs optimum \(best)")
            #expect(result.objectiveLowerBound! <= best + 1e-9)
        }
    }

    /// Two classes of 6 to 9 pupils, no perturbation: any split is one exchange of at most four
    /// swaps away (k swaps or, the classes' roles exchanged, 9 − k), so the second round of
    /// the pair search, which combines double swaps, ends at the optimum found by enumeration.
    @Test func exchangesOfUpToFourSwapsReachTheOptimumWithoutPerturbation() throws {
        var draw = SplitMix64(seed: 77)
        for trial in 0..<8 {
            let n = 12 + 2 * (trial % 4)
            let scores = (0..<n).map { _ in Double(draw.nextInt(below: 500)) }
            let maths = (0..<n).map { _ in Double(draw.nextInt(below: 60)) }
            let result = try formWithoutPerturbation(pupils(scores, maths: maths), seed: trial)
            let best = bestSplit([scores, maths])
            #expect(abs(result.objective - best) < 1e-9, "trial \(trial): \(result.objective) vs optimum \(best)")
        }
    }

    /// Two classes of 5 or 6 girls, 3 left-behind and 3 migrant (so each class has 1 or 2 of
    /// each), no perturbation. Swaps within a profile keep the deal's choice of whether the
    /// class with 2 left-behind also has 2 migrants; the search may also swap girls of
    /// different profiles when both classes keep 1 or 2 of each group, so it ends at the
    /// optimum over every balanced split (found by enumeration).
    @Test func swapsAcrossCareProfilesKeepCareCountsBalancedAndReachTheOptimum() throws {
        var draw = SplitMix64(seed: 5)
        for trial in 0..<12 {
            let n = 10 + 2 * (trial % 2)
            let scores = (0..<n).map { _ in Double(draw.nextInt(below: 400)) }
            var tagged = pupils(scores)
            for i in 0..<3 { tagged[i].tags = ["left_behind"] }
            for i in 3..<6 { tagged[i].tags = ["migrant"] }
            let result = try formWithoutPerturbation(tagged, seed: trial)
            for group in ["left_behind", "migrant"] {
                #expect(Set(result.classes.map { $0.careCounts[group]! }) == [1, 2])
            }
            let best = bestSplit([scores]) { mask in
                (1...2).contains((mask & 0b111).nonzeroBitCount) && (1...2).contains((mask & 0b111000).nonzeroBitCount)
            }
            #expect(abs(result.objective - best) < 1e-9, "trial \(trial): \(result.objective) vs optimum \(best)")
        }
    }

    @Test func boundNeverAboveTheObjectiveAndMetOnMostSchools() throws {
        var met = 0
        for seed in 0..<6 as Range<UInt64> {
            let pupils = syntheticPupils(120 + 10 * Int(seed), seed: seed, subjects: ["maths"])
            let result = try form(pupils, classes: 4)
            let bound = try #require(result.objectiveLowerBound)
            #expect(bound <= result.objective + 1e-9)
            if result.objective <= bound + 1e-7 { met += 1 }
        }
        #expect(met >= 4)
    }

    @Test func moreEffortNeverBreaksTheRules() throws {
        var pupils = syntheticPupils(160, seed: 4, subjects: ["chinese", "maths"])
        pupils[0].apartFrom = [pupils[1].studentID]
        pupils[2].togetherWith = [pupils[3].studentID]
        for effort in [0, 10, 2000] {
            let result = try form(pupils, classes: 4, effort: effort)
            let c = { (i: Int) in result.classOf[pupils[i].studentID]! }
            #expect(c(0) != c(1))
            #expect(c(2) == c(3))
            #expect(range(result.classes.map(\.size)) <= 1)
            #expect(range(result.classes.map(\.boys)) <= 1)
            for group in ClassFormationPolicy.primary.careGroups {
                #expect(range(result.classes.map { $0.careCounts[group]! }) <= 1)
            }
        }
        #expect(try form(pupils, classes: 4, effort: 2000).objective <= form(pupils, classes: 4, effort: 0).objective + 1e-9)
    }

    /// Without kick swaps the search ends at the pair search's local optimum, whatever budget
    /// is left: doubling a budget that is never spent changes nothing, though the local
    /// optimum is above the bound (a perturbation would go on searching).
    @Test func noPerturbationWithoutKickSwaps() throws {
        func form(effort: Int) throws -> ClassFormationResult {
            var policy = ClassFormationPolicy.primary
            policy.classCount = 4
            policy.kickSwaps = 0
            policy.searchEffort = effort
            var draw = SplitMix64(seed: 3)
            return try ClassFormation.form(syntheticPupils(60, seed: 12, subjects: ["chinese", "maths"]), policy: policy, draw: &draw)
        }
        let result = try form(effort: 1_000_000)
        #expect(try #require(result.objectiveLowerBound) < result.objective - 1e-6)
        #expect(try form(effort: 2_000_000).classOf == result.classOf)
        #expect(range(result.classes.map(\.size)) <= 1)
    }

    @Test func manySchoolsAtOnceEqualOneByOne() throws {
        var policy = ClassFormationPolicy.junior
        policy.searchEffort = 500
        let schools = (0..<6).map { s in
            (pupils: syntheticPupils(90 + 25 * s, seed: UInt64(s), subjects: ["maths"]), policy: policy, draw: LotteryStream(seed: String(repeating: "5e", count: 32), draw: "classes/\(s)"))
        }
        let together = ClassFormation.form(schools: schools).map { try? $0.get() }
        for (i, school) in schools.enumerated() {
            var draw = school.draw
            #expect(together[i] == (try ClassFormation.form(school.pupils, policy: policy, draw: &draw)))
        }
        var bad = schools
        bad[2].pupils[0].apartFrom = [bad[2].pupils[0].studentID]
        let outcomes = ClassFormation.form(schools: bad)
        #expect(throws: ClassFormationError.self) { try outcomes[2].get() }
        #expect((try? outcomes[3].get()) == together[3])
    }

    @Test func partnersAreEveryClassUpToSeventeenClasses() throws {
        for k in [1, 2, 5, 17] {
            let partners = ClassPartners(classCount: k)
            #expect(partners.everyClass)
            #expect(partners.of == (0..<k).map { a in (0..<k).filter { $0 != a } })
            #expect(partners.pairs.map { [$0.0, $0.1] } == (0..<k).flatMap { a in ((a + 1)..<k).map { [a, $0] } })
        }
    }

    @Test func partnersOfALargeSchoolAreTheClassesOfLargestSlack() throws {
        // 20 classes of one pupil; class c's score sum is set to c − 9.5 (one measure).
        var policy = ClassFormationPolicy.primary
        policy.classCount = 20
        let problem = try ClassProblem(pupils: plain((0..<20).map(Double.init)), policy: policy)
        var state = ClassState(problem)
        for c in 0..<20 { state.sums[c] = Double(c) - 9.5 }
        var partners = ClassPartners(classCount: 20)
        #expect(!partners.everyClass && partners.of.allSatisfy(\.isEmpty))
        partners.choose(state, time: 3)
        // Slack with class 19 (+9.5) is 2 × min(9.5, |r_b|) for the ten negative classes, 0 for
        // the others: only those ten are partners.
        #expect(partners.of[19] == Array(0...9))
        // Class 0 (−9.5): the ten positive classes.
        #expect(partners.of[0] == Array(10...19))
        #expect(partners.joined[0] == [Int](repeating: 3, count: 10))
        // Class 9 (−0.5): slack 1 with every positive class, no more than 16 of them anyway.
        #expect(partners.of[9] == Array(10...19))
        for c in 10...19 { state.sums[c] = -state.sums[c] }
        state.sums[19] = 0.25
        partners.choose(state, time: 4)
        // Now only class 19 is positive: it is every negative class's one partner, joined now
        // except where it was a partner before.
        #expect(partners.of[0] == [19] && partners.joined[0] == [3])
        #expect(partners.of[19].count == 16 && partners.joined[19].allSatisfy { $0 == 3 || $0 == 4 })
        // Ties (slack 0.5 with all 19) are broken by the lower class number.
        #expect(partners.of[19] == Array(0...15))
        // Every negative class has class 19 as partner: 19 pairs.
        #expect(partners.pairs.map { [$0.0, $0.1] } == (0...18).map { [$0, 19] })
    }

    @Test func aSchoolOfMoreThanSeventeenClassesKeepsEveryRuleAndBalances() throws {
        var pupils = syntheticPupils(1140, seed: 5, subjects: ["chinese", "maths"], tagShare: 12)
        for i in stride(from: 0, to: 200, by: 20) { pupils[i + 1].togetherWith = [pupils[i].studentID] }
        for i in stride(from: 300, to: 500, by: 20) { pupils[i + 1].apartFrom = [pupils[i].studentID] }
        var policy = ClassFormationPolicy.junior
        policy.searchEffort = 20
        var draw = SplitMix64(seed: 5)
        let result = try ClassFormation.form(pupils, policy: policy, draw: &draw)
        #expect(result.classCount == 23)
        #expect(range(result.classes.map(\.size)) <= 1)
        #expect(range(result.classes.map(\.boys)) <= 1)
        #expect(range(result.classes.map(\.girls)) <= 1)
        for group in policy.careGroups { #expect(range(result.classes.map { $0.careCounts[group]! }) <= 1) }
        for i in stride(from: 0, to: 200, by: 20) { #expect(result.classOf[pupils[i].studentID] == result.classOf[pupils[i + 1].studentID]) }
        for i in stride(from: 300, to: 500, by: 20) { #expect(result.classOf[pupils[i].studentID] != result.classOf[pupils[i + 1].studentID]) }
        // Scores of 300–600 and 40–100: every class mean within half a point of every other.
        for measure in result.balance { #expect(measure.spread < 0.5, "\(measure.measure)") }
    }
}
