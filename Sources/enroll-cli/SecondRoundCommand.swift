import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum SecondRoundCommand: EnrollCommand {
    static let roundSeed = Argument<String>.option("round-seed", valueName: "seed", help: "The second round's seed, from its own ceremony (`enroll seed`) after its commitment is published.", as: .text)
    static let roundCommitment = Argument<URL>.option("round-commitment", valueName: "file", help: "The second round's published commitment (`enroll commit CASE --second-round`); CASE/second-round/ must still hash to it.", as: .path)

    static let spec = CommandSpec(
        name: "second-round",
        abstract: "Place a second round over the seats the first round left (补录 / 二次派位).",
        discussion: """
            The round's applicants are CASE/second-round/<level>-applicants.csv (new applicants, and first-round \
            applicants without a seat or giving theirs up in CASE/second-round/<level>-declined.csv). They are placed \
            over each school's seats less those its first-round applicants keep, by the same rules, numbered in the \
            draw <level>-second-round under --round-seed. --seed and --commitment are the run's, as for every \
            drawing command. Writes RUN/<level>/second-round/ and records the step in RUN/manifest.json; no \
            first-round file is rewritten.
            """,
        arguments: [CaseArguments.folder.spec, CaseArguments.level.spec, roundSeed.spec, roundCommitment.spec] + Drawing.arguments
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments[CaseArguments.level]
        let commitment = try Commitment(contentsOf: try arguments[roundCommitment])
        let round = try Drawing.openRound(arguments)
        let record = try round.placeSecondRound(level, seed: try arguments[roundSeed], commitment: commitment)
        print("second round \(level.rawValue): \(PlaceCommand.describe(record.summary))")
        print(Drawing.wrote(record.step, in: round))
        return 0
    }
}
