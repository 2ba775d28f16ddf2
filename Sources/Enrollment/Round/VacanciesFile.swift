import EnrollmentCase

/// The schema of `vacancies-<n>.csv`, a round of seats declined after the draw going down the
/// waitlists: its columns, in order, and the codes of `change`. `from_seats` and `to_seats` are
/// seat groups (`SeatsLabel`).
enum VacanciesFile {
    /// The file of round `round` of `level`'s vacancies.
    static func name(round: Int) -> String { "vacancies-\(round).csv" }

    enum Column: String, CaseIterable, Sendable {
        case step, studentID = "student_id", change, fromSchool = "from_school", fromSeats = "from_seats", toSchool = "to_school", toSeats = "to_seats"
    }

    static var header: [String] { Column.allCases.map(\.rawValue) }

    /// What happened to the applicant of a row.
    enum Change: String, Sendable {
        /// The applicant declined their seat.
        case withdrawn
        /// The applicant moved up to a seat they preferred.
        case promoted
    }

    /// The position of `column` in `header`.
    static func index(_ column: Column) -> Int { Column.allCases.firstIndex(of: column)! }
}
