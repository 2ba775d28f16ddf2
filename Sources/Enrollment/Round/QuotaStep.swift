import EnrollmentEngines

/// The `quota` step of a round (`enroll quota`): quality high-school places shared out among
/// the junior schools and filled by their graduates, with the open round (指标到校); writes
/// `quota/quota-allocation.csv`, `quota/quota-admissions.csv` and `quota/quota-unfilled.csv`.
enum QuotaStep {
    /// The step's files, paths relative to the run folder.
    static func files(_ run: QuotaRun) -> [(name: String, bytes: [UInt8])] {
        [("quota/quota-allocation.csv", QuotaTables.allocation(run)), ("quota/quota-admissions.csv", QuotaTables.admissions(run)),
         ("quota/quota-unfilled.csv", QuotaTables.unfilled(run))]
    }

    /// The step, whose guarantees are every one of `QuotaAudit` (seats sum to each quota, quota
    /// at least the share of the plan, no pool over its seats, nobody below the line or
    /// ineligible on a quota seat, no justified envy, no wasted seat), on the run it wrote.
    static func perform(in context: StepContext) throws -> StepOutcome<QuotaSummary> {
        let c = context.admissionCase
        let run = try QuotaRun(admissionCase: c, seed: context.seed)
        return StepOutcome(outputs: files(run), draws: run.allocations.map { "quota/\($0.highSchoolID)" } + ["quota-admission"],
                           summary: QuotaSummary(qualityHighSchools: run.allocations.count,
                                                 quotaSeats: run.allocations.reduce(0) { $0 + $1.quota },
                                                 admittedByQuota: run.admissions.filter { $0.route == .quota }.count,
                                                 admittedOpen: run.admissions.filter { $0.route == .open }.count),
                           invariants: { QuotaAudit.audit(run, admissionCase: c).map { "\($0)" } })
    }
}

/// The figures of the quota step.
public struct QuotaSummary: StepSummary {
    public var qualityHighSchools: Int
    public var quotaSeats: Int
    public var admittedByQuota: Int
    public var admittedOpen: Int

    public var counts: [(name: String, value: Int)] {
        [("admitted_by_quota", admittedByQuota), ("admitted_open", admittedOpen), ("quality_high_schools", qualityHighSchools),
         ("quota_seats", quotaSeats)]
    }
}
