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

/// Guarantees checked over a few hundred small random cases, each against a brute-force
/// statement of the property written independently of the library's code.
@Suite struct MatchingPropertyTests {
    /// The school ranked at `rank` (1-based) by each student's true list, "infinity" when
    /// unplaced, worse still when seated at a school they did not list.
    static func trueRank(_ c: MatchingRandomCase, _ student: Int, _ school: Int?) -> Int {
        guard let school else { return 1000 }
        return (c.preferences[student].firstIndex(of: school) ?? 1000) + 1
    }

    static func claim(_ c: MatchingRandomCase, _ student: Int, _ school: Int) -> (Int, Int) {
        (c.tierAt[student][school], c.tieRanks[student])
    }

    /// Stability stated directly: nobody prefers a school with a free seat or one seating a
    /// student with a worse claim.
    static func isStable(_ c: MatchingRandomCase, _ schools: [Int?]) -> Bool {
        for (i, list) in c.preferences.enumerated() {
            for s in list.prefix(trueRank(c, i, schools[i]) - 1) {
                let seated = schools.indices.filter { schools[$0] == s }
                if seated.count < c.capacities[s] { return false }
                if seated.contains(where: { claim(c, $0, s) > claim(c, i, s) }) { return false }
            }
        }
        return true
    }

    /// The immediate-acceptance rule stated directly: every student refused at a school in
    /// round r found it filled by students admitted in earlier rounds or in round r with a
    /// better claim; nobody is seated off their list or above capacity.
    static func followsRoundRule(_ c: MatchingRandomCase, _ schools: [Int?]) -> Bool {
        let round = schools.indices.map { i in schools[i].map { trueRank(c, i, $0) } }
        for (i, s) in schools.enumerated() where s.map({ !c.preferences[i].contains($0) }) ?? false {
            return false
        }
        for s in c.capacities.indices where schools.filter({ $0 == s }).count > c.capacities[s] { return false }
        for (i, list) in c.preferences.enumerated() {
            for (k, s) in list.enumerated().prefix(trueRank(c, i, schools[i]) - 1) {
                let before = schools.indices.filter { j in
                    schools[j] == s && (round[j]! < k + 1 || (round[j]! == k + 1 && claim(c, j, s) < claim(c, i, s)))
                }
                if before.count < c.capacities[s] { return false }
            }
        }
        return true
    }

    @Test func deferredAcceptanceIsStableAndPassesTheAudit() {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<300 {
            let c = MatchingRandomCase(&rng, maxStudents: 12, maxSchools: 5)
            let instance = c.instance()
            let da = DeferredAcceptance.match(instance)
            #expect(Self.isStable(c, da.schools))
            #expect(MatchingAudit.audit(da, in: instance, mechanism: .deferredAcceptance) == [])
            for i in 0..<c.tieRanks.count {
                #expect(da.choiceRank(of: i) == da.school(of: i).map { Self.trueRank(c, i, $0) })
            }
        }
    }

    @Test func immediateAcceptanceFollowsTheRoundRule() {
        var rng = SplitMix64(seed: 2)
        var unstable = 0
        for _ in 0..<300 {
            let c = MatchingRandomCase(&rng, maxStudents: 12, maxSchools: 5)
            let instance = c.instance()
            let ia = ImmediateAcceptance.match(instance)
            #expect(Self.followsRoundRule(c, ia.schools))
            #expect(MatchingAudit.audit(ia, in: instance, mechanism: .immediateAcceptance) == [])
            // The stability audit agrees with the direct statement on a matching that is often
            // unstable.
            let stable = Self.isStable(c, ia.schools)
            #expect(MatchingAudit.audit(ia, in: instance, mechanism: .deferredAcceptance).isEmpty == stable)
            if !stable { unstable += 1 }
        }
        #expect(unstable > 10)
    }

    @Test func relabellingStudentsRelabelsTheMatching() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let c = MatchingRandomCase(&rng, maxStudents: 12, maxSchools: 5)
            let n = c.tieRanks.count
            let p = rng.permutation(n)  // old student i becomes p[i]
            var relabelled = c
            for i in 0..<n {
                relabelled.preferences[p[i]] = c.preferences[i]
                relabelled.tierAt[p[i]] = c.tierAt[i]
                relabelled.tieRanks[p[i]] = c.tieRanks[i]
            }
            for mechanism in Mechanism.allCases {
                let before = mechanism.match(c.instance())
                let after = mechanism.match(relabelled.instance())
                for i in 0..<n {
                    #expect(after.school(of: p[i]) == before.school(of: i))
                    #expect(after.choiceRank(of: p[i]) == before.choiceRank(of: i))
                }
            }
        }
    }

    @Test func deferredAcceptanceIsStudentOptimal() {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<150 {
            let c = MatchingRandomCase(&rng, maxStudents: 5, maxSchools: 3)
            let n = c.tieRanks.count, m = c.capacities.count
            let da = DeferredAcceptance.match(c.instance()).schools
            var code = [Int](repeating: 0, count: n)  // every assignment, school m meaning none
            repeat {
                let schools = code.map { $0 == m ? nil : $0 }
                let listed = schools.indices.allSatisfy { i in schools[i].map { c.preferences[i].contains($0) } ?? true }
                if listed, c.capacities.indices.allSatisfy({ s in schools.filter { $0 == s }.count <= c.capacities[s] }),
                    Self.isStable(c, schools)
                {
                    for i in 0..<n { #expect(Self.trueRank(c, i, da[i]) <= Self.trueRank(c, i, schools[i])) }
                }
                var k = 0
                while k < n, code[k] == m { code[k] = 0; k += 1 }
                if k == n { break }
                code[k] += 1
            } while true
        }
    }

    @Test func noStudentGainsByMisreportingUnderDeferredAcceptance() {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<100 {
            let c = MatchingRandomCase(&rng, maxStudents: 5, maxSchools: 3)
            let m = c.capacities.count
            let truthful = DeferredAcceptance.match(c.instance())
            var lists: [[Int]] = [[]]
            for _ in 0..<m {
                lists += lists.flatMap { l in (0..<m).filter { !l.contains($0) }.map { l + [$0] } }
            }
            for i in 0..<c.tieRanks.count {
                for list in Set(lists) {
                    let lied = DeferredAcceptance.match(c.instance(replacing: i, with: list))
                    #expect(Self.trueRank(c, i, truthful.school(of: i)) <= Self.trueRank(c, i, lied.school(of: i)))
                }
            }
        }
    }

    @Test func vacancyChainsEndWithNobodyWaitingForAnEmptySeat() {
        var rng = SplitMix64(seed: 6)
        var promotions = 0
        for _ in 0..<300 {
            let c = MatchingRandomCase(&rng, maxStudents: 12, maxSchools: 5)
            let instance = c.instance()
            for mechanism in Mechanism.allCases {
                let matching = mechanism.match(instance)
                let waitlists = Waitlist.waitlists(matching, in: instance)
                let withdrawn = (0..<c.tieRanks.count).filter { _ in rng.below(4) == 0 }
                let result = VacancyChain.promote(withdrawn: withdrawn, from: matching, waitlists: waitlists, in: instance)
                promotions += result.moves.count
                var current = matching.schools
                for w in withdrawn { current[w] = nil }
                for move in result.moves {
                    #expect(current[move.student] == move.from)
                    #expect(Self.trueRank(c, move.student, move.to) < Self.trueRank(c, move.student, move.from))
                    current[move.student] = move.to
                }
                #expect(result.matching.schools == current)
                for s in 0..<c.capacities.count {
                    let seated = current.filter { $0 == s }.count
                    #expect(seated <= c.capacities[s])
                    if result.emptySeats[s] > 0 {
                        #expect(seated < c.capacities[s])
                        #expect(!waitlists[s].contains { j in
                            !withdrawn.contains(j) && Self.trueRank(c, j, s) < Self.trueRank(c, j, current[j])
                        })
                    }
                }
            }
        }
        #expect(promotions > 100)
    }
}
