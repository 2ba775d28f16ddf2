import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines

extension StudentListFile {
    /// A step's error that names one student of the list (for example a late arrival who is
    /// already in a class), as a diagnostic at that student's row; nil for any other error.
    package static func locate(_ error: any Error, in table: CSVTable) -> Diagnostic? {
        let id: String
        switch error {
        case ClassFormationError.duplicateStudent(let s), ClassFormationError.noClassFor(let s): id = s
        default: return nil
        }
        guard let column = table.index(of: "student_id"),
              let row = (0..<table.count).first(where: { table[$0, column] == id }) else { return nil }
        let message = if case ClassFormationError.duplicateStudent = error {
            "student_id: \(id) is already in a class of this level (placed in the draw or in an earlier round); list only pupils who have none"
        } else {
            "student_id: \(error)"
        }
        return Diagnostic(table.location(row: row, column: column), message)
    }
}
