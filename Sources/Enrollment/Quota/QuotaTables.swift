import EnrollmentIO

/// The files a quota run writes, as CSV bytes (UTF-8 with a byte-order mark). Rows are in a
/// stated order; docs/QUOTA.md describes every column.
package enum QuotaTables {
    /// `quota-allocation.csv`: one row per quality high school and junior school (by
    /// `school_id`, then `school_id`); `basis` and `exact_share` are exact fractions written
    /// `n` or `n/d` in lowest terms; `lottery_number` is the junior school's number in the draw
    /// `quota/<high_school_id>`.
    package static func allocation(_ run: QuotaRun) -> [UInt8] {
        var w = CSVWriter(header: QuotaAllocationFile.header)
        for a in run.allocations {
            for s in a.shares {
                w.append([a.highSchoolID, s.juniorSchoolID, s.basis.description, s.exactShare.description, String(s.seats),
                          String(a.quota), s.lotteryNumber.hex])
            }
        }
        return w.bytes
    }

    /// `quota-admissions.csv`: one row per admitted graduate, by `student_id`. `route` is
    /// `quota` or `open`; `round` the round that admitted them; `tied_above_quota` is `true` for
    /// graduates of a tie at the last seat admitted above the quota.
    package static func admissions(_ run: QuotaRun) -> [UInt8] {
        var w = CSVWriter(header: QuotaAdmissionsFile.header)
        for a in run.admissions {
            w.append([a.studentID, a.juniorSchoolID, a.highSchoolID, a.route.rawValue, a.score.description, a.round.rawValue,
                      a.tiedAboveQuota ? "true" : "false"])
        }
        return w.bytes
    }

    /// `quota-unfilled.csv`: quota seats not given or not taken, by high school, junior school
    /// (empty for seats returned by the rounding or left by the second round), reason; `goes_to`
    /// is `open-round` or `second-round`.
    package static func unfilled(_ run: QuotaRun) -> [UInt8] {
        var w = CSVWriter(header: QuotaUnfilledFile.header)
        for u in run.unfilled {
            w.append([u.highSchoolID, u.juniorSchoolID ?? "", String(u.seats), u.reason.rawValue, u.goesTo.rawValue])
        }
        return w.bytes
    }
}
