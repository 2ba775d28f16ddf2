/// A mistake in how a command was called. The tool prints it with the command's usage
/// line and exits with status 2.
package enum UsageError: Error, Equatable, CustomStringConvertible {
    case unknownCommand(String, suggestion: String?)
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String, valueName: String)
    case unexpectedValue(flag: String)
    case missingArgument(String)
    case unexpectedArgument(String)
    case repeatedOption(String)
    case invalidValue(option: String, value: String, reason: String)

    package var description: String {
        switch self {
        case let .unknownCommand(name, suggestion):
            return "unknown command '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .unknownOption(name, suggestion):
            return "unknown option '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case let .missingValue(option, valueName):
            return "missing value for '--\(option) <\(valueName)>'"
        case let .unexpectedValue(flag):
            return "the flag '--\(flag)' takes no value"
        case let .missingArgument(synopsis):
            return "missing expected argument '\(synopsis)'"
        case let .unexpectedArgument(text):
            return "unexpected argument '\(text)'"
        case let .repeatedOption(name):
            return "the option '--\(name)' may be given only once"
        case let .invalidValue(option, value, reason):
            return "the value '\(value)' of '--\(option)' is invalid: \(reason)"
        }
    }
}
