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

@Suite struct AddressZoneRuleTests {
    typealias F = AddressTableFixture

    func problems(_ line: Int, _ values: String...) -> [String] {
        var fields: [String: String] = [:]
        for (name, value) in zip(F.header, values) { fields[name] = value }
        do {
            _ = try ZoneRule(fields: fields, file: "zone-rules.csv", line: line, header: F.header)
            return []
        } catch {
            return error.items.map(\.description)
        }
    }

    @Test func readsAStreetRangeWithASideAndExceptions() throws {
        let rule = try F.rule(3, "Z2", "street", " 人民路 ", "2", "98号", "", "双号", "", "50；52A")
        #expect(rule.zoneID == "Z2")
        #expect(rule.location == SourceLocation(file: "zone-rules.csv", line: 3))
        #expect(rule.scope == .street("人民路", .range(HouseNumberRange(lower: 2, upper: 98), .even,
                                                     except: [HouseNumber(base: 50), HouseNumber(base: 52, suffix: "A")])))
        #expect(rule.specificity == .numberRangeWithSide)
    }

    @Test func readsEveryStreetShape() throws {
        #expect(try F.rule(2, "Z", "street", "人民路", "", "", "1-99号").scope
            == .street("人民路", .range(HouseNumberRange(lower: 1, upper: 99), .all, except: [])))
        #expect(try F.rule(2, "Z", "street", "人民路", "63号以后").scope
            == .street("人民路", .range(HouseNumberRange(lower: 63, upper: nil), .all, except: [])))
        #expect(try F.rule(2, "Z", "street", "人民路", "", "99号以前").scope
            == .street("人民路", .range(HouseNumberRange(lower: nil, upper: 99), .all, except: [])))
        #expect(try F.rule(2, "Z", "street", "人民路", "", "", "63号及以后", "單號").specificity == .numberRangeWithSide)
        #expect(try F.rule(2, "Z", "street", "人民路", "", "", "", "", "12、12号之一,34号附1号").scope
            == .street("人民路", .exact(["12", "12号之1", "34附1"].map { HouseNumber($0)! })))
        #expect(try F.rule(2, "Z", "street", "人民路").specificity == .wholeStreet)
        #expect(try F.rule(2, "Z", "street", "人民路", "1", "9").specificity == .numberRange)
        #expect(try F.rule(2, "Z", "street", "延安路955弄").scope
            == .street("延安路955弄", .range(.all, .all, except: [])))
        #expect(try F.rule(2, "Z", "街路", "人民路", "", "", "", "双").specificity == .numberRangeWithSide)
    }

    @Test func readsCompoundsAndVillages() throws {
        let compound = try F.rule(2, "Z", "compound", "", "", "", "", "", "", "", "陽光花園", "阳光花园一期；阳光苑；阳光花园")
        guard case let .compound(c) = compound.scope else { Issue.record("not a compound"); return }
        #expect(c.name == "阳光花园" && c.aliases == ["阳光花园一期", "阳光苑"])
        #expect(c.names == ["阳光花园", "阳光花园小区", "阳光花园一期", "阳光花园一期小区", "阳光苑", "阳光苑小区"])
        let village = try F.rule(2, "Z", "village", "", "", "", "", "", "", "", "", "", "李家村", "7；1至4组、5")
        #expect(village.scope == .village(Village(name: "李家村", groups: [1...5, 7...7])))
        #expect(village.specificity == .villageGroups)
        #expect(try F.rule(2, "Z", "村", "", "", "", "", "", "", "", "", "", "王家村").specificity == .wholeVillage)
        #expect(Village.parseGroups("一至四组;第6组") == [1...4, 6...6])
    }

    @Test func reportsEveryFaultyFieldWithItsColumn() {
        #expect(problems(4, "", "street", "人民路") == ["zone-rules.csv:4:1: zone_id: missing"])
        #expect(problems(4, "Z", "road") == ["zone-rules.csv:4:2: kind: 'road' is not street, compound or village"])
        #expect(problems(4, "Z", "") == ["zone-rules.csv:4:2: kind: missing (street, compound or village)"])
        #expect(problems(4, "Z", "street") == ["zone-rules.csv:4:3: street: missing for a street rule"])
        #expect(problems(4, "Z", "street", "延安路955") == [
            "zone-rules.csv:4:3: street: '延安路955' ends in a number; a lane is written with 弄, 巷 or 里 (延安路955弄)",
        ])
        #expect(problems(4, "Z", "street", "人民路", "12A", "x") == [
            "zone-rules.csv:4:4: from: '12A' is not a whole house number (a range end has no suffix)",
            "zone-rules.csv:4:5: to: 'x' is not a whole house number (a range end has no suffix)",
        ])
        #expect(problems(4, "Z", "street", "人民路", "99", "1") == ["zone-rules.csv:4:5: to: 1 is before from 99"])
        #expect(problems(4, "Z", "street", "人民路", "1", "", "1-9号") == ["zone-rules.csv:4:4: from: must be empty when range is given"])
        #expect(problems(4, "Z", "street", "人民路", "", "", "9-1号") == [
            "zone-rules.csv:4:6: range: '9-1号' is not a range (1-99号, 1至99号, 63号以后, 63号及以后, 99号以前)",
        ])
        #expect(problems(4, "Z", "street", "人民路", "", "", "", "奇") == [
            "zone-rules.csv:4:7: parity: '奇' is not odd, even or all (单号, 双号, 单双号)",
        ])
        #expect(problems(4, "Z", "street", "人民路", "", "", "", "单号", "5") == [
            "zone-rules.csv:4:7: parity: must be empty when numbers are listed one by one",
        ])
        #expect(problems(4, "Z", "street", "人民路", "", "", "", "", "5;12栋") == [
            "zone-rules.csv:4:8: numbers: '12栋' is not a house number (12, 12号, 12A, 12号之一, 34号附1号, 2-1, 12号甲)",
        ])
        #expect(problems(4, "Z", "street", "人民路", "", "", "", "", "；、") == ["zone-rules.csv:4:8: numbers: no number listed"])
        #expect(problems(4, "Z", "street", "人民路", "1", "99", "", "单号", "", "50;120") == [
            "zone-rules.csv:4:9: except: 120号 is not in the rule's numbers (1-99号 单号), so excepting it has no effect",
            "zone-rules.csv:4:9: except: 50号 is not in the rule's numbers (1-99号 单号), so excepting it has no effect",
        ])
        #expect(problems(4, "Z", "street", "人民路", "", "", "", "", "", "", "阳光花园") == [
            "zone-rules.csv:4:10: compound: must be empty for a street rule",
        ])
        #expect(problems(4, "Z", "compound", "人民路") == [
            "zone-rules.csv:4:3: street: must be empty for a compound rule",
            "zone-rules.csv:4:10: compound: missing for a compound rule",
        ])
        #expect(problems(4, "Z", "village", "", "", "", "", "", "", "", "", "", "李家村", "4-1") == [
            "zone-rules.csv:4:13: groups: '4-1' is not a list of groups (3, 1-4, 1至4组, 一至四组, 1-4;7)",
        ])
        #expect(problems(4, "Z", "village", "", "", "", "", "", "", "", "", "", "", "1-4") == [
            "zone-rules.csv:4:12: village: missing for a village rule",
        ])
    }

    @Test func columnsComeFromTheLookupGiven() {
        let fields = ["zone_id": "", "kind": "street", "street": "人民路"]
        do {
            _ = try ZoneRule(fields: fields, file: "z.csv", line: 9) { $0 == "zone_id" ? 7 : 0 }
            Issue.record("accepted a rule without zone_id")
        } catch {
            #expect(error.items.map(\.description) == ["z.csv:9:7: zone_id: missing"])
        }
    }

    @Test func theDocumentedExampleIsTheTestTable() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/ZONE-RULES.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let block = try #require(text.components(separatedBy: "```csv\n").dropFirst().first?.components(separatedBy: "```").first)
        let lines = block.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == F.header)
        var rules: [ZoneRule] = []
        for (offset, values) in lines.dropFirst().enumerated() {
            #expect(values.count == F.header.count)
            let fields = Dictionary(uniqueKeysWithValues: zip(F.header, values))
            rules.append(try ZoneRule(fields: fields, file: "zone-rules.csv", line: offset + 2, header: F.header))
        }
        #expect(rules == (try F.example()).rules)
    }
}
