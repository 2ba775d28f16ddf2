/// Reading `graduates.csv` (junior-school graduates, for the high-school quotas).
public enum GraduateTable {
    public static let fileName = "graduates.csv"
    public static let columns = CSVColumns(
        required: ["student_id", "name", "junior_school", "score"],
        optional: ["choices", "eligible", "categories"],
        prefixes: ["score_"]
    )

    /// Reads every graduate, reporting malformed values and duplicate ids.
    /// - Complexity: O(rows).
    public static func read(_ table: CSVTable) -> (graduates: [Graduate], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        let subjects = table.header.filter { $0.hasPrefix("score_") }
        var graduates: [Graduate] = []
        graduates.reserveCapacity(table.count)
        var firstLine: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let id = r.required("student_id")
            let name = r.required("name")
            let junior = r.required("junior_school")
            let score = r.parsed("score", required: true, expected: Score.expected, Score.init(parsing:))
            let subjectScores = r.subjectScores(subjects)
            let choices = r.list("choices")
            if Set(choices).count != choices.count { r.report("choices", "a school appears twice in the choices") }
            let eligible = r.boolean("eligible", absent: true)
            r.checkUnique("student_id", id, seen: &firstLine)
            diagnostics += r.diagnostics
            if let id, let name, let junior, let score, r.diagnostics.isEmpty {
                graduates.append(Graduate(id: id, name: name, juniorSchool: junior, score: score, choices: choices,
                                          eligible: eligible, categories: r.list("categories"),
                                          subjectScores: subjectScores, line: r.line))
            }
        }
        return (graduates, diagnostics)
    }
}
