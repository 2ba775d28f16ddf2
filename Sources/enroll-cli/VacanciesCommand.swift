import Enrollment
import Foundation

enum VacanciesCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "vacancies",
        abstract: "Free the seats of applicants who decline them and promote down the waitlists (候补递补).",
        discussion: """
            FILE is a CSV with a student_id column: the applicants who decline their seat. Each run of the command is \
            a new round recorded in RUN/manifest.json, writing RUN/<level>/vacancies-<n>.csv from the first placement \
            and every withdrawal so far; the first result is never rewritten.
            """,
        arguments: [
            .positional("case", help: "The case folder."),
            .option("level", valueName: "level", help: "primary or junior.", required: true),
            .option("withdrawn", valueName: "file", help: "CSV file with a student_id column: those who decline.", required: true),
        ] + drawingOptions + [encodingOption]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments.placementLevel()
        guard let table = try arguments.studentList("withdrawn", columns: StudentListFile.withdrawals, level: level) else { return 1 }
        let column = table.index(of: "student_id")!
        let earlier = try Manifest.read(run: try arguments.settledRunFolder())?.steps
            .filter { $0.kind == "vacancies" && $0.options["level"] == level.rawValue } ?? []
        var withdrawn = Set(earlier.flatMap { ($0.options["withdrawn"] ?? "").split(separator: ";").map(String.init) })
        for row in 0..<table.count where !table[row, column].isEmpty { withdrawn.insert(table[row, column]) }
        var options = ["level": level.rawValue, "withdrawn": withdrawn.sorted().joined(separator: ";"), "round": String(earlier.count + 1)]
        let step = try arguments.recordDrawingStep(.vacancies, options: &options).steps.last!
        print("vacancies \(level.rawValue), round \(options["round"]!): \(step.counts["withdrawn"] ?? 0) withdrawn in all, "
              + "\(step.counts["promotions"] ?? 0) promotions, \(step.counts["seats_left_empty"] ?? 0) seats left empty")
        print("wrote \(step.outputs.map(\.name).joined(separator: ", ")) and \(Manifest.fileName) in \(arguments.value("out")!)")
        return 0
    }
}
