import Foundation
@testable import Enrollment
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines

/// Small hand-built primary levels for the seat rules (reserved seats, purchased places):
/// `priorities.csv` gives applicant k the tier k + 1 at every school, so that the order is the
/// listing order whatever the lottery, and every home is at (113.61, 34.71).
enum SeatFixture {
    static let seed = String(repeating: "5a", count: 32)

    struct SchoolSpec {
        var id: String
        var seats: Int
        var sector: SchoolSector = .public
        var purchased: Int = 0
        /// Degrees east of the homes (0.01° is about 0.9 km here).
        var east: Double = 0
    }

    /// Runs the placement; the result by student: school and seats, with the audit of the
    /// mechanism's matching on the seat groups.
    static func run(schools: [SchoolSpec], applicants: [(String, [String], [String])], policy: Policy) throws
        -> (placements: [String: (school: String?, seats: String?)], violations: [MatchingViolation]) {
        let c = AdmissionCase(
            schools: schools.map { School(id: $0.id, name: $0.id, level: .primary, sector: $0.sector, capacity: $0.seats,
                                          longitude: 113.61 + $0.east, latitude: 34.71, purchasedPlaces: $0.purchased) },
            policy: policy,
            primaryApplicants: applicants.map { Applicant(id: $0.0, gender: .female, birthDate: CalendarDate(year: 2020, month: 1, day: 1)!,
                                                          longitude: 113.61, latitude: 34.71, categories: $0.1, choices: $0.2) })
        var tiers: [String: [String: Int]] = [:]
        for (k, a) in applicants.enumerated() {
            for s in schools { tiers[a.0, default: [:]][s.id] = k + 1 }
        }
        let placement = try PlacementRun(admissionCase: c, level: .primary, zoning: [:], seed: seed, explicitTiers: tiers)
        let violations = MatchingAudit.audit(placement.groupMatching, in: placement.groupInstance, mechanism: policy.mechanism,
                                             groups: placement.seatGroups)
        return (Dictionary(uniqueKeysWithValues: placement.placements.map { ($0.studentID, ($0.schoolID, $0.seats)) }), violations)
    }
}
