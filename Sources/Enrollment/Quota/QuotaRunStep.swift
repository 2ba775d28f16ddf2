/// The `quota` step of a run (`enroll quota`): option `encoding` only; outputs
/// `quota/quota-allocation.csv`, `quota/quota-admissions.csv` and `quota/quota-unfilled.csv`.
extension RunStepKind {
    public static let quota = RunStepKind(name: "quota", perform: { input in
        for key in input.options.keys.sorted() where key != "encoding" { throw RunStepError.unknownOption(step: "quota", option: key) }
        let c = try input.loadCase()
        let run = try QuotaRun(admissionCase: c, seed: input.seed)
        let quality = run.allocations.map(\.highSchoolID)
        return RunStepOutput(inputs: c.files, outputs: QuotaRunStep.files(run), draws: quality.map { "quota/\($0)" } + ["quota-admission"],
                             counts: ["quality_high_schools": run.allocations.count, "quota_seats": run.allocations.reduce(0) { $0 + $1.quota },
                                      "admitted_by_quota": run.admissions.filter { $0.route == .quota }.count,
                                      "admitted_open": run.admissions.filter { $0.route == .open }.count])
    }, invariants: QuotaRunStep.invariants)
}

/// The files and the guarantees of the `quota` step.
public enum QuotaRunStep {
    /// The step's files, paths relative to the run folder.
    public static func files(_ run: QuotaRun) -> [(name: String, bytes: [UInt8])] {
        [("quota/quota-allocation.csv", QuotaTables.allocation(run)), ("quota/quota-admissions.csv", QuotaTables.admissions(run)),
         ("quota/quota-unfilled.csv", QuotaTables.unfilled(run))]
    }

    /// Every guarantee of `QuotaAudit` (seats sum to each quota, quota at least the share of
    /// the plan, no pool over its seats, nobody below the line or ineligible on a quota seat,
    /// no justified envy, no wasted seat), on the re-run.
    @Sendable public static func invariants(_ input: RunStepInput, _ output: RunStepOutput) -> [String] {
        guard let c = try? input.loadCase(), let run = try? QuotaRun(admissionCase: c, seed: input.seed) else { return ["the case cannot be read"] }
        return QuotaAudit.audit(run, admissionCase: c).map { "\($0)" }
    }
}
