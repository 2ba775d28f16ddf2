import EnrollmentIO

/// Parses a command's arguments by its `CommandSpec`, following swift-argument-parser's
/// conventions: `--name value` and `--name=value`; flags without values; positionals in
/// order; `--` ends options; an unknown option is named with the nearest valid one.
/// (`-h`/`--help` are handled by `CommandLineTool` before parsing.)
enum ArgumentParser {
    /// - Complexity: O(arguments × options).
    static func parse(_ arguments: [String], for command: CommandSpec) throws(UsageError) -> ParsedArguments {
        var result = ParsedArguments()
        let positionals = command.arguments.filter(\.isPositional)
        var nextPositional = 0
        var onlyPositionals = false
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if !onlyPositionals, argument == "--" {
                onlyPositionals = true
                continue
            }
            if !onlyPositionals, argument.hasPrefix("-"), argument.count > 1 {
                let body = argument.drop(while: { $0 == "-" })
                let name: String
                var inlineValue: String?
                if let eq = body.firstIndex(of: "=") {
                    name = String(body[..<eq])
                    inlineValue = String(body[body.index(after: eq)...])
                } else {
                    name = String(body)
                }
                guard let spec = command.arguments.first(where: { $0.name == name && !$0.isPositional }) else {
                    let options = command.arguments.filter { !$0.isPositional }.map { "--" + $0.name } + ["--help"]
                    throw .unknownOption(argument, suggestion: NearestName.nearest(to: "--" + name, among: options))
                }
                switch spec.kind {
                case .flag:
                    if inlineValue != nil { throw .unexpectedValue(flag: name) }
                    result.flags.insert(name)
                case let .option(valueName, repeating):
                    let value: String
                    if let inlineValue {
                        value = inlineValue
                    } else if i < arguments.count, !arguments[i].hasPrefix("--") {
                        value = arguments[i]
                        i += 1
                    } else {
                        throw .missingValue(option: name, valueName: valueName)
                    }
                    if !repeating, result.value(name) != nil { throw .repeatedOption(name) }
                    result.append(value, for: name)
                case .positional:
                    break
                }
                continue
            }
            guard nextPositional < positionals.count else { throw .unexpectedArgument(argument) }
            result.append(argument, for: positionals[nextPositional].name)
            nextPositional += 1
        }
        for spec in command.arguments where spec.isRequired {
            let given = spec.kind == .flag ? result.flag(spec.name) : result.value(spec.name) != nil
            if !given { throw .missingArgument(spec.synopsis) }
        }
        return result
    }
}
