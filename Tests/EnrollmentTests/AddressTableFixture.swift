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

/// Builds zone rules the way the CSV reader will: a header and rows of fields.
enum AddressTableFixture {
    static let header = ZoneRule.columns

    /// One rule from `zone_id, kind, …` fields in `ZoneRule.columns` order, read as line
    /// `line` of `zone-rules.csv`; trailing fields may be left out.
    static func rule(_ line: Int, _ values: String...) throws(Diagnostics) -> ZoneRule {
        var fields: [String: String] = [:]
        for (name, value) in zip(header, values) { fields[name] = value }
        return try ZoneRule(fields: fields, file: "zone-rules.csv", line: line, header: header)
    }

    /// The example table of docs/ZONE-RULES.md (line numbers as in the file, header = line 1).
    static func example() throws -> AddressZoneTable {
        AddressZoneTable(rules: [
            //             zone   kind      street     from  to    range       parity  numbers   except
            try rule(2, "Z1", "street", "人民路", "1", "99", "", "单号"),
            try rule(3, "Z2", "street", "人民路", "2", "98", "", "双号", "", "50"),
            try rule(4, "Z3", "street", "人民路", "", "", "", "", "50;51"),
            try rule(5, "Z1", "street", "解放路", "", "", "1-63号"),
            try rule(6, "Z2", "street", "解放路", "", "", "64号及以后"),
            try rule(7, "Z3", "street", "建设路"),
            try rule(8, "Z1", "street", "建设路", "1", "20"),
            try rule(9, "Z1", "street", "延安路", "", "", "999号以前"),
            try rule(10, "Z2", "street", "延安路955弄"),
            //                                                                        compound    aliases
            try rule(11, "Z2", "compound", "", "", "", "", "", "", "", "阳光花园", "阳光花园一期;陽光苑"),
            //                                                                                 village  groups
            try rule(12, "Z1", "village", "", "", "", "", "", "", "", "", "", "李家村", "1-4"),
            try rule(13, "Z3", "village", "", "", "", "", "", "", "", "", "", "李家村", "5至8组"),
            try rule(14, "Z3", "village", "", "", "", "", "", "", "", "", "", "王家村"),
        ])
    }
}
