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

@Suite struct ClassLateArrivalTests {
    func pupil(_ id: String, rank: Int, tags: Set<String> = [], together: [String] = [], apart: [String] = [], twin: String? = nil) -> ClassPupil {
        ClassPupil(studentID: id, gender: .female, tags: tags, togetherWith: together, apartFrom: apart, twinGroup: twin, lotteryRank: rank)
    }

    /// Three classes of sizes 3, 2, 2.
    var classes: [[ClassPupil]] {
        [[pupil("A1", rank: 1), pupil("A2", rank: 2), pupil("A3", rank: 3)],
         [pupil("B1", rank: 4), pupil("B2", rank: 5, apart: ["L9"])],
         [pupil("C1", rank: 6, twin: "tw"), pupil("C2", rank: 7)]]
    }

    func place(_ late: [ClassPupil], policy: ClassFormationPolicy = .primary, seed: UInt64 = 1) throws -> [String: Int] {
        var draw = SplitMix64(seed: seed)
        return try ClassFormation.placeLateArrivals(late, into: classes, policy: policy, draw: &draw)
    }

    @Test func joinsTheSmallestClassTiesByTheDraw() throws {
        var outcomes = Set<Int>()
        for seed in UInt64(0)..<20 {
            let result = try place([pupil("L1", rank: 1)], seed: seed)
            #expect([2, 3].contains(result["L1"]!))
            outcomes.insert(result["L1"]!)
        }
        #expect(outcomes == [2, 3])
        // Two arrivals fill the two smallest classes, one each.
        let two = try place([pupil("L1", rank: 1), pupil("L2", rank: 2)])
        #expect(Set(two.values) == [2, 3])
    }

    @Test func followsThePartnerAndAvoidsApart() throws {
        #expect(try place([pupil("L1", rank: 1, together: ["A2"])]) == ["L1": 1])
        #expect(try place([pupil("L1", rank: 1, twin: "tw")]) == ["L1": 3])
        var apartTwins = ClassFormationPolicy.primary
        apartTwins.twins = .apart
        #expect(try place([pupil("L1", rank: 1, twin: "tw")], policy: apartTwins) == ["L1": 2])
        // B2 asked to be apart from L9; C is excluded by the apart request of L9 itself.
        #expect(try place([pupil("L9", rank: 1, apart: ["C1"])]) == ["L9": 1])
    }

    @Test func laterArrivalsSeeEarlierOnes() throws {
        let result = try place([pupil("L2", rank: 2, together: ["L1"]), pupil("L1", rank: 1, together: ["A1"])])
        #expect(result == ["L1": 1, "L2": 1])
    }

    @Test func reportsWhenNoClassFits() {
        let full = ClassFormationPolicy(classSizeCap: 3)
        #expect(throws: ClassFormationError.noClassFor("L1")) {
            try place([pupil("L1", rank: 1, together: ["A1"])], policy: full)
        }
        #expect(throws: ClassFormationError.partnersInDifferentClasses(["A1", "B1", "L1"])) {
            try place([pupil("L1", rank: 1, together: ["A1", "B1"])])
        }
        var limit = ClassFormationPolicy.primary
        limit.disabledPerClass = 0
        #expect(throws: ClassFormationError.noClassFor("L1")) {
            try place([pupil("L1", rank: 1, tags: ["disabled"])], policy: limit)
        }
    }
}
