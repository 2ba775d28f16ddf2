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

@Suite struct ClassInfeasibilityTests {
    func pupils(_ count: Int) -> [ClassPupil] {
        (0..<count).map { ClassPupil(studentID: "P\($0)", gender: $0 % 2 == 0 ? .male : .female, lotteryRank: $0 + 1) }
    }

    func failure(_ pupils: [ClassPupil], _ policy: ClassFormationPolicy) -> ClassFormationError? {
        var draw = SplitMix64(seed: 1)
        do {
            _ = try ClassFormation.form(pupils, policy: policy, draw: &draw)
            return nil
        } catch {
            return error
        }
    }

    @Test func togetherGroupLargerThanAClass() {
        var p = pupils(8)
        for i in 0..<4 { p[i].togetherWith = ["P\(i + 1)"] }
        let policy = ClassFormationPolicy(classSizeCap: 4, classCount: 2)
        #expect(failure(p, policy) == .groupLargerThanClass(["P0", "P1", "P2", "P3", "P4"], weight: 5, cap: 4))
    }

    @Test func togetherAndApartAtOnce() {
        var p = pupils(6)
        p[0].togetherWith = ["P1"]
        p[1].apartFrom = ["P0"]
        #expect(failure(p, .primary) == .togetherAndApart(["P0", "P1"]))
        var q = pupils(6)
        q[2].twinGroup = "T"; q[3].twinGroup = "T"
        q[3].apartFrom = ["P2"]
        #expect(failure(q, .primary) == .togetherAndApart(["P2", "P3"]))
    }

    @Test func apartCliqueLargerThanTheNumberOfClasses() {
        var p = pupils(10)
        p[1].apartFrom = ["P4", "P7"]
        p[4].apartFrom = ["P7"]
        p[9].apartFrom = ["P1"]
        let policy = ClassFormationPolicy(classSizeCap: 45, classCount: 2)
        #expect(failure(p, policy) == .apartGroupLargerThanClassCount(["P1", "P4", "P7"], classCount: 2))
    }

    @Test func groupsThatDoNotFitTheCapacities() {
        var p = pupils(12)
        for g in 0..<3 { p[4 * g].togetherWith = ["P\(4 * g + 1)", "P\(4 * g + 2)", "P\(4 * g + 3)"] }
        let policy = ClassFormationPolicy(classSizeCap: 6, classCount: 2)
        #expect(failure(p, policy) == .constraintsUnsatisfiable(p.map(\.studentID).sorted()))
    }

    @Test func apartAndTogetherThatCannotAllHold() {
        // P0–P1 together, P2–P3 together; P0 apart from P2, P1 apart from P3 is fine; adding
        // P4 apart from both groups and a third class-mate leaves no class for it in two classes.
        var p = pupils(10)
        p[0].togetherWith = ["P1"]
        p[2].togetherWith = ["P3"]
        p[0].apartFrom = ["P2"]
        p[4].apartFrom = ["P1", "P3"]
        let policy = ClassFormationPolicy(classSizeCap: 45, classCount: 2)
        #expect(failure(p, policy) == .apartGroupLargerThanClassCount(["P0", "P1", "P2", "P3", "P4"], classCount: 2))
    }

    @Test func inputErrors() {
        var p = pupils(4)
        p[0].togetherWith = ["X9"]
        #expect(failure(p, .primary) == .unknownStudent(referencedBy: "P0", unknown: "X9"))
        var dup = pupils(4)
        dup[3].studentID = "P0"
        #expect(failure(dup, .primary) == .duplicateStudent("P0"))
        var ranks = pupils(4)
        ranks[3].lotteryRank = 1
        #expect(failure(ranks, .primary) == .duplicateLotteryRank(1, ["P0", "P3"]))
        #expect(failure(pupils(4), ClassFormationPolicy(classSizeCap: 56)) == .invalidPolicy("class size cap 56 must be between 1 and 55"))
        #expect(failure(pupils(4), ClassFormationPolicy(classSizeCap: 45, measureWeights: ["score": -1]))
                == .invalidPolicy("the weight of measure 'score' must be a number of at least 0"))
        #expect(failure(pupils(4), ClassFormationPolicy(classSizeCap: 45, measureWeights: ["maths": .nan]))
                == .invalidPolicy("the weight of measure 'maths' must be a number of at least 0"))
        #expect(failure(pupils(4), ClassFormationPolicy(classSizeCap: 45, searchEffort: Int.max))
                == .invalidPolicy("search effort must be at most \(ClassFormationPolicy.maximumSearchEffort)"))
        #expect(failure(pupils(100), ClassFormationPolicy(classSizeCap: 45, classCount: 2)) == .tooManyPupils(weight: 100, classCount: 2, cap: 45))
        var disabled = pupils(10)
        for i in 0..<5 { disabled[i].tags = ["disabled"] }
        #expect(failure(disabled, ClassFormationPolicy(classSizeCap: 45, classCount: 2, disabledPerClass: 2)) == .tooManyDisabled(count: 5, classCount: 2, limit: 2))
    }

    @Test func messagesNameIdsAndNoPersonalData() {
        let e = ClassFormationError.togetherAndApart(["P0", "P1"])
        #expect(e.description == "students P0, P1 must share a class (together_with or twins) and also be kept apart; remove one of the requests")
    }
}
