import EnrollmentIO

/// Reading `teachers.csv`: each school's head-teacher candidates for the draw (班主任),
/// with the student ids of their own children (a teacher never heads their child's class).
package enum TeacherTable {
    package static let fileName = "teachers.csv"
    package static let columns = CSVColumns(required: ["school_id", "teacher_id"], optional: ["name", "children"])

    /// Candidates by school id, in file order; duplicate teacher ids and schools not in
    /// `schools` (the ids of `schools.csv`) are reported, unless `schools` is empty (no school
    /// could be read: `schools.csv` reports its own problems).
    package static func read(_ table: CSVTable, schools: Set<String>) -> (teachers: [String: [HeadTeacher]], diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([:], diagnostics) }
        let (schoolColumn, teacherColumn, childrenColumn) = (table.column(named: "school_id"), table.column(named: "teacher_id"), table.column(named: "children"))
        var teachers: [String: [HeadTeacher]] = [:]
        var seen: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let school = r.required(schoolColumn), teacher = r.requiredIdentifier(teacherColumn)
            if let school, !schools.isEmpty, !schools.contains(school) { r.report(schoolColumn, "'\(school)' is not a school in \(SchoolTable.fileName)") }
            r.checkUnique(teacherColumn, teacher, seen: &seen)
            diagnostics += r.diagnostics
            if let school, let teacher, r.diagnostics.isEmpty {
                teachers[school, default: []].append(HeadTeacher(teacherID: teacher, childStudentIDs: Set(r.list(childrenColumn))))
            }
        }
        return (teachers, diagnostics)
    }
}
