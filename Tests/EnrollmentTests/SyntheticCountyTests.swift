import Foundation
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

/// `enroll synth`'s county at the sizes a county and a city have: valid as `enroll validate`
/// reads it, with schools, zones and people in realistic proportions.
@Suite struct SyntheticCountyTests {
    /// Writes the county and loads it back the way `enroll validate` does.
    func writeAndLoad(_ county: SyntheticCounty, _ name: String) throws -> CaseFolder.Loaded {
        let folder = try temporaryFolder(name)
        _ = try CaseWriter.write(county, to: folder)
        return try CaseFolder(url: folder).load()
    }

    @Test(arguments: [1_000, 10_000])
    func validAtEverySize(applicants: Int) throws {
        let county = SyntheticCounty(parameters: .scaled(seed: "city", applicants: applicants))
        let loaded = try writeAndLoad(county, "synth-\(applicants)")
        #expect(loaded.diagnostics.map(\.description) == [])
        #expect(loaded.admissionCase.primaryApplicants.count == county.admissionCase.primaryApplicants.count)
    }

    @Test func aCityHasSchoolsOfRealSizes() throws {
        let p = SyntheticCounty.Parameters.scaled(seed: "sizes", applicants: 60_000)
        let county = SyntheticCounty(parameters: p)
        let c = county.admissionCase
        let primary = c.schools.filter { $0.level == .primary }.map(\.capacity)
        let junior = c.schools.filter { $0.level == .junior && $0.sector == .public }.map(\.capacity)
        let privateJunior = c.schools.filter { $0.level == .junior && $0.sector == .private }
        // Primary intakes of 1–10 classes of 45, most between 2 and 8.
        #expect(primary.allSatisfy { (45...450).contains($0) }, "\(primary.sorted())")
        #expect(primary.filter { (90...360).contains($0) }.count * 10 >= primary.count * 7)
        // Junior intakes of about 150–800, a few schools of 16–20 classes of 50 (a junior zone
        // is whole primary zones, so a school may end a little outside: never far).
        #expect(junior.allSatisfy { (100...1300).contains($0) }, "\(junior.sorted())")
        #expect(junior.filter { (150...800).contains($0) }.count * 10 >= junior.count * 9)
        #expect(junior.filter { (801...1000).contains($0) }.count >= 3)
        // Private schools take about 7 % of the junior places.
        let privateSeats = privateJunior.map(\.capacity).reduce(0, +), allSeats = privateSeats + junior.reduce(0, +)
        #expect((0.05...0.09).contains(Double(privateSeats) / Double(allSeats)))
        // Junior zones hold one to three schools, a third of them more than one; every
        // primary zone one school; one address-list zone per 12 map zones.
        let juniorZones = county.zones.filter { $0.level == .junior }
        #expect(juniorZones.count == p.juniorZones)
        #expect(juniorZones.allSatisfy { (1...3).contains($0.schools.count) })
        #expect(juniorZones.filter { $0.schools.count > 1 }.count == p.multiSchoolZones)
        #expect(juniorZones.contains { $0.schools.count == 3 })
        #expect(county.zones.filter { $0.level == .primary }.allSatisfy { $0.schools.count == 1 })
        #expect(county.zoneDeclarations.count == p.addressZones && p.addressZones == p.primaryColumns * p.primaryRows / 12)
        // One enclave: a zone with a hole, and a zone in two parts.
        #expect(county.zones.filter { $0.polygons[0].count == 2 }.count == 1)
        #expect(county.zones.filter { $0.polygons.count == 2 }.count == 1)
        // Every primary school feeds a junior school of the junior zone its zone lies in.
        let juniorOf = Dictionary(uniqueKeysWithValues: juniorZones.flatMap { z in z.schools.map { ($0, z.id) } })
        #expect(c.schools.filter { $0.level == .primary }.allSatisfy { juniorOf[$0.feeds ?? ""] != nil })
        // People: twins, siblings and care groups in the sample county's shares.
        let a = c.primaryApplicants
        func share(_ f: (Applicant) -> Bool) -> Double { Double(a.filter(f).count) / Double(a.count) }
        #expect((0.015...0.025).contains(share { $0.twinGroup != nil }))
        #expect((0.05...0.07).contains(share { $0.siblingSchool != nil }))
        #expect((0.12...0.17).contains(share { $0.categories.contains("migrant") }))
        #expect((0.05...0.1).contains(share { $0.address != nil }))
    }

    @Test func addressZonesAreZonedByTheirAddresses() throws {
        // 40 address zones: the roots run out and are paired (建设文化路, …).
        var p = SyntheticCounty.Parameters.scaled(seed: "addresses", applicants: 4_000)
        (p.primaryColumns, p.primaryRows, p.addressZones) = (8, 6, 40)
        let county = SyntheticCounty(parameters: p)
        #expect(county.addressRules.contains { $0[2] == "建设文化路" })
        // Loading checks the rules for conflicts too.
        let loaded = try writeAndLoad(county, "addresses")
        #expect(loaded.diagnostics.map(\.description) == [])
        let c = loaded.admissionCase
        let zoneOf = Dictionary(uniqueKeysWithValues: county.zoneDeclarations.map { ($0.schools[0], $0.id) })
        let byAddress = c.primaryApplicants.filter { $0.address != nil }
        let assigned = ZoneAssigner(admissionCase: c, level: .primary).assign(byAddress)
        // Each address-zone applicant lives where the zone's school stands (its sibling school,
        // when given, is that school); all but about one in fifty are zoned by address.
        let matched = assigned.filter { $0.method == .address }
        #expect(matched.count * 100 >= byAddress.count * 95)
        for (a, z) in zip(byAddress, assigned) where z.method == .address && a.siblingSchool != nil {
            #expect(zoneOf[a.siblingSchool!] == z.zoneID, "\(a.address!)")
        }
    }
}
