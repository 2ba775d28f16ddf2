import EnrollmentIO

/// A tool with subcommands: `tool COMMAND [arguments]`, `tool --help`, `tool help COMMAND`,
/// `tool COMMAND --help`, `tool --version`. It resolves what to do; the executable runs it.
package struct CommandLineTool: Sendable {
    package let name: String
    package let abstract: String
    package let version: String
    package let commands: [CommandSpec]

    package init(name: String, abstract: String, version: String, commands: [CommandSpec]) {
        self.name = name
        self.abstract = abstract
        self.version = version
        self.commands = commands
    }

    /// What a command line asks for.
    package enum Request: Equatable, Sendable {
        /// Print this text to standard output and exit 0 (help, version).
        case print(String)
        /// Run `command` with `arguments`.
        case run(command: String, arguments: ParsedArguments)
    }

    /// Resolves a command line (without the program name).
    package func resolve(_ arguments: [String]) throws(UsageError) -> Request {
        guard let first = arguments.first else { return .print(help()) }
        switch first {
        case "-h", "--help":
            return .print(help())
        case "--version":
            return .print(version)
        case "help":
            guard arguments.count > 1 else { return .print(help()) }
            return .print(help(for: try command(named: arguments[1])))
        default:
            if first.hasPrefix("-") {
                throw .unknownOption(first, suggestion: NearestName.nearest(to: first, among: ["--help", "--version"]))
            }
            let spec = try command(named: first)
            let rest = Array(arguments.dropFirst())
            if rest.contains(where: { $0 == "-h" || $0 == "--help" }) { return .print(help(for: spec)) }
            return .run(command: spec.name, arguments: try ArgumentParser.parse(rest, for: spec))
        }
    }

    package func command(named name: String) throws(UsageError) -> CommandSpec {
        guard let spec = commands.first(where: { $0.name == name }) else {
            throw .unknownCommand(name, suggestion: NearestName.nearest(to: name, among: commands.map(\.name)))
        }
        return spec
    }

    /// The tool's help: overview, usage, and the list of commands.
    package func help() -> String {
        let width = (commands.map(\.name.count).max() ?? 0) + 4
        var lines = ["OVERVIEW: \(abstract)", "", "USAGE: \(name) <command> [options]", "", "OPTIONS:",
                     "  --version".padded(to: width + 2) + "Show the version.",
                     "  -h, --help".padded(to: width + 2) + "Show help information.", "", "COMMANDS:"]
        for c in commands { lines.append("  " + c.name.padded(to: width) + c.abstract) }
        lines += ["", "  See '\(name) help <command>' for detailed help."]
        return lines.joined(separator: "\n")
    }

    /// One command's usage line: `enroll validate <case> [--encoding <encoding>]`.
    package func usage(for command: CommandSpec) -> String {
        ([name, command.name] + command.arguments.map { $0.isRequired ? $0.synopsis : "[\($0.synopsis)]" }).joined(separator: " ")
    }

    /// One command's help: overview, usage, arguments and options with their defaults.
    package func help(for command: CommandSpec) -> String {
        let positionals = command.arguments.filter(\.isPositional)
        let options = command.arguments.filter { !$0.isPositional }
        var lines = ["OVERVIEW: \(command.abstract)"]
        if !command.discussion.isEmpty { lines += ["", command.discussion] }
        lines += ["", "USAGE: \(usage(for: command))"]
        let width = min(32, (command.arguments.map(\.synopsis.count).max() ?? 0) + 4)
        func entry(_ synopsis: String, _ help: String) -> String {
            synopsis.count + 2 >= width ? "  \(synopsis)\n" + String(repeating: " ", count: width + 2) + help
                                        : "  " + synopsis.padded(to: width) + help
        }
        if !positionals.isEmpty {
            lines += ["", "ARGUMENTS:"]
            for p in positionals { lines.append(entry(p.synopsis, p.help)) }
        }
        lines += ["", "OPTIONS:"]
        for o in options {
            lines.append(entry(o.synopsis, o.help + (o.defaultValue.map { " (default: \($0))" } ?? "")))
        }
        lines.append(entry("-h, --help", "Show help information."))
        return lines.joined(separator: "\n")
    }
}

extension String {
    package func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
