import Foundation

/// Runs one step into a run folder, the way every drawing command does: check the case
/// against its commitment, compute, write the outputs, then write the manifest last (each
/// file atomically), so an interrupted run never leaves a manifest describing files that are
/// not there.
public enum RunRecorder {
    /// Runs `kind` and records it in `run`/manifest.json, creating or extending it.
    /// - Parameters:
    ///   - code: the identifier of the running code (`sha256:<hex>`), recorded in the manifest.
    ///   - commitment: the published commitment; the case must still hash to it.
    /// - Returns: the manifest as written.
    /// - Throws: `CommitmentError.changed` naming every changed file (nothing is drawn);
    ///   `RunRecorderError` when the run folder holds a run of another seed, commitment or code;
    ///   the step's own errors.
    @discardableResult
    public static func record(_ kind: RunStepKind, input: RunStepInput, commitment: Commitment, code: String,
                              into run: URL) throws -> Manifest {
        guard input.seed.utf8.count == 64, input.seed.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else {
            throw RunRecorderError.malformedSeed
        }
        try commitment.verify(caseFolder: input.caseFolder, encoding: try input.encoding())
        let fresh = Manifest(code: code, seed: input.seed, commitment: commitment.digest,
                             caseFolder: input.caseFolder.standardizedFileURL.path)
        var manifest = try Manifest.read(run: run) ?? fresh
        for (what, recorded, now) in [("version", manifest.toolVersion, fresh.toolVersion), ("code", manifest.code, fresh.code),
                                      ("seed", manifest.seed, fresh.seed), ("commitment", manifest.commitment.hex, fresh.commitment.hex)]
            where recorded != now {
            throw RunRecorderError.otherRun(run.path, what: what)
        }
        let output = try kind.perform(input)
        for file in output.outputs {
            try AtomicFile.write(file.bytes, to: run.appendingPathComponent(file.name))
        }
        var inputs: [RunStep.FileRecord] = []
        for name in output.inputs {
            inputs.append(RunStep.FileRecord(name: name, digest: try SHA256.hash(fileAt: input.caseFolder.appendingPathComponent(name))))
        }
        manifest.add(RunStep(kind: kind.name, options: input.options, draws: output.draws, inputs: inputs,
                             outputs: output.outputs.map { RunStep.FileRecord(name: $0.name, digest: SHA256.hash($0.bytes)) },
                             counts: output.counts))
        try AtomicFile.write(manifest.rendered, to: run.appendingPathComponent(Manifest.fileName))
        return manifest
    }
}

/// Why a step cannot be recorded in a run folder.
public enum RunRecorderError: Error, Equatable, CustomStringConvertible {
    /// The folder's manifest records another version, code, seed or commitment.
    case otherRun(String, what: String)
    /// The seed is not 64 lowercase hex digits.
    case malformedSeed

    public var description: String {
        switch self {
        case let .otherRun(path, what):
            return "\(path): this run folder records a run with another \(what); write into a new run folder"
        case .malformedSeed:
            return "the seed must be the 64 lowercase hex digits `enroll seed` printed; copy it exactly"
        }
    }
}
