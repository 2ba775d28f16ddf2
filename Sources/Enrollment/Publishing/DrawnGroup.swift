import EnrollmentCase
import EnrollmentEngines

/// A seat group whose last seats the lottery decided, as the hall is shown it: the applicants
/// of the group's cutoff tier — those admitted to the group and those left on its waitlist —
/// in the order of their lottery numbers, the line falling after the last admitted one.
/// Applicants of better tiers were admitted before the draw (by priority) and are only counted.
struct DrawnGroup: Equatable, Sendable {
    /// One applicant of the tied tier.
    struct Entry: Equatable, Sendable {
        var studentID: String
        /// The twin group whose number the applicant carries (`placements.csv`), else empty.
        var twinGroup: String
        /// The applicant's number on the level's roster, 1…n: its row of `placements.csv`, which
        /// lists the level in `student_id` order (the numbering of a ring draw); at a school drawn
        /// by a ring of its own, the number on that school's list (its rows of `ranks.csv`).
        var roster: Int
        var lotteryNumber: String
        var admitted: Bool
    }

    var schoolID: String
    /// The group's `SeatsLabel` code.
    var seats: String
    var capacity: Int
    /// Admitted to the group with a better tier than the cutoff's, before any lottery.
    var admittedByPriority: Int
    var cutoffTier: String
    /// The tied tier's applicants: the admitted, then those left waiting, each by lottery number
    /// (then `student_id`). Under deferred acceptance this is the order of the lottery numbers
    /// (stability: nobody waiting has a smaller number than someone of the tier admitted); under
    /// immediate acceptance an earlier choice can beat a smaller number.
    var entries: [Entry]

    /// The seats the draw shared out: admitted in the cutoff tier.
    var drawnSeats: Int { entries.count { $0.admitted } }

    /// The groups of a level whose cutoff tier has applicants on the waitlist (the lottery
    /// decided who of that tier got in), in `cutoffs.csv` order. At the `ringSchools` (drawn by
    /// rings of their own) the numbers are the ring positions and the roster numbers those of
    /// the school's list, both from `ranks.csv`.
    /// - Throws: `PublishingError.missingColumn`.
    /// - Complexity: O(rows of the level's placements, cutoffs and waitlists — and ranks, with
    ///   ring schools — and s log s for the s applicants listed).
    static func groups(_ level: LevelResults, ringSchools: Set<String> = []) throws(PublishingError) -> [DrawnGroup] {
        guard let waitlists = level.waitlists else { return [] }
        typealias C = CutoffsFile.Column
        typealias W = WaitlistsFile.Column
        typealias P = PlacementsFile.Column
        let c = level.cutoffs
        let (cs, cc, ca, ct) = (try c.index(C.schoolID), try c.index(C.capacity), try c.index(C.admitted), try c.index(C.cutoffTier))
        let cg = c.columns.firstIndex(of: C.seats.rawValue)
        func key(_ school: String, _ seats: String) -> String { school + "\u{0}" + seats }

        var waiting: [String: [Entry]] = [:]
        let (ws, wg, wi, wt, wn) = (try waitlists.index(W.schoolID), try waitlists.index(W.seats), try waitlists.index(W.studentID),
                                    try waitlists.index(W.tier), try waitlists.index(W.lotteryNumber))
        var cutoffTier: [String: String] = [:]
        for row in c.rows where !row[ct].isEmpty { cutoffTier[key(row[cs], cg.map { row[$0] } ?? SeatsLabel.all.code)] = row[ct] }
        for row in waitlists.rows where cutoffTier[key(row[ws], row[wg])] == row[wt] {
            waiting[key(row[ws], row[wg]), default: []].append(Entry(studentID: row[wi], twinGroup: "", roster: 0, lotteryNumber: row[wn], admitted: false))
        }

        let p = level.placements
        let (ps, pi, pst, pt, pn) = (try p.index(P.schoolID), try p.index(P.studentID), try p.index(P.status), try p.index(P.tier),
                                     try p.index(P.lotteryNumber))
        let (pg, ptw) = (p.columns.firstIndex(of: P.seats.rawValue), p.columns.firstIndex(of: P.twinGroup.rawValue))
        // At a ring school: each applicant's number on its list and ring position, by school and student.
        var atRing: [String: [String: (roster: Int, number: String)]] = [:]
        if !ringSchools.isEmpty, let ranks = level.ranks {
            typealias R = RanksFile.Column
            let (rs, ri, rn) = (try ranks.index(R.schoolID), try ranks.index(R.studentID), try ranks.index(R.lotteryNumber))
            for row in ranks.rows where ringSchools.contains(row[rs]) {
                atRing[row[rs], default: [:]][row[ri]] = ((atRing[row[rs]]?.count ?? 0) + 1, row[rn])
            }
        }
        var twins: [String: String] = [:], roster: [String: Int] = [:]
        var admitted: [String: (byPriority: Int, tied: [Entry])] = [:]
        for (k, row) in p.rows.enumerated() {
            let twin = ptw.map { row[$0] } ?? ""
            if !twin.isEmpty { twins[row[pi]] = twin }
            roster[row[pi]] = k + 1
            guard row[pst] == PlacementRun.Placement.Status.admitted.rawValue else { continue }
            let group = key(row[ps], pg.map { row[$0] }.flatMap { $0.isEmpty ? nil : $0 } ?? SeatsLabel.all.code)
            guard waiting[group] != nil, let tier = cutoffTier[group] else { continue }
            if row[pt] == tier {
                let ring = atRing[row[ps]]?[row[pi]]
                admitted[group, default: (0, [])].tied.append(Entry(studentID: row[pi], twinGroup: twin, roster: ring?.roster ?? k + 1,
                                                                     lotteryNumber: ring?.number ?? row[pn], admitted: true))
            } else {
                admitted[group, default: (0, [])].byPriority += 1
            }
        }
        return c.rows.compactMap { row in
            let group = key(row[cs], cg.map { row[$0] } ?? SeatsLabel.all.code)
            guard let left = waiting[group], let tier = cutoffTier[group] else { return nil }
            let ins = admitted[group] ?? (0, [])
            let entries = (ins.tied + left.map { e in
                var e = e
                (e.twinGroup, e.roster) = (twins[e.studentID] ?? "", atRing[row[cs]]?[e.studentID]?.roster ?? roster[e.studentID] ?? 0)
                return e
            }).sorted {
                ($0.admitted ? 0 : 1, $0.lotteryNumber, $0.studentID) < ($1.admitted ? 0 : 1, $1.lotteryNumber, $1.studentID)
            }
            return DrawnGroup(schoolID: row[cs], seats: cg.map { row[$0] } ?? SeatsLabel.all.code, capacity: Int(row[cc]) ?? 0,
                              admittedByPriority: (Int(row[ca]) ?? 0) - ins.tied.count, cutoffTier: tier, entries: entries)
        }
    }
}
