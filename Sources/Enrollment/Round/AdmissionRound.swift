import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRunFolder
import EnrollmentVocabulary

/// One admission round (招生): a committed case, the seed from the ceremony, and the run
/// folder its steps are recorded in. The case is loaded and checked once; each step then runs
/// on it and on the recorded outputs of the steps it depends on, and is committed into the run
/// folder — its files and `manifest.json` — all or nothing.
///
///     let round = try AdmissionRound(caseFolder: caseURL, commitment: commitment, seed: seed,
///                                    runFolder: runURL, code: CodeIdentifier.library)
///     for level in [SchoolLevel.primary, .junior] {
///         try round.place(level)
///         try round.formClasses(level)
///     }
///     try round.allocateQuotas()
///
/// Opening a round refuses a seed that is not 64 lowercase hex digits, a case that no longer
/// hashes to its commitment (`CommitmentError.changed`, naming every changed file) and a case
/// with any problem (`Diagnostics`, every problem `enroll validate` reports); then it brings the
/// run folder to a settled state (`RunCommit.recover`: a step a kill interrupted is finished or
/// removed).
///
/// A folder holds one run: one version, code, seed and commitment. A step that would replace a
/// recorded step's results (write any of the same files) with other results, or a step under
/// another seed, code, version or commitment, is refused unless the round is opened with
/// `force`; with it, the replaced draws stay listed in the manifest's `attempts`. Recording a
/// step again with the same seed, options, code and commitment gives the same bytes, so it is
/// allowed and records nothing new.
public struct AdmissionRound: Sendable {
    package let caseFolder: URL
    /// The encoding the case's CSV files are read with; nil to detect it per file.
    package let encoding: TextEncoding?
    /// The case, loaded and checked.
    package let admissionCase: AdmissionCase
    /// The published commitment the case hashes to.
    package let commitment: Commitment
    /// The seed from the ceremony (64 lowercase hex digits).
    package let seed: String
    /// The ceremony's contributions when given (they give `seed`), recorded in the manifest.
    package let contributions: [SeedContribution]?
    package let runFolder: URL
    /// The identifier of the running code (`sha256:<hex>`), recorded in the manifest.
    package let code: String
    /// Whether steps may replace recorded results, or restart the folder's run under another
    /// seed, code, version or commitment (every earlier attempt stays recorded).
    package let force: Bool
    /// What opening the round did to settle the run folder; nil when it was settled.
    package let recovery: RunRecovery?
    /// The raw SHA-256 of every case file read, as each step records its inputs.
    package let inputs: [RunStep.FileRecord]
    /// The run folder's lock, held while the round is open (one writer per folder).
    private let lock: FolderLock

    /// Opens a round: checks the seed, the commitment and the case, takes the run folder's lock
    /// (`FolderLock`, held while the round lives), and settles the run folder.
    /// - Parameters:
    ///   - contributions: the seed ceremony's contributions, in the order announced, to record in
    ///     the manifest; they must give `seed`.
    ///   - wait: when another command holds the run folder, wait for it (telling `waiting` who
    ///     holds it) instead of refusing.
    /// - Throws: `RoundError.malformedSeed`, `.contributionsDoNotGiveSeed`; `CommitmentError`; `Diagnostics` listing every
    ///   problem of an invalid case; `CaseFolderError`; `FolderLockError.busy` when another
    ///   live command writes into the run folder; errors reading the run folder.
    /// - Complexity: O(size of the case), each file read and parsed once (the commitment is
    ///   made from the tables read).
    public init(caseFolder: URL, encoding: TextEncoding? = nil, commitment: Commitment, seed: String, contributions: [SeedContribution]? = nil,
                runFolder: URL, code: String, force: Bool = false, wait: Bool = false, waiting: (String) -> Void = { _ in }) throws {
        guard Manifest.isSeed(seed) else { throw RoundError.malformedSeed }
        if let contributions {
            let derived = try SeedCeremony(contributions).seed
            guard derived == seed else { throw RoundError.contributionsDoNotGiveSeed(derived: derived, seed: seed) }
        }
        let verified = Self.verifiedFiles(runFolder: runFolder, commitment: commitment, encoding: encoding, code: code)
        let loaded = try CaseFolder(url: caseFolder, encoding: encoding).load(committing: true, verified: verified)
        if let now = loaded.commitment {
            try commitment.verify(against: now)
        } else {
            try commitment.verify(caseFolder: caseFolder, encoding: encoding)
        }
        guard loaded.diagnostics.isEmpty else { throw Diagnostics(loaded.diagnostics) }
        let inputs = loaded.admissionCase.files.map { RunStep.FileRecord(name: $0, digest: loaded.fileDigests[$0]!) }
        self.caseFolder = caseFolder
        self.encoding = encoding
        self.admissionCase = loaded.admissionCase
        self.commitment = commitment
        self.seed = seed
        self.contributions = contributions
        self.runFolder = runFolder
        self.code = code
        self.force = force
        self.inputs = inputs
        self.lock = try FolderLock(runFolder, wait: wait, waiting: waiting)
        self.recovery = try RunCommit.recover(runFolder)
    }

    /// The committed CSV files that the steps recorded in the run folder read, with the raw
    /// digests they recorded: each step verified them against the commitment before it drew, so
    /// the same bytes need not be made canonical again (`VerifiedFile`). Only steps of a manifest
    /// made by this code, for this commitment and with this encoding count; none when the run
    /// folder has no readable manifest. `verify` never takes this shortcut: it makes every file
    /// canonical.
    /// - Complexity: O(size of the manifest).
    static func verifiedFiles(runFolder: URL, commitment: Commitment, encoding: TextEncoding?, code: String) -> [String: VerifiedFile] {
        guard let manifest = try? Manifest.read(run: runFolder), manifest.code == code, manifest.commitment == commitment.digest else { return [:] }
        let entries = Dictionary(commitment.files.filter { $0.form == .csv }.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var verified: [String: VerifiedFile] = [:]
        for step in manifest.steps where step.encoding == encoding {
            for input in step.inputs {
                if let entry = entries[input.name] { verified[input.name] = VerifiedFile(raw: input.digest, entry: entry) }
            }
        }
        return verified
    }

    /// The manifest of the run folder as it is now; nil before the first step.
    /// - Throws: `Diagnostic` when `manifest.json` exists but cannot be read.
    package func manifest() throws(Diagnostic) -> Manifest? {
        try Manifest.read(run: runFolder)
    }
}

/// A step as recorded, with its figures.
public struct StepRecord<Summary: StepSummary>: Sendable {
    /// The step as `manifest.json` records it (options, draws, input and output digests).
    public let step: RunStep
    public let summary: Summary
}

extension AdmissionRound {
    /// Every applicant's lottery number in the draw `<level>-placement`, as `lottery-numbers.csv`.
    /// - Throws: `RoundError.ringDrawnLevel` for a level the policy places by a ring draw.
    /// - Complexity: O(n log n) for n applicants of the level.
    @discardableResult
    public func drawLotteryNumbers(_ level: SchoolLevel) throws -> StepRecord<LotterySummary> {
        guard !admissionCase.policy.ringDrawLevels.contains(level) else { throw RoundError.ringDrawnLevel(level: level.rawValue) }
        return try record(.lottery(level: level)) { LotteryNumbersStep.perform(level: level, in: $0) }
    }

    /// The placement of `level` (派位): zoning, tiers, lottery, the policy's mechanism and
    /// reassignment (统筹), as the files of `<level>/` (docs/PLACEMENT.md).
    /// - Complexity: that of zoning plus `PlacementRun`.
    @discardableResult
    public func place(_ level: SchoolLevel) throws -> StepRecord<PlacementSummary> {
        try place(level, ring: nil)
    }

    /// The placement of `level` by the ring draw of start number and interval `ring` (a level
    /// the policy lists in `ring_draw_levels`), or by the lottery when `ring` is nil; the schools
    /// the policy draws by rings of their own (`ring_draw_schools`) by `schoolRings`, one each.
    /// - Throws: `PlacementError.ringDrawNeeded`, `.ringDrawNotChosen`, `.schoolRingDrawsNeeded`
    ///   or `.schoolRingDrawNotChosen` when the draws given and the policy disagree; `.ringDraw`
    ///   or `.schoolRingDraw` when s or k does not fit the list.
    @discardableResult
    public func place(_ level: SchoolLevel, ring: RingDraw?, schoolRings: [SchoolRingDraw] = []) throws -> StepRecord<PlacementSummary> {
        let schoolRings = schoolRings.sorted { $0.schoolID < $1.schoolID }
        return try record(.placement(level: level, ring: ring, schoolRings: schoolRings)) {
            try PlacementStep.perform(level: level, ring: ring, schoolRings: schoolRings, in: $0)
        }
    }

    /// Balanced classes at every school of `level` (均衡编班) and, with `teachers.csv`, the
    /// head-teacher draw, from the level's recorded placement.
    /// - Throws: `RoundError.stepNotRecorded` when the level's placement is not recorded;
    ///   `ClassesStep.Failure` when a school's classes cannot be formed.
    @discardableResult
    public func formClasses(_ level: SchoolLevel) throws -> StepRecord<ClassesSummary> {
        try record(.classes(level: level)) { try ClassesStep.perform(level: level, in: $0) }
    }

    /// A new round of late arrivals of `level`: each pupil joins the smallest class of their
    /// school that keeps every rule, after the classes and the earlier rounds as recorded.
    /// - Returns: the step, whose `step.round` is the round's number.
    @discardableResult
    public func placeLateArrivals(_ arrivals: [LateArrival], level: SchoolLevel) throws -> StepRecord<LateArrivalsSummary> {
        let rounds = try earlierRounds(level) { step -> [[LateArrival]]? in
            if case .lateArrivals(_, let rounds) = step { return rounds } else { return nil }
        } + [arrivals.sorted()]
        return try record(.lateArrivals(level: level, rounds: rounds)) { try LateArrivalStep.perform(level: level, rounds: rounds, in: $0) }
    }

    /// A new round of vacancies of `level`: `withdrawn` decline their seats, and every seat
    /// freed in this and the earlier rounds goes down the recorded placement's waitlists.
    /// Refused (`RoundError.vacanciesAfterSecondRound`) once the level has had its second round.
    /// - Returns: the step, whose `step.round` is the round's number.
    @discardableResult
    public func fillVacancies(withdrawn: [String], level: SchoolLevel) throws -> StepRecord<VacanciesSummary> {
        // The chains start from the first round alone: after a second round they could promote
        // into a seat that round gave away.
        if try manifest()?.steps.contains(where: { if case .secondRound(level, _, _, _) = $0.step { return true } else { return false } }) == true {
            throw RoundError.vacanciesAfterSecondRound(level: level.rawValue)
        }
        let rounds = try earlierRounds(level) { step -> [[String]]? in
            if case .vacancies(_, let rounds) = step { return rounds } else { return nil }
        } + [Set(withdrawn).sorted()]
        return try record(.vacancies(level: level, rounds: rounds)) { try VacancyStep.perform(level: level, rounds: rounds, in: $0) }
    }

    /// The second round of `level` (补录 / 二次派位): the applicants of the case's
    /// `second-round/` files placed over the seats the recorded first round and its recorded
    /// vacancy rounds leave, under the
    /// round's own seed, once the subfolder is shown to hash to its published commitment.
    /// - Throws: `RoundError.malformedSeed`; `CommitmentError.changed` when the subfolder's files
    ///   differ from `commitment`; the step's errors (`SecondRoundStep`).
    @discardableResult
    package func placeSecondRound(_ level: SchoolLevel, seed roundSeed: String, commitment roundCommitment: Commitment) throws -> StepRecord<PlacementSummary> {
        guard Manifest.isSeed(roundSeed) else { throw RoundError.malformedSeed }
        guard let now = admissionCase.secondRound?.commitment else { throw RoundError.noSecondRound(level: level.rawValue) }
        try roundCommitment.verify(against: now)
        let vacancies = try earlierRounds(level) { step -> [[String]]? in
            if case .vacancies(_, let rounds) = step { return rounds } else { return nil }
        }
        return try record(.secondRound(level: level, seed: roundSeed, commitment: roundCommitment.digest, vacancies: vacancies)) {
            try SecondRoundStep.perform(level: level, seed: roundSeed, commitment: roundCommitment.digest, vacancies: vacancies, in: $0)
        }
    }

    /// The high-school quotas (指标到校) and the open round (docs/QUOTA.md).
    @discardableResult
    public func allocateQuotas() throws -> StepRecord<QuotaSummary> {
        try record(.quota) { try QuotaStep.perform(in: $0) }
    }

    /// Records `step`, whatever its kind; the typed methods above give its figures as fields.
    @discardableResult
    public func record(_ step: RoundStep) throws -> RunStep {
        try record(step) { try step.perform(in: $0) }.step
    }

    /// The rounds the latest recorded step of `level` whose rounds `extract` reads holds, empty when none.
    private func earlierRounds<T>(_ level: SchoolLevel, _ extract: (RoundStep) -> [T]?) throws -> [T] {
        try manifest()?.steps.filter { $0.step.level == level }.compactMap { extract($0.step) }.max { $0.count < $1.count } ?? []
    }

    /// Computes `step` with `perform` and commits it into the run folder.
    /// - Parameter stopAfter: for tests: stop the commit after this many file operations, as a kill would.
    package func record<Summary>(_ step: RoundStep, stopAfter: Int? = nil,
                         _ perform: (StepContext) throws -> StepOutcome<Summary>) throws -> StepRecord<Summary> {
        let fresh = Manifest(code: code, seed: seed, contributions: contributions, commitment: commitment.digest,
                             caseFolder: caseFolder.standardizedFileURL.path)
        var manifest = try Manifest.read(run: runFolder) ?? fresh
        let differences = [("version", manifest.toolVersion, fresh.toolVersion), ("code", manifest.code, fresh.code),
                           ("seed", manifest.seed, fresh.seed), ("commitment", manifest.commitment.hex, fresh.commitment.hex)]
            .filter { $0.1 != $0.2 }.map(\.0)
        if let what = differences.first {
            guard force else { throw RoundError.otherRun(runFolder.path, what: what) }
            manifest = manifest.restarted(as: fresh)
        }
        // Contributions that give the seed are the recorded ones, if any (the seed is their
        // digest): given once, they stay recorded.
        if manifest.contributions == nil { manifest.contributions = contributions }
        let (recordedSteps, run) = (manifest.steps, runFolder)
        let outcome = try perform(StepContext(admissionCase: admissionCase, seed: seed) { file, needed in
            try StepContext.recordedOutput(file, of: needed, among: recordedSteps) { run.appendingPathComponent($0) }
        })
        let recorded = RunStep(step: step, encoding: encoding, draws: outcome.draws, inputs: inputs.filter { step.reads(caseFile: $0.name) },
                               outputs: outcome.outputs.map { RunStep.FileRecord(name: $0.name, digest: SHA256.hash($0.bytes)) },
                               counts: Dictionary(uniqueKeysWithValues: outcome.summary.counts.map { ($0.name, $0.value) }))
        let replaced = manifest.steps(replacedBy: recorded)
        if replaced != [recorded] {
            if let earlier = replaced.first, !force { throw RoundError.alreadyRecorded(runFolder.path, step: earlier.label) }
            manifest.add(recorded)
        }
        try RunCommit.commit(manifest, outputs: outcome.outputs, into: runFolder, stopAfter: stopAfter)
        return StepRecord(step: recorded, summary: outcome.summary)
    }
}

extension RoundStep {
    /// Computes the step in `context`, its figures as the manifest's counts.
    package func perform(in context: StepContext) throws -> StepOutcome<RecordedCounts> {
        switch self {
        case .lottery(let level): return LotteryNumbersStep.perform(level: level, in: context).recorded
        case let .placement(level, ring, schoolRings): return try PlacementStep.perform(level: level, ring: ring, schoolRings: schoolRings, in: context).recorded
        case .classes(let level): return try ClassesStep.perform(level: level, in: context).recorded
        case let .lateArrivals(level, rounds): return try LateArrivalStep.perform(level: level, rounds: rounds, in: context).recorded
        case let .vacancies(level, rounds): return try VacancyStep.perform(level: level, rounds: rounds, in: context).recorded
        case .quota: return try QuotaStep.perform(in: context).recorded
        case let .secondRound(level, seed, commitment, vacancies):
            return try SecondRoundStep.perform(level: level, seed: seed, commitment: commitment, vacancies: vacancies, in: context).recorded
        }
    }
}

/// Why a round or one of its steps cannot run.
public enum RoundError: Error, Equatable, CustomStringConvertible {
    /// The seed is not 64 lowercase hex digits.
    case malformedSeed
    /// The folder's manifest records another version, code, seed or commitment.
    case otherRun(String, what: String)
    /// The step would replace the results of this recorded step.
    case alreadyRecorded(String, step: String)
    /// A step needs the outputs of a step the run folder does not record.
    case stepNotRecorded(String, needs: String)
    /// The file a step needs was written by another step than the one it starts from.
    case recordedByOtherStep(String, recorded: String, needs: String)
    /// A recorded output a step needs is missing, or is not what the manifest records.
    case recordedOutputChanged(String)
    /// A recorded output cannot be read back.
    case unreadableOutput(String, String)
    /// The seed ceremony's contributions give another seed than the one drawn with.
    case contributionsDoNotGiveSeed(derived: String, seed: String)
    /// A vacancy round of a level that has had its second round.
    case vacanciesAfterSecondRound(level: String)
    /// A second round of a level whose case has no second-round files for it.
    case noSecondRound(level: String)
    /// Lottery numbers asked for a level the policy places by a ring draw.
    case ringDrawnLevel(level: String)
    /// The second-round files no longer hash to the round's commitment.
    case secondRoundChanged(String)
    /// A second-round applicant still holds a first-round seat.
    case seatStillHeld(studentID: String, file: String)

    public var description: String {
        switch self {
        case .malformedSeed:
            return "the seed must be the 64 lowercase hex digits `enroll seed` printed; copy it exactly"
        case let .otherRun(path, what):
            return "\(path): this run folder records a run with another \(what); write into a new run folder, "
                + "or give --force to start the run in this folder again (manifest.json keeps every earlier attempt)"
        case let .alreadyRecorded(path, step):
            return "\(path): the step \(step) is already recorded in manifest.json, and running it again would replace its results; "
                + "give --force to replace them (manifest.json keeps the earlier attempt)"
        case let .stepNotRecorded(file, needs):
            return "\(file): this step starts from the recorded results of \(needs), which this run folder does not hold; run that step into it first"
        case let .recordedByOtherStep(file, recorded, needs):
            return "\(file): this step starts from the results of \(needs) as the step is given, "
                + "but the run folder's file was written by \(recorded) with other options; give the rounds the manifest records"
        case .recordedOutputChanged(let file):
            return "\(file): the file is missing, or is not what manifest.json records; run `enroll verify` on the run folder"
        case let .unreadableOutput(file, reason):
            return "\(file): the recorded file cannot be read back: \(reason)"
        case let .contributionsDoNotGiveSeed(derived, seed):
            return "the seed contributions give the seed \(derived), not \(seed): give them exactly as announced, in the order announced "
                + "(the file `enroll seed --out` wrote), with the seed they gave"
        case .vacanciesAfterSecondRound(let level):
            return "the \(level) level has had its second round: vacancy chains start from the first round's placement and could "
                + "promote into a seat the second round gave; fill seats declined after the second round by reassignment, or hold the vacancy "
                + "rounds before the second round"
        case .ringDrawnLevel(let level):
            return "policy.json places \(level) by a ring draw (ring_draw_levels): its order is the ring's, drawn in the hall, not lottery numbers; "
                + "place it with enroll place --ring-start S --ring-interval K"
        case .noSecondRound(let level):
            return "the case folder has no \(SecondRound.folder)/\(level)-applicants.csv or \(SecondRound.folder)/\(level)-declined.csv: "
                + "a second round places the applicants of those files (docs/PLACEMENT.md, Second round)"
        case .secondRoundChanged(let digest):
            return "\(SecondRound.folder)/: the second round's files no longer hash to its commitment \(digest); "
                + "restore them, or publish a new commitment (enroll commit CASE --second-round) before the round's seed is made"
        case let .seatStillHeld(student, file):
            return "\(student) holds a seat from the first round and applies in the second: list them in \(file) "
                + "to give the seat up, or take them out of the second round"

        }
    }
}
