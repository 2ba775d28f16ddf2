import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum ZoneCommand: EnrollCommand {
    static let out = Argument<URL>.option("out", valueName: "file", help: "The CSV file to write.", as: .path)
    static let summary = Argument<URL?>.optional("summary", valueName: "file", help: "The per-zone summary CSV to write (default: beside --out, named *-summary.csv).", as: .path)

    static let spec = CommandSpec(
        name: "zone",
        abstract: "Assign every applicant of a level to an attendance zone and its schools (划片).",
        discussion: "Writes one row per applicant (student_id, zone_id, schools, method, near_boundary, note) to --out, and a summary per zone (applicants, seats, balance) to --summary. Both files are written in full beside their places and then renamed into them, so a kill leaves each old or new, whole; one command writes --out at a time (another is refused naming it, or waits with --wait).",
        arguments: [CaseArguments.folder.spec, CaseArguments.level.spec, out.spec, summary.spec, CaseArguments.encoding.spec, PublishCommand.wait.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments[CaseArguments.level]
        let out = try arguments[out]
        let summary = try arguments[summary] ?? out.deletingPathExtension().appendingPathExtension("summary.csv")
        guard summary.standardizedFileURL.path != out.standardizedFileURL.path else {
            throw UsageError.invalidValue(option: "summary", value: summary.path, reason: "it is the --out file; give the summary another name")
        }
        guard let c = try CaseArguments.load(arguments) else { return 1 }
        let assignments = ZoneAssigner(admissionCase: c, level: level).assign(c.applicants(level))
        // One writer of the file at a time; both files complete beside their places before either is renamed.
        let lock = try FolderLock(beside: out, isFolder: false, wait: try arguments[PublishCommand.wait],
                                  waiting: { Console.error("\(out.path): waiting for \($0)") })
        try withExtendedLifetime(lock) {
            try AtomicFile.write([(ZoningTables.assignments(assignments), out),
                                  (ZoningTables.summary(assignments, admissionCase: c, level: level), summary)])
        }
        let counts = Dictionary(grouping: assignments, by: \.method).mapValues(\.count)
        print("zoned \(assignments.count) \(level.rawValue) applicants: \(counts[.polygon] ?? 0) by map, \(counts[.address] ?? 0) by address, "
              + "\(counts[.none] ?? 0) in no zone; \(assignments.filter(\.nearBoundary).count) near a boundary and "
              + "\(assignments.filter { !$0.note.isEmpty }.count) with a note to review")
        print("wrote \(out.path) and \(summary.path)")
        return 0
    }
}
