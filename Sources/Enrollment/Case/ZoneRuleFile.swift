import EnrollmentIO
import EnrollmentZones

/// Reading `zone-rules.csv`: one `ZoneRule` per row (docs/ZONE-RULES.md), then the
/// conflicts between rules (two rules of equal specificity giving one address to two zones).
package enum ZoneRuleFile {
    package static let fileName = "zone-rules.csv"

    /// Every rule that reads cleanly, and every problem: malformed fields and conflicts.
    /// - Complexity: O(rows) to read, plus the conflict check of `AddressZoneTable`.
    package static func read(_ table: CSVTable) -> (rules: [ZoneRule], diagnostics: [Diagnostic]) {
        var diagnostics = CSVColumns(required: ZoneRule.requiredColumns, optional: ZoneRule.columns).missing(in: table)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        var rules: [ZoneRule] = []
        for row in 0..<table.count {
            var fields: [String: String] = [:]
            for (k, name) in table.header.enumerated() { fields[name] = table[row, k] }
            do {
                rules.append(try ZoneRule(fields: fields, file: table.file, line: table.line(ofRow: row),
                                          column: { table.column($0) ?? 0 }))
            } catch {
                diagnostics += error.items
            }
        }
        if diagnostics.isEmpty {
            diagnostics += AddressZoneTable(rules: rules).conflicts()
        }
        return (rules, diagnostics)
    }
}
