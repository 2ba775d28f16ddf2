import Enrollment
import Foundation

enum PlaceCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "place",
        abstract: "Place the applicants of a level: zone priority, feeder pairing, lottery, reassignment (派位).",
        discussion: "Writes RUN/<level>/: zoning.csv, placements.csv, ranks.csv (the audit trail), cutoffs.csv and waitlists.csv. The mechanism is the policy's (deferred acceptance by default); the count of applicants the other mechanism would place differently is printed.",
        arguments: [
            .positional("case", help: "The case folder."),
            .option("level", valueName: "level", help: "primary or junior.", required: true),
            .option("seed", valueName: "seed", help: "The published seed of the draw (enroll seed).", required: true),
            .option("out", valueName: "run", help: "The run folder to write into.", required: true),
            encodingOption,
        ]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments.placementLevel()
        guard let c = try loadCase(arguments) else { return 1 }
        let (run, files) = try PlacementStep.run(c, level: level, seed: arguments.value("seed")!)
        let folder = URL(fileURLWithPath: arguments.value("out")!)
        for file in files { try AtomicFile.write(file.bytes, to: folder.appendingPathComponent(file.path)) }
        print("placed \(level.rawValue) by \(run.mechanism.rawValue): "
              + PlacementStep.counts(run).map { "\($0.1) \($0.0.replacingOccurrences(of: "_", with: " "))" }.joined(separator: ", "))
        print("wrote \(files.map(\.path).joined(separator: ", ")) in \(folder.path)")
        return 0
    }
}
