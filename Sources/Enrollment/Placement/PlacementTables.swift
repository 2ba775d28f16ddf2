import EnrollmentIO

/// The files a placement writes into its run folder, as CSV bytes (UTF-8 with a byte-order
/// mark). Rows are in a stated order: applicants by `student_id`, schools by `school_id`.
package enum PlacementTables {
    /// `placements.csv`: one row per applicant (`PlacementsFile`).
    package static func placements(_ run: PlacementRun) -> [UInt8] {
        var w = CSVWriter(header: PlacementsFile.header)
        for p in run.placements { w.append(PlacementsFile.row(p)) }
        return w.bytes
    }

    /// `ranks.csv`: the audit trail, one row per applicant per school of their effective list.
    package static func ranks(_ run: PlacementRun) -> [UInt8] {
        var w = CSVWriter(header: RanksFile.header)
        for r in run.ranks { w.append(RanksFile.row(r)) }
        return w.bytes
    }

    /// `cutoffs.csv`: per seat group (a school without reserved seats is one group, `all`),
    /// its seats, admitted by priority, and the last admitted applicant's tier and lottery number
    /// when the group filled (录取线).
    package static func cutoffs(_ run: PlacementRun) -> [UInt8] {
        var admitted = [Int](repeating: 0, count: run.seatGroups.groups.count)
        for g in run.groupMatching.schoolIndices where g >= 0 { admitted[Int(g)] += 1 }
        var w = CSVWriter(header: CutoffsFile.header)
        for (g, group) in run.seatGroups.groups.enumerated() {
            let cutoff = run.cutoffs[g]
            w.append([run.schools[group.school].id, run.seatGroups.label(of: g), String(group.seats), String(admitted[g]),
                      cutoff.map { String($0.tier) } ?? "", cutoff?.lotteryNumber.hex ?? ""])
        }
        return w.bytes
    }

    /// `waitlists.csv`: per seat group, in order, the applicants who ranked it above what they
    /// got (候补), with their tier at the group.
    package static func waitlists(_ run: PlacementRun) -> [UInt8] {
        var w = CSVWriter(header: WaitlistsFile.header)
        for (g, group) in run.seatGroups.groups.enumerated() {
            for (position, entry) in run.waitlists[g].enumerated() {
                w.append([run.schools[group.school].id, run.seatGroups.label(of: g), String(position + 1), entry.studentID,
                          String(entry.tier), entry.lotteryNumber.hex])
            }
        }
        return w.bytes
    }
}
