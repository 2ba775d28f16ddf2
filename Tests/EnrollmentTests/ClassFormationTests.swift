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

/// A school of `count` pupils with random gender, care tags and scores drawn from `seed`;
/// ranks are a random permutation of 1...count.
func syntheticPupils(_ count: Int, seed: UInt64, subjects: [String] = [], tagShare: Int = 10) -> [ClassPupil] {
    var draw = SplitMix64(seed: seed)
    var ranks = Array(1...count)
    draw.shuffle(&ranks)
    return (0..<count).map { i in
        var tags: Set<String> = []
        if draw.nextInt(below: 100) < tagShare { tags.insert("left_behind") }
        if draw.nextInt(below: 100) < tagShare { tags.insert("migrant") }
        if draw.nextInt(below: 100) < 3 { tags.insert("disabled") }
        var subjectScores: [String: Double] = [:]
        for s in subjects { subjectScores[s] = Double(40 + draw.nextInt(below: 61)) }
        return ClassPupil(studentID: "S\(1000 + i)", gender: draw.nextInt(below: 2) == 0 ? .male : .female, tags: tags,
                          score: Double(300 + draw.nextInt(below: 301)), subjectScores: subjectScores, lotteryRank: ranks[i])
    }
}

/// Largest minus smallest of a list of counts.
func range(_ values: [Int]) -> Int { values.max()! - values.min()! }

@Suite struct ClassFormationTests {
    func form(_ pupils: [ClassPupil], _ policy: ClassFormationPolicy, seed: UInt64 = 7) throws -> ClassFormationResult {
        var draw = SplitMix64(seed: seed)
        return try ClassFormation.form(pupils, policy: policy, draw: &draw)
    }

    @Test func nineBoysThirteenGirlsInFourClasses() throws {
        let pupils = (0..<22).map { i in
            ClassPupil(studentID: "P\(i)", gender: i < 9 ? .male : .female, lotteryRank: 22 - i)
        }
        var policy = ClassFormationPolicy.primary
        policy.classCount = 4
        let result = try form(pupils, policy)
        #expect(result.classes.map(\.size).sorted() == [5, 5, 6, 6])
        #expect(range(result.classes.map(\.boys)) <= 1)
        #expect(range(result.classes.map(\.girls)) <= 1)
        #expect(result.classes.map(\.boys).reduce(0, +) == 9)
    }

    @Test func perfectBalanceWhereTheDataAllows() throws {
        let pupils = syntheticPupils(180, seed: 11, subjects: ["chinese", "maths"])
        var policy = ClassFormationPolicy.primary
        policy.classCount = 5
        let result = try form(pupils, policy)
        #expect(result.classCount == 5)
        #expect(range(result.classes.map(\.size)) <= 1)
        #expect(range(result.classes.map(\.boys)) <= 1)
        #expect(range(result.classes.map(\.girls)) <= 1)
        for group in policy.careGroups {
            #expect(range(result.classes.map { $0.careCounts[group]! }) <= 1, "care group \(group)")
        }
        #expect(result.balance.map(\.measure) == ["score", "chinese", "maths"])
        // Integer scores and 36 pupils a class: a class sum can come within 1/2 point of its
        // share of the school total, so class means can come within 2 × 0.5 / 36 + ε of each other.
        for b in result.balance { #expect(b.spread <= 0.5, "measure \(b.measure) spread \(b.spread)") }
    }

    @Test(arguments: 1...24)
    func countsBalancedOnRandomSchools(seed: Int) throws {
        let pupils = syntheticPupils(60 + 7 * seed, seed: UInt64(seed), tagShare: 15)
        var policy = ClassFormationPolicy.primary
        policy.classCount = (pupils.count + 44) / 45 + seed % 3
        let result = try form(pupils, policy)
        #expect(range(result.classes.map(\.size)) <= 1)
        #expect(range(result.classes.map(\.boys)) <= 1)
        #expect(range(result.classes.map(\.girls)) <= 1)
        for group in policy.careGroups { #expect(range(result.classes.map { $0.careCounts[group]! }) <= 1) }
    }

    @Test func reportedFiguresMatchTheClasses() throws {
        let pupils = syntheticPupils(90, seed: 3, subjects: ["maths"])
        let result = try form(pupils, .primary)
        #expect(result.classCount == 2)
        for summary in result.classes {
            let members = pupils.filter { result.classOf[$0.studentID] == summary.number }
            #expect(summary.studentIDs == members.map(\.studentID).sorted())
            #expect(summary.size == members.count)
            #expect(summary.boys == members.filter { $0.gender == .male }.count)
            let mean = members.map { $0.score! }.reduce(0, +) / Double(members.count)
            #expect(abs(summary.scoreMean! - mean) < 1e-9)
            #expect(summary.careCounts["migrant"] == members.filter { $0.tags.contains("migrant") }.count)
        }
        let means = result.classes.map { $0.scoreMean! }
        #expect(abs(result.balance[0].spread - (means.max()! - means.min()!)) < 1e-12)
    }

    @Test func spreadIsReportedWhenItCannotBeSmall() throws {
        let pupils = [
            ClassPupil(studentID: "A", gender: .male, score: 100, lotteryRank: 1),
            ClassPupil(studentID: "B", gender: .male, score: 0, lotteryRank: 2),
        ]
        var policy = ClassFormationPolicy.primary
        policy.classCount = 2
        let result = try form(pupils, policy)
        #expect(result.balance.count == 1)
        #expect(result.balance[0].spread == 100)
        #expect(result.balance[0].standardDeviation == 50)
        #expect(result.objective == 100)
        #expect(Set(result.classOf.values) == [1, 2])
    }

    @Test func sameResultWhateverTheInputOrder() throws {
        var pupils = syntheticPupils(150, seed: 5, subjects: ["maths"])
        pupils[0].togetherWith = [pupils[1].studentID]
        pupils[2].apartFrom = [pupils[3].studentID]
        let first = try form(pupils, .primary)
        var draw = SplitMix64(seed: 99)
        draw.shuffle(&pupils)
        #expect(try form(pupils, .primary) == first)
        pupils.reverse()
        #expect(try form(pupils, .primary) == first)
    }

    @Test func numberOfClassesFromTheCap() throws {
        #expect(try form(syntheticPupils(91, seed: 1), .primary).classCount == 3)
        #expect(try form(syntheticPupils(90, seed: 1), .primary).classCount == 2)
        #expect(try form(syntheticPupils(101, seed: 1), .junior).classCount == 3)
        let result = try form(syntheticPupils(101, seed: 1), .junior)
        #expect(result.classes.allSatisfy { $0.size <= 50 })
    }

    @Test func twinsAndTogetherGroupsShareAClass() throws {
        var pupils = syntheticPupils(100, seed: 8)
        pupils[0].twinGroup = "T1"; pupils[1].twinGroup = "T1"
        pupils[2].togetherWith = [pupils[3].studentID]
        pupils[3].togetherWith = [pupils[4].studentID]
        pupils[5].apartFrom = [pupils[6].studentID, pupils[7].studentID]
        pupils[6].apartFrom = [pupils[7].studentID]
        let result = try form(pupils, .primary)
        let c = { (i: Int) in result.classOf[pupils[i].studentID]! }
        #expect(c(0) == c(1))
        #expect(c(2) == c(3) && c(3) == c(4))
        #expect(Set([c(5), c(6), c(7)]).count == 3)
        #expect(range(result.classes.map(\.size)) <= 1)
    }

    @Test func twinsApartWhenThePolicySaysSo() throws {
        var pupils = syntheticPupils(60, seed: 9)
        for i in 0..<3 { pupils[i].twinGroup = "T" }
        var policy = ClassFormationPolicy.primary
        policy.twins = .apart
        policy.classCount = 3
        let result = try form(pupils, policy)
        #expect(Set((0..<3).map { result.classOf[pupils[$0].studentID]! }).count == 3)
    }

    @Test func disabledLimitAndWeight() throws {
        var pupils = syntheticPupils(40, seed: 2, tagShare: 0).map { p -> ClassPupil in
            var p = p; p.tags.remove("disabled"); return p
        }
        for i in 0..<4 { pupils[i].tags = ["disabled"] }
        var policy = ClassFormationPolicy(classSizeCap: 12, disabledPerClass: 1, disabledWeight: 2)
        policy.classCount = 4
        let result = try form(pupils, policy)
        #expect(result.classes.map(\.disabled) == [1, 1, 1, 1])
        #expect(result.classes.allSatisfy { $0.weightedSize == $0.size + 1 && $0.weightedSize <= 12 })
        #expect(range(result.classes.map(\.weightedSize)) <= 1)
        policy.classCount = nil
        policy.disabledPerClass = 1
        pupils[4].tags = ["disabled"]
        #expect(try form(pupils, policy).classCount == 5)
    }

    @Test func sameDrawSameClasses() throws {
        let pupils = syntheticPupils(120, seed: 21, subjects: ["maths", "english"])
        #expect(try form(pupils, .primary, seed: 3) == form(pupils, .primary, seed: 3))
    }
}
