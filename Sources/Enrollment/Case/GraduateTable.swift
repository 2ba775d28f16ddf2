import EnrollmentIO

/// Reading `graduates.csv` (junior-school graduates, for the high-school quotas).
package enum GraduateTable {
    package static let fileName = "graduates.csv"
    package static let columns = CSVColumns(
        required: ["student_id", "name", "junior_school", "score"],
        optional: ["choices", "eligible", "categories"],
        prefixes: ["score_"]
    )

    /// Reads every graduate, reporting malformed values and duplicate ids.
    /// - Complexity: O(rows).
    package static func read(_ table: CSVTable) -> (graduates: [Graduate], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        let (idColumn, nameColumn, juniorColumn, scoreColumn) = (table.column(named: "student_id"), table.column(named: "name"),
                                                                 table.column(named: "junior_school"), table.column(named: "score"))
        let (choicesColumn, eligibleColumn, categoriesColumn) = (table.column(named: "choices"), table.column(named: "eligible"),
                                                                 table.column(named: "categories"))
        let subjects = table.subjectColumns()
        var graduates: [Graduate] = []
        graduates.reserveCapacity(table.count)
        var firstLine: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let id = r.requiredIdentifier(idColumn)
            let name = r.required(nameColumn)
            let junior = r.required(juniorColumn)
            let score = r.parsed(scoreColumn, required: true, expected: Score.expected, fast: ASCIINumber.hundredths, { Score(parsing: $0)?.hundredths })
            let subjectScores = r.subjectScores(subjects)
            let choices = r.list(choicesColumn)
            r.checkChoices(choicesColumn, choices)
            let eligible = r.boolean(eligibleColumn, absent: true)
            r.checkUnique(idColumn, id, seen: &firstLine)
            diagnostics += r.diagnostics
            if let id, let name, let junior, let score, r.diagnostics.isEmpty {
                graduates.append(Graduate(id: id, name: name, juniorSchool: junior, score: Score(hundredths: score), choices: choices,
                                          eligible: eligible, categories: r.list(categoriesColumn),
                                          subjectScores: subjectScores, line: r.line))
            }
        }
        return (graduates, diagnostics)
    }
}
