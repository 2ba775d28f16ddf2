import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

/// The arguments every command that draws takes, and the round they open.
enum Drawing {
    static let seed = Argument<String>.option("seed", valueName: "seed", help: "The seed from the ceremony (`enroll seed`): 64 lowercase hex digits.", as: .text)
    static let commitment = Argument<URL>.option("commitment", valueName: "file", help: "The published commitment.json; the case must still hash to it.", as: .path)
    static let out = Argument<URL>.option("out", valueName: "run folder", help: "The run folder to write results and manifest.json into.", as: .path)
    static let force = Argument<Bool>.flag("force", help: "Replace the results of a step the run folder already records, or start its run again under another seed, code or commitment; manifest.json keeps every earlier attempt.")
    static let wait = Argument<Bool>.flag("wait", help: "When another command is writing into the run folder, wait for it to end instead of refusing.")
    static let ceremony = Argument<URL?>.optional("contributions", valueName: "file", help: "The seed ceremony as `enroll seed --out` wrote it: its contributions, which must give --seed, are recorded in RUN/manifest.json.", as: .path)
    static let contribution = Argument<[String]>.repeating("contribution", valueName: "label: value", help: "Or the contributions given again, in the order announced (instead of --contributions).", as: .text)

    /// The case, the drawing options and `--encoding`, as a drawing command lists them after its own.
    static let arguments = [seed.spec, commitment.spec, out.spec, ceremony.spec, contribution.spec, force.spec, wait.spec, CaseArguments.encoding.spec]

    /// The seed ceremony's contributions given (`--contributions FILE` or `--contribution`), nil for none.
    static func contributions(_ arguments: ParsedArguments) throws -> [SeedContribution]? {
        let given = try arguments[contribution].map { line throws -> SeedContribution in try SeedContribution(parsing: line) }
        guard let url = try arguments[ceremony] else { return given.isEmpty ? nil : given }
        guard given.isEmpty else {
            throw UsageError.invalidValue(option: "contribution", value: "…", reason: "give the contributions once: --contributions FILE or --contribution, not both")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw CommitmentError.unreadable(url.path, reason: FileProblem.reading(url.path)) }
        return try SeedCeremony(json: [UInt8](data), file: url.lastPathComponent).contributions
    }

    /// Opens the round the command draws in (`AdmissionRound`), printing what settling the
    /// run folder did.
    static func openRound(_ arguments: ParsedArguments) throws -> AdmissionRound {
        let commitment = try Commitment(contentsOf: try arguments[commitment])
        let run = try arguments[out]
        let round = try AdmissionRound(caseFolder: try arguments[CaseArguments.folder], encoding: try arguments[CaseArguments.encoding],
                                       commitment: commitment, seed: try arguments[seed], contributions: try contributions(arguments), runFolder: run,
                                       code: CodeIdentifier.library, force: try arguments[force], wait: try arguments[wait]) { holder in
            print("\(run.path): waiting for the command writing into it to end (\(holder))")
        }
        if let recovery = round.recovery { print("\(round.runFolder.path): \(recovery)") }
        return round
    }

    /// The line saying what a step wrote.
    static func wrote(_ step: RunStep, in round: AdmissionRound) -> String {
        "wrote \(step.outputs.map(\.name).joined(separator: ", ")) and \(Manifest.fileName) in \(round.runFolder.path)"
    }
}
