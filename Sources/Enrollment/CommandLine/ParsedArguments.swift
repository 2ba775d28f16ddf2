/// The values given to a command, by argument name.
package struct ParsedArguments: Sendable, Equatable {
    package var values: [String: [String]] = [:]
    package var flags: Set<String> = []

    package init() {}

    /// The value of an option or positional, or nil when not given.
    package func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of a repeating option, in the order given.
    package func values(_ name: String) -> [String] { values[name] ?? [] }

    /// Whether a flag was given.
    package func flag(_ name: String) -> Bool { flags.contains(name) }

    package mutating func append(_ value: String, for name: String) {
        values[name, default: []].append(value)
    }
}
