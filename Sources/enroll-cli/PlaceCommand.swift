import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum PlaceCommand: EnrollCommand {
    static let ringStart = Argument<Int?>.optional("ring-start", valueName: "s", help: "A ring draw's start number, drawn in the hall (a level in the policy's ring_draw_levels).", as: .integer(in: -1_000_000_000...1_000_000_000))
    static let ringInterval = Argument<Int?>.optional("ring-interval", valueName: "k", help: "A ring draw's interval, drawn in the hall (with --ring-start).", as: .integer(in: -1_000_000_000...1_000_000_000))

    static let spec = CommandSpec(
        name: "place",
        abstract: "Place the applicants of a level: zone priority, feeder pairing, lottery, reassignment (派位).",
        discussion: """
            Refuses to draw unless the case still hashes to the commitment. Writes RUN/<level>/: zoning.csv, \
            placements.csv, ranks.csv (the audit trail), cutoffs.csv and waitlists.csv, and records the step in \
            RUN/manifest.json. The mechanism is the policy's (deferred acceptance by default); the number of \
            applicants the other mechanism would place differently is printed and recorded. A level the policy places \
            by a ring draw (ring_draw_levels: 起始号 + 间隔数) takes the start number and interval drawn in the hall, \
            --ring-start S --ring-interval K: its applicants, numbered 1…n in student_id order (the roster \
            `enroll publish-case` publishes), are taken in the ring's order instead of the lottery's (docs/LOTTERY.md, \
            section 7); the manifest records S and K and `enroll verify` draws again with them.
            """,
        arguments: [CaseArguments.folder.spec, CaseArguments.level.spec, ringStart.spec, ringInterval.spec] + Drawing.arguments
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments[CaseArguments.level]
        var ring: RingDraw?
        switch (try arguments[ringStart], try arguments[ringInterval]) {
        case let (start?, interval?): ring = RingDraw(start: start, interval: interval)
        case (nil, nil): ring = nil
        case (nil, _?): throw UsageError.missingArgument("--ring-start <s>")
        case (_?, nil): throw UsageError.missingArgument("--ring-interval <k>")
        }
        let round = try Drawing.openRound(arguments)
        let record = try round.place(level, ring: ring)
        print("placed \(level.rawValue): \(describe(record.summary))" + (ring.map { ", by the ring draw s = \($0.start), k = \($0.interval)" } ?? ""))
        print(Drawing.wrote(record.step, in: round))
        return 0
    }

    /// The placement's figures in words.
    static func describe(_ s: PlacementSummary) -> String {
        "\(s.applicants) applicants, \(s.admitted) admitted, \(s.reassigned) reassigned, \(s.unplaced) unplaced, "
            + "\(s.placedDifferentlyByOtherMechanism) placed differently by other mechanism"
    }
}
