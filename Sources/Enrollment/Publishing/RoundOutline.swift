import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// A level's round in numbers, before the seed exists, as the hall is told it: schools, seats,
/// applicants, and each school's first choices against its seats — where they exceed the
/// seats, the school will draw.
///
/// An applicant's first choice is the first school of their list when they stated choices,
/// else their feeder school (对口直升), else their zone's school when the zone has one; the
/// applicants of a zone of several schools who stated no choice are counted apart
/// (`sharedByLottery`): the lottery places them among their zone's schools.
struct RoundOutline: Equatable, Sendable {
    struct SchoolDemand: Equatable, Sendable {
        var schoolID: String
        var seats: Int
        var firstChoices: Int
        var oversubscribed: Bool { firstChoices > seats }
    }

    var level: SchoolLevel
    var applicants: Int
    var seats: Int
    /// Every school of the level, by id.
    var schools: [SchoolDemand]
    var sharedByLottery: Int

    /// The outline of `level` of the case.
    /// - Throws: `PlacementError` when the level cannot be placed into (as `enroll place` refuses).
    /// - Complexity: O(applicants × schools held), plus zoning.
    init(_ c: AdmissionCase, level: SchoolLevel) throws(PlacementError) {
        let claims = try PriorityClaims(admissionCase: c, level: level, explicitTiers: c.explicitTiers)
        let people = c.applicants(level)
        var first = [Int](repeating: 0, count: claims.schools.count), shared = 0
        for (a, zone) in zip(people, ZoneAssigner(admissionCase: c, level: level).assign(people)) {
            let entries = claims.entries(of: a, zoning: zone)
            if let school = entries.listed.first ?? entries.feeder ?? (entries.zone.count == 1 ? entries.zone.first : nil) {
                first[claims.index[school]!] += 1
            } else if !entries.zone.isEmpty {
                shared += 1
            }
        }
        self.level = level
        applicants = people.count
        seats = claims.schools.reduce(0) { $0 + $1.capacity }
        schools = claims.schools.enumerated().map { SchoolDemand(schoolID: $1.id, seats: $1.capacity, firstChoices: first[$0]) }
        sharedByLottery = shared
    }
}
