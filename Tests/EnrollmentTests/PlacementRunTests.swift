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

@Suite struct PlacementRunTests {
    let seed = "7f3a9c"
    let born = CalendarDate(year: 2019, month: 10, day: 1)!

    func applicant(_ id: String, _ residence: ResidenceTie = .hukouAndProperty, lon: Double = 113.60, choices: [String] = [],
                   sibling: String? = nil, categories: [String] = [], primary: String? = nil) -> Applicant {
        Applicant(id: id, gender: .female, birthDate: born, longitude: lon, latitude: 34.70, residence: residence,
                  categories: categories, siblingSchool: sibling, primarySchool: primary, choices: choices)
    }

    func school(_ id: String, _ capacity: Int, lon: Double, sector: SchoolSector = .public, level: SchoolLevel = .primary, feeds: String? = nil) -> School {
        School(id: id, name: id, level: level, sector: sector, capacity: capacity, longitude: lon, latitude: 34.70, feeds: feeds)
    }

    func zone(_ id: String, _ schools: [String], for students: [String]) -> [String: ZoneAssignment] {
        Dictionary(uniqueKeysWithValues: students.map { ($0, ZoneAssignment(studentID: $0, zoneID: id, schools: schools, method: .polygon)) })
    }

    func number(_ id: String, _ draw: String = "primary-placement") -> LotteryNumber {
        LotteryNumber(seed: seed, draw: draw, studentID: id)
    }

    @Test func residenceTiersBeatTheLotteryAndTheRestAreReassignedToTheNearestSeat() throws {
        let c = AdmissionCase(schools: [school("P1", 2, lon: 113.60), school("P2", 5, lon: 113.70), school("P3", 5, lon: 113.65)],
                              primaryApplicants: [applicant("S3", .property), applicant("S1", .hukouAndProperty), applicant("S2", .hukou)])
        let run = try PlacementRun(admissionCase: c, level: .primary, zoning: zone("Z1", ["P1"], for: ["S1", "S2", "S3"]), seed: seed)
        #expect(run.placements.map(\.studentID) == ["S1", "S2", "S3"])
        #expect(run.placements.map(\.schoolID) == ["P1", "P1", "P3"])
        #expect(run.placements.map(\.status) == [.admitted, .admitted, .reassigned])
        #expect(run.placements.map(\.tier) == [31, 33, nil])
        #expect(run.placements[2].distanceMetres.map { Int($0) } == 4570)
        #expect(run.cutoffs[0]?.tier == 33)
        #expect(run.cutoffs[0]?.lotteryNumber == number("S2"))
        #expect(run.waitlists[0].map(\.studentID) == ["S3"])
        #expect(run.placements.map(\.lotteryNumber) == ["S1", "S2", "S3"].map { number($0) })
    }

    @Test func withinATierTheSmallerLotteryNumberWins() throws {
        let ids = (1...6).map { "A\($0)" }
        let c = AdmissionCase(schools: [school("P1", 3, lon: 113.60), school("P2", 10, lon: 113.61)],
                              primaryApplicants: ids.map { applicant($0) })
        let run = try PlacementRun(admissionCase: c, level: .primary, zoning: zone("Z1", ["P1"], for: ids), seed: seed)
        let expected = Set(ids.sorted { number($0) < number($1) }.prefix(3))
        #expect(Set(run.placements.filter { $0.schoolID == "P1" }.map(\.studentID)) == expected)
    }

    @Test func categoriesRankFirstAndSiblingsWithinTheirResidenceTie() throws {
        let c = AdmissionCase(schools: [school("P1", 2, lon: 113.60), school("P2", 10, lon: 113.61)], primaryApplicants: [
            applicant("S1", .hukouAndProperty), applicant("S2", .residencePermit, sibling: "P1"),
            applicant("S3", .residencePermit, categories: ["military"]),
        ])
        let run = try PlacementRun(admissionCase: c, level: .primary, zoning: zone("Z1", ["P1"], for: ["S1", "S2", "S3"]), seed: seed)
        // A sibling breaks ties within a residence tie only; a priority category ranks first.
        #expect(run.placements.map(\.schoolID) == ["P1", "P2", "P1"])
        #expect(run.placements.map(\.tier) == [31, nil, 27])
        #expect(run.ranks.map(\.tier) == [31, 36, 27])
    }

    @Test func feederPupilsComeFirstAndPrivateSchoolsDrawLots() throws {
        let schools = [
            school("P1", 50, lon: 113.60, feeds: "J1"), school("P2", 50, lon: 113.70),
            school("J1", 2, lon: 113.60, level: .junior), school("J2", 10, lon: 113.70, level: .junior),
            school("JV", 1, lon: 113.65, sector: .private, level: .junior),
        ]
        let juniors = [
            applicant("T1", .hukou, primary: "P1"), applicant("T2", .hukouAndProperty, primary: "P2"),
            applicant("T3", .hukou, primary: "P1"), applicant("T4", .hukouAndProperty, choices: ["JV"], primary: "P2"),
            applicant("T5", .hukouAndProperty, choices: ["JV"], primary: "P2"),
        ]
        let c = AdmissionCase(schools: schools, juniorApplicants: juniors)
        let run = try PlacementRun(admissionCase: c, level: .junior, zoning: zone("JZ", ["J1"], for: juniors.map(\.id)), seed: seed)
        let got = Dictionary(uniqueKeysWithValues: run.placements.map { ($0.studentID, $0.schoolID!) })
        #expect(got["T1"] == "J1" && got["T3"] == "J1", "feeder pupils of P1 take J1's two seats")
        let lucky = number("T4", "junior-placement") < number("T5", "junior-placement") ? "T4" : "T5"
        #expect(got[lucky] == "JV")
        #expect(run.ranks.filter { $0.studentID == "T4" }.map(\.schoolID) == ["JV", "J1"])
        #expect(run.ranks.filter { $0.studentID == "T1" }.map(\.tier) == [11])
        #expect(run.ranks.filter { $0.studentID == "T4" }.map(\.tier) == [0, 31])
    }

    @Test func explicitTiersOverrideComputedOnes() throws {
        let c = AdmissionCase(schools: [school("P1", 1, lon: 113.60), school("P2", 10, lon: 113.61)],
                              primaryApplicants: [applicant("S1", .hukouAndProperty), applicant("S2", .other)])
        let run = try PlacementRun(admissionCase: c, level: .primary, zoning: zone("Z1", ["P1"], for: ["S1", "S2"]), seed: seed,
                                   explicitTiers: ["S2": ["P1": 0]])
        #expect(run.placements.map(\.schoolID) == ["P2", "P1"])
        #expect(throws: PlacementError.unknownSchoolInPriorities(studentID: "S1", schoolID: "X")) {
            try PlacementRun(admissionCase: c, level: .primary, zoning: [:], seed: seed, explicitTiers: ["S1": ["X": 1]])
        }
    }

    @Test func unplacedOnlyWhenEveryPublicSchoolIsFull() throws {
        let c = AdmissionCase(schools: [school("P1", 1, lon: 113.60), school("PV", 5, lon: 113.61, sector: .private)],
                              primaryApplicants: [applicant("S1"), applicant("S2")])
        let run = try PlacementRun(admissionCase: c, level: .primary, zoning: zone("Z1", ["P1"], for: ["S1", "S2"]), seed: seed)
        let loser = number("S1") < number("S2") ? "S2" : "S1"
        let p = try #require(run.placements.first { $0.studentID == loser })
        #expect(p.status == .unplaced)
        #expect(p.schoolID == nil)
        #expect(p.notes == [.allPublicFull])
    }

    @Test func resultsDoNotDependOnRowOrder() throws {
        let county = SyntheticCounty(parameters: .init(seed: "order", applicants: 300, primaryColumns: 3, primaryRows: 2, juniorZones: 2,
                                                       multiSchoolZones: 1, privateJuniorSchools: 1))
        var c = county.admissionCase
        let zoning = Dictionary(uniqueKeysWithValues: c.juniorApplicants.enumerated().map { k, a in
            (a.id, ZoneAssignment(studentID: a.id, zoneID: "JZ", schools: c.schools(.junior).filter { $0.sector == .public }.prefix(2 + k % 2).map(\.id), method: .polygon))
        })
        let first = try PlacementRun(admissionCase: c, level: .junior, zoning: zoning, seed: seed)
        c.juniorApplicants.reverse()
        c.schools.reverse()
        let second = try PlacementRun(admissionCase: c, level: .junior, zoning: zoning, seed: seed)
        #expect(PlacementTables.placements(first) == PlacementTables.placements(second))
        #expect(PlacementTables.ranks(first) == PlacementTables.ranks(second))
        #expect(PlacementTables.waitlists(first) == PlacementTables.waitlists(second))
        // Every applicant exactly once; no school above capacity.
        #expect(Set(first.placements.map(\.studentID)).count == c.juniorApplicants.count)
        var seated: [String: Int] = [:]
        for p in first.placements { if let s = p.schoolID { seated[s, default: 0] += 1 } }
        for s in first.schools { #expect(seated[s.id, default: 0] <= s.capacity) }
    }
}
