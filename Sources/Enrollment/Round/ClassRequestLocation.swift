import EnrollmentIO
import EnrollmentCase
import EnrollmentVocabulary

extension AdmissionCase {
    /// A class-formation failure caused by pupils' requests (`together_with`, `apart_from`,
    /// twins) that cannot all hold at their school, as a diagnostic at the request's cell in the
    /// applicant file: the first of the named pupils (in file order) who made a request of that
    /// kind, or else the first named. Such a failure depends on where the pupils were placed, so
    /// `validate` cannot find it; `enroll classes` reports it here. Nil for any other error.
    /// - Complexity: O(applicants of the level).
    package func requestLocation(of failure: any Error, level: SchoolLevel) -> Diagnostic? {
        guard case let ClassesStep.Failure.formation(school, error) = failure else { return nil }
        let ids: [String], column: String
        switch error {
        case let .togetherAndApart(s), let .apartGroupLargerThanClassCount(s, _), let .constraintsUnsatisfiable(s):
            (ids, column) = (s, "apart_from")
        case let .groupLargerThanClass(s, _, _), let .groupExceedsDisabledLimit(s, _, _):
            (ids, column) = (s, "together_with")
        default:
            return nil
        }
        let named = Set(ids)
        let pupils = applicants(level).filter { named.contains($0.id) }
        let requester = pupils.first { !(column == "apart_from" ? $0.apartFrom : $0.togetherWith).isEmpty }
        guard let a = requester ?? pupils.first else { return nil }
        return Diagnostic(location(ApplicantTable.fileName(for: level), line: a.line, column: column), "\(column): school \(school): \(error)")
    }
}
