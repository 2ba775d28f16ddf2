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

@Suite struct AddressZoneTableTests {
    let table: AddressZoneTable

    init() throws {
        table = try AddressTableFixture.example()
    }

    /// The zone and the line of the rule that placed the address, or `nil` for review.
    func placed(_ address: String) -> (String, Int)? {
        if case let .zone(id, rule) = table.match(address: address) { return (id, rule.location.line) }
        return nil
    }

    func reason(_ address: String) -> String? {
        if case let .review(reason) = table.match(address: address) { return reason }
        return nil
    }

    @Test func rangesWithSides() {
        #expect(placed("人民路13号")! == ("Z1", 2))
        #expect(placed("人民路1号")! == ("Z1", 2))
        #expect(placed("人民路99号")! == ("Z1", 2))
        #expect(placed("人民路14号")! == ("Z2", 3))
        #expect(placed("人民路98号")! == ("Z2", 3))
        #expect(reason("人民路100号") == "人民路100号: no rule for 人民路 covers this number")
    }

    @Test func everyNumberFormOnAStreet() {
        #expect(placed("人民路13A号")! == ("Z1", 2))
        #expect(placed("人民路12号之一")! == ("Z2", 3))
        #expect(placed("人民路34号附1号")! == ("Z2", 3))
        #expect(placed("人民路12号甲")! == ("Z2", 3))
        #expect(placed("人民路4-1号")! == ("Z2", 3))
        #expect(placed("人民路13号3栋2单元101室")! == ("Z1", 2))
    }

    @Test func explicitNumbersBeatRanges() {
        #expect(placed("人民路51号")! == ("Z3", 4))
        #expect(placed("人民路50号")! == ("Z3", 4))
    }

    @Test func exceptionsLeaveTheRangeAndTheirSuffixedNumbersToo() {
        // 50 is excepted from line 3; 50A is neither in line 3 nor the exact number 50.
        #expect(reason("人民路50A号") == "人民路50A号: no rule for 人民路 covers this number")
    }

    @Test func openEndedRanges() {
        #expect(placed("解放路1号")! == ("Z1", 5))
        #expect(placed("解放路63号")! == ("Z1", 5))
        #expect(placed("解放路64号")! == ("Z2", 6))
        #expect(placed("解放路1000号")! == ("Z2", 6))
        #expect(placed("延安路1号")! == ("Z1", 9))
        #expect(reason("延安路1000号") == "延安路1000号: no rule for 延安路 covers this number")
    }

    @Test func suffixedNumberAtARangeEndGoesToReview() {
        #expect(placed("解放路62A号")! == ("Z1", 5))
        #expect(reason("解放路63A号")
            == "解放路63A号: 63A号 is at an end of line 5 (zone Z1: 解放路 1-63号); a suffixed number is inside a range only when its base is strictly inside")
        #expect(reason("解放路64号之一")
            == "解放路64号之1: 64号之1 is at an end of line 6 (zone Z2: 解放路 64号及以后); a suffixed number is inside a range only when its base is strictly inside")
        #expect(reason("人民路2-1号")?.hasPrefix("人民路2-1号: 2-1号 is at an end of line 3 (zone Z2: 人民路 2-98号 双号 except 50号)") == true)
        #expect(placed("解放路65A号")! == ("Z2", 6))
    }

    @Test func suffixedNumberAtARangeEndFallsToALessSpecificRule() throws {
        let table = AddressZoneTable(rules: [
            try AddressTableFixture.rule(2, "Z1", "street", "中山路", "1", "63"),
            try AddressTableFixture.rule(3, "Z9", "street", "中山路"),
        ])
        #expect(table.match(address: "中山路63A号").zoneID == "Z9")
        #expect(table.match(address: "中山路63号").zoneID == "Z1")
    }

    @Test func precedenceRangeOverWholeStreet() {
        #expect(placed("建设路10号")! == ("Z1", 8))
        #expect(placed("建设路30号")! == ("Z3", 7))
        #expect(placed("建设路")! == ("Z3", 7))
        #expect(placed("某市某区建设路30号")! == ("Z3", 7))
        #expect(placed("某县工业园建设路30号")! == ("Z3", 7))
    }

    @Test func precedenceStreetOverCompoundOverVillage() throws {
        #expect(placed("人民路88号阳光花园3栋")! == ("Z2", 3))
        // No number and no whole-street rule for 解放路: the compound decides.
        #expect(placed("解放路阳光花园3栋")! == ("Z2", 11))
        let table = AddressZoneTable(rules: [
            try AddressTableFixture.rule(2, "V", "village", "", "", "", "", "", "", "", "", "", "李家村"),
            try AddressTableFixture.rule(3, "C", "compound", "", "", "", "", "", "", "", "新村花园"),
        ])
        #expect(table.match(address: "李家村新村花园5栋").zoneID == "C")
        #expect(table.match(address: "李家村5组").zoneID == "V")
    }

    @Test func laneNumbersAreNotStreetNumbers() {
        #expect(placed("延安路955号")! == ("Z1", 9))
        #expect(placed("延安路955弄1号")! == ("Z2", 10))
        #expect(placed("延安路955弄3号之一")! == ("Z2", 10))
        #expect(reason("延安路957弄3号")
            == "延安路957弄 is a lane not in the zone table (its numbers are not those of 延安路)")
    }

    @Test func compoundsWithAliases() {
        for address in ["阳光花园3栋2单元101", "阳光花园小区5栋", "阳光花园一期2栋", "阳光苑1栋", "某区阳光花园", "阳光花园二期7幢"] {
            #expect(placed(address)! == ("Z2", 11), "\(address)")
        }
        #expect(reason("阳光花园城3栋") == "no street, compound or village of the zone table is named in the address")
        #expect(reason("新阳光花园3栋") == "no street, compound or village of the zone table is named in the address")
    }

    @Test func villagesWithGroupRanges() {
        #expect(placed("李家村1组")! == ("Z1", 12))
        #expect(placed("李家村4组")! == ("Z1", 12))
        #expect(placed("李家村第三组")! == ("Z1", 12))
        #expect(placed("李家村第六组")! == ("Z3", 13))
        #expect(placed("某镇李家村第三组12号")! == ("Z1", 12))
        #expect(placed("李家村5村民小组")! == ("Z3", 13))
        #expect(placed("某镇李家村8组12号")! == ("Z3", 13))
        #expect(reason("李家村9组") == "李家村9组: no rule for 李家村 covers this group")
        #expect(reason("李家村12号") == "李家村: the address names no group and the zone table zones 李家村 by group")
        #expect(placed("王家村12号")! == ("Z3", 14))
        #expect(placed("王家村3组")! == ("Z3", 14))
    }

    @Test func normalisesFullWidthTraditionalAndDashes() {
        #expect(placed("人民路１３號")! == ("Z1", 2))
        #expect(placed("人民路　１３ａ")! == ("Z1", 2))
        #expect(placed("陽光花園３棟")! == ("Z2", 11))
        #expect(placed("陽光苑")! == ("Z2", 11))
        #expect(placed("李家村３組")! == ("Z1", 12))
        #expect(placed("人民路４—１号")! == ("Z2", 3))
    }

    @Test func unparseableAndUnmatchedAddressesGoToReview() {
        #expect(reason("") == "the address is empty")
        #expect(reason("　 ") == "the address is empty")
        #expect(reason("幸福大街8号") == "no street, compound or village of the zone table is named in the address")
        #expect(reason("新人民路13号") == "no street, compound or village of the zone table is named in the address")
        #expect(reason("人民路") == "人民路: the address has no house number and no rule covers all of 人民路")
        #expect(reason("人民路3栋") == "人民路: the address has no house number and no rule covers all of 人民路")
    }

    @Test func equalRulesForDifferentZonesGoToReview() throws {
        let table = AddressZoneTable(rules: [
            try AddressTableFixture.rule(2, "Z1", "street", "中山路", "1", "99"),
            try AddressTableFixture.rule(3, "Z2", "street", "中山路", "50", "150"),
        ])
        #expect(table.match(address: "中山路10号").zoneID == "Z1")
        #expect(table.match(address: "中山路60号")
            == .review(reason: "中山路60号: conflicting rules line 2 (zone Z1: 中山路 1-99号) and line 3 (zone Z2: 中山路 50-150号) (both number range)"))
    }

    @Test func aRuleOnOneSideBeatsARangeOfBothSides() throws {
        let table = AddressZoneTable(rules: [
            try AddressTableFixture.rule(2, "Z1", "street", "中山路", "1", "99"),
            try AddressTableFixture.rule(3, "Z2", "street", "中山路", "", "", "", "双号"),
        ])
        #expect(table.match(address: "中山路10号").zoneID == "Z2")
        #expect(table.match(address: "中山路11号").zoneID == "Z1")
    }
}
