import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

@Suite struct ReassignmentTests {
    typealias Location = Reassignment.Location

    @Test func equirectangularDistance() {
        let home = Location(latitude: 30, longitude: 120)
        let east = Reassignment.distance(from: home, to: Location(latitude: 30, longitude: 120.01))
        let north = Reassignment.distance(from: home, to: Location(latitude: 30.01, longitude: 120))
        // R · 0.01° in radians, times cos 30° for the east-west leg.
        #expect(abs(north - 1111.950_802_335) < 1e-6)
        #expect(abs(east - 1111.950_802_335 * 3.squareRoot() / 2) < 1e-6)
        #expect(Reassignment.distance(from: home, to: home) == 0)
        // Across the antimeridian the short way round is taken.
        let west = Reassignment.distance(
            from: Location(latitude: 0, longitude: 179.99), to: Location(latitude: 0, longitude: -179.99))
        #expect(abs(west - 2 * 1111.950_802_335) < 1e-6)
    }

    /// Four schools of one seat around (30°, 120°): school 0 an eighth of a degree north (its
    /// seat taken by the mechanism), schools 1 and 2 a quarter of a degree east and west (the
    /// offsets are exact in binary, so the two distances are exactly equal), school 3 a degree
    /// south.
    func county() -> (MatchingInstance, Matching, [Location]) {
        let instance = try! MatchingInstance(
            capacities: [1, 1, 1, 1], preferences: [[0], [0], [0], [0], [0]], tiers: [[0], [1], [1], [1], [1]],
            tieRanks: [0, 1, 2, 3, 4])
        let schools = [
            Location(latitude: 30.125, longitude: 120), Location(latitude: 30, longitude: 120.25),
            Location(latitude: 30, longitude: 119.75), Location(latitude: 29, longitude: 120),
        ]
        return (instance, DeferredAcceptance.match(instance), schools)
    }

    @Test func nearestFreeSeatThenLowerIndexThenFull() {
        let (instance, matching, schools) = county()
        #expect(matching.schools == [0, nil, nil, nil, nil])
        let centre = Location(latitude: 30, longitude: 120)
        let homes: [Location?] = [centre, centre, Location(latitude: 30, longitude: 119.5), centre, centre]
        let (decisions, after) = Reassignment.reassign(
            [3, 1, 2, 4], after: matching, in: instance, candidates: [2, 1, 0, 1], homes: homes, schools: schools)
        // Student 3 is equally far from schools 1 and 2 and takes the lower index; student 1
        // takes school 2; student 2 finds every candidate full (school 3 is not a candidate).
        #expect(decisions.map(\.student) == [3, 1, 2, 4])
        guard case let .reassigned(s3, d3) = decisions[0].outcome, case let .reassigned(s1, d1) = decisions[1].outcome
        else { Issue.record("expected two reassignments"); return }
        #expect(s3 == 1 && s1 == 2)
        // R · 0.25° in radians · cos 30°.
        #expect(d3 == d1 && abs(d3! - 24_074.441_064_522) < 1e-6)
        #expect(decisions[2].outcome == .unplaced(.everySchoolOfLevelFull))
        #expect(decisions[3].outcome == .unplaced(.everySchoolOfLevelFull))
        #expect(after.schools == [0, 2, nil, 1, nil])
        #expect(after.ranks == [1, nil, nil, nil, nil])
        #expect(UnplacedReason.everySchoolOfLevelFull.description == "every school of the level is full")
    }

    @Test func studentsWithoutHomeTakeTheLowestIndexWithASeat() {
        let (instance, matching, schools) = county()
        let homes: [Location?] = [nil, nil, Location(latitude: 30, longitude: 119), nil, nil]
        // Student 1 (no home) takes school 1, school 0 being full; student 2, far west, is
        // nearest to school 2; student 3 (no home) takes what is left.
        let (decisions, _) = Reassignment.reassign(
            [1, 2, 3], after: matching, in: instance, candidates: [0, 1, 2, 3], homes: homes, schools: schools)
        #expect(decisions == [
            ReassignmentDecision(student: 1, outcome: .reassigned(school: 1, metres: nil)),
            ReassignmentDecision(
                student: 2, outcome: .reassigned(school: 2, metres: Reassignment.distance(from: homes[2]!, to: schools[2]))),
            ReassignmentDecision(student: 3, outcome: .reassigned(school: 3, metres: nil)),
        ])
    }

    @Test func usualOrderIsBestTierThenTieRank() throws {
        let instance = try MatchingInstance(
            capacities: [1, 1], preferences: [[0, 1], [1], [], [0]], tiers: [[2, 1], [1], [], [0]],
            tieRanks: [3, 2, 0, 1])
        // Best tiers: 1, 1, none (→ 5), 0.
        #expect(Reassignment.order([0, 1, 2, 3], in: instance, tierWithoutChoices: 5) == [3, 1, 0, 2])
        #expect(Reassignment.order([0, 1, 2, 3], in: instance, tierWithoutChoices: 0) == [2, 3, 1, 0])
    }
}
