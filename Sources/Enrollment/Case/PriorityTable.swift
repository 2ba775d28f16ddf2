/// Reading `priorities.csv`: explicit priority tiers per student and school, for local
/// points systems (积分) that no rule of the policy covers. A row replaces the tier the
/// policy would compute for that student at that school (docs/PLACEMENT.md gives the scale).
public enum PriorityTable {
    public static let fileName = "priorities.csv"
    public static let columns = CSVColumns(required: ["student_id", "school_id", "tier"], optional: [])

    /// Tiers by student, then school; every malformed value and repeated pair is reported.
    /// `schools` are the ids of `schools.csv`; a row naming another school is reported.
    public static func read(_ table: CSVTable, schools: Set<String>) -> (tiers: [String: [String: Int]], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([:], diagnostics) }
        let (studentColumn, schoolColumn, tierColumn) = (table.column(named: "student_id"), table.column(named: "school_id"), table.column(named: "tier"))
        var tiers: [String: [String: Int]] = [:]
        var seen: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let student = r.required(studentColumn), school = r.required(schoolColumn)
            let tier = r.integer(tierColumn, required: true, in: 0...1_000_000)
            if let school, !schools.contains(school) { r.report(schoolColumn, "'\(school)' is not a school in \(SchoolTable.fileName)") }
            if let student, let school { r.checkUnique(studentColumn, "\(student) at \(school)", seen: &seen) }
            diagnostics += r.diagnostics
            if let student, let school, let tier, r.diagnostics.isEmpty { tiers[student, default: [:]][school] = tier }
        }
        return (tiers, diagnostics)
    }
}
