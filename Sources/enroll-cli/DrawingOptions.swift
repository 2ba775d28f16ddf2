import Enrollment
import Foundation

/// The options every command that draws takes.
let drawingOptions: [ArgumentSpec] = [
    .option("seed", valueName: "seed", help: "The seed from the ceremony (`enroll seed`): 64 lowercase hex digits.", required: true),
    .option("commitment", valueName: "file", help: "The published commitment.json; the case must still hash to it.", required: true),
    .option("out", valueName: "run folder", help: "The run folder to write results and manifest.json into.", required: true),
    .flag("force", help: "Replace the results of a step the run folder already records, or start its run again under another seed, code or commitment; manifest.json keeps every earlier attempt."),
]

extension ParsedArguments {
    /// The `--out` run folder, brought to a settled state first: a step a kill interrupted is
    /// finished or removed (`RunCommit.recover`), and what was done is printed.
    func settledRunFolder() throws -> URL {
        let run = URL(fileURLWithPath: value("out")!)
        if let recovery = try RunCommit.recover(run) { print("\(run.path): \(recovery)") }
        return run
    }

    /// Runs `kind` on the case with the seed and commitment given, into `--out` (with
    /// `--force` when given), and returns the manifest written. `options` gets `encoding`
    /// added when one was given.
    func recordDrawingStep(_ kind: RunStepKind, options: inout [String: String]) throws -> Manifest {
        if let encoding = try encoding() { options["encoding"] = encoding.rawValue }
        let commitment = try Commitment(contentsOf: URL(fileURLWithPath: value("commitment")!))
        let input = RunStepInput(caseFolder: URL(fileURLWithPath: value("case")!), options: options, seed: value("seed")!)
        return try RunRecorder.record(kind, input: input, commitment: commitment, code: codeIdentifier,
                                      into: try settledRunFolder(), force: flag("force"))
    }
}
