import Foundation

/// `enroll verify`: checks a published run folder against the case it was made from.
///
/// In order, stopping at the first failure:
/// 1. `manifest.json` reads, and was made by the same code as the running program (unless
///    `allowOtherCode`);
/// 2. every input file of every step still has its recorded SHA-256 (naming the file), and
///    the case still hashes to the recorded commitment;
/// 3. every step is re-run from its recorded options and the recorded seed; each output is
///    compared byte for byte with the published file (naming file, line and column) and with
///    the digest recorded for it; the step's invariants are checked;
/// 4. the manifest the re-run gives is byte for byte the published `manifest.json`.
public enum RunVerifier {
    /// What a successful verification covered.
    public struct Summary: Equatable, Sendable {
        public var steps: Int
        public var inputs: Int
        public var outputs: Int
    }

    /// Verifies the run folder `run`.
    /// - Parameters:
    ///   - caseFolder: the case; nil for the folder recorded in the manifest.
    ///   - code: the identifier of the running code.
    ///   - scratch: where to write the re-run's outputs (a folder per step); nil to keep them in memory.
    /// - Throws: `VerificationError` naming the first difference.
    public static func verify(run: URL, caseFolder: URL? = nil, code: String, allowOtherCode: Bool = false,
                              scratch: URL? = nil) throws(VerificationError) -> Summary {
        let manifestURL = run.appendingPathComponent(Manifest.fileName)
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else { throw .noManifest(run.path) }
        let published = [UInt8](data)
        let manifest: Manifest
        do { manifest = try Manifest(json: published) } catch { throw .unreadableManifest(error) }
        if manifest.code != code, !allowOtherCode { throw .otherCode(recorded: manifest.code, running: code) }
        let folder = caseFolder ?? URL(fileURLWithPath: manifest.caseFolder)

        var inputCount = 0
        var changed: [String] = []
        for step in manifest.steps {
            for input in step.inputs {
                let url = folder.appendingPathComponent(input.name)
                guard let found = try? SHA256.hash(fileAt: url) else { throw .inputMissing(input.name, folder: folder.path) }
                if found != input.digest, !changed.contains(input.name) { changed.append(input.name) }
                inputCount += 1
            }
        }
        guard changed.isEmpty else { throw .inputsChanged(changed) }
        let now: Commitment
        do { now = try Commitment(caseFolder: folder) } catch { throw .commitment(error) }
        guard now.digest == manifest.commitment else {
            throw .commitmentDiffers(recorded: manifest.commitment, found: now.digest, changes: changes(in: folder, from: manifest.commitment))
        }

        var rerun = manifest
        rerun.steps = []
        for (index, step) in manifest.steps.enumerated() {
            rerun.steps.append(try verifyStep(step, number: index + 1, run: run, caseFolder: folder, seed: manifest.seed, scratch: scratch))
        }
        if manifest.code != code { rerun.code = manifest.code }
        let expected = rerun.rendered
        if expected != published {
            let line = OutputDifference.first(published: published, expected: expected, file: Manifest.fileName) ?? Manifest.fileName
            throw .manifestDiffers(line)
        }
        return Summary(steps: manifest.steps.count, inputs: inputCount, outputs: manifest.steps.map(\.outputs.count).reduce(0, +))
    }

    /// Re-runs one recorded step and compares; returns the step as the re-run records it.
    static func verifyStep(_ step: RunStep, number: Int, run: URL, caseFolder: URL, seed: String,
                           scratch: URL?) throws(VerificationError) -> RunStep {
        let name = "step \(number) (\(step.kind))"
        guard let kind = RunStepKind.named(step.kind) else { throw .unknownStep(name) }
        let input = RunStepInput(caseFolder: caseFolder, options: step.options, seed: seed)
        let output: RunStepOutput
        do { output = try kind.perform(input) } catch { throw .stepFailed(name, String(describing: error)) }
        if let scratch {
            for file in output.outputs {
                let url = scratch.appendingPathComponent("step-\(number)").appendingPathComponent(file.name)
                do { try AtomicFile.write(file.bytes, to: url) } catch { throw .stepFailed(name, String(describing: error)) }
            }
        }
        for record in step.outputs {
            guard let bytes = output.output(record.name) else { throw .notReproduced(name, "\(record.name): the re-run does not write this file") }
            guard let data = FileManager.default.contents(atPath: run.appendingPathComponent(record.name).path) else {
                throw .outputMissing(record.name)
            }
            let publishedBytes = [UInt8](data)
            if let difference = OutputDifference.first(published: publishedBytes, expected: bytes, file: record.name) {
                if SHA256.hash(publishedBytes) == record.digest {
                    throw .notReproduced(name, difference)
                }
                throw .outputChanged(difference)
            }
            if SHA256.hash(bytes) != record.digest { throw .outputDigestDiffers(record.name) }
        }
        let problems = kind.invariants(input, output)
        if let first = problems.first { throw .invariant(name, first) }
        var inputs: [RunStep.FileRecord] = []
        for file in output.inputs {
            guard let digest = try? SHA256.hash(fileAt: caseFolder.appendingPathComponent(file)) else { throw .inputMissing(file, folder: caseFolder.path) }
            inputs.append(RunStep.FileRecord(name: file, digest: digest))
        }
        return RunStep(kind: step.kind, options: step.options, draws: output.draws, inputs: inputs,
                       outputs: output.outputs.map { RunStep.FileRecord(name: $0.name, digest: SHA256.hash($0.bytes)) },
                       counts: output.counts)
    }

    /// The files that changed against `commitment.json` of the case folder, when it is there
    /// and is the recorded commitment; empty otherwise.
    static func changes(in folder: URL, from digest: SHA256Digest) -> [CommitmentError.Change] {
        guard let committed = try? Commitment(contentsOf: folder.appendingPathComponent(Commitment.fileName)),
              committed.digest == digest else { return [] }
        do {
            try committed.verify(caseFolder: folder)
        } catch {
            if case .changed(let changes) = error { return changes }
        }
        return []
    }
}

/// The first difference `enroll verify` found.
public enum VerificationError: Error, CustomStringConvertible {
    case noManifest(String)
    case unreadableManifest(Diagnostic)
    case otherCode(recorded: String, running: String)
    case inputMissing(String, folder: String)
    /// Input files whose SHA-256 is not the one recorded, in the manifest's order.
    case inputsChanged([String])
    case commitment(CommitmentError)
    case commitmentDiffers(recorded: SHA256Digest, found: SHA256Digest, changes: [CommitmentError.Change])
    case unknownStep(String)
    case stepFailed(String, String)
    case outputMissing(String)
    /// The published file differs from the re-run, and from the digest the manifest records.
    case outputChanged(String)
    /// The published file matches the manifest, but re-running the recorded step does not give it.
    case notReproduced(String, String)
    case outputDigestDiffers(String)
    case invariant(String, String)
    case manifestDiffers(String)

    public var description: String {
        switch self {
        case .noManifest(let path):
            return "\(path): no manifest.json: this is not a run folder"
        case .unreadableManifest(let diagnostic):
            return "\(diagnostic)"
        case let .otherCode(recorded, running):
            return "the run was made by code \(recorded), but this enroll was built from code \(running); build the recorded code (see docs/LOTTERY.md), or give --any-code to re-run with this one"
        case let .inputMissing(name, folder):
            return "\(name): input file of the run is missing from the case folder \(folder)"
        case .inputsChanged(let names):
            return names.map { "\($0): input file changed since the run (its SHA-256 is not the one manifest.json records)" }
                .joined(separator: "\n")
        case .commitment(let error):
            return error.description
        case let .commitmentDiffers(recorded, found, changes):
            return "the case hashes to commitment \(found.hex), but manifest.json records \(recorded.hex)"
                + changes.map { "\n  " + $0.description }.joined()
        case .unknownStep(let name):
            return "manifest.json: \(name) is not a step this enroll knows"
        case let .stepFailed(name, message):
            return "manifest.json: \(name) cannot be re-run: \(message)"
        case .outputMissing(let name):
            return "\(name): output file of the run is missing from the run folder"
        case .outputChanged(let difference):
            return "\(difference) (the file differs from the re-run and from its digest in manifest.json: it was changed after the run)"
        case let .notReproduced(name, difference):
            return "\(difference) (re-running \(name) with the seed and options recorded in manifest.json does not give the published file)"
        case .outputDigestDiffers(let file):
            return "\(file): the file is reproduced, but manifest.json records another SHA-256 for it"
        case let .invariant(name, problem):
            return "\(name): \(problem)"
        case .manifestDiffers(let difference):
            return "\(difference) (manifest.json differs from the manifest the re-run gives)"
        }
    }
}
