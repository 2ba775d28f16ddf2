import EnrollmentIO

/// One argument a command accepts, in the manner of swift-argument-parser:
/// an option takes a value (`--seed S` or `--seed=S`), a flag takes none (`--force`),
/// a positional is given by place (`CASE`).
package struct ArgumentSpec: Sendable {
    package enum Kind: Sendable, Equatable {
        /// `--name <valueName>`; repeatable when `repeating`.
        case option(valueName: String, repeating: Bool)
        /// `--name`.
        case flag
        /// A positional argument shown as `<valueName>`.
        case positional(valueName: String)
    }

    package let name: String
    package let kind: Kind
    package let help: String
    package let isRequired: Bool
    /// Shown in help as `(default: …)`.
    package let defaultValue: String?

    /// An option `--name <valueName>`.
    package static func option(_ name: String, valueName: String, help: String, required: Bool = false,
                              default defaultValue: String? = nil, repeating: Bool = false) -> ArgumentSpec {
        ArgumentSpec(name: name, kind: .option(valueName: valueName, repeating: repeating), help: help,
                     isRequired: required, defaultValue: defaultValue)
    }

    /// A flag `--name`.
    package static func flag(_ name: String, help: String) -> ArgumentSpec {
        ArgumentSpec(name: name, kind: .flag, help: help, isRequired: false, defaultValue: nil)
    }

    /// A positional argument, required unless `required: false`.
    package static func positional(_ name: String, help: String, required: Bool = true) -> ArgumentSpec {
        ArgumentSpec(name: name, kind: .positional(valueName: name), help: help, isRequired: required, defaultValue: nil)
    }

    /// Whether the argument is given by place rather than by name.
    package var isPositional: Bool {
        if case .positional = kind { return true }
        return false
    }

    /// How the argument is written in usage lines: `--seed <seed>`, `--force`, `<case>`.
    package var synopsis: String {
        switch kind {
        case .option(let valueName, _): return "--\(name) <\(valueName)>"
        case .flag: return "--\(name)"
        case .positional(let valueName): return "<\(valueName)>"
        }
    }
}

/// A subcommand: its name, what it does, and its arguments.
package struct CommandSpec: Sendable {
    package let name: String
    /// One line, shown in the tool's command list and atop the command's help.
    package let abstract: String
    /// Further paragraphs for the command's help.
    package let discussion: String
    package let arguments: [ArgumentSpec]

    package init(name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec]) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
    }
}
