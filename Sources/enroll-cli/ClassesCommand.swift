import Enrollment
import Foundation

enum ClassesCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "classes",
        abstract: "Form balanced classes at every school of a level and draw head teachers (均衡编班, 班主任).",
        discussion: """
            Starts from the level's placement under the same seed, forms each school's classes (sizes, boys, girls \
            and care groups within 1; scores balanced; together/apart requests kept) and, when the case has \
            teachers.csv, draws the head teachers. Writes RUN/<level>/classes.csv, class-summary.csv, \
            class-balance.csv and head-teachers.csv, and records the step in RUN/manifest.json.
            """,
        arguments: [
            .positional("case", help: "The case folder."),
            .option("level", valueName: "level", help: "primary or junior.", required: true),
            .option("late", valueName: "file", help: "CSV (student_id, school_id) of pupils placed after the classes were formed: each joins the smallest class that keeps every rule, as a new recorded round; the first class lists are never rewritten."),
        ] + drawingOptions + [encodingOption]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        if arguments.value("late") != nil { return try late(arguments) }
        let level = try arguments.placementLevel()
        var options = ["level": level.rawValue]
        let manifest: Manifest
        do {
            manifest = try arguments.recordDrawingStep(.classes, options: &options)
        } catch {
            let c = try? CaseFolder(url: URL(fileURLWithPath: arguments.value("case")!), encoding: try arguments.encoding()).load().admissionCase
            guard let located = c?.requestLocation(of: error, level: level) else { throw error }
            Console.error(located.description)
            return 1
        }
        let step = manifest.steps.last!
        print("classes \(options["level"]!): \(step.counts["classes"] ?? 0) classes for \(step.counts["pupils"] ?? 0) pupils in \(step.counts["schools"] ?? 0) schools")
        print("wrote \(step.outputs.map(\.name).joined(separator: ", ")) and \(Manifest.fileName) in \(arguments.value("out")!)")
        return 0
    }

    /// A round of late arrivals.
    static func late(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments.placementLevel()
        guard let table = try arguments.studentList("late", columns: StudentListFile.lateArrivals, level: level) else { return 1 }
        let (student, school) = (table.index(of: "student_id")!, table.index(of: "school_id")!)
        let earlier = try Manifest.read(run: try arguments.settledRunFolder())?.steps
            .filter { $0.kind == "late-arrivals" && $0.options["level"] == level.rawValue }.last?.options["late"]
        let round = (0..<table.count).map { "\(table[$0, student])@\(table[$0, school])" }.sorted().joined(separator: ";")
        let late = [earlier, round].compactMap { $0 }.joined(separator: "|")
        var options = ["level": level.rawValue, "late": late, "round": String(late.split(separator: "|", omittingEmptySubsequences: false).count)]
        let step: RunStep
        do {
            step = try arguments.recordDrawingStep(.lateArrivals, options: &options).steps.last!
        } catch {
            guard let located = StudentListFile.locate(error, in: table) else { throw error }
            Console.error(located.description)
            return 1
        }
        print("late arrivals \(level.rawValue), round \(options["round"]!): \(step.counts["late_arrivals"] ?? 0) pupils placed in classes")
        print("wrote \(step.outputs.map(\.name).joined(separator: ", ")) and \(Manifest.fileName) in \(arguments.value("out")!)")
        return 0
    }
}
