/// The absolute minimum score (最低控制线) for a quota seat (`quota_min_score` in
/// `policy.json`): none, one line for every quality high school, or one per high school.
/// A graduate whose score is below the line of a high school cannot take its quota seats;
/// a score equal to the line qualifies.
package enum QuotaScoreLine: Equatable, Sendable {
    /// No absolute line (the default).
    case none
    /// The same line at every quality high school (`"quota_min_score": 450`).
    case everySchool(Score)
    /// A line per high school, by `school_id` (`"quota_min_score": {"H01": 520, "H02": 480}`);
    /// a school not named has no absolute line.
    case bySchool([String: Score])

    /// The line at the high school `id`, if any.
    package func line(at id: String) -> Score? {
        switch self {
        case .none: return nil
        case .everySchool(let score): return score
        case .bySchool(let lines): return lines[id]
        }
    }
}
