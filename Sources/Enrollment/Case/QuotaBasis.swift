/// What a junior school's share of a quality high school's quota is proportional to
/// (`quota_basis` in `policy.json`).
package enum QuotaBasis: String, CaseIterable, Sendable {
    /// The junior school's eligible graduates (`eligible` true in `graduates.csv`), the default.
    case eligible
    /// Eligible graduates times the school's `quota_weight` in `schools.csv` (1 when absent),
    /// for counties that favour rural or weak schools.
    case weighted
    /// Every graduate of the junior school, eligible or not (a published head count).
    case graduates
}
