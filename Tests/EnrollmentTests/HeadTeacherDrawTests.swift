import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
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

    @Test func sameDrawSameTeachers() throws {
        let teachers = (1...12).map { HeadTeacher(teacherID: "T\($0)", childStudentIDs: $0 % 3 == 0 ? ["S\($0 % 6 + 1)"] : []) }
        #expect(try assign(teachers, classes, seed: 9) == assign(teachers.reversed(), classes, seed: 9))
    }
}
