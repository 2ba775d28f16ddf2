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
        ] + drawingOptions + [encodingOption]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        var options = ["level": try arguments.placementLevel().rawValue]
        let manifest = try arguments.recordDrawingStep(.classes, options: &options)
        let step = manifest.steps.last!
        print("classes \(options["level"]!): \(step.counts["classes"] ?? 0) classes for \(step.counts["pupils"] ?? 0) pupils in \(step.counts["schools"] ?? 0) schools")
        print("wrote \(step.outputs.map(\.name).joined(separator: ", ")) and \(Manifest.fileName) in \(arguments.value("out")!)")
        return 0
    }
}
