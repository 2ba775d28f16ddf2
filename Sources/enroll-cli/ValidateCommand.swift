import Enrollment
import Foundation

enum ValidateCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check every file of a case and report every problem at once.",
        discussion: "Each problem is printed as file:line:column: message. Exits 0 and prints a one-line summary when the case is clean, 1 when there is any problem.",
        arguments: [
            .positional("case", help: "The case folder (see docs/FORMATS.md)."),
            encodingOption,
        ]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let folder = CaseFolder(url: URL(fileURLWithPath: arguments.value("case")!), encoding: try arguments.encoding())
        let loaded = try folder.load()
        guard loaded.diagnostics.isEmpty else {
            for d in loaded.diagnostics { Console.error(d.description) }
            Console.error("\(loaded.diagnostics.count) problem\(loaded.diagnostics.count == 1 ? "" : "s") found")
            return 1
        }
        print("valid: \(loaded.admissionCase.summary)")
        return 0
    }
}
