import Enrollment
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
        arguments: [
            .positional("case", help: "The case folder."),
            .option("level", valueName: "level", help: "primary or junior.", required: true),
        ] + drawingOptions + [encodingOption]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        var options = ["level": arguments.value("level")!]
        let manifest = try arguments.recordDrawingStep(.lottery, options: &options)
        let step = manifest.steps.last!
        print("lottery: \(step.counts["numbers"] ?? 0) numbers in draw \(step.draws.joined(separator: ", ")), seed \(manifest.seed)")
        print("wrote \(arguments.value("out")!)/\(LotteryNumbersStep.fileName) and \(Manifest.fileName)")
        return 0
    }
}
