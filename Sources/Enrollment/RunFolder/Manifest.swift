import Foundation
import EnrollmentIO
import EnrollmentEngines
import EnrollmentVocabulary

/// The record of a run folder (`RUN/manifest.json`): what ran, on what, with which seed, and
/// what it wrote — everything `enroll verify` needs to re-run it and compare.
///
///     {
///       "format": "enroll-manifest/2",
///       "tool": "enroll",
///       "version": "0.2.0",
///       "code": "sha256:<hex of the sources, see docs/LOTTERY.md>",
///       "seed": "<64 hex digits>",
///       "contributions": [{"label": "notary", "value": "4921"}, …],   (when the ceremony was given)
///       "commitment": "<combined digest of the case's commitment>",
///       "case": "<the case folder's path when the run was made; informative>",
///       "steps": [ <RunStep>, … ],
///       "attempts": [ <RunAttempt>, … ]
///     }
///
/// Every command that writes into the run folder adds its step (replacing an earlier step
/// that wrote any of the same files, which `RunRecorder` allows only with `force`) and its
/// attempt; all steps of one folder share tool, version, code, seed and commitment, while
/// `attempts` keeps every draw ever made into the folder. Written by `JSONWriter`, so the same
/// manifest is always the same bytes.
package struct Manifest: Equatable, Sendable {
    /// The first member's value; the `2` is the version of this format (version 1, of enroll
    /// 0.1, recorded step options as text and is refused with a message saying so).
    package static let format = "enroll-manifest/2"
    /// The manifest's name in its run folder.
    package static let fileName = "manifest.json"

    /// The version of the tool that ran (`EnrollmentVersion.current`).
    package var toolVersion: String
    /// The identifier of the code that ran: `sha256:` and the digest of the sources.
    package var code: String
    /// The seed every step drew with.
    package var seed: String
    /// The seed ceremony's contributions, in the order announced, when a drawing command was
    /// given them: they must give `seed` (docs/LOTTERY.md section 5), which `verify` checks.
    package var contributions: [SeedContribution]?
    /// The combined digest of the commitment the case was checked against.
    package var commitment: SHA256Digest
    /// The case folder's path as it was when the run was made (informative only).
    package var caseFolder: String
    /// The steps, in the order they ran.
    package var steps: [RunStep]
    /// Every attempt made into the folder, in order: one `recorded` for each step, in the
    /// order of `steps`, among the `replaced` and `interrupted` ones.
    package var attempts: [RunAttempt]

    /// A manifest of `steps` (none yet by default).
    package init(toolVersion: String = EnrollmentVersion.current, code: String, seed: String, contributions: [SeedContribution]? = nil,
                commitment: SHA256Digest, caseFolder: String, steps: [RunStep] = [], attempts: [RunAttempt] = []) {
        self.toolVersion = toolVersion
        self.code = code
        self.seed = seed
        self.contributions = contributions
        self.commitment = commitment
        self.caseFolder = caseFolder
        self.steps = steps
        self.attempts = attempts
    }

    /// The recorded steps that `step` would replace: those that wrote one of its output files.
    package func steps(replacedBy step: RunStep) -> [RunStep] {
        let written = Set(step.outputs.map(\.name))
        return steps.filter { old in old.outputs.contains { written.contains($0.name) } }
    }

    /// Adds `step` and its `recorded` attempt, first removing every recorded step that wrote
    /// one of its output files (their attempts become `replaced`).
    package mutating func add(_ step: RunStep) {
        let replaced = steps(replacedBy: step)
        for old in replaced { markReplaced(old) }
        steps.removeAll { replaced.contains($0) }
        steps.append(step)
        attempts.append(RunAttempt(step, of: self, outcome: .recorded))
    }

    /// Marks the `recorded` attempt of `step` as `replaced`.
    package mutating func markReplaced(_ step: RunStep) {
        if let k = attempts.firstIndex(where: { $0.outcome == .recorded && $0.made(step, of: self) }) {
            attempts[k].outcome = .replaced
        }
    }

    /// Starts the folder's record anew under another seed, code, version or commitment, as
    /// `fresh` gives them: every current step is dropped and its attempt becomes `replaced`;
    /// the attempts are kept.
    package func restarted(as fresh: Manifest) -> Manifest {
        var next = fresh
        next.attempts = attempts.map { a in
            var a = a
            if a.outcome == .recorded { a.outcome = .replaced }
            return a
        }
        return next
    }

    /// Whether the `recorded` attempts are exactly the steps, in order, each with this
    /// manifest's seed, commitment and code; nil when they are, else what is wrong.
    package var attemptsProblem: String? {
        let recorded = attempts.filter { $0.outcome == .recorded }
        guard recorded.count == steps.count else {
            return "\"attempts\" lists \(recorded.count) recorded attempt\(recorded.count == 1 ? "" : "s") for \(steps.count) step\(steps.count == 1 ? "" : "s")"
        }
        for (k, (attempt, step)) in zip(recorded, steps).enumerated() where !attempt.made(step, of: self) {
            return "recorded attempt \(k + 1) (\(attempt.kind)) is not step \(k + 1) (\(step.kind)) with the manifest's seed, commitment and code"
        }
        return nil
    }

    /// The JSON value written to `manifest.json`.
    package var json: JSONValue {
        .object([
            ("format", .string(Self.format)),
            ("tool", .string("enroll")),
            ("version", .string(toolVersion)),
            ("code", .string(code)),
            ("seed", .string(seed)),
        ] + (contributions.map { [("contributions", SeedContribution.json($0))] } ?? []) + [
            ("commitment", .string(commitment.hex)),
            ("case", .string(caseFolder)),
            ("steps", .array(steps.map(\.json))),
            ("attempts", .array(attempts.map(\.json))),
        ])
    }

    /// The bytes of `manifest.json`.
    package var rendered: [UInt8] { JSONWriter.render(json) }

    /// Reads a manifest from the bytes of `file`.
    /// - Throws: a `Diagnostic` at the first problem (file:line:column).
    package init(json bytes: [UInt8], file: String = Manifest.fileName) throws(Diagnostic) {
        let root = try JSONReader.parse(bytes, file: file)
        let r = try JSONObjectReader(root, file: file, what: "the manifest",
                                     known: ["format", "tool", "version", "code", "seed", "contributions", "commitment", "case", "steps", "attempts"])
        for (key, expected) in [("format", Self.format), ("tool", "enroll")] {
            let v = try r.required(key)
            let found = try JSONObjectReader.string(v, file: file, key: key)
            guard found == expected else {
                if key == "format", found.hasPrefix("enroll-manifest/") {
                    throw Diagnostic(v.location(in: file), "this manifest is in the format \(found), which this enroll (\(EnrollmentVersion.current)) "
                                     + "does not read: it reads \(expected); verify the run with the enroll version the manifest names, "
                                     + "or draw the round again into a new run folder")
                }
                throw Diagnostic(v.location(in: file), "\"\(key)\" must be \"\(expected)\": this is not a manifest this tool reads")
            }
        }
        var steps: [RunStep] = []
        for element in try r.array("steps") { steps.append(try RunStep(element, file: file)) }
        var attempts: [RunAttempt] = []
        for element in try r.array("attempts") { attempts.append(try RunAttempt(element, file: file)) }
        let contributions = try r.optional("contributions").map { (value: JSONValue) throws(Diagnostic) in try SeedContribution.list(value, file: file) }
        self.init(toolVersion: try r.string("version"), code: try r.string("code"), seed: try r.string("seed"), contributions: contributions,
                  commitment: try r.digest("commitment"), caseFolder: try r.string("case"), steps: steps, attempts: attempts)
    }

    /// Reads `manifest.json` of the run folder `run`; nil if there is none.
    /// - Throws: `Diagnostic` when it exists but cannot be read.
    package static func read(run: URL) throws(Diagnostic) -> Manifest? {
        try read(run.appendingPathComponent(fileName))
    }

    /// Reads the manifest at `url` (`manifest.json` or the pending one); nil if there is none.
    package static func read(_ url: URL) throws(Diagnostic) -> Manifest? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Diagnostic(SourceLocation(file: url.lastPathComponent), FileProblem.reading(url.path))
        }
        return try Manifest(json: [UInt8](data), file: url.lastPathComponent)
    }
}

/// One command's part of a run: which step, with which options, what it read and wrote.
///
///     {
///       "step": "vacancies",
///       "options": {"level": "junior", "rounds": [["2026070012"]]},   (RoundStep: keys sorted)
///       "draws": ["junior-placement"],           (the draw names the step used)
///       "inputs": [{"file": "junior-applicants.csv", "sha256": "<hex>"}, …],   (in the case folder)
///       "outputs": [{"file": "junior/vacancies-1.csv", "sha256": "<hex>"}],    (in the run folder)
///       "counts": {"promotions": 3, …}          (keys sorted)
///     }
public struct RunStep: Equatable, Sendable {
    /// The step and the options that determine its outputs (never paths).
    public var step: RoundStep
    /// The encoding the case's CSV files were read with, when one was declared.
    public var encoding: TextEncoding?
    /// The names of the draws the step used.
    public var draws: [String]
    /// Files read from the case folder, raw SHA-256, by name.
    public var inputs: [FileRecord]
    /// Files written into the run folder, by name.
    public var outputs: [FileRecord]
    /// The step's figures (its `StepSummary`), by name.
    public var counts: [String: Int]

    /// A step as recorded.
    package init(step: RoundStep, encoding: TextEncoding? = nil, draws: [String], inputs: [FileRecord], outputs: [FileRecord], counts: [String: Int]) {
        self.step = step
        self.encoding = encoding
        self.draws = draws
        self.inputs = inputs
        self.outputs = outputs
        self.counts = counts
    }

    /// The step kind's name (the command that ran it).
    package var kind: String { step.kind }

    /// A file and the SHA-256 of its bytes (as `sha256sum` prints it).
    public struct FileRecord: Equatable, Sendable {
        public var name: String
        public var digest: SHA256Digest

        package init(name: String, digest: SHA256Digest) {
            self.name = name
            self.digest = digest
        }

        package var json: JSONValue { .object([("file", .string(name)), ("sha256", .string(digest.hex))]) }

        /// The array of file records under `key`.
        package static func list(_ r: JSONObjectReader, _ key: String, file: String) throws(Diagnostic) -> [FileRecord] {
            var out: [FileRecord] = []
            for element in try r.array(key) {
                let f = try JSONObjectReader(element, file: file, what: "a file record", known: ["file", "sha256"])
                out.append(FileRecord(name: try f.string("file"), digest: try f.digest("sha256")))
            }
            return out
        }
    }

    /// The step and the options that tell it apart, e.g. `place (level junior)`.
    package var label: String { step.label }

    /// The pairs of `d`, by key in UTF-8 byte order.
    package static func sortedKeys<V>(_ d: [String: V]) -> [(String, V)] {
        d.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
    }

    package var json: JSONValue {
        .object([
            ("step", .string(kind)),
            ("options", step.options(encoding: encoding)),
            ("draws", .array(draws.map(JSONValue.string))),
            ("inputs", .array(inputs.map(\.json))),
            ("outputs", .array(outputs.map(\.json))),
            ("counts", .object(Self.sortedKeys(counts).map { ($0.0, .integer($0.1)) })),
        ])
    }

    package init(_ value: JSONValue, file: String) throws(Diagnostic) {
        let r = try JSONObjectReader(value, file: file, what: "a step", known: ["step", "options", "draws", "inputs", "outputs", "counts"])
        var draws: [String] = []
        for d in try r.array("draws") { draws.append(try JSONObjectReader.string(d, file: file, key: "draws")) }
        let (step, encoding) = try RoundStep.read(kind: try r.string("step"), options: try r.required("options"), file: file)
        self.init(step: step, encoding: encoding,
                  draws: draws, inputs: try FileRecord.list(r, "inputs", file: file), outputs: try FileRecord.list(r, "outputs", file: file),
                  counts: Dictionary(try r.integerPairs("counts"), uniquingKeysWith: { a, _ in a }))
    }
}

extension Manifest {
    /// The case files the recorded steps read, checked against the case folder as it is now:
    /// each file's SHA-256 is taken from `digests` (the files a load already hashed,
    /// `CaseFolder.Loaded.fileDigests`) or from the file in `caseFolder`.
    /// - Returns: the files whose digest is not the recorded one, and the files missing from
    ///   the folder, each once in the manifest's order; and how many inputs were checked.
    /// - Complexity: O(inputs), plus reading the files not in `digests`.
    package func changedInputs(in caseFolder: URL, digests: [String: SHA256Digest]) -> (changed: [String], missing: [String], checked: Int) {
        var changed: [String] = [], missing: [String] = [], checked = 0
        for step in steps {
            for input in step.inputs {
                checked += 1
                guard let found = digests[input.name] ?? (try? SHA256.hash(fileAt: caseFolder.appendingPathComponent(input.name))) else {
                    if !missing.contains(input.name) { missing.append(input.name) }
                    continue
                }
                if found != input.digest, !changed.contains(input.name) { changed.append(input.name) }
            }
        }
        return (changed, missing, checked)
    }
}

extension Manifest {
    /// Whether `text` is a seed as a manifest records it: 64 lowercase hex digits.
    package static func isSeed(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension Manifest {
    /// The ring draw (start number and interval) the manifest records for the placement of
    /// `level`; nil when the level was placed by the lottery or not at all.
    package func ringDraw(placing level: SchoolLevel) -> RingDraw? {
        for step in steps {
            if case let .placement(placed, ring?, _) = step.step, placed == level { return ring }
        }
        return nil
    }

    /// The ring draws of single schools (`ring_draw_schools`) the manifest records for the
    /// placement of `level`, by `school_id`; empty when there were none.
    package func schoolRingDraws(placing level: SchoolLevel) -> [SchoolRingDraw] {
        for step in steps {
            if case let .placement(placed, _, schoolRings) = step.step, placed == level { return schoolRings }
        }
        return []
    }
}
