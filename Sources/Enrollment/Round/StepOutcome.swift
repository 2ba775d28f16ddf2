/// What a step computed: its files, the draws it used, its summary, and the check of its
/// guarantees. A step never writes: `AdmissionRound` commits the files into the run folder and
/// `RunVerifier` compares them with the published ones.
package struct StepOutcome<Summary: StepSummary> {
    /// The output files, by path in the run folder, in the order written.
    package var outputs: [(name: String, bytes: [UInt8])]
    /// The names of the draws the step used (for the manifest, and scripts reading it).
    package var draws: [String]
    package var summary: Summary
    /// Checks the guarantees the step makes of its outputs (every applicant once, capacities,
    /// stability, …) on the outputs in hand and what the step read — never by computing them
    /// again; returns each violation, empty when all hold. `enroll verify` calls it.
    package var invariants: () -> [String]

    /// The same outcome with its summary as the manifest's counts.
    package var recorded: StepOutcome<RecordedCounts> {
        StepOutcome<RecordedCounts>(outputs: outputs, draws: draws, summary: RecordedCounts(counts: summary.counts), invariants: invariants)
    }
}

/// A step's figures, as fields; `counts` is how the manifest records them.
public protocol StepSummary: Sendable, Equatable {
    /// The figures by name (`snake_case`), in a fixed order.
    var counts: [(name: String, value: Int)] { get }
}

/// Figures of a step of any kind, by name: what `manifest.json` records and `enroll verify`
/// compares.
package struct RecordedCounts: StepSummary {
    package var counts: [(name: String, value: Int)]

    package static func == (a: RecordedCounts, b: RecordedCounts) -> Bool {
        a.counts.elementsEqual(b.counts) { $0 == $1 }
    }
}
