import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum PlaceCommand: EnrollCommand {
    static let ringStart = Argument<Int?>.optional("ring-start", valueName: "s", help: "A ring draw's start number, drawn in the hall (a level in the policy's ring_draw_levels).", as: .integer(in: -1_000_000_000...1_000_000_000))
    static let ringInterval = Argument<Int?>.optional("ring-interval", valueName: "k", help: "A ring draw's interval, drawn in the hall (with --ring-start).", as: .integer(in: -1_000_000_000...1_000_000_000))

    static let rings = Argument<URL?>.optional("rings", valueName: "file", help: "CSV (school_id, start, interval): the ring draw drawn in the hall for each school of the level the policy draws by a ring of its own (ring_draw_schools).", as: .path)

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
            section 7); the manifest records S and K and `enroll verify` draws again with them. Schools the policy \
            draws by rings of their own (ring_draw_schools) take theirs from --rings FILE, one row per school: at \
            each, the applicants whose list holds it, numbered 1…n in student_id order (the roster's number column), \
            are ordered by tier, then ring position; the rest of the level by the lottery.
            """,
        arguments: [CaseArguments.folder.spec, CaseArguments.level.spec, ringStart.spec, ringInterval.spec, rings.spec] + Drawing.arguments
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
        var schoolRings: [SchoolRingDraw] = []
        if let file = try arguments[rings] {
            guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
                Console.error("\(file.path): cannot read the file")
                return 1
            }
            let encoding = try arguments[CaseArguments.encoding]
            do {
                schoolRings = try RingDrawFile.read(bytes, file: file.lastPathComponent, encoding: encoding, admissionCase: round.admissionCase, level: level)
            } catch {
                Console.problems(error.items, then: "nothing was drawn; correct \(file.lastPathComponent) and run again")
                return 1
            }
        }
        let record = try round.place(level, ring: ring, schoolRings: schoolRings)
        print("placed \(level.rawValue): \(describe(record.summary))" + (ring.map { ", by the ring draw s = \($0.start), k = \($0.interval)" } ?? "")
              + schoolRings.map { ", \($0.schoolID) by its ring s = \($0.draw.start), k = \($0.draw.interval)" }.joined())
        print(Drawing.wrote(record.step, in: round))
        return 0
    }

    /// The placement's figures in words.
    static func describe(_ s: PlacementSummary) -> String {
        "\(s.applicants) applicants, \(s.admitted) admitted, \(s.reassigned) reassigned, \(s.unplaced) unplaced, "
            + "\(s.placedDifferentlyByOtherMechanism) placed differently by other mechanism"
    }
}
