import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum VerifyCommand: EnrollCommand {
    static let run = Argument<URL>.positional("run", help: "The run folder (holding manifest.json).", as: .path)
    static let caseFolder = Argument<URL?>.optional("case", valueName: "folder", help: "The case folder (default: the one recorded in the manifest).", as: .path)
    static let scratch = Argument<URL?>.optional("scratch", valueName: "folder", help: "Keep the re-run's outputs here, a folder per step.", as: .path)
    static let anyCode = Argument<Bool>.flag("any-code", help: "Re-run even though this enroll was built from other code than the run's.")

    static let spec = CommandSpec(
        name: "verify",
        abstract: "Check a published run: inputs, commitment, every step re-run and compared byte for byte.",
        discussion: """
            Prints `verified` and which state it verified, and exits 0: the complete run, or — when a command \
            was killed while writing — the previous state (the step had not written all its files) or the complete \
            new one (it had), with the leftover files; then every earlier attempt the manifest keeps. Otherwise names \
            the first difference (file, line, column) and exits 1. Must be run by an enroll built from the code \
            recorded in the manifest (see docs/LOTTERY.md).
            """,
        arguments: [run.spec, caseFolder.spec, scratch.spec, anyCode.spec]
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let (run, caseFolder, code, scratch) = (try arguments[run], try arguments[caseFolder], try arguments[anyCode], try arguments[scratch])
        do {
            let summary = try RunVerifier.verify(run: run, caseFolder: caseFolder, code: CodeIdentifier.library, allowOtherCode: code, scratch: scratch)
            print(summary.report)
            return 0
        } catch {
            Console.error("not verified: \(error)")
            return 1
        }
    }
}
