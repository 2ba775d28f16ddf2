import EnrollmentIO
import EnrollmentVocabulary

/// The lists a clerk hands in after the draw, outside the case folder: the applicants who
/// decline their seat (`enroll vacancies --withdrawn FILE`: a `student_id` column) and the
/// pupils who join classes late (`enroll classes --late FILE`: `student_id` and `school_id`).
///
/// Read by the same rules as the case's tables (a CSV file, or an .xlsx workbook: `TableFile`), and
/// checked against the case before anything is drawn, so that every problem is reported at
/// `file:line:column` and a typo never silently drops a student from the round.
package enum StudentListFile {
    /// The columns of a withdrawals file.
    package static let withdrawals = CSVColumns(required: ["student_id"], optional: [])
    /// The columns of a late-arrivals file.
    package static let lateArrivals = CSVColumns(required: ["student_id", "school_id"], optional: [])

    /// Reads `bytes` (the file called `file` in messages: CSV, or .xlsx) and checks its columns.
    /// - Returns: the table when it could be parsed, and every problem found.
    package static func read(_ bytes: [UInt8], file: String, encoding: TextEncoding?,
                            columns: CSVColumns) -> (table: CSVTable?, diagnostics: [Diagnostic]) {
        let parsed = TableFile.read(bytes, file: file, encoding: encoding)
        guard let table = parsed.table else { return (nil, parsed.diagnostics) }
        return (table, parsed.diagnostics + columns.missing(in: table))
    }

    /// Every row's problems against the case: a `student_id` that is not an applicant of
    /// `level`, or listed twice; with a `school_id` column, a school that is not one of
    /// `level` in `schools.csv`. Empty rows are skipped by the reader.
    /// - Complexity: O(rows + applicants).
    package static func problems(in table: CSVTable, admissionCase c: AdmissionCase, level: SchoolLevel) -> [Diagnostic] {
        let applicants = Set(c.applicants(level).map(\.id))
        let schools = Set(c.schools(level).map(\.id))
        let student = table.column(named: "student_id")
        let school = table.index(of: "school_id").map { _ in table.column(named: "school_id") }
        var seen: [String: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            if let id = r.required(student) {
                if !applicants.contains(id) {
                    r.report(student, "\(CSVRecordReader.quotedIdentifier(id)) is not in \(ApplicantTable.fileName(for: level))")
                }
                r.checkUnique(student, id, seen: &seen)
            }
            if let school, let id = r.required(school), !schools.contains(id) {
                r.report(school, "'\(id)' is not a \(level.rawValue) school in \(SchoolTable.fileName)")
            }
            diagnostics += r.diagnostics
        }
        return diagnostics
    }
}
