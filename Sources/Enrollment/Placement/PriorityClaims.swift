import EnrollmentCase
import EnrollmentVocabulary

/// What each applicant of a level holds before any draw: the schools of their stated choices,
/// their feeder school (对口直升) and their zone's schools, and their priority tier at each —
/// the part of a placement that the seed does not touch, so that the roster published before
/// the draw (招生公示) and the placement read the same lists and tiers.
///
/// The draw adds only the order of the zone's schools an applicant did not list
/// (`PlacementRun`), and the lottery numbers.
package struct PriorityClaims: Sendable {
    /// An applicant's schools before the draw.
    package struct Entries: Sendable, Equatable {
        /// The stated choices that are schools of the level, in the applicant's order.
        package var listed: [String]
        /// The feeder school (对口直升 under `feeder_priority`, junior only), when it is of the level.
        package var feeder: String?
        /// The zone's schools of the level, the feeder school left out, in the zone's order.
        package var zone: [String]

        /// The schools the applicant holds: the listed ones, then the feeder and zone schools not
        /// listed, in the order given (the placement draws the zone's order first).
        package func schools(zoneOrder: [String]) -> [String] {
            var list = listed
            for s in (feeder.map { [$0] } ?? []) + zoneOrder where !list.contains(s) { list.append(s) }
            return list
        }
    }

    package let level: SchoolLevel
    /// The schools of the level, in `school_id` order.
    package let schools: [School]
    /// Each school's position in `schools`.
    package let index: [String: Int]
    private let policy: Policy
    private let feeds: [String: String]
    private let explicitTiers: [String: [String: Int]]
    private let tiering: PriorityTier

    /// The claims of `level` in `c`.
    /// - Throws: `PlacementError.noSchools`, `.schoolWithoutLocation` (a public school needs a
    ///   place to reassign to), `.unknownSchoolInPriorities`.
    /// - Complexity: O(schools + explicit tiers).
    package init(admissionCase c: AdmissionCase, level: SchoolLevel, explicitTiers: [String: [String: Int]]) throws(PlacementError) {
        let schools = c.schools(level).sorted { $0.id < $1.id }
        guard !schools.isEmpty else { throw .noSchools(level) }
        if let s = schools.first(where: { $0.sector == .public && ($0.longitude == nil || $0.latitude == nil) }) {
            throw .schoolWithoutLocation(s.id)
        }
        var index: [String: Int] = [:]
        for (k, s) in schools.enumerated() { index[s.id] = k }
        for (student, row) in explicitTiers.sorted(by: { $0.key < $1.key }) {
            if let unknown = row.keys.sorted().first(where: { index[$0] == nil }) {
                throw .unknownSchoolInPriorities(studentID: student, schoolID: unknown)
            }
        }
        var feeds: [String: String] = [:]
        for s in c.schools(.primary) { feeds[s.id] = s.feeds }
        self.level = level
        self.schools = schools
        self.index = index
        self.policy = c.policy
        self.feeds = feeds
        self.explicitTiers = explicitTiers
        self.tiering = PriorityTier(policy: c.policy)
    }

    /// The schools `a` holds, given their zone assignment.
    /// - Complexity: O(choices × zone schools).
    package func entries(of a: Applicant, zoning: ZoneAssignment?) -> Entries {
        let zoneSchools = (zoning?.schools ?? []).filter { index[$0] != nil }
        let feeder = level == .junior && policy.feederPriority ? a.primarySchool.flatMap { feeds[$0] }.flatMap { index[$0] == nil ? nil : $0 } : nil
        return Entries(listed: a.choices.filter { index[$0] != nil }, feeder: feeder, zone: zoneSchools.filter { $0 != feeder })
    }

    /// The tier of `a` at `school` (a school of the level): the `priorities.csv` row when there is
    /// one, 0 at a private school, else `PriorityTier`'s with the claim `entries` give.
    /// - Complexity: O(zone schools + categories).
    package func tier(of a: Applicant, at school: String, _ entries: Entries) -> Int {
        if let explicit = explicitTiers[a.id]?[school] { return explicit }
        if schools[index[school]!].sector == .private { return 0 }
        let claim: PriorityTier.Claim = school == entries.feeder ? .feeder : entries.zone.contains(school) ? .zone : .none
        return tiering.tier(claim: claim, applicant: a, siblingHere: a.siblingSchool == school)
    }
}
