/// Why quota places cannot be allocated or admitted.
package enum QuotaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `schools.csv` marks no high school as a quality high school.
    case noQualityHighSchools
    /// `schools.csv` has no junior school to share the quotas among.
    case noJuniorSchools
    /// A graduate's `junior_school` is not a junior school of `schools.csv`.
    case unknownJuniorSchool(studentID: String, schoolID: String)
    /// `quota_min_score` names a school that is not a quality high school.
    case scoreLineForUnknownSchool(String)
    /// `quota_tie_break` names `score_<subject>`, but no graduate has a score in that subject.
    case unknownTieBreakSubject(String)
    /// A junior school's `quota_weight` cannot be used exactly.
    case invalidWeight(juniorSchoolID: String)
    /// The quota of a high school does not fit exact arithmetic.
    case arithmetic(highSchoolID: String)
    /// The quota of a high school cannot be divided (e.g. the minimum per school is not affordable).
    case apportionment(highSchoolID: String, ApportionmentError)

    package var description: String {
        switch self {
        case .noQualityHighSchools:
            return "schools.csv marks no high school as quality (quality = true): there is no quota to allocate"
        case .noJuniorSchools:
            return "schools.csv has no junior school to share the quotas among"
        case let .unknownJuniorSchool(student, school):
            return "graduates.csv: student \(student) has junior_school '\(school)', which is not a junior school in schools.csv"
        case .scoreLineForUnknownSchool(let id):
            return "policy.json: quota_min_score gives a line for '\(id)', which is not a quality high school in schools.csv"
        case .unknownTieBreakSubject(let key):
            return "policy.json: quota_tie_break names \(key), but no graduate in graduates.csv has a \(key) score; check the column name"
        case .invalidWeight(let id):
            return "schools.csv: the quota_weight of junior school \(id) is not a usable decimal"
        case .arithmetic(let id):
            return "the quota of high school \(id) is too large for exact arithmetic; check its capacity and quota_share"
        case let .apportionment(id, error):
            return "the quota of high school \(id) cannot be divided among the junior schools: \(error)"
        }
    }
}
