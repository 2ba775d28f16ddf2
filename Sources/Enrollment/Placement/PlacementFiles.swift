/// The schemas of the files a placement writes for its level (`PlacementTables` makes them).
///
/// The schema of `placements.csv`, the file every placement writes for its level (and each
/// second round for its own): its columns, in order, how a row is written from a `Placement`
/// and read back. Every reader of the file — the steps after a placement, `verify`, the site,
/// the supervision report — finds its columns through `Column`, so a column's name is written
/// once.
///
/// Codes: `status` is `PlacementRun.Placement.Status`'s raw value; `seats` is a seat group's
/// label (`SeatGroups.label(of:)`: `all`, `open`, `reserved:<category>`,
/// `open-except:<category>`, or `purchased`); `note` is `PlacementNote` codes joined by `;`.
/// Numbers are decimal, the lottery number 64 lowercase hex digits, `distance_m` whole metres.
package enum PlacementsFile {
    package static let name = "placements.csv"

    /// The columns, in the file's order.
    package enum Column: String, CaseIterable, Sendable {
        case studentID = "student_id", schoolID = "school_id", status, choiceRank = "choice_rank", tier
        case lotteryNumber = "lottery_number", twinGroup = "twin_group", zoneID = "zone_id", distance = "distance_m", seats, note
    }

    /// The header row.
    package static var header: [String] { Column.allCases.map(\.rawValue) }

    /// The row of `p`, one field per column of `header`.
    package static func row(_ p: PlacementRun.Placement) -> [String] {
        [p.studentID, p.schoolID ?? "", p.status.rawValue, p.choiceRank.map(String.init) ?? "", p.tier.map(String.init) ?? "",
         p.lotteryNumber.hex, p.twinGroup ?? "", p.zoneID ?? "", p.distanceMetres.map { String(Int($0.rounded())) } ?? "",
         p.seats ?? "", PlacementNote.column(p.notes)]
    }

    /// The placement a row gives back (`fields` in `header` order); nil when a field does not
    /// read as its column's type. `distance_m` comes back in whole metres.
    package static func placement(_ fields: [String]) -> PlacementRun.Placement? {
        guard fields.count == Column.allCases.count, let status = PlacementRun.Placement.Status(rawValue: fields[2]),
              let number = LotteryNumber(hex: fields[5]), let notes = PlacementNote.notes(inColumn: fields[10]) else { return nil }
        func optional<T>(_ text: String, _ parse: (String) -> T?) -> T?? { text.isEmpty ? .some(nil) : parse(text).map { .some($0) } }
        guard let rank = optional(fields[3], { Int($0) }), let tier = optional(fields[4], { Int($0) }),
              let distance = optional(fields[8], { Double($0) }) else { return nil }
        func text(_ k: Int) -> String? { fields[k].isEmpty ? nil : fields[k] }
        return PlacementRun.Placement(studentID: fields[0], schoolID: text(1), status: status, choiceRank: rank, tier: tier, lotteryNumber: number,
                                      twinGroup: text(6), zoneID: text(7), distanceMetres: distance, seats: text(9), notes: notes)
    }
}

/// The schema of `ranks.csv`, a placement's audit trail: one row per applicant per school of
/// their effective list, by `student_id` then choice rank.
package enum RanksFile {
    package static let name = "ranks.csv"

    package enum Column: String, CaseIterable, Sendable {
        case studentID = "student_id", schoolID = "school_id", choiceRank = "choice_rank", tier, lotteryNumber = "lottery_number"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }

    package static func row(_ r: PlacementRun.Rank) -> [String] {
        [r.studentID, r.schoolID, String(r.choiceRank), String(r.tier), r.lotteryNumber.hex]
    }
}

/// The schema of `cutoffs.csv`: per seat group (a school without reserved seats is one group,
/// `all`), its seats, admitted by priority, and the last admitted applicant's tier and lottery
/// number when the group filled (录取线).
package enum CutoffsFile {
    package static let name = "cutoffs.csv"

    package enum Column: String, CaseIterable, Sendable {
        case schoolID = "school_id", seats, capacity, admitted, cutoffTier = "cutoff_tier", cutoffLotteryNumber = "cutoff_lottery_number"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }
}

/// The schema of `waitlists.csv`: per seat group, in order, the applicants who ranked it above
/// what they got (候补), with their tier at the group.
package enum WaitlistsFile {
    package static let name = "waitlists.csv"

    package enum Column: String, CaseIterable, Sendable {
        case schoolID = "school_id", seats, position, studentID = "student_id", tier, lotteryNumber = "lottery_number"
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }
}
