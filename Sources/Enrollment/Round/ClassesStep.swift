import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// The class step of a run, as `enroll classes` performs it and `enroll verify` repeats it:
/// every school of a level forms its classes from the applicants placed there (admitted and
/// reassigned), then, with a teacher list, draws its head teachers.
///
/// Randomness, per school: each pupil's rank is their lottery number in the draw
/// `classes/<school_id>` (smallest first, then `student_id`); the improvement phase draws from
/// the stream `classes/<school_id>`; the head-teacher draw from `head-teachers/<school_id>`.
enum ClassesStep {
    /// A school's head-teacher candidates, from `teachers.csv`.
    typealias Teachers = [String: [HeadTeacher]]

    /// Why classes cannot be formed; names the school and the students involved.
    enum Failure: Error, CustomStringConvertible {
        case formation(school: String, ClassFormationError)
        case headTeachers(school: String, HeadTeacherDrawError)

        var description: String {
            switch self {
            case let .formation(school, error): return "school \(school): \(error)"
            case let .headTeachers(school, error): return "school \(school): \(error)"
            }
        }
    }

    /// The classes of every school of `level` and their files (paths relative to the run).
    /// - Parameter placed: `(student_id, school_id)` of every placed applicant of the level.
    static func run(_ c: AdmissionCase, level: SchoolLevel, placed: [(studentID: String, schoolID: String)], seed: String,
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

extension ClassesStep {
    /// The step: classes at every school of the level, formed from the applicants the level's
    /// recorded placement seated (admitted and reassigned), in the order of `placements.csv`.
    static func perform(level: SchoolLevel, in context: StepContext) throws -> StepOutcome<ClassesSummary> {
        let c = context.admissionCase
        let placed = try placed(context.recordedTable(PlacementsFile.name, of: .placement(level: level, ring: nil)))
        let (results, files) = try run(c, level: level, placed: placed, seed: context.seed, teachers: c.teachers)
        let schools = results.map(\.school.id)
        let outputs = files.map { (name: $0.path, bytes: $0.bytes) }
        return StepOutcome(outputs: outputs,
                           draws: schools.map { "classes/\($0)" } + (c.teachers == nil ? [] : schools.map { "head-teachers/\($0)" }),
                           summary: ClassesSummary(schools: results.count, classes: results.reduce(0) { $0 + $1.classes.classCount },
                                                   pupils: results.reduce(0) { $0 + $1.classes.classOf.count }),
                           invariants: { invariants(level: level, c, placed: placed, outputs: outputs) })
    }

    /// `(student_id, school_id)` of every applicant `placements.csv` seats, in its row order.
    static func placed(_ placements: CSVTable) throws -> [(studentID: String, schoolID: String)] {
        guard let student = placements.index(of: PlacementsFile.Column.studentID.rawValue),
              let school = placements.index(of: PlacementsFile.Column.schoolID.rawValue) else {
            throw RoundError.unreadableOutput(placements.file, "the columns student_id and school_id are missing")
        }
        return (0..<placements.count).compactMap { row in
            let id = placements[row, school]
            return id.isEmpty ? nil : (studentID: placements[row, student], schoolID: id)
        }
    }

    /// The guarantees `verify` checks on `classes.csv`: every placed applicant in exactly one
    /// class of their school; no class above the size cap (a disabled pupil counting the
    /// policy's weight) or 56; `together_with` in one class and `apart_from` in different
    /// classes, among pupils of the same school.
    static func invariants(level: SchoolLevel, _ c: AdmissionCase, placed: [(studentID: String, schoolID: String)],
                           outputs: [(name: String, bytes: [UInt8])]) -> [String] {
        guard let bytes = outputs.first(where: { $0.name == "\(level.rawValue)/classes.csv" })?.bytes,
              let table = CSVReader.parse(bytes, file: "classes.csv").table else {
            return ["classes.csv cannot be read"]
        }
        var classOf: [String: (school: String, number: String)] = [:]
        var problems: [String] = []
        for row in 0..<table.count {
            if classOf.updateValue((table[row, 1], table[row, 2]), forKey: table[row, 0]) != nil { problems.append("classes.csv: \(table[row, 0]) is in two classes") }
        }
        if placed.count != classOf.count || placed.contains(where: { classOf[$0.studentID]?.school != $0.schoolID }) {
            problems.append("classes.csv does not hold every placed applicant exactly once, at their school")
        }
        var applicants: [String: Applicant] = [:]
        for a in c.applicants(level) { applicants[a.id] = a }
        let cap = min(c.policy.classSizeCap[level] ?? 55, ClassFormationPolicy.oversizedClass - 1)
        var weights: [String: Int] = [:]
        for (id, place) in classOf {
            weights["\(place.school)/\(place.number)", default: 0] += applicants[id]?.has(ClassFormationPolicy.disabledTag) == true ? c.policy.disabledWeight : 1
            for other in applicants[id]?.togetherWith ?? [] where classOf[other].map({ $0.school == place.school && $0.number != place.number }) == true {
                problems.append("classes.csv: \(id) and \(other) asked to be together but are not")
            }
            for other in applicants[id]?.apartFrom ?? [] where classOf[other].map({ $0.school == place.school && $0.number == place.number }) == true {
                problems.append("classes.csv: \(id) and \(other) asked to be apart but share a class")
            }
        }
        for (key, weight) in weights.sorted(by: { $0.key < $1.key }) where weight > cap {
            problems.append("classes.csv: class \(key) holds \(weight) places, above the cap of \(cap)")
        }
        return problems.sorted()
    }
}

/// The figures of the class step.
public struct ClassesSummary: StepSummary {
    public var schools: Int
    public var classes: Int
    public var pupils: Int

    public var counts: [(name: String, value: Int)] { [("schools", schools), ("classes", classes), ("pupils", pupils)] }
}
