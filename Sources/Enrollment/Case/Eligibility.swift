import EnrollmentIO
import EnrollmentVocabulary

/// Who may apply (入学资格), checked before anything is committed: each applicant's age against
/// the level's window (`AgeWindow`), and, for a residence tier with `months_required`, the
/// months a residence permit and social insurance have been held. An applicant who does not
/// qualify is a problem at the cell that shows it, never left out in silence: the clerk corrects
/// the row, gives the bureau's approved `age_exception`, or writes the tier the family does
/// qualify for.
extension CaseValidator {
    /// Every eligibility problem of both levels' applicants, in file order.
    /// - Complexity: O(n) for n applicants.
    static func eligibilityProblems(in c: AdmissionCase) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let window = c.policy.ageWindow
        for level in [SchoolLevel.primary, .junior] {
            let file = ApplicantTable.fileName(for: level)
            let applicants = c.applicants(level)
            let header = c.headers[file] ?? []
            var missingReported = Set<String>()
            for a in applicants {
                if a.ageException == nil, let age = window.ageOutsideWindow(bornOn: a.birthDate, level: level),
                   let day = window.cutoffDate, let ages = window.entryAges[level] {
                    let allowed = ages.count == 1 ? "\(ages.lowerBound)" : "\(ages.lowerBound) to \(ages.upperBound)"
                    problems.append(Diagnostic(c.location(file, line: a.line, column: "birth_date"),
                                               "birth_date: \(age) years old on \(day), but \(level.rawValue) entry is for children aged \(allowed) on that day "
                                               + "(policy.json intake_year, age_cutoff_date, entry_age); correct the date, or give the bureau's "
                                               + "approved deferred or early entry, with its reason, in age_exception"))
                }
                guard let required = c.policy.monthsRequired[a.residence] else { continue }
                for (column, months) in required.columns {
                    guard header.contains(column) else {
                        if missingReported.insert(column).inserted {
                            problems.append(Diagnostic(SourceLocation(file: file, line: 1, column: 0),
                                                       "\(column): the column is missing, but policy.json months_required asks \(a.residence.rawValue) "
                                                       + "applicants for at least \(months) months; add it (first such row: line \(a.line))"))
                        }
                        continue
                    }
                    let held = column == "permit_months" ? a.permitMonths : a.insuranceMonths
                    let what = column == "permit_months" ? "a residence permit held" : "social insurance paid"
                    if let held, held >= months { continue }
                    problems.append(Diagnostic(c.location(file, line: a.line, column: column),
                                               "\(column): \(held.map { "\($0) months" } ?? "empty"), but the \(a.residence.rawValue) tier requires \(what) "
                                               + "at least \(months) months (policy.json months_required); correct the months, "
                                               + "or give the residence the family does qualify for (such as other)"))
                }
            }
        }
        return problems
    }
}
