import Foundation

/// A kind of step a run folder can record (`lottery`, later `placement`, …), registered in
/// `RunStepKind.all` so that `enroll verify` can re-run any recorded step from its recorded
/// options and seed.
///
/// A step is a pure function of the case folder, its options and the seed: it returns the
/// bytes of its output files and never writes itself; `RunRecorder` writes them (into the
/// run folder) and `RunVerifier` compares them (with what was published).
public struct RunStepKind: Sendable {
    /// The step's name in the manifest (the command's name).
    public let name: String
    /// Computes the step's outputs.
    public let perform: @Sendable (RunStepInput) throws -> RunStepOutput
    /// Checks the invariants the step guarantees of its outputs (for example: every applicant
    /// numbered once, rows in order); returns each violation, empty when all hold.
    public let invariants: @Sendable (RunStepInput, RunStepOutput) -> [String]

    /// A step kind; add it to `all` to make it verifiable.
    public init(name: String, perform: @escaping @Sendable (RunStepInput) throws -> RunStepOutput,
                invariants: @escaping @Sendable (RunStepInput, RunStepOutput) -> [String]) {
        self.name = name
        self.perform = perform
        self.invariants = invariants
    }

    /// Every registered step. A new step kind is added here, once.
    public static let all: [RunStepKind] = [.lottery, .placement, .classes, .quota, .vacancies, .lateArrivals]

    /// The registered step called `name`.
    public static func named(_ name: String) -> RunStepKind? {
        all.first { $0.name == name }
    }
}

/// What a step runs on: the case folder, the options recorded for it, and the seed.
public struct RunStepInput: Sendable {
    /// The case folder the step reads.
    public var caseFolder: URL
    /// The step's options, by name (recorded in the manifest as given here).
    public var options: [String: String]
    /// The seed from the ceremony (64 lowercase hex digits).
    public var seed: String

    /// The input of one run of a step.
    public init(caseFolder: URL, options: [String: String], seed: String) {
        self.caseFolder = caseFolder
        self.options = options
        self.seed = seed
    }

    /// The `level` option (primary or junior) of a step whose only other option is `encoding`.
    public func level(step: String) throws -> SchoolLevel {
        for key in options.keys.sorted() where key != "level" && key != "encoding" {
            throw RunStepError.unknownOption(step: step, option: key)
        }
        guard let text = options["level"] else { throw RunStepError.missingOption(step: step, option: "level") }
        guard let level = SchoolLevel(rawValue: text), level != .high else {
            throw RunStepError.invalidOption(step: step, option: "level", value: text, expected: "primary or junior")
        }
        return level
    }

    /// The `encoding` option, if recorded.
    public func encoding() throws -> TextEncoding? {
        try options["encoding"].map { name throws -> TextEncoding in try TextEncoding(name: name) }
    }

    /// The case, loaded and validated.
    /// - Throws: `Diagnostics` listing every problem of an invalid case (nothing is drawn on one).
    public func loadCase() throws -> AdmissionCase {
        let loaded = try CaseFolder(url: caseFolder, encoding: try encoding()).load()
        guard loaded.diagnostics.isEmpty else { throw Diagnostics(loaded.diagnostics) }
        return loaded.admissionCase
    }
}

/// What a step produced.
public struct RunStepOutput: Sendable {
    /// The files of the case folder the step read (their raw digests go in the manifest).
    public var inputs: [String]
    /// The output files, by name in the run folder, in the order written.
    public var outputs: [(name: String, bytes: [UInt8])]
    /// The names of the draws the step used, for the manifest (and scripts reading it).
    public var draws: [String]
    /// Counts worth recording (rows, students, …), by name.
    public var counts: [String: Int]

    /// A step's result.
    public init(inputs: [String], outputs: [(name: String, bytes: [UInt8])], draws: [String], counts: [String: Int]) {
        self.inputs = inputs
        self.outputs = outputs
        self.draws = draws
        self.counts = counts
    }

    /// The bytes of output `name`, if the step wrote it.
    public func output(_ name: String) -> [UInt8]? {
        outputs.first { $0.name == name }?.bytes
    }
}

/// Why a step cannot run with the options given.
public enum RunStepError: Error, Equatable, CustomStringConvertible {
    case missingOption(step: String, option: String)
    case invalidOption(step: String, option: String, value: String, expected: String)
    case unknownOption(step: String, option: String)

    public var description: String {
        switch self {
        case let .missingOption(step, option):
            return "the step '\(step)' needs the option '\(option)'"
        case let .invalidOption(step, option, value, expected):
            return "the step '\(step)': '\(value)' is not a valid \(option) (expected \(expected))"
        case let .unknownOption(step, option):
            return "the step '\(step)' has no option '\(option)'"
        }
    }
}
