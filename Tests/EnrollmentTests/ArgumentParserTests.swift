import Testing
@testable import Enrollment

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
        #expect(ArgumentParser.editDistance("kitten", "sitting") == 3)
        #expect(ArgumentParser.editDistance("", "abc") == 3)
        #expect(ArgumentParser.editDistance("seed", "seed") == 0)
    }
}
