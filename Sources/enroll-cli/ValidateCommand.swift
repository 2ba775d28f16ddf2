import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum ValidateCommand: EnrollCommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check every file of a case and report every problem at once.",
        discussion: "Each problem is printed as file:line:column: message. Exits 0 and prints a one-line summary when the case is clean, 1 when there is any problem.",
        arguments: [CaseArguments.folder.spec, CaseArguments.encoding.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        guard let c = try CaseArguments.load(arguments, advice: "") else { return 1 }
        print("valid: \(c.summary)")
        return 0
    }
}
