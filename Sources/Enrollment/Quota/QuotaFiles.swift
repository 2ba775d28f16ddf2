/// The schemas of the files a quota run writes (`QuotaTables` makes them; docs/QUOTA.md
/// describes every column): their columns, in order. Every reader finds a column through its
/// schema's `Column`.
///
/// `quota-allocation.csv`: one row per quality high school and junior school.
package enum QuotaAllocationFile {
    package static let name = "quota-allocation.csv"

    package enum Column: String, CaseIterable, Sendable {
        case highSchoolID = "high_school_id", juniorSchoolID = "junior_school_id", basis, exactShare = "exact_share", seats, quota
        case lotteryNumber = "lottery_number"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }
}

/// `quota-admissions.csv`: one row per admitted graduate; `route` is `QuotaRun.Route`, `round`
/// `QuotaRun.Round`.
package enum QuotaAdmissionsFile {
    package static let name = "quota-admissions.csv"

    package enum Column: String, CaseIterable, Sendable {
        case studentID = "student_id", juniorSchoolID = "junior_school_id", highSchoolID = "high_school_id", route, score, round
        case tiedAboveQuota = "tied_above_quota"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }
}

/// `quota-unfilled.csv`: quota seats not given or not taken; `reason` is
/// `QuotaRun.Unfilled.Reason`, `goes_to` `QuotaUnfilledRule`.
package enum QuotaUnfilledFile {
    package static let name = "quota-unfilled.csv"

    package enum Column: String, CaseIterable, Sendable {
        case highSchoolID = "high_school_id", juniorSchoolID = "junior_school_id", unfilled, reason, goesTo = "goes_to"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }
}
