/// How long a family must have held a residence permit (居住证) and paid social insurance
/// (社保) before a residence tier ranks them: the cities' 随迁子女 rules, commonly 6–12 months.
/// Given per tier in `policy.json` (`months_required`); an applicant of that tier whose
/// `permit_months` or `insurance_months` is short of it is refused by `enroll validate`.
package struct MonthsRequired: Hashable, Sendable {
    /// Months a residence permit must have been held (the `permit_months` column); 0: not required.
    package var permit: Int
    /// Months of social insurance paid (the `insurance_months` column); 0: not required.
    package var insurance: Int

    package init(permit: Int = 0, insurance: Int = 0) {
        self.permit = permit
        self.insurance = insurance
    }

    /// The applicant column each requirement reads, with its least value.
    package var columns: [(column: String, months: Int)] {
        [("permit_months", permit), ("insurance_months", insurance)].filter { $0.months > 0 }
    }
}
