import Enrollment
import Foundation

enum ZoneCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "zone",
        abstract: "Assign every applicant of a level to an attendance zone and its schools (划片).",
        discussion: "Writes one row per applicant (student_id, zone_id, schools, method, near_boundary, note) to --out, and a summary per zone (applicants, seats, balance) to --summary (default: beside --out, named *-summary.csv).",
        arguments: [
            .positional("case", help: "The case folder."),
            .option("level", valueName: "level", help: "primary or junior.", required: true),
            .option("out", valueName: "file", help: "The CSV file to write.", required: true),
            .option("summary", valueName: "file", help: "The per-zone summary CSV to write."),
            encodingOption,
        ]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments.placementLevel()
        guard let c = try loadCase(arguments) else { return 1 }
        let assignments = ZoneAssigner(admissionCase: c, level: level).assign(c.applicants(level))
        let out = URL(fileURLWithPath: arguments.value("out")!)
        let summary = arguments.value("summary").map { URL(fileURLWithPath: $0) }
            ?? out.deletingPathExtension().appendingPathExtension("summary.csv")
        try AtomicFile.write(ZoningTables.assignments(assignments), to: out)
        try AtomicFile.write(ZoningTables.summary(assignments, admissionCase: c, level: level), to: summary)
        let counts = Dictionary(grouping: assignments, by: \.method).mapValues(\.count)
        print("zoned \(assignments.count) \(level.rawValue) applicants: \(counts[.polygon] ?? 0) by map, \(counts[.address] ?? 0) by address, "
              + "\(counts[.none] ?? 0) in no zone; \(assignments.filter(\.nearBoundary).count) near a boundary and "
              + "\(assignments.filter { !$0.note.isEmpty }.count) with a note to review")
        print("wrote \(out.path) and \(summary.path)")
        return 0
    }
}
