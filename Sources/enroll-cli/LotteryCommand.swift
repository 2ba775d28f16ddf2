import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum LotteryCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "lottery",
        abstract: "Write every applicant's lottery number for the draw <level>-placement, with a manifest.",
        discussion: """
            Refuses to draw unless the case still hashes to the commitment. Writes RUN/lottery-numbers.csv \
            (student_id, draw, lottery_number, twin_group; by lottery number, then student_id) and records the step \
            in RUN/manifest.json; `enroll verify RUN` re-runs it.
            """,
        arguments: [CaseArguments.folder.spec, CaseArguments.level.spec] + Drawing.arguments
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments[CaseArguments.level]
        let round = try Drawing.openRound(arguments)
        let record = try round.drawLotteryNumbers(level)
        print("lottery: \(record.summary.numbers) numbers in draw \(record.step.draws.joined(separator: ", ")), seed \(round.seed)")
        print(Drawing.wrote(record.step, in: round))
        return 0
    }
}
