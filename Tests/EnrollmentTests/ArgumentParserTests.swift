import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

@Suite struct ArgumentParserTests {
    let place = CommandSpec(name: "place", abstract: "Place applicants.", arguments: [
        .positional("case", help: "The case folder."),
        .option("seed", valueName: "seed", help: "The seed.", required: true),
        .option("level", valueName: "level", help: "primary or junior.", default: "primary"),
        .option("contribution", valueName: "text", help: "A contribution.", repeating: true),
        .flag("force", help: "Overwrite."),
    ])

    var tool: CommandLineTool {
        CommandLineTool(name: "enroll", abstract: "Admission.", version: "9.9.9", commands: [place])
    }

    @Test func spaceAndEqualsForms() throws {
        let a = try ArgumentParser.parse(["C", "--seed", "abc", "--level=junior", "--force"], for: place)
        #expect(a.value("case") == "C")
        #expect(a.value("seed") == "abc")
        #expect(a.value("level") == "junior")
        #expect(a.flag("force"))
        #expect(!a.flag("other"))
    }

    @Test func repeatingOptionsKeepOrder() throws {
        let a = try ArgumentParser.parse(["C", "--seed=s", "--contribution", "b", "--contribution=a"], for: place)
        #expect(a.values("contribution") == ["b", "a"])
    }

    @Test func valuesMayStartWithADashAfterEquals() throws {
        #expect(try ArgumentParser.parse(["C", "--seed=-1"], for: place).value("seed") == "-1")
    }

    @Test func doubleDashEndsOptions() throws {
        #expect(try ArgumentParser.parse(["--seed", "s", "--", "--weird-folder"], for: place).value("case") == "--weird-folder")
    }

    @Test func errors() {
        #expect(throws: UsageError.unknownOption("--sed", suggestion: "--seed")) { try ArgumentParser.parse(["C", "--sed", "x"], for: place) }
        #expect(throws: UsageError.unknownOption("--zzzzzzzz", suggestion: nil)) { try ArgumentParser.parse(["C", "--zzzzzzzz"], for: place) }
        #expect(throws: UsageError.missingValue(option: "seed", valueName: "seed")) { try ArgumentParser.parse(["C", "--seed"], for: place) }
        #expect(throws: UsageError.missingValue(option: "seed", valueName: "seed")) { try ArgumentParser.parse(["C", "--seed", "--force"], for: place) }
        #expect(throws: UsageError.missingArgument("--seed <seed>")) { try ArgumentParser.parse(["C"], for: place) }
        #expect(throws: UsageError.missingArgument("<case>")) { try ArgumentParser.parse(["--seed", "s"], for: place) }
        #expect(throws: UsageError.unexpectedArgument("D")) { try ArgumentParser.parse(["C", "D", "--seed", "s"], for: place) }
        #expect(throws: UsageError.unexpectedValue(flag: "force")) { try ArgumentParser.parse(["C", "--seed", "s", "--force=yes"], for: place) }
        #expect(throws: UsageError.repeatedOption("seed")) { try ArgumentParser.parse(["C", "--seed", "a", "--seed", "b"], for: place) }
    }

    @Test func errorMessagesNameTheOptionAndSuggest() {
        #expect(UsageError.unknownOption("--sed", suggestion: "--seed").description == "unknown option '--sed'; did you mean '--seed'?")
        #expect(UsageError.unknownCommand("plac", suggestion: "place").description == "unknown command 'plac'; did you mean 'place'?")
    }

    @Test func toolResolvesHelpVersionAndCommands() throws {
        #expect(try tool.resolve(["--version"]) == .print("9.9.9"))
        #expect(try tool.resolve([]) == .print(tool.help()))
        #expect(try tool.resolve(["-h"]) == .print(tool.help()))
        #expect(try tool.resolve(["help", "place"]) == .print(tool.help(for: place)))
        #expect(try tool.resolve(["place", "--help"]) == .print(tool.help(for: place)))
        #expect(try tool.resolve(["place", "-h"]) == .print(tool.help(for: place)))
        guard case let .run(name, args) = try tool.resolve(["place", "C", "--seed", "s"]) else {
            Issue.record("expected a run request")
            return
        }
        #expect(name == "place")
        #expect(args.value("seed") == "s")
        #expect(throws: UsageError.unknownCommand("plase", suggestion: "place")) { try tool.resolve(["plase"]) }
        #expect(throws: UsageError.unknownCommand("help-me", suggestion: nil)) { try tool.resolve(["help", "help-me"]) }
    }

    @Test func commandHelpListsArgumentsOptionsAndDefaults() {
        let help = tool.help(for: place)
        #expect(help.contains("USAGE: enroll place <case> --seed <seed> [--level <level>] [--contribution <text>] [--force]"))
        #expect(help.contains("primary or junior. (default: primary)"))
        #expect(help.contains("ARGUMENTS:\n  <case>"))
        #expect(help.contains("-h, --help"))
    }

    @Test func editDistance() {
        #expect(NearestName.editDistance("kitten", "sitting") == 3)
        #expect(NearestName.editDistance("", "abc") == 3)
        #expect(NearestName.editDistance("seed", "seed") == 0)
    }

    /// Typed arguments: each declared once, its default written once (shown in help and
    /// converted like a given value), values converted to their types with a usage message.
    enum Typed {
        static let folder = Argument<String>.positional("case", help: "The case folder.", as: .text)
        static let seed = Argument<String>.option("seed", valueName: "seed", help: "The seed.", as: .text)
        static let count = Argument<Int>.option("count", valueName: "n", help: "How many.", default: "30", as: .integer(in: 1...100))
        static let limit = Argument<Int?>.optional("limit", valueName: "n", help: "At most.", as: .integer(in: 1...9))
        static let tags = Argument<[String]>.repeating("tag", valueName: "text", help: "A tag.", as: .text)
        static let force = Argument<Bool>.flag("force", help: "Overwrite.")
        static let spec = CommandSpec(name: "typed", abstract: "Typed.",
                                      arguments: [folder.spec, seed.spec, count.spec, limit.spec, tags.spec, force.spec])
    }

    @Test func typedArgumentsConvertAndApplyTheirDefaults() throws {
        let given = try ArgumentParser.parse(["C", "--seed", "s", "--count=7", "--limit", "3", "--tag", "b", "--tag", "a", "--force"], for: Typed.spec)
        #expect(try given[Typed.folder] == "C" && given[Typed.seed] == "s" && given[Typed.count] == 7 && given[Typed.limit] == 3)
        #expect(try given[Typed.tags] == ["b", "a"] && given[Typed.force])
        let bare = try ArgumentParser.parse(["C", "--seed", "s"], for: Typed.spec)
        #expect(try bare[Typed.count] == 30 && bare[Typed.limit] == nil && bare[Typed.tags] == [] && !bare[Typed.force])
        #expect(Typed.count.spec.defaultValue == "30")
        #expect(CommandLineTool(name: "enroll", abstract: "", version: "1", commands: [Typed.spec]).help(for: Typed.spec).contains("How many. (default: 30)"))
        let wrong = try ArgumentParser.parse(["C", "--seed", "s", "--count", "0", "--limit", "x"], for: Typed.spec)
        #expect(throws: UsageError.invalidValue(option: "count", value: "0", reason: "give a whole number from 1 to 100")) { try wrong[Typed.count] }
        #expect(throws: UsageError.invalidValue(option: "limit", value: "x", reason: "give a whole number from 1 to 9")) { try wrong[Typed.limit] }
        #expect(throws: UsageError.missingArgument("--seed <seed>")) { try ArgumentParser.parse(["C"], for: Typed.spec) }
        #expect(throws: UsageError.missingArgument("--seed <seed>")) { try ParsedArguments()[Typed.seed] }
    }
}
