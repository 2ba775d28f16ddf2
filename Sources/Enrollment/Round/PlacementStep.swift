import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// The placement step of a round (`enroll place`): zoning of the level's applicants, then
/// `PlacementRun`, written as the files of the run folder's `<level>/` subfolder.
enum PlacementStep {
    /// The files written, in this order, under `<level>/`.
    static let files = [ZoningFile.name, PlacementsFile.name, RanksFile.name, CutoffsFile.name, WaitlistsFile.name]

    /// The placement and its files (paths relative to the run folder, under `folder`: by default
    /// the level's), its applicants numbered in `draw` (by default `<level>-placement`).
    /// - Complexity: that of zoning plus `PlacementRun`.
    static func run(_ c: AdmissionCase, level: SchoolLevel, seed: String, folder: String? = nil, draw: String? = nil, ring: RingDraw? = nil,
                    schoolRings: [SchoolRingDraw] = []) throws(PlacementError)
        -> (run: PlacementRun, zoning: [ZoneAssignment], files: [(path: String, bytes: [UInt8])]) {
        let assignments = ZoneAssigner(admissionCase: c, level: level).assign(c.applicants(level))
        var zoning: [String: ZoneAssignment] = [:]
        zoning.reserveCapacity(assignments.count)
        for a in assignments { zoning[a.studentID] = a }
        let run = try PlacementRun(admissionCase: c, level: level, zoning: zoning, seed: seed, explicitTiers: c.explicitTiers, draw: draw, ring: ring,
                                   schoolRings: schoolRings)
        let bytes = [ZoningTables.assignments(assignments), PlacementTables.placements(run), PlacementTables.ranks(run),
                     PlacementTables.cutoffs(run), PlacementTables.waitlists(run)]
        let folder = folder ?? level.rawValue
        return (run, assignments, zip(files, bytes).map { ("\(folder)/\($0)", $1) })
    }

    /// The step: the placement, its files and summary, and its guarantees. With `ring`, the
    /// level's ring draw (which the policy must choose); the draws recorded are then none. With
    /// `schoolRings`, the ring draws of the schools the policy draws by rings of their own.
    static func perform(level: SchoolLevel, ring: RingDraw?, schoolRings: [SchoolRingDraw], in context: StepContext) throws -> StepOutcome<PlacementSummary> {
        let c = context.admissionCase
        try PlacementRun.checkRingDraws(ring, schoolRings: schoolRings, level: level, in: c)
        let (run, zoning, files) = try run(c, level: level, seed: context.seed, ring: ring, schoolRings: schoolRings)
        let outputs = files.map { (name: $0.path, bytes: $0.bytes) }
        let ringSchools = Set(schoolRings.map(\.schoolID))
        return StepOutcome(outputs: outputs, draws: ring == nil ? [run.draw] : [], summary: PlacementSummary(run, zoning: zoning),
                           invariants: { invariants(level: level, c, outputs: outputs, ringSchools: ringSchools) })
    }

    /// The guarantees `verify` checks on a placement's files: every applicant of the level
    /// exactly once; no school above capacity; and, against `ranks.csv` (`MatchingAudit`), for
    /// deferred acceptance stability — no applicant prefers a school that admitted someone with
    /// a worse (tier, lottery number) there, and no seat is left empty at a school an applicant
    /// ranked above their result — or, for immediate acceptance, the published round-by-round rule.
    /// The files are read under `folder` (by default the level's); `ringSchools` are the schools
    /// drawn by rings of their own (`PlacementRecord`).
    static func invariants(level: SchoolLevel, _ c: AdmissionCase, outputs: [(name: String, bytes: [UInt8])], folder: String? = nil,
                           ringSchools: Set<String> = []) -> [String] {
        let folder = folder ?? level.rawValue
        func bytes(_ name: String) -> [UInt8] { outputs.first { $0.name == "\(folder)/\(name)" }?.bytes ?? [] }
        let record: PlacementRecord
        do {
            record = try PlacementRecord(placements: bytes(PlacementsFile.name), ranks: bytes(RanksFile.name), admissionCase: c, level: level,
                                      ringSchools: ringSchools)
        } catch {
            return ["\(error)"]
        }
        var problems: [String] = []
        if Set(record.studentIDs) != Set(c.applicants(level).map(\.id)) {
            problems.append("placements.csv does not list every applicant of the level exactly once")
        }
        let seated = record.matching.occupancy(schoolCount: record.schools.count)
        for (k, s) in record.schools.enumerated() where seated[k] > s.capacity {
            problems.append("placements.csv: \(s.id) seats \(seated[k]) applicants for \(s.capacity) places")
        }
        guard problems.isEmpty else { return problems }
        let admitted = record.admitted.map { (student: $0, school: record.groupMatching.school(of: $0)!) }
        let rule = c.policy.mechanism == .deferredAcceptance ? "stability" : "round-by-round rule"
        return MatchingAudit.audit(placements: admitted, in: record.groupInstance, mechanism: c.policy.mechanism, groups: record.groups)
            .map { "\(rule): \($0)" }
    }
}

/// The figures of a placement.
public struct PlacementSummary: StepSummary {
    public var applicants: Int
    public var admitted: Int
    public var reassigned: Int
    public var unplaced: Int
    /// Applicants the other mechanism would have placed differently.
    public var placedDifferentlyByOtherMechanism: Int
    /// Applicants zoned by map, by address list, and in no zone.
    public var zonedByMap: Int
    public var zonedByAddress: Int
    public var inNoZone: Int
    /// Applicants whose home is near a zone boundary (a clerk's check).
    public var nearBoundary: Int

    package init(_ run: PlacementRun, zoning: [ZoneAssignment]) {
        var statuses = [PlacementRun.Placement.Status: Int]()
        for p in run.placements { statuses[p.status, default: 0] += 1 }
        var methods = [ZoneAssignment.Method: Int]()
        for z in zoning { methods[z.method, default: 0] += 1 }
        applicants = run.placements.count
        admitted = statuses[.admitted] ?? 0
        reassigned = statuses[.reassigned] ?? 0
        unplaced = statuses[.unplaced] ?? 0
        placedDifferentlyByOtherMechanism = run.placedDifferentlyByOtherMechanism
        zonedByAddress = methods[.address] ?? 0
        inNoZone = methods[.none] ?? 0
        zonedByMap = zoning.count - zonedByAddress - inNoZone
        nearBoundary = zoning.filter(\.nearBoundary).count
    }

    public var counts: [(name: String, value: Int)] {
        [("applicants", applicants), ("admitted", admitted), ("reassigned", reassigned), ("unplaced", unplaced),
         ("placed_differently_by_other_mechanism", placedDifferentlyByOtherMechanism),
         ("zoned_by_map", zonedByMap), ("zoned_by_address", zonedByAddress), ("in_no_zone", inNoZone), ("near_boundary", nearBoundary)]
    }
}
