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

@Suite struct AddressZoneConflictTests {
    typealias F = AddressTableFixture

    func conflicts(_ rules: ZoneRule...) -> [String] {
        AddressZoneTable(rules: rules).conflicts().map(\.description)
    }

    @Test func theExampleTableHasNone() throws {
        #expect(try F.example().conflicts() == [])
    }

    @Test func overlappingRangesOfEqualSpecificity() throws {
        #expect(try conflicts(
            F.rule(2, "Z1", "street", "中山路", "1", "99"),
            F.rule(5, "Z2", "street", "中山路", "", "", "50号以后"),
        ) == ["zone-rules.csv:5:0: conflicts with line 2: 中山路50号 is in zone Z1 there and in zone Z2 here (both number range)"])
        #expect(try conflicts(
            F.rule(2, "Z1", "street", "中山路", "1", "63", "", "单号"),
            F.rule(3, "Z2", "street", "中山路", "63", "", "", "odd"),
        ) == ["zone-rules.csv:3:0: conflicts with line 2: 中山路63号 is in zone Z1 there and in zone Z2 here (both number range on one side)"])
    }

    @Test func oppositeSidesTouchingRangesAndExceptedOverlapsDoNotConflict() throws {
        #expect(try conflicts(
            F.rule(2, "Z1", "street", "中山路", "1", "99", "", "单号"),
            F.rule(3, "Z2", "street", "中山路", "1", "99", "", "双号"),
            F.rule(4, "Z1", "street", "北京路", "1", "63"),
            F.rule(5, "Z2", "street", "北京路", "64", ""),
            F.rule(6, "Z1", "street", "上海路", "1", "99", "", "", "", "50;51"),
            F.rule(7, "Z2", "street", "上海路", "50", "51"),
        ) == [])
    }

    @Test func differentSpecificityOrSameZoneDoesNotConflict() throws {
        #expect(try conflicts(
            F.rule(2, "Z1", "street", "中山路", "1", "99"),
            F.rule(3, "Z2", "street", "中山路", "1", "99", "", "双号"),
            F.rule(4, "Z3", "street", "中山路"),
            F.rule(5, "Z4", "street", "中山路", "", "", "", "", "12"),
            F.rule(6, "Z1", "street", "中山路", "50", "150"),
        ) == [])
    }

    @Test func duplicateExactNumbersAndWholeStreets() throws {
        #expect(try conflicts(
            F.rule(2, "Z1", "street", "中山路", "", "", "", "", "5;7;12A"),
            F.rule(3, "Z2", "street", "中山路", "", "", "", "", "12A;7"),
            F.rule(4, "Z1", "street", "中山路955弄"),
            F.rule(8, "Z2", "street", "中山路955弄"),
        ) == [
            "zone-rules.csv:3:0: conflicts with line 2: 中山路7号 is in zone Z1 there and in zone Z2 here (both exact number)",
            "zone-rules.csv:8:0: conflicts with line 4: 中山路955弄1号 is in zone Z1 there and in zone Z2 here (both whole street)",
        ])
    }

    @Test func theSameCompoundNameInTwoZones() throws {
        #expect(try conflicts(
            F.rule(2, "Z1", "compound", "", "", "", "", "", "", "", "阳光花园", "阳光苑"),
            F.rule(6, "Z2", "compound", "", "", "", "", "", "", "", "阳光花园二期", "陽光苑;阳光花园小区"),
        ) == ["zone-rules.csv:6:0: conflicts with line 2: compound 阳光花园 is in zone Z1 there and in zone Z2 here (both compound)"])
    }

    @Test func overlappingVillageGroups() throws {
        #expect(try conflicts(
            F.rule(2, "Z1", "village", "", "", "", "", "", "", "", "", "", "李家村", "1-4"),
            F.rule(3, "Z2", "village", "", "", "", "", "", "", "", "", "", "李家村", "4-8"),
            F.rule(4, "Z1", "village", "", "", "", "", "", "", "", "", "", "王家村"),
            F.rule(5, "Z2", "village", "", "", "", "", "", "", "", "", "", "王家村"),
            F.rule(6, "Z3", "village", "", "", "", "", "", "", "", "", "", "李家村", "9"),
        ) == [
            "zone-rules.csv:3:0: conflicts with line 2: 李家村4组 is in zone Z1 there and in zone Z2 here (both village groups)",
            "zone-rules.csv:5:0: conflicts with line 4: 王家村 is in zone Z1 there and in zone Z2 here (both whole village)",
        ])
    }

    @Test func rulesFromDifferentFilesNameTheOtherFile() throws {
        let other = try ZoneRule(fields: ["zone_id": "Z2", "kind": "street", "street": "中山路"], file: "extra.csv", line: 4, header: F.header)
        #expect(try conflicts(F.rule(2, "Z1", "street", "中山路"), other)
            == ["zone-rules.csv:2:0: conflicts with extra.csv:4: 中山路1号 is in zone Z2 there and in zone Z1 here (both whole street)"])
    }

    @Test func exceptionsNoOtherRuleTakes() throws {
        #expect(try F.example().unassignedExceptions() == [])
        let table = AddressZoneTable(rules: [
            try F.rule(2, "Z1", "street", "中山路", "1", "99", "", "", "", "50;51;53A"),
            try F.rule(3, "Z2", "street", "中山路", "", "", "", "", "51"),
            try F.rule(4, "Z2", "street", "中山路", "", "", "", "双号"),
        ])
        #expect(table.unassignedExceptions().map(\.description) == [
            "zone-rules.csv:2:0: except: 中山路53A号 is covered by no other rule; addresses there will go to review",
        ])
        let bare = AddressZoneTable(rules: [try F.rule(2, "Z1", "street", "中山路", "1", "99", "", "", "", "50")])
        #expect(bare.unassignedExceptions().map(\.description) == [
            "zone-rules.csv:2:0: except: 中山路50号 is covered by no other rule; addresses there will go to review",
        ])
    }
}
