import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRunFolder
import EnrollmentRound

/// `enroll verify`: checks a published run folder against the case it was made from.
///
/// First it finds the folder's state (`RunFolderState`): settled; a step interrupted before
/// all its files were written (the previous state, `manifest.json`, is checked); or a step
/// interrupted after (the new state, `manifest.json.pending` with the files staged or in place,
/// is checked). Then, in order, stopping at the first failure:
/// 1. the manifest reads, and was made by the same code as the running program (unless
///    `allowOtherCode`);
/// 2. every input file of every step still has its recorded SHA-256 (naming the file), and
///    the case still hashes to the recorded commitment;
/// 3. the manifest's `recorded` attempts are its steps, and every output file of each is there
///    with its recorded SHA-256 (a file that is not is named with the attempt that wrote it —
///    number, step, seed — a changed one after its step alone is re-run to name the line and
///    column); then every step is re-run from its recorded options and the recorded seed; each
///    output is compared byte for byte with the published file (naming file, line and column)
///    and with the digest recorded for it; the step's invariants are checked;
/// 4. the manifest the re-run gives (with the recorded attempts) is byte for byte the manifest.
///
/// It never writes into the run folder or the case folder (only into `scratch` when given), so
/// it verifies a read-only copy, and a killed `verify` leaves nothing behind.
public enum RunVerifier {
    /// Which state of the folder was verified.
    package enum VerifiedState: Equatable, Sendable {
        /// The folder is settled: `manifest.json` and its files.
        case complete
        /// A step (its attempts) was interrupted before writing all its files; the previous
        /// state was verified.
        case previousIntact(interrupted: [RunAttempt])
        /// A step was interrupted after writing all its files; the new state was verified.
        case newComplete(interrupted: [RunAttempt])
    }

    /// What a successful verification covered.
    public struct Summary: Equatable, Sendable {
        package var steps: Int
        package var inputs: Int
        package var outputs: Int
        package var state: VerifiedState = .complete
        /// The verified steps, e.g. `placement (level junior)`, in order.
        package var stepLabels: [String] = []
        /// Files an interrupted write left (`RunCommit.leftovers`).
        package var leftovers: [String] = []
        /// The attempts that are not current steps (replaced or interrupted).
        package var earlierAttempts: [RunAttempt] = []

        /// The lines `enroll verify` prints.
        public var report: String {
            var lines = ["verified: \(steps) step\(steps == 1 ? "" : "s"), \(inputs) input files, \(outputs) output files reproduced"]
            let listed = "steps: " + (stepLabels.isEmpty ? "none" : stepLabels.joined(separator: ", "))
            func named(_ attempts: [RunAttempt]) -> String {
                let steps = attempts.filter { $0.outcome == .recorded }
                return steps.isEmpty ? "a write" : "step " + steps.map(\.label).joined(separator: ", ")
            }
            switch state {
            case .complete:
                lines.append("complete run of \(listed)")
                if !leftovers.isEmpty {
                    lines.append("leftover files of an interrupted write: \(leftovers.joined(separator: ", ")); the next drawing command into this folder removes them")
                }
            case .previousIntact(let attempts):
                lines.append("interrupted \(named(attempts)) before all its files were written: the previous state (\(listed)) is intact")
                lines.append("leftover files: \(leftovers.joined(separator: ", ")); the next drawing command into this folder removes them and records the attempt as interrupted")
            case .newComplete(let attempts):
                lines.append("interrupted \(named(attempts)) after all its files were written: the new state (\(listed)), in \(RunCommit.pendingFileName) and the files it lists, is complete")
                lines.append("leftover files: \(leftovers.joined(separator: ", ")); the next drawing command into this folder finishes the step")
            }
            for attempt in earlierAttempts { lines.append("earlier attempt kept in the manifest: \(attempt.summary)") }
            return lines.joined(separator: "\n")
        }
    }

    /// Verifies the run folder `run`, in whichever state a kill may have left it.
    /// - Parameters:
    ///   - caseFolder: the case; nil for the folder recorded in the manifest.
    ///   - code: the identifier of the running code.
    ///   - scratch: where to write the re-run's outputs (a folder per step); nil to keep them in memory.
    /// - Throws: `VerificationError` naming the first difference.
    public static func verify(run: URL, caseFolder: URL? = nil, code: String, allowOtherCode: Bool = false,
                              scratch: URL? = nil) throws(VerificationError) -> Summary {
        let state: RunFolderState
        do { state = try RunCommit.state(of: run) } catch { throw .unreadableManifest(error) }
        let manifestURL = run.appendingPathComponent(Manifest.fileName)
        var files: [String: URL] = [:]
        var summary: Summary
        switch state {
        case let .settled(manifest, leftovers):
            guard manifest != nil else { throw .noManifest(run.path) }
            summary = try verify(manifestURL, run: run, files: files, caseFolder: caseFolder, code: code, allowOtherCode: allowOtherCode, scratch: scratch)
            summary.leftovers = leftovers
        case let .interrupted(previous, _, attempts, leftovers):
            guard previous != nil else { throw .nothingCompleted(run.path, steps: attempts.map(\.label), leftovers: leftovers) }
            summary = try verify(manifestURL, run: run, files: files, caseFolder: caseFolder, code: code, allowOtherCode: allowOtherCode, scratch: scratch)
            summary.state = .previousIntact(interrupted: attempts)
            summary.leftovers = leftovers
        case let .committing(_, pending, attempts, leftovers):
            for record in pending.steps.flatMap(\.outputs) {
                let staged = RunCommit.stagedURL(record.name, in: run)
                if (try? SHA256.hash(fileAt: staged)) == record.digest { files[record.name] = staged }
            }
            summary = try verify(run.appendingPathComponent(RunCommit.pendingFileName), run: run, files: files, caseFolder: caseFolder,
                                 code: code, allowOtherCode: allowOtherCode, scratch: scratch)
            summary.state = .newComplete(interrupted: attempts)
            summary.leftovers = leftovers
        }
        return summary
    }

    /// Verifies the manifest at `manifestURL`; each output is read from `files[name]`, else from `run`.
    package static func verify(_ manifestURL: URL, run: URL, files: [String: URL], caseFolder: URL?, code: String, allowOtherCode: Bool,
                       scratch: URL?) throws(VerificationError) -> Summary {
        let fileName = manifestURL.lastPathComponent
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else { throw .noManifest(run.path) }
        let published = [UInt8](data)
        let manifest: Manifest
        do { manifest = try Manifest(json: published, file: fileName) } catch { throw .unreadableManifest(error) }
        if manifest.code != code, !allowOtherCode { throw .otherCode(recorded: manifest.code, running: code) }
        if let contributions = manifest.contributions {
            let derived = (try? SeedCeremony(contributions))?.seed
            guard derived == manifest.seed else { throw .contributionsDoNotGiveSeed(fileName, derived: derived) }
        }
        let folder = caseFolder ?? URL(fileURLWithPath: manifest.caseFolder)

        // The case is read once: the digests of its files, its commitment, and the case itself
        // for the steps that declared no encoding.
        var replay = Replay(manifest: manifest, run: run, files: files, caseFolder: folder, scratch: scratch)
        let base = try? replay.loaded(nil)
        let (changed, missing, inputCount) = manifest.changedInputs(in: folder, digests: base?.fileDigests ?? [:])
        if let first = missing.first { throw .inputMissing(first, folder: folder.path) }
        guard changed.isEmpty else { throw .inputsChanged(changed) }
        let now: Commitment
        if let committed = base?.commitment {
            now = committed
        } else {
            do { now = try Commitment(caseFolder: folder) } catch { throw .commitment(error) }
        }
        guard now.digest == manifest.commitment else {
            throw .commitmentDiffers(recorded: manifest.commitment, found: now.digest, changes: changes(in: folder, from: manifest.commitment))
        }

        // The attempts are checked before the files: each step's files are then named with the
        // attempt that wrote them. An output missing, or whose SHA-256 is not the recorded one, is
        // found before anything is re-run; only its step is re-run, to name the line and column.
        if let problem = manifest.attemptsProblem { throw .attempts(fileName, problem) }
        let recorded = manifest.attempts.indices.filter { manifest.attempts[$0].outcome == .recorded }
        for (index, step) in manifest.steps.enumerated() {
            let attempt = "attempt \(recorded[index] + 1) of \(manifest.attempts.count) in \(fileName) (\(manifest.attempts[recorded[index]].summary))"
            let missing = step.outputs.map(\.name).filter { !FileManager.default.fileExists(atPath: replay.url(of: $0).path) }
            guard missing.isEmpty else { throw .attemptFilesMissing(attempt, missing) }
            for record in step.outputs where (try? SHA256.hash(fileAt: replay.url(of: record.name))) != record.digest {
                do { _ = try replay.verifyStep(index) } catch { throw .attemptFileChanged(attempt, error) }
                throw .attemptFileChanged(attempt, .outputDigestDiffers(record.name))
            }
        }
        var rerun = manifest
        rerun.steps = try replay.verifyAllSteps()
        if manifest.code != code { rerun.code = manifest.code }
        let expected = rerun.rendered
        if expected != published {
            let line = OutputDifference.first(published: published, expected: expected, file: fileName) ?? fileName
            throw .manifestDiffers(line)
        }
        return Summary(steps: manifest.steps.count, inputs: inputCount, outputs: manifest.steps.map(\.outputs.count).reduce(0, +),
                       stepLabels: manifest.steps.map(\.label), earlierAttempts: manifest.attempts.filter { $0.outcome != .recorded })
    }

    /// The re-run of a manifest's steps: the case is loaded once per encoding the steps were
    /// recorded with, and each step starts from the outputs its earlier steps recorded (whose
    /// digests `verify` has checked).
    package struct Replay {
        package let manifest: Manifest
        package let run: URL
        /// Where an output is read from when not from `run` (the staged files of a commit).
        package let files: [String: URL]
        package let caseFolder: URL
        package let scratch: URL?
        /// The case as read with each encoding, loaded on first use (with its commitment when
        /// the encoding is detected, as a commitment's is).
        package var cases: [TextEncoding?: CaseFolder.Loaded] = [:]

        /// Where the output `name` is read from.
        package func url(of name: String) -> URL { files[name] ?? run.appendingPathComponent(name) }

        /// Re-runs every step of the manifest and compares; returns the steps as the re-run records
        /// them, in the manifest's order. The steps are independent once the case is loaded (each
        /// reads only recorded files), so they run on all cores at once; the error reported is
        /// that of the first failing step in the manifest's order, whichever finished first.
        package mutating func verifyAllSteps() throws(VerificationError) -> [RunStep] {
            for encoding in manifest.steps.map(\.encoding) { _ = try loaded(encoding) }
            let replay = self
            // The longest steps start first (the cores are then busy to the end), each its own slot.
            let order = Self.startOrder(manifest.steps.map(\.step))
            let started = concurrentMap(count: order.count) { slot in
                Result { () throws(VerificationError) -> RunStep in try replay.verifyLoadedStep(order[slot]) }
            }
            var results = started
            for (slot, index) in order.enumerated() { results[index] = started[slot] }
            return try results.map { result throws(VerificationError) -> RunStep in try result.get() }
        }

        /// The order in which the steps start: class formation first (its local search is the
        /// longest step), then placements and second rounds, then the rest; the manifest's order
        /// within each. Only when a step runs depends on it, never what it gives.
        static func startOrder(_ steps: [RoundStep]) -> [Int] {
            func rank(_ step: RoundStep) -> Int {
                switch step {
                case .classes: 0
                case .placement, .secondRound: 1
                default: 2
                }
            }
            return steps.indices.sorted { (rank(steps[$0]), $0) < (rank(steps[$1]), $1) }
        }

        /// Re-runs step `index` of the manifest and compares; returns the step as the re-run records it.
        package mutating func verifyStep(_ index: Int) throws(VerificationError) -> RunStep {
            _ = try loaded(manifest.steps[index].encoding)
            return try verifyLoadedStep(index)
        }

        /// `verifyStep` once the case is loaded with the step's encoding.
        private func verifyLoadedStep(_ index: Int) throws(VerificationError) -> RunStep {
            let step = manifest.steps[index]
            let name = "step \(index + 1) (\(step.kind))"
            let outcome: StepOutcome<RecordedCounts>
            do {
                let earlier = Array(manifest.steps[..<index])
                let read = cases[step.encoding]!
                guard read.diagnostics.isEmpty else { throw VerificationError.stepFailed("the case", Diagnostics(read.diagnostics).description) }
                let context = StepContext(admissionCase: read.admissionCase, seed: manifest.seed) { [self] file, needed in
                    try StepContext.recordedOutput(file, of: needed, among: earlier, at: url(of:))
                }
                outcome = try step.step.perform(in: context)
            } catch {
                throw .stepFailed(name, String(describing: error))
            }
            if let scratch {
                for file in outcome.outputs {
                    let target = scratch.appendingPathComponent("step-\(index + 1)").appendingPathComponent(file.name)
                    do { try AtomicFile.write(file.bytes, to: target) } catch { throw .stepFailed(name, String(describing: error)) }
                }
            }
            for record in step.outputs {
                guard let bytes = outcome.outputs.first(where: { $0.name == record.name })?.bytes else {
                    throw .notReproduced(name, "\(record.name): the re-run does not write this file")
                }
                guard let data = FileManager.default.contents(atPath: url(of: record.name).path) else { throw .outputMissing(record.name) }
                let publishedBytes = [UInt8](data)
                if let difference = OutputDifference.first(published: publishedBytes, expected: bytes, file: record.name) {
                    if SHA256.hash(publishedBytes) == record.digest {
                        throw .notReproduced(name, difference)
                    }
                    throw .outputChanged(difference)
                }
                if SHA256.hash(bytes) != record.digest { throw .outputDigestDiffers(record.name) }
            }
            if let first = outcome.invariants().first { throw .invariant(name, first) }
            let read = cases[step.encoding]!
            let inputs = read.admissionCase.files.filter { step.step.reads(caseFile: $0) }
                .map { RunStep.FileRecord(name: $0, digest: read.fileDigests[$0]!) }
            return RunStep(step: step.step, encoding: step.encoding, draws: outcome.draws, inputs: inputs,
                           outputs: outcome.outputs.map { RunStep.FileRecord(name: $0.name, digest: SHA256.hash($0.bytes)) },
                           counts: Dictionary(uniqueKeysWithValues: outcome.summary.counts.map { ($0.name, $0.value) }))
        }

        /// The case folder read with `encoding`; read once.
        package mutating func loaded(_ encoding: TextEncoding?) throws(VerificationError) -> CaseFolder.Loaded {
            if let read = cases[encoding] { return read }
            let read: CaseFolder.Loaded
            do { read = try CaseFolder(url: caseFolder, encoding: encoding).load(committing: encoding == nil) } catch {
                throw .stepFailed("the case", String(describing: error))
            }
            cases[encoding] = read
            return read
        }
    }

    /// The files that changed against `commitment.json` of the case folder, when it is there
    /// and is the recorded commitment; empty otherwise.
    package static func changes(in folder: URL, from digest: SHA256Digest) -> [CommitmentError.Change] {
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
    /// The recorded seed contributions do not give the recorded seed (nil: they break the rules).
    case contributionsDoNotGiveSeed(String, derived: String?)
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
    /// The manifest's `recorded` attempts are not its steps.
    case attempts(String, String)
    /// Output files of a recorded attempt (named: number, step, seed) are missing from the run folder.
    case attemptFilesMissing(String, [String])
    /// An output file of a recorded attempt (named) is not what it wrote: the difference found.
    indirect case attemptFileChanged(String, VerificationError)
    /// A first step was interrupted: the folder holds no completed step.
    case nothingCompleted(String, steps: [String], leftovers: [String])

    public var description: String {
        switch self {
        case .noManifest(let path):
            return "\(path): no manifest.json: this is not a run folder"
        case .unreadableManifest(let diagnostic):
            return "\(diagnostic)"
        case let .contributionsDoNotGiveSeed(file, derived):
            return "\(file): the seed contributions it records " + (derived.map { "give the seed \($0), not the seed it records" }
                ?? "break the ceremony's rules (docs/LOTTERY.md section 5)") + ": the record of how the seed was made is not this run's"
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
            return "\(difference) (the manifest differs from the manifest the re-run gives)"
        case let .attempts(file, problem):
            return "\(file): \(problem)"
        case let .attemptFilesMissing(attempt, files):
            return "\(files.joined(separator: ", ")): \(files.count == 1 ? "output file" : "output files") of \(attempt) "
                + "\(files.count == 1 ? "is" : "are") missing from the run folder: deleted or moved after the run; "
                + "restore \(files.count == 1 ? "it" : "them") from the archived or published copy of the run folder"
        case let .attemptFileChanged(attempt, difference):
            return "\(difference)\n  the file was written by \(attempt)"
        case let .nothingCompleted(path, steps, leftovers):
            return "\(path): no step is complete: the first step (\(steps.joined(separator: ", "))) was interrupted before all its files were written; "
                + "leftover files: \(leftovers.joined(separator: ", ")); run the command again"
        }
    }
}
