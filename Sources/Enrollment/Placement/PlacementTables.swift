import EnrollmentIO
import EnrollmentCase

/// The files a placement writes into its run folder, as CSV bytes (UTF-8 with a byte-order
/// mark). Rows are in a stated order: applicants by `student_id`, schools by `school_id`.
public enum PlacementTables {
    /// `placements.csv`: one row per applicant.
    public static func placements(_ run: PlacementRun) -> [UInt8] {
        var w = CSVWriter(header: ["student_id", "school_id", "status", "choice_rank", "tier", "lottery_number", "twin_group", "zone_id", "distance_m", "note"])
        for p in run.placements {
            w.append([p.studentID, p.schoolID ?? "", p.status.rawValue, p.choiceRank.map(String.init) ?? "", p.tier.map(String.init) ?? "",
                      p.lotteryNumber.hex, p.twinGroup ?? "", p.zoneID ?? "", p.distanceMetres.map { String(Int($0.rounded())) } ?? "", p.note])
        }
        return w.bytes
    }

    /// `ranks.csv`: the audit trail, one row per applicant per school of their effective list.
    public static func ranks(_ run: PlacementRun) -> [UInt8] {
        var w = CSVWriter(header: ["student_id", "school_id", "choice_rank", "tier", "lottery_number"])
        for r in run.ranks {
            w.append([r.studentID, r.schoolID, String(r.choiceRank), String(r.tier), r.lotteryNumber.hex])
        }
        return w.bytes
    }

    /// `cutoffs.csv`: per school, seats, admitted by priority, and the last admitted applicant's
    /// tier and lottery number when the school filled (录取线).
    public static func cutoffs(_ run: PlacementRun) -> [UInt8] {
        var admitted: [String: Int] = [:]
        for p in run.placements where p.status == .admitted { admitted[p.schoolID!, default: 0] += 1 }
        var w = CSVWriter(header: ["school_id", "capacity", "admitted", "cutoff_tier", "cutoff_lottery_number"])
        for (k, s) in run.schools.enumerated() {
            let cutoff = run.cutoffs[k]
            w.append([s.id, String(s.capacity), String(admitted[s.id] ?? 0), cutoff.map { String($0.tier) } ?? "", cutoff?.lotteryNumber.hex ?? ""])
        }
        return w.bytes
    }

    /// `waitlists.csv`: per school, in order, the applicants who ranked it above what they got (候补).
    public static func waitlists(_ run: PlacementRun) -> [UInt8] {
        var w = CSVWriter(header: ["school_id", "position", "student_id", "tier", "lottery_number"])
        for (k, s) in run.schools.enumerated() {
            for (position, entry) in run.waitlists[k].enumerated() {
                w.append([s.id, String(position + 1), entry.studentID, String(entry.tier), entry.lotteryNumber.hex])
            }
        }
        return w.bytes
    }
}
