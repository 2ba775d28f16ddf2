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

@Suite struct ZoneAssignerTests {
    /// Two square primary zones side by side (Z1 west of 113.61, Z2 east), Z2 shared by two
    /// schools, and an address-list zone Z3 for 人民路 odd numbers.
    func twoZones() throws -> AdmissionCase {
        let geojson = """
        {"type": "FeatureCollection", "coordinate_system": "WGS-84", "features": [
          {"type": "Feature", "properties": {"zone_id": "Z1", "level": "primary", "schools": ["P1"]},
           "geometry": {"type": "Polygon", "coordinates": [[[113.60, 34.70], [113.61, 34.70], [113.61, 34.71], [113.60, 34.71], [113.60, 34.70]]]}},
          {"type": "Feature", "properties": {"zone_id": "Z2", "level": "primary", "schools": "P2;P4"},
           "geometry": {"type": "Polygon", "coordinates": [[[113.61, 34.70], [113.62, 34.70], [113.62, 34.71], [113.61, 34.71], [113.61, 34.70]]]}}
        ]}
        """
        let files = [
            "schools.csv": "school_id,name,level,capacity,lon,lat\nP1,一小,primary,10,113.605,34.705\nP2,二小,primary,10,113.615,34.705\nP3,三小,primary,10,113.61,34.72\nP4,四小,primary,10,113.616,34.706\n",
            "zones.geojson": geojson,
            "zone-rules.csv": "zone_id,kind,street,parity\nZ3,street,人民路,单号\n",
            "zones.csv": "zone_id,level,schools\nZ3,primary,P3\n",
            "primary-applicants.csv": """
            student_id,name,gender,birth_date,lon,lat,address,residence
            A1,甲,M,2019-09-01,113.605,34.705,,hukou
            A2,乙,F,2019-09-01,113.615,34.705,人民路13号,hukou
            A3,丙,F,2019-09-01,113.615,34.705,人民路14号,hukou
            A4,丁,M,2019-09-01,113.63,34.705,,hukou
            A5,戊,M,2019-09-01,,,人民路3号,hukou
            A6,己,M,2019-09-01,,,东风路1号,hukou
            A7,庚,M,2019-09-01,113.61,34.705,,hukou
            A8,辛,M,2019-09-01,113.6099,34.705,,hukou

            """,
        ]
        let loaded = try CaseFolder(url: try caseFolder(files)).load()
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return loaded.admissionCase
    }

    @Test func addressRulesFirstThenTheMapThenUnzoned() throws {
        let c = try twoZones()
        let result = ZoneAssigner(admissionCase: c, level: .primary).assign(c.primaryApplicants)
        #expect(result.map(\.zoneID) == ["Z1", "Z3", "Z2", nil, "Z3", nil, "Z2", "Z1"])
        #expect(result.map(\.method) == [.polygon, .address, .polygon, .none, .address, .none, .polygon, .polygon])
        #expect(result[2].schools == ["P2", "P4"], "a multi-school zone gives all its schools")
        #expect(result[2].note == "address for review: 人民路14号: no rule for 人民路 covers this number")
        #expect(result[3].note == "unzoned: nearest zone Z2, 914 m away")
        #expect(result[5].note.hasPrefix("address for review: "))
        #expect(result[6].nearBoundary && result[7].nearBoundary, "homes on or 9 m from the shared edge are flagged")
        #expect(!result[0].nearBoundary)
    }

    @Test func zoneTablesAndTheirSummary() throws {
        let c = try twoZones()
        let result = ZoneAssigner(admissionCase: c, level: .primary).assign(c.primaryApplicants.reversed())
        let summary = String(decoding: ZoningTables.summary(result, admissionCase: c, level: .primary).dropFirst(3), as: UTF8.self)
        #expect(summary == """
        zone_id,schools,applicants,seats,balance,near_boundary
        Z1,P1,2,10,8,1
        Z2,P2;P4,2,20,18,1
        Z3,P3,2,10,8,0
        (unzoned),,2,,,

        """)
        let rows = String(decoding: ZoningTables.assignments(result).dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(rows.count == 9)
        #expect(rows[1] == "A1,Z1,P1,polygon,false,")
    }

    @Test func aMapInAnotherDatumIsRefused() throws {
        let folder = try caseFolder([
            "schools.csv": "school_id,name,level,capacity\nP1,一小,primary,10\n",
            "policy.json": #"{"coordinate_system": "GCJ-02"}"#,
            "zones.geojson": #"{"type": "FeatureCollection", "coordinate_system": "WGS-84", "features": []}"#,
        ])
        let loaded = try CaseFolder(url: folder).load()
        #expect(loaded.diagnostics.map(\.description) == [
            "zones.geojson:1:1: coordinate_system is WGS-84 but the policy expects GCJ-02; convert the map (this tool never shifts coordinates)",
        ])
    }

    @Test func zonesMustNameKnownSchoolsOfTheirLevelAndRulesKnownZones() throws {
        let folder = try caseFolder([
            "schools.csv": "school_id,name,level,capacity\nP1,一小,primary,10\nJ1,一中,junior,10\n",
            "zone-rules.csv": "zone_id,kind,street\nZ9,street,人民路\nZ3,street,解放路\n",
            "zones.csv": "zone_id,level,schools\nZ3,primary,J1;P7\n",
        ])
        let loaded = try CaseFolder(url: folder).load()
        #expect(loaded.diagnostics.map(\.description) == [
            "zone-rules.csv:2:0: zone_id: zone Z9 is neither drawn in zones.geojson nor declared in zones.csv (which gives its level and schools)",
            "zones.csv:2:0: zone Z3 is a primary zone, but 'J1' is a junior school",
            "zones.csv:2:0: zone Z3: 'P7' is not a school in schools.csv",
        ])
    }
}
