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

@Suite struct ClassesStepTests {
    let seed = "5eed"

    func placedCounty() throws -> (AdmissionCase, [(studentID: String, schoolID: String)]) {
        let county = SyntheticCounty(parameters: .init(seed: "classes", applicants: 500, primaryColumns: 3, primaryRows: 2, juniorZones: 2,
                                                       multiSchoolZones: 1, privateJuniorSchools: 1))
        var c = county.admissionCase
        var teachers: ClassesStep.Teachers = [:]
        for t in county.teachers { teachers[t.school, default: []].append(HeadTeacher(teacherID: t.teacher, childStudentIDs: Set(t.children))) }
        c.teachers = teachers
        // Applicants dealt to the public schools in turn, each school up to its capacity (the
        // head-teacher list has one teacher more than the classes its capacity needs).
        var seats = c.schools(.junior).filter { $0.sector == .public }.map { (id: $0.id, left: $0.capacity) }
        var placed: [(studentID: String, schoolID: String)] = []
        var next = 0
        for a in c.juniorApplicants where seats.contains(where: { $0.left > 0 }) {
            while seats[next % seats.count].left == 0 { next += 1 }
            seats[next % seats.count].left -= 1
            placed.append((a.id, seats[next % seats.count].id))
            next += 1
        }
        return (c, placed)
    }

    @Test func everyPlacedPupilInExactlyOneClassOfTheirSchoolWithinTheCap() throws {
        let (c, placed) = try placedCounty()
        let (results, files) = try ClassesStep.run(c, level: .junior, placed: placed, seed: seed, teachers: c.teachers)
        #expect(files.map(\.path) == ["junior/classes.csv", "junior/class-summary.csv", "junior/class-balance.csv", "junior/head-teachers.csv"])
        var seen: [String: String] = [:]
        for r in results {
            for cls in r.classes.classes {
                #expect(cls.weightedSize <= 50)
                for id in cls.studentIDs {
                    #expect(seen[id] == nil, "\(id) in two classes")
                    seen[id] = r.school.id
                }
            }
            let sizes = r.classes.classes.map(\.size)
            #expect(sizes.max()! - sizes.min()! <= 1)
            let boys = r.classes.classes.map(\.boys)
            #expect(boys.max()! - boys.min()! <= 1)
            // A teacher's own child is never in that teacher's class.
            let candidates = c.teachers![r.school.id]!
            for (k, teacher) in (r.teachers ?? []).enumerated() {
                let children = candidates.first { $0.teacherID == teacher }!.childStudentIDs
                #expect(children.isDisjoint(with: r.classes.classes[k].studentIDs))
            }
        }
        #expect(seen == Dictionary(uniqueKeysWithValues: placed.map { ($0.studentID, $0.schoolID) }))
    }

    @Test func sameClassesWhateverTheRowOrder() throws {
        var (c, placed) = try placedCounty()
        let first = try ClassesStep.run(c, level: .junior, placed: placed, seed: seed, teachers: c.teachers).files
        c.juniorApplicants.reverse()
        placed.reverse()
        let second = try ClassesStep.run(c, level: .junior, placed: placed, seed: seed, teachers: c.teachers).files
        #expect(first.map(\.bytes) == second.map(\.bytes))
        let other = try ClassesStep.run(c, level: .junior, placed: placed, seed: "another", teachers: c.teachers).files
        #expect(first[0].bytes != other[0].bytes, "another seed draws other classes")
    }
}
