import Foundation

/// Runs one step into a run folder, the way every drawing command does: bring the folder to a
/// settled state (`RunCommit.recover`), check the case against its commitment, compute, and
/// commit the outputs and the manifest all or nothing (`RunCommit`).
///
/// A folder holds one run: one version, code, seed and commitment. A step that would replace a
/// recorded step's results (write any of the same files) with other results, or a step under
/// another seed, code, version or commitment, is refused unless `force` is given; with it, the
/// replaced draws stay listed in the manifest's `attempts`. Re-running a recorded step with the
/// same seed, options, code and commitment gives the same bytes, so it is allowed and records
/// nothing new.
public enum RunRecorder {
    /// Runs `kind` and records it in `run`/manifest.json, creating or extending it.
    /// - Parameters:
    ///   - code: the identifier of the running code (`sha256:<hex>`), recorded in the manifest.
    ///   - commitment: the published commitment; the case must still hash to it.
    ///   - force: replace recorded results, or restart the folder's run under another seed,
    ///     code, version or commitment (every earlier attempt stays recorded).
    /// - Returns: the manifest as written.
    /// - Throws: `CommitmentError.changed` naming every changed file (nothing is drawn);
    ///   `RunRecorderError` when the step would replace recorded results or the folder holds
    ///   another run, without `force`; the step's own errors.
    @discardableResult
    public static func record(_ kind: RunStepKind, input: RunStepInput, commitment: Commitment, code: String,
                              into run: URL, force: Bool = false) throws -> Manifest {
        try record(kind, input: input, commitment: commitment, code: code, into: run, force: force, stopAfter: nil)
    }

    /// `record`, stopping the commit after `stopAfter` file operations (tests simulate a kill).
    static func record(_ kind: RunStepKind, input: RunStepInput, commitment: Commitment, code: String,
                       into run: URL, force: Bool, stopAfter: Int?) throws -> Manifest {
        guard input.seed.utf8.count == 64, input.seed.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw RunRecorderError.malformedSeed
        }
        try commitment.verify(caseFolder: input.caseFolder, encoding: try input.encoding())
        try RunCommit.recover(run)
        let fresh = Manifest(code: code, seed: input.seed, commitment: commitment.digest,
                             caseFolder: input.caseFolder.standardizedFileURL.path)
        var manifest = try Manifest.read(run: run) ?? fresh
        let differences = [("version", manifest.toolVersion, fresh.toolVersion), ("code", manifest.code, fresh.code),
                           ("seed", manifest.seed, fresh.seed), ("commitment", manifest.commitment.hex, fresh.commitment.hex)]
            .filter { $0.1 != $0.2 }.map(\.0)
        if let what = differences.first {
            guard force else { throw RunRecorderError.otherRun(run.path, what: what) }
            manifest = manifest.restarted(as: fresh)
        }
        let output = try kind.perform(input)
        var inputs: [RunStep.FileRecord] = []
        for name in output.inputs {
            inputs.append(RunStep.FileRecord(name: name, digest: try SHA256.hash(fileAt: input.caseFolder.appendingPathComponent(name))))
        }
        let step = RunStep(kind: kind.name, options: input.options, draws: output.draws, inputs: inputs,
                           outputs: output.outputs.map { RunStep.FileRecord(name: $0.name, digest: SHA256.hash($0.bytes)) },
                           counts: output.counts)
        let replaced = manifest.steps(replacedBy: step)
        if replaced != [step] {
            if let recorded = replaced.first, !force { throw RunRecorderError.alreadyRecorded(run.path, step: recorded.label) }
            manifest.add(step)
        }
        try RunCommit.commit(manifest, outputs: output.outputs, into: run, stopAfter: stopAfter)
        return manifest
    }
}

/// Why a step cannot be recorded in a run folder.
public enum RunRecorderError: Error, Equatable, CustomStringConvertible {
    /// The folder's manifest records another version, code, seed or commitment.
    case otherRun(String, what: String)
    /// The step would replace the results of this recorded step.
    case alreadyRecorded(String, step: String)
    /// The seed is not 64 lowercase hex digits.
    case malformedSeed

    public var description: String {
        switch self {
        case let .otherRun(path, what):
            return "\(path): this run folder records a run with another \(what); write into a new run folder, "
                + "or give --force to start the run in this folder again (manifest.json keeps every earlier attempt)"
        case let .alreadyRecorded(path, step):
            return "\(path): the step \(step) is already recorded in manifest.json, and running it again would replace its results; "
                + "give --force to replace them (manifest.json keeps the earlier attempt)"
        case .malformedSeed:
            return "the seed must be the 64 lowercase hex digits `enroll seed` printed; copy it exactly"
        }
    }
}
