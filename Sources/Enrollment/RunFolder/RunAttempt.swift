import EnrollmentIO
import EnrollmentEngines

/// One attempt to run a step into a run folder, as `manifest.json` keeps it in `attempts`:
/// every draw made into the folder stays listed, with its seed, commitment, code and the
/// digests of what it wrote, even after `--force` replaced it or a kill interrupted it — so a
/// draw cannot be silently re-run with another seed.
///
///     {
///       "step": "place",
///       "options": {"level": "junior"},            (keys sorted)
///       "seed": "<64 hex digits>",
///       "commitment": "<combined digest>",
///       "code": "sha256:<hex>",
///       "outcome": "recorded",                      (recorded, replaced or interrupted)
///       "outputs": [{"file": "junior/placements.csv", "sha256": "<hex>"}, …]
///     }
///
/// No clock: attempts are listed in the order they were made.
package struct RunAttempt: Equatable, Sendable {
    /// What became of an attempt.
    package enum Outcome: String, Sendable, CaseIterable {
        /// The attempt is one of the manifest's current `steps`.
        case recorded
        /// A later attempt (run with `--force`) replaced its results.
        case replaced
        /// The run was killed before the attempt's results were all written; the next command
        /// into the folder removed what it had written (nothing of it is in the folder).
        case interrupted
    }

    /// The step and its options.
    package var step: RoundStep
    /// The encoding the case's CSV files were read with, when one was declared.
    package var encoding: TextEncoding?
    /// The seed it drew with.
    package var seed: String
    /// The commitment the case was checked against.
    package var commitment: SHA256Digest
    /// The code identifier of the program that ran it.
    package var code: String
    package var outcome: Outcome
    /// The files it wrote (or was writing), with their SHA-256.
    package var outputs: [RunStep.FileRecord]

    package init(step: RoundStep, encoding: TextEncoding? = nil, seed: String, commitment: SHA256Digest, code: String,
                outcome: Outcome, outputs: [RunStep.FileRecord]) {
        self.step = step
        self.encoding = encoding
        self.seed = seed
        self.commitment = commitment
        self.code = code
        self.outcome = outcome
        self.outputs = outputs
    }

    /// The attempt that made `step` of `manifest`.
    package init(_ step: RunStep, of manifest: Manifest, outcome: Outcome) {
        self.init(step: step.step, encoding: step.encoding, seed: manifest.seed, commitment: manifest.commitment,
                  code: manifest.code, outcome: outcome, outputs: step.outputs)
    }

    /// Whether this attempt made `step` of `manifest` (outcome aside).
    package func made(_ step: RunStep, of manifest: Manifest) -> Bool {
        RunAttempt(step, of: manifest, outcome: outcome) == self
    }

    /// The step kind's name.
    package var kind: String { step.kind }

    /// The step and the options that tell it apart, e.g. `place (level junior)`.
    package var label: String { step.label }

    /// A line for the console: step, outcome and seed.
    package var summary: String { "\(label): \(outcome.rawValue), seed \(seed)" }

    package var json: JSONValue {
        .object([
            ("step", .string(kind)),
            ("options", step.options(encoding: encoding)),
            ("seed", .string(seed)),
            ("commitment", .string(commitment.hex)),
            ("code", .string(code)),
            ("outcome", .string(outcome.rawValue)),
            ("outputs", .array(outputs.map(\.json))),
        ])
    }

    package init(_ value: JSONValue, file: String) throws(Diagnostic) {
        let r = try JSONObjectReader(value, file: file, what: "an attempt",
                                     known: ["step", "options", "seed", "commitment", "code", "outcome", "outputs"])
        let outcomeValue = try r.required("outcome")
        let text = try JSONObjectReader.string(outcomeValue, file: file, key: "outcome")
        guard let outcome = Outcome(rawValue: text) else {
            throw Diagnostic(outcomeValue.location(in: file), "\"outcome\" must be recorded, replaced or interrupted, not \"\(text)\"")
        }
        let (step, encoding) = try RoundStep.read(kind: try r.string("step"), options: try r.required("options"), file: file)
        self.init(step: step, encoding: encoding,
                  seed: try r.string("seed"), commitment: try r.digest("commitment"), code: try r.string("code"),
                  outcome: outcome, outputs: try RunStep.FileRecord.list(r, "outputs", file: file))
    }
}
