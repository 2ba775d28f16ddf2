/// The placement step of a run, as `enroll place` performs it and `enroll verify` repeats it:
/// zoning of the level's applicants, then `PlacementRun`, rendered as the files of the run
/// folder's `<level>/` subfolder.
public enum PlacementStep {
    /// The files written, in this order, under `<level>/`.
    public static let files = ["zoning.csv", "placements.csv", "ranks.csv", "cutoffs.csv", "waitlists.csv"]

    /// The placement and its files (paths relative to the run folder).
    /// - Complexity: that of zoning plus `PlacementRun`.
    public static func run(_ c: AdmissionCase, level: SchoolLevel, seed: String) throws(PlacementError)
        -> (run: PlacementRun, files: [(path: String, bytes: [UInt8])]) {
        let assignments = ZoneAssigner(admissionCase: c, level: level).assign(c.applicants(level))
        var zoning: [String: ZoneAssignment] = [:]
        for a in assignments { zoning[a.studentID] = a }
        let run = try PlacementRun(admissionCase: c, level: level, zoning: zoning, seed: seed, explicitTiers: c.explicitTiers)
        let bytes = [ZoningTables.assignments(assignments), PlacementTables.placements(run), PlacementTables.ranks(run),
                     PlacementTables.cutoffs(run), PlacementTables.waitlists(run)]
        return (run, zip(files, bytes).map { ("\(level.rawValue)/\($0)", $1) })
    }

    /// Counts for the manifest and the console.
    public static func counts(_ run: PlacementRun) -> [(String, Int)] {
        let by = Dictionary(grouping: run.placements, by: \.status).mapValues(\.count)
        return [("applicants", run.placements.count), ("admitted", by[.admitted] ?? 0), ("reassigned", by[.reassigned] ?? 0),
                ("unplaced", by[.unplaced] ?? 0), ("placed_differently_by_other_mechanism", run.placedDifferentlyByOtherMechanism)]
    }
}
