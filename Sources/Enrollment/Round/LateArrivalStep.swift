import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRunFolder
import EnrollmentVocabulary

/// The `late-arrivals` step (`enroll classes … --late FILE`): pupils placed after the classes
/// were formed (vacancy promotions, transfers) each join the smallest class of their school
/// that keeps every rule (`ClassFormation.placeLateArrivals`); the first class lists are never
/// rewritten. Round n writes `<level>/late-arrivals-<n>.csv` (student_id, school_id, class_no)
/// for that round's pupils, starting from the level's recorded `classes.csv` (and its
/// `class-summary.csv`, which lists every class) and the recorded files of rounds 1…n−1.
///
/// The manifest records every round's pupils (`RoundStep.lateArrivals`), so `verify` repeats
/// the step from the manifest and the recorded files alone. Ties among classes are drawn from
/// the stream `late-arrivals/<school_id>/<round>`.
enum LateArrivalStep {
    /// One late arrival and where they went.
    struct Placed: Hashable, Sendable {
        var studentID: String
        var schoolID: String
        var classNumber: Int
    }

    /// The file round `round` of `level` writes.
    static func fileName(_ level: SchoolLevel, round: Int) -> String { "\(level.rawValue)/late-arrivals-\(round).csv" }

    /// The step: the last round of `rounds` placed into the classes as recorded.
    static func perform(level: SchoolLevel, rounds: [[LateArrival]], in context: StepContext) throws -> StepOutcome<LateArrivalsSummary> {
        let c = context.admissionCase
        var classes = try recordedClasses(level: level, rounds: rounds, in: context)
        let round = rounds.count
        let placed = try place(rounds[round - 1], round: round, into: &classes, c, level: level, seed: context.seed)
        var w = CSVWriter(header: ClassesFile.header)
        for row in placed { w.append([row.studentID, row.schoolID, String(row.classNumber)]) }
        let outputs = [(name: fileName(level, round: round), bytes: w.bytes)]
        let expected = rounds[round - 1]
        return StepOutcome(outputs: outputs, draws: Set(expected.map { "late-arrivals/\($0.schoolID)/\(round)" }).sorted(),
                           summary: LateArrivalsSummary(lateArrivals: placed.count),
                           invariants: { invariants(outputs[0].bytes, round: expected) })
    }

    /// The round's file lists every late arrival of the round exactly once, at their school.
    static func invariants(_ bytes: [UInt8], round: [LateArrival]) -> [String] {
        guard let table = CSVReader.parse(bytes, file: "late-arrivals.csv").table else { return ["the late arrivals cannot be read"] }
        let listed = (0..<table.count).map { LateArrival(studentID: table[$0, 0], schoolID: table[$0, 1]) }
        return listed.sorted() == round.sorted() ? []
            : ["late-arrivals: the file does not place every late arrival of the round exactly once, at their school"]
    }

    /// Each school's classes, pupils as class formation sees them, as the recorded files of the
    /// class step and of rounds 1…n−1 of `rounds` leave them.
    static func recordedClasses(level: SchoolLevel, rounds: [[LateArrival]], in context: StepContext) throws -> [String: [[ClassPupil]]] {
        let classStep = RoundStep.classes(level: level)
        let summary = try context.recordedTable("class-summary.csv", of: classStep)
        var classes: [String: [[ClassPupil]]] = [:]
        for row in 0..<summary.count {
            guard let number = Int(summary[row, 1]), number >= 1 else {
                throw RoundError.unreadableOutput("\(summary.file):\(summary.line(ofRow: row))", "class_no is not a class number")
            }
            classes[summary[row, 0], default: []].append([])
            guard classes[summary[row, 0]]!.count == number else {
                throw RoundError.unreadableOutput("\(summary.file):\(summary.line(ofRow: row))", "classes are not numbered 1, 2, … in order")
            }
        }
        var applicants: [String: Applicant] = [:]
        for a in context.admissionCase.applicants(level) { applicants[a.id] = a }
        // Rows of one school, grouped; each group's pupils made as the step that placed them made them.
        func add(_ table: CSVTable, columns: (student: Int, school: Int, number: Int)) throws {
            var bySchool: [String: [(id: String, number: Int, row: Int)]] = [:]
            for row in 0..<table.count {
                guard let number = Int(table[row, columns.number]) else {
                    throw RoundError.unreadableOutput("\(table.file):\(table.line(ofRow: row))", "class_no is not a class number")
                }
                bySchool[table[row, columns.school], default: []].append((table[row, columns.student], number, row))
            }
            for (school, rows) in bySchool {
                let pupils = ClassesStep.classPupils(rows.compactMap { applicants[$0.id] }, school: school, seed: context.seed)
                var byID: [String: ClassPupil] = [:]
                for p in pupils { byID[p.studentID] = p }
                for row in rows {
                    guard let pupil = byID[row.id], classes[school]?.indices.contains(row.number - 1) == true else {
                        throw RoundError.unreadableOutput("\(table.file):\(table.line(ofRow: row.row))", "the row names a pupil or a class the case and the class summary do not have")
                    }
                    classes[school]![row.number - 1].append(pupil)
                }
            }
        }
        try add(try context.recordedTable("classes.csv", of: classStep), columns: (0, 1, 2))
        for k in 1..<rounds.count {
            let earlier = RoundStep.lateArrivals(level: level, rounds: Array(rounds.prefix(k)))
            try add(try context.recordedTable("late-arrivals-\(k).csv", of: earlier), columns: (0, 1, 2))
        }
        return classes
    }

    /// Places `arrivals`, round `round`, school by school in `school_id` order, into `classes`.
    /// - Returns: the placements, in `student_id` order.
    static func place(_ arrivals: [LateArrival], round: Int, into classes: inout [String: [[ClassPupil]]], _ c: AdmissionCase,
                      level: SchoolLevel, seed: String) throws -> [Placed] {
        var applicants: [String: Applicant] = [:]
        for a in c.applicants(level) { applicants[a.id] = a }
        var placed: [Placed] = []
        for school in Set(arrivals.map(\.schoolID)).sorted() {
            guard let s = c.schools(level).first(where: { $0.id == school }), var current = classes[school] else {
                throw LateArrivalError.unknownSchool(school)
            }
            let ids = arrivals.filter { $0.schoolID == school }.map(\.studentID)
            if let missing = ids.first(where: { applicants[$0] == nil }) { throw LateArrivalError.unknownStudent(missing) }
            let late = ClassesStep.classPupils(ids.compactMap { applicants[$0] }, school: school, seed: seed)
            var draw = LotteryStream(seed: seed, draw: "late-arrivals/\(school)/\(round)")
            let classOf = try ClassFormation.placeLateArrivals(late, into: current, policy: ClassesStep.formationPolicy(c.policy, level: level, school: s), draw: &draw)
            for pupil in late {
                let number = classOf[pupil.studentID]!
                current[number - 1].append(pupil)
                placed.append(Placed(studentID: pupil.studentID, schoolID: school, classNumber: number))
            }
            classes[school] = current
        }
        return placed.sorted { $0.studentID < $1.studentID }
    }
}

/// The figures of a round of late arrivals.
public struct LateArrivalsSummary: StepSummary {
    public var lateArrivals: Int

    public var counts: [(name: String, value: Int)] { [("late_arrivals", lateArrivals)] }
}

/// Why late arrivals cannot be placed.
enum LateArrivalError: Error, CustomStringConvertible {
    case unknownSchool(String)
    case unknownStudent(String)

    var description: String {
        switch self {
        case .unknownSchool(let id): return "late arrivals: '\(id)' is not a school of this level with classes"
        case .unknownStudent(let id): return "late arrivals: '\(id)' is not an applicant of this level"
        }
    }
}
