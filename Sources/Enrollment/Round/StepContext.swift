import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentRunFolder

/// What a step runs on: the case, loaded and checked once for the whole round; the seed; and
/// the outputs earlier steps recorded in the run folder.
package struct StepContext {
    package let admissionCase: AdmissionCase
    /// The seed from the ceremony (64 lowercase hex digits).
    package let seed: String
    /// The bytes of `file`, as the recorded step `step` wrote it into the run folder (the
    /// manifest holds its SHA-256, which the bytes match).
    /// - Throws: `RoundError` when `step` is not recorded, or the file is not as recorded.
    package let recordedOutput: (_ file: String, _ step: RoundStep) throws -> [UInt8]

    package init(admissionCase: AdmissionCase, seed: String, recordedOutput: @escaping (_ file: String, _ step: RoundStep) throws -> [UInt8]) {
        self.admissionCase = admissionCase
        self.seed = seed
        self.recordedOutput = recordedOutput
    }

    /// The recorded file `name` of `step`'s level folder, parsed.
    /// - Throws: as `recordedOutput`, and `RoundError.unreadableOutput` when it does not parse.
    package func recordedTable(_ name: String, of step: RoundStep) throws -> CSVTable {
        let file = "\(step.level!.rawValue)/\(name)"
        let parsed = CSVReader.parse(try recordedOutput(file, step), file: file)
        guard let table = parsed.table, parsed.diagnostics.isEmpty else {
            throw RoundError.unreadableOutput(file, parsed.diagnostics.first?.description ?? "no header")
        }
        return table
    }
}

extension StepContext {
    /// The bytes of `file` as `steps` record it: written by `needed`, the step that writes it
    /// last, and matching the SHA-256 recorded for it.
    /// - Parameter url: where a file of the run folder is read from.
    /// - Throws: `RoundError.stepNotRecorded`, `.recordedByOtherStep` or `.recordedOutputChanged`.
    package static func recordedOutput(_ file: String, of needed: RoundStep, among steps: [RunStep], at url: (String) -> URL) throws -> [UInt8] {
        guard let writer = steps.last(where: { $0.outputs.contains { $0.name == file } }) else {
            throw RoundError.stepNotRecorded(file, needs: needed.label)
        }
        guard writer.step.stands(for: needed) else { throw RoundError.recordedByOtherStep(file, recorded: writer.label, needs: needed.label) }
        guard let bytes = FileBytes.read(url(file).path),
              SHA256.hash(bytes) == writer.outputs.first(where: { $0.name == file })!.digest else {
            throw RoundError.recordedOutputChanged(file)
        }
        return bytes
    }
}
