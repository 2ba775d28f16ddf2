/// The class step of a run, as `enroll classes` performs it and `enroll verify` repeats it:
/// every school of a level forms its classes from the applicants placed there (admitted and
/// reassigned), then, with a teacher list, draws its head teachers.
///
/// Randomness, per school: each pupil's rank is their lottery number in the draw
/// `classes/<school_id>` (smallest first, then `student_id`); the improvement phase draws from
/// the stream `classes/<school_id>`; the head-teacher draw from `head-teachers/<school_id>`.
public enum ClassesStep {
    /// A school's head-teacher candidates, from `teachers.csv`.
    public typealias Teachers = [String: [HeadTeacher]]

    /// Why classes cannot be formed; names the school and the students involved.
    public enum Failure: Error, CustomStringConvertible {
        case formation(school: String, ClassFormationError)
        case headTeachers(school: String, HeadTeacherDrawError)

        public var description: String {
            switch self {
            case let .formation(school, error): return "school \(school): \(error)"
            case let .headTeachers(school, error): return "school \(school): \(error)"
            }
        }
    }

    /// The classes of every school of `level` and their files (paths relative to the run).
    /// - Parameter placed: `(student_id, school_id)` of every placed applicant of the level.
    public static func run(_ c: AdmissionCase, level: SchoolLevel, placed: [(studentID: String, schoolID: String)], seed: String,
                           teachers: Teachers?) throws(Failure) -> (results: [(school: School, classes: ClassFormationResult, teachers: [String]?)],
                                                                    files: [(path: String, bytes: [UInt8])]) {
        var applicants: [String: Applicant] = [:]
        for a in c.applicants(level) { applicants[a.id] = a }
        var bySchool: [String: [Applicant]] = [:]
        for p in placed { if let a = applicants[p.studentID] { bySchool[p.schoolID, default: []].append(a) } }
        let schools = c.schools(level).sorted(by: { $0.id < $1.id }).filter { bySchool[$0.id] != nil }
        // Schools are independent: formed on all cores, results taken in school_id order.
        let formed = ClassFormation.form(schools: schools.map { school in
            (pupils: classPupils(bySchool[school.id]!, school: school.id, seed: seed),
             policy: formationPolicy(c.policy, level: level, school: school),
             draw: LotteryStream(seed: seed, draw: "classes/\(school.id)"))
        })
        var results: [(school: School, classes: ClassFormationResult, teachers: [String]?)] = []
        for (school, outcome) in zip(schools, formed) {
            let classes: ClassFormationResult
            switch outcome {
            case let .success(r): classes = r
            case let .failure(error): throw .formation(school: school.id, error)
            }
            var drawn: [String]?
            if let candidates = teachers?[school.id] {
                do {
                    var draw = LotteryStream(seed: seed, draw: "head-teachers/\(school.id)")
                    drawn = try HeadTeacherDraw.assign(teachers: candidates, classes: classes.classes.map(\.studentIDs), draw: &draw)
                } catch {
                    throw .headTeachers(school: school.id, error)
                }
            }
            results.append((school, classes, drawn))
        }
        var files = [("\(level.rawValue)/classes.csv", ClassTables.classes(results.map { ($0.school.id, $0.classes) })),
                     ("\(level.rawValue)/class-summary.csv", ClassTables.summary(results.map { ($0.school.id, $0.classes) }, careGroups: c.policy.careGroups)),
                     ("\(level.rawValue)/class-balance.csv", ClassTables.balance(results.map { ($0.school.id, $0.classes) }))]
        if teachers != nil {
            files.append(("\(level.rawValue)/head-teachers.csv", ClassTables.headTeachers(results.compactMap { r in r.teachers.map { (r.school.id, $0) } })))
        }
        return (results, files.map { (path: $0.0, bytes: $0.1) })
    }

    /// The school's pupils as class formation sees them: attributes and draw ranks, no names.
    static func classPupils(_ applicants: [Applicant], school: String, seed: String) -> [ClassPupil] {
        let draw = LotteryNumber.Draw(seed: seed, name: "classes/\(school)")
        let order = applicants.map { LotteryOrder(number: draw.number(studentID: $0.id), studentID: $0.id) }.sorted()
        var rank: [String: Int] = [:]
        for (k, o) in order.enumerated() { rank[o.studentID] = k + 1 }
        let here = Set(applicants.map(\.id))
        return applicants.map { a in
            var subjects: [String: Double] = [:]
            for s in a.subjectScores { subjects[s.subject] = s.score.value }
            return ClassPupil(studentID: a.id, gender: a.gender, tags: Set(a.categories), score: a.score?.value, subjectScores: subjects,
                              togetherWith: a.togetherWith.filter(here.contains), apartFrom: a.apartFrom.filter(here.contains),
                              twinGroup: a.twinGroup, lotteryRank: rank[a.id]!)
        }
    }

    static func formationPolicy(_ p: Policy, level: SchoolLevel, school: School) -> ClassFormationPolicy {
        var f = level == .primary ? ClassFormationPolicy.primary : .junior
        f.classSizeCap = p.classSizeCap[level] ?? f.classSizeCap
        f.classCount = school.classes
        f.careGroups = p.careGroups
        f.disabledPerClass = p.disabledPerClass
        f.disabledWeight = p.disabledWeight
        f.twins = p.twins
        return f
    }
}
