import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum ClassesCommand: EnrollCommand {
    static let late = Argument<URL?>.optional("late", valueName: "file", help: "CSV (student_id, school_id) of pupils placed after the classes were formed: each joins the smallest class that keeps every rule, as a new recorded round; the first class lists are never rewritten.", as: .path)

    static let spec = CommandSpec(
        name: "classes",
        abstract: "Form balanced classes at every school of a level and draw head teachers (均衡编班, 班主任).",
        discussion: """
            Starts from the level's placement recorded in the run folder, forms each school's classes (sizes, boys, girls \
            and care groups within 1; scores balanced; together/apart requests kept) and, when the case has \
            teachers.csv, draws the head teachers. Writes RUN/<level>/classes.csv, class-summary.csv, \
            class-balance.csv and head-teachers.csv, and records the step in RUN/manifest.json.
            """,
        arguments: [CaseArguments.folder.spec, CaseArguments.level.spec, late.spec] + Drawing.arguments
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments[CaseArguments.level]
        if let file = try arguments[late] { return try placeLate(file, level: level, arguments) }
        let round = try Drawing.openRound(arguments)
        let record: StepRecord<ClassesSummary>
        do {
            record = try round.formClasses(level)
        } catch {
            guard let located = round.admissionCase.requestLocation(of: error, level: level) else { throw error }
            Console.error(located.description)
            return 1
        }
        let s = record.summary
        print("classes \(level.rawValue): \(s.classes) classes for \(s.pupils) pupils in \(s.schools) schools")
        print(Drawing.wrote(record.step, in: round))
        return 0
    }

    /// A round of late arrivals.
    static func placeLate(_ file: URL, level: SchoolLevel, _ arguments: ParsedArguments) throws -> Int32 {
        let round = try Drawing.openRound(arguments)
        guard let table = try StudentList.read(file, columns: StudentListFile.lateArrivals, level: level, round: round, arguments) else { return 1 }
        let (student, school) = (table.index(of: "student_id")!, table.index(of: "school_id")!)
        let arrivals = (0..<table.count).map { LateArrival(studentID: table[$0, student], schoolID: table[$0, school]) }
        let record: StepRecord<LateArrivalsSummary>
        do {
            record = try round.placeLateArrivals(arrivals, level: level)
        } catch {
            guard let located = StudentListFile.locate(error, in: table) else { throw error }
            Console.error(located.description)
            return 1
        }
        print("late arrivals \(level.rawValue), round \(record.step.step.round!): \(record.summary.lateArrivals) pupils placed in classes")
        print(Drawing.wrote(record.step, in: round))
        return 0
    }
}
