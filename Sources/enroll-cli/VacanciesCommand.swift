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
        let file = URL(fileURLWithPath: arguments.value("withdrawn")!)
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
            Console.error("\(file.path): cannot read the file")
            return 1
        }
        let parsed = CSVReader.parse(try decodeText(bytes, declared: try arguments.encoding()).text.utf8.map { $0 }, file: file.lastPathComponent)
        guard let table = parsed.table, parsed.diagnostics.isEmpty, let column = table.index(of: "student_id") else {
            for d in parsed.diagnostics { Console.error(d.description) }
            if parsed.diagnostics.isEmpty { Console.error("\(file.lastPathComponent):1:0: missing required column 'student_id'") }
            return 1
        }
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
