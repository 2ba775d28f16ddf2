// enroll: the command-line face of the Enrollment library. It parses arguments, calls the
// library, and prints; all logic lives in the library.
import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

/// Every subcommand, in the order `enroll --help` lists them.
let commands: [(spec: CommandSpec, run: (ParsedArguments) throws -> Int32)] = [
    (ValidateCommand.spec, ValidateCommand.run),
    (SynthCommand.spec, SynthCommand.run),
    (CommitCommand.spec, CommitCommand.run),
    (PublishCaseCommand.spec, PublishCaseCommand.run),
    (SeedCommand.spec, SeedCommand.run),
    (CeremonyCommand.spec, CeremonyCommand.run),
    (ZoneCommand.spec, ZoneCommand.run),
    (LotteryCommand.spec, LotteryCommand.run),
    (PlaceCommand.spec, PlaceCommand.run),
    (ClassesCommand.spec, ClassesCommand.run),
    (VacanciesCommand.spec, VacanciesCommand.run),
    (SecondRoundCommand.spec, SecondRoundCommand.run),
    (QuotaCommand.spec, QuotaCommand.run),
    (VerifyCommand.spec, VerifyCommand.run),
    (PublishCommand.spec, PublishCommand.run),
    (DemoCommand.spec, DemoCommand.run),
]

let tool = CommandLineTool(
    name: "enroll",
    abstract: "Exam-free, zoned school admission with a public, reproducible lottery (免试、划片、就近入学、随机派位).",
    version: EnrollmentVersion.current,
    commands: commands.map(\.spec)
)

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch try tool.resolve(arguments) {
    case .print(let text):
        print(text)
    case let .run(name, parsed):
        let status = try commands.first { $0.spec.name == name }!.run(parsed)
        exit(status)
    }
} catch let error as UsageError {
    Console.error("enroll: \(error)")
    if let name = arguments.first, let spec = commands.first(where: { $0.spec.name == name })?.spec {
        Console.error("usage: " + tool.usage(for: spec))
    }
    Console.error("See 'enroll --help' or 'enroll help <command>'.")
    exit(2)
} catch {
    Console.error("enroll: \(error)")
    exit(1)
}
