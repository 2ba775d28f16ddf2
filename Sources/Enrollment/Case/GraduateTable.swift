import EnrollmentIO

/// Reading `graduates.csv` (junior-school graduates, for the high-school quotas).
package enum GraduateTable {
    package static let fileName = "graduates.csv"
    package static let columns = CSVColumns(
        required: ["student_id", "name", "junior_school", "score"],
        optional: ["choices", "eligible", "categories"],
        prefixes: ["score_"]
    )

    /// Reads every graduate, reporting malformed values and duplicate ids; rows read on all
    /// cores (`ConcurrentRows`), with the result of reading them one by one.
    /// - Complexity: O(rows), spread over all cores.
    package static func read(_ table: CSVTable) -> (graduates: [Graduate], diagnostics: [Diagnostic]) {
        read(table, rowsPerChunk: 8192)
    }

    /// `read(_:)` with chunks of `rowsPerChunk` rows (tests vary it to check that it does not matter).
    package static func read(_ table: CSVTable, rowsPerChunk: Int) -> (graduates: [Graduate], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], diagnostics) }
        let (idColumn, nameColumn, juniorColumn, scoreColumn) = (table.column(named: "student_id"), table.column(named: "name"),
                                                                 table.column(named: "junior_school"), table.column(named: "score"))
        let (choicesColumn, eligibleColumn, categoriesColumn) = (table.column(named: "choices"), table.column(named: "eligible"),
                                                                 table.column(named: "categories"))
        let subjects = table.subjectColumns()
        let read = ConcurrentRows.read(table, idColumn: idColumn, rowsPerChunk: rowsPerChunk) { (r, slot: UnsafeMutablePointer<Graduate>) in
            let id = r.requiredIdentifier(idColumn)
            let name = r.required(nameColumn)
            let junior = r.required(juniorColumn)
            let score = r.parsed(scoreColumn, required: true, expected: Score.expected, fast: ASCIINumber.hundredths, { Score(parsing: $0)?.hundredths })
            let subjectScores = r.subjectScores(subjects)
            let choices = r.list(choicesColumn)
            r.checkChoices(choicesColumn, choices)
            let eligible = r.boolean(eligibleColumn, absent: true)
            guard let id, let name, let junior, let score, r.diagnostics.isEmpty else { return (id, false) }
            slot.initialize(to: Graduate(id: id, name: name, juniorSchool: junior, score: Score(hundredths: score), choices: choices,
                                         eligible: eligible, categories: r.list(categoriesColumn),
                                         subjectScores: subjectScores, line: r.line))
            return (id, true)
        }
        diagnostics += read.diagnostics
        return (read.values, diagnostics)
    }
}
