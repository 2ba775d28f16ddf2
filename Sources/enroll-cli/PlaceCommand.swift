import Enrollment
import Foundation

enum PlaceCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "place",
        abstract: "Place the applicants of a level: zone priority, feeder pairing, lottery, reassignment (派位).",
        discussion: """
            Refuses to draw unless the case still hashes to the commitment. Writes RUN/<level>/: zoning.csv, \
            placements.csv, ranks.csv (the audit trail), cutoffs.csv and waitlists.csv, and records the step in \
            RUN/manifest.json. The mechanism is the policy's (deferred acceptance by default); the number of \
            applicants the other mechanism would place differently is printed and recorded.
            """,
        arguments: [
            .positional("case", help: "The case folder."),
            .option("level", valueName: "level", help: "primary or junior.", required: true),
        ] + drawingOptions + [encodingOption]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        var options = ["level": try arguments.placementLevel().rawValue]
        let manifest = try arguments.recordDrawingStep(.placement, options: &options)
        let step = manifest.steps.last!
        print("placed \(options["level"]!): " + ["applicants", "admitted", "reassigned", "unplaced", "placed_differently_by_other_mechanism"]
            .map { "\(step.counts[$0] ?? 0) \($0.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", "))
        print("wrote \(step.outputs.map(\.name).joined(separator: ", ")) and \(Manifest.fileName) in \(arguments.value("out")!)")
        return 0
    }
}
