import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
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
        arguments: [CaseArguments.folder.spec, CaseArguments.level.spec] + Drawing.arguments
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments[CaseArguments.level]
        let round = try Drawing.openRound(arguments)
        let record = try round.place(level)
        print("placed \(level.rawValue): \(describe(record.summary))")
        print(Drawing.wrote(record.step, in: round))
        return 0
    }

    /// The placement's figures in words.
    static func describe(_ s: PlacementSummary) -> String {
        "\(s.applicants) applicants, \(s.admitted) admitted, \(s.reassigned) reassigned, \(s.unplaced) unplaced, "
            + "\(s.placedDifferentlyByOtherMechanism) placed differently by other mechanism"
    }
}
