import EnrollmentIO
import EnrollmentVocabulary

/// Reading `priorities.csv`: explicit priority tiers per student and school, for local
/// points systems (积分) that no rule of the policy covers. A row replaces the tier the
/// policy would compute for that student at that school (docs/PLACEMENT.md gives the scale).
package enum PriorityTable {
    package static let fileName = "priorities.csv"
    package static let columns = CSVColumns(required: ["student_id", "school_id", "tier"], optional: [])

    /// Tiers by student, then school; every malformed value and repeated pair is reported.
    /// `schools` are the ids (and levels, where valid) of `schools.csv`; a row naming another
    /// school is reported (unless no school could be read at all). `students` are the
    /// applicants' ids with their level (nil when the case has no applicant file, or one could
    /// not be read): a row naming a student who is not an applicant, or a school of another
    /// level than the student's, is reported — a tier that applies to nobody is a typo that
    /// would silently cost the real student their points.
    package static func read(_ table: CSVTable, schools: [String: SchoolLevel?],
                            students: [String: SchoolLevel]?) -> (tiers: [String: [String: Int]], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([:], diagnostics) }
        let (studentColumn, schoolColumn, tierColumn) = (table.column(named: "student_id"), table.column(named: "school_id"), table.column(named: "tier"))
        var tiers: [String: [String: Int]] = [:]
        var seen: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let student = r.required(studentColumn), school = r.required(schoolColumn)
            let tier = r.integer(tierColumn, required: true, in: 0...1_000_000)
            if let school, !schools.isEmpty, schools[school] == nil { r.report(schoolColumn, "'\(school)' is not a school in \(SchoolTable.fileName)") }
            if let student, let students {
                if let level = students[student] {
                    if let school, case let schoolLevel?? = schools[school], schoolLevel != level {
                        r.report(schoolColumn, "'\(school)' is a \(schoolLevel.rawValue) school, but student \(student) is a \(level.rawValue) applicant")
                    }
                } else {
                    r.report(studentColumn, "\(CSVRecordReader.quotedIdentifier(student)) is not in \(ApplicantTable.fileName(for: .primary)) or \(ApplicantTable.fileName(for: .junior))")
                }
            }
            if let student, let school { r.checkUnique(studentColumn, "\(student) at \(school)", seen: &seen) }
            diagnostics += r.diagnostics
            if let student, let school, let tier, r.diagnostics.isEmpty { tiers[student, default: [:]][school] = tier }
        }
        return (tiers, diagnostics)
    }
}
