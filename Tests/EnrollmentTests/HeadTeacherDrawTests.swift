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

@Suite struct HeadTeacherDrawTests {
    let classes = [["S1", "S2"], ["S3", "S4"], ["S5", "S6"]]

    func assign(_ teachers: [HeadTeacher], _ classes: [[String]], seed: UInt64) throws -> [String] {
        var draw = SplitMix64(seed: seed)
        return try HeadTeacherDraw.assign(teachers: teachers, classes: classes, draw: &draw)
    }

    @Test func followsTheShuffledOrderWhenNoChildIsInTheWay() throws {
        let teachers = ["T1", "T2", "T3", "T4"].map { HeadTeacher(teacherID: $0) }
        var order = teachers.map(\.teacherID)
        var draw = SplitMix64(seed: 5)
        draw.shuffle(&order)
        #expect(try assign(teachers.reversed(), classes, seed: 5) == Array(order.prefix(3)))
    }

    @Test(arguments: 0..<30)
    func ownChildNeverInTheTeachersClass(seed: UInt64) throws {
        let teachers = [
            HeadTeacher(teacherID: "T1", childStudentIDs: ["S1"]),
            HeadTeacher(teacherID: "T2", childStudentIDs: ["S2"]),
            HeadTeacher(teacherID: "T3", childStudentIDs: ["S3", "S5"]),
        ]
        let result = try assign(teachers, classes, seed: seed)
        // T1 and T2 have a child in class 1 and T3 in classes 2 and 3: only T3, T1/T2, T2/T1 … fits
        // class 1 = T3, and T1, T2 share classes 2 and 3.
        #expect(result[0] == "T3")
        #expect(Set(result) == ["T1", "T2", "T3"])
    }

    @Test(arguments: 0..<20)
    func avoidsTheDeadEndOfAPlainGreedyRule(seed: UInt64) throws {
        // Only A may take class 2; a greedy rule giving class 1 the first teacher in the
        // shuffled order would give A away whenever A is drawn first.
        let teachers = [HeadTeacher(teacherID: "A"), HeadTeacher(teacherID: "B", childStudentIDs: ["S3"])]
        #expect(try assign(teachers, [["S1"], ["S3"]], seed: seed) == ["B", "A"])
    }

    @Test func extraTeachersGetNoClass() throws {
        let teachers = (1...7).map { HeadTeacher(teacherID: "T\($0)") }
        let result = try assign(teachers, classes, seed: 2)
        #expect(result.count == 3)
        #expect(Set(result).count == 3)
    }

    @Test func impossibleAndTooFew() {
        #expect(throws: HeadTeacherDrawError.tooFewTeachers(teachers: 2, classes: 3)) {
            try assign([HeadTeacher(teacherID: "A"), HeadTeacher(teacherID: "B")], classes, seed: 1)
        }
        let parents = [
            HeadTeacher(teacherID: "A", childStudentIDs: ["S1", "S3"]),
            HeadTeacher(teacherID: "B", childStudentIDs: ["S2"]),
        ]
        #expect(throws: HeadTeacherDrawError.noValidAssignment(classes: [1])) {
            try assign(parents, [["S1", "S2"], ["S3", "S4"]], seed: 1)
        }
        #expect(throws: HeadTeacherDrawError.duplicateTeacher("A")) {
            try assign([HeadTeacher(teacherID: "A"), HeadTeacher(teacherID: "A")], [["S1"]], seed: 1)
        }
    }

    /// The rule as written, checked by brute force: class c gets the first teacher in the
    /// shuffled order with no class, no child in c, and some valid assignment of the later classes.
    static func byTheRule(_ teachers: [HeadTeacher], _ classes: [[String]], seed: UInt64) -> [String]? {
        var order = teachers.sorted { $0.teacherID < $1.teacherID }
        var draw = SplitMix64(seed: seed)
        draw.shuffle(&order)
        func fits(_ t: Int, _ c: Int) -> Bool { order[t].childStudentIDs.isDisjoint(with: classes[c]) }
        func completes(_ c: Int, _ taken: Set<Int>) -> Bool {
            c == classes.count || order.indices.contains { !taken.contains($0) && fits($0, c) && completes(c + 1, taken.union([$0])) }
        }
        guard completes(0, []) else { return nil }
        var taken = Set<Int>()
        return classes.indices.map { c in
            let t = order.indices.first { !taken.contains($0) && fits($0, c) && completes(c + 1, taken.union([$0])) }!
            taken.insert(t)
            return order[t].teacherID
        }
    }

    @Test(arguments: 0..<300)
    func theMatchingDrawFollowsTheRule(seed: UInt64) throws {
        var random = SplitMix64(seed: 1000 + seed)
        let k = 1 + random.nextInt(below: 5)
        let classes = (0..<k).map { c in (0..<3).map { "S\(c)\($0)" } }
        let teachers = (0..<(k + random.nextInt(below: 3))).map { t in
            HeadTeacher(teacherID: "T\(t)", childStudentIDs: Set((0..<random.nextInt(below: 3)).map { _ in "S\(random.nextInt(below: k))\(random.nextInt(below: 3))" }))
        }
        if let expected = Self.byTheRule(teachers, classes, seed: seed) {
            #expect(try assign(teachers, classes, seed: seed) == expected)
        } else {
            #expect(throws: HeadTeacherDrawError.self) { try assign(teachers, classes, seed: seed) }
        }
    }

    @Test func sameDrawSameTeachers() throws {
        let teachers = (1...12).map { HeadTeacher(teacherID: "T\($0)", childStudentIDs: $0 % 3 == 0 ? ["S\($0 % 6 + 1)"] : []) }
        #expect(try assign(teachers, classes, seed: 9) == assign(teachers.reversed(), classes, seed: 9))
    }
}
