import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// The supervision report (督导评估) computed from a run: the figures the policy asks a bureau
/// to monitor and publish (POLICY.md §6), as exact counts and rates.
///
/// - **Nearby admission rate** (就近入学比率) per level: applicants seated (admitted or
///   reassigned) at a school of their attendance zone (`zoning.csv`, column `schools`) or at
///   their feeder school (the junior school their `primary_school` feeds, from the case), over
///   all applicants of the level (`placements.csv`).
/// - Reassigned and unplaced applicants, counted by status and reason (`note`).
/// - Classes by size, and every class of 56 or more (大班额).
/// - Per school: seats, placed, applicants who put the school first on their effective list
///   (`ranks.csv`, choice rank 1), fill rate = placed / seats.
/// - Reserved seats and purchased places (`seats` in `cutoffs.csv` and `placements.csv`): per
///   group of a school that has more than one, its seats, the applicants holding them, and for a
///   reserved group how many of them are of its category.
/// - Migrant children (the policy's `purchased_place_categories`, 随迁子女 by default) placed in a
///   public school or a purchased place, over all of them, against the national target of 85 %
///   (两为主), when the case is known.
/// - Per quality high school (when the run has quota files): quota seats shared out, the plan
///   (capacity, from the case), their share against the policy's `quota_share` minimum.
///
/// Rates are written as percentages with one decimal, rounded half up from exact integers.
package struct SupervisionReport: Sendable, Equatable {
    /// The reason recorded when a reassigned or unplaced row has no note.
    package static let noListedSeat = "no-listed-seat"
    /// A class of this size or more is oversized (大班额).
    package static let largeClassSize = 56

    package struct SchoolFill: Sendable, Equatable {
        package var schoolID: String
        package var seats: Int
        package var placed: Int
        package var firstChoice: Int?
        package var fillRate: String
    }

    package struct Reason: Sendable, Equatable {
        package var status: String
        package var reason: String
        package var count: Int
    }

    /// One group of a school's seats where the school has more than one (`SeatGroups`).
    package struct SeatGroupFill: Sendable, Equatable {
        package var schoolID: String
        /// The group as the run's files write it: `open`, `reserved:<category>` or `purchased`.
        package var seats: String
        package var capacity: Int
        /// Applicants holding the group's seats.
        package var filled: Int
        /// Of them, those of the category, for a reserved group when the case is known.
        package var ofCategory: Int?
    }

    /// The children of the policy's purchased-place categories and how many of them study in a
    /// public school or a purchased place.
    package struct MigrantShare: Sendable, Equatable {
        package var children: Int
        package var inPublicOrPurchased: Int
        package var rate: String
        /// Whether the share reaches `migrantTargetPercent`.
        package var meetsTarget: Bool
    }

    /// The national target for migrant children in public schools or purchased places, in percent.
    package static let migrantTargetPercent = 85

    /// One figure with its count and denominator (never only a percentage), the threshold the
    /// standards set on it, and whether it is met (优质均衡 督导评估; docs/PUBLISHING.md).
    package struct Verdict: Sendable, Equatable {
        /// The figure: `nearby_admission`, `out_of_zone_public`, `large_classes`,
        /// `classes_46_to_55`, `quota_share`, `migrants_public_or_purchased`, `disabled_placed`,
        /// `schools_meeting_resources` or `resource_spread` (the comprehensive coefficient of
        /// variation as its value, the indicators computed over the seven as count and denominator).
        package var indicator: String
        /// The level it concerns; nil for the quota share.
        package var level: SchoolLevel?
        package var count: Int
        package var denominator: Int
        /// The figure as shown: a percentage of one decimal, or the count.
        package var value: String
        /// The threshold as the standard writes it (`≥ 95%`, `≤ 5%`, `0`); nil for a figure
        /// reported without one.
        package var target: String?
        /// Whether the threshold is met, compared exactly on the integers; nil without a
        /// threshold, or when the figure cannot be computed (no `locale` in `schools.csv`, an
        /// empty denominator).
        package var passes: Bool?
    }

    package struct LargeClass: Sendable, Equatable {
        package var schoolID: String
        package var classNumber: String
        package var size: Int
    }

    package struct Level: Sendable, Equatable {
        package var level: SchoolLevel
        package var applicants: Int
        package var nearby: Int
        package var nearbyRate: String
        package var admitted: Int
        package var reassigned: Int
        package var unplaced: Int
        package var reasons: [Reason]
        package var schools: [SchoolFill]
        /// The groups of the schools with more than one, in the order of `cutoffs.csv` (by school,
        /// then the processing order).
        package var seatGroups: [SeatGroupFill]
        /// Migrant children placed in public schools or purchased places, when the case is known.
        package var migrants: MigrantShare?
        /// (class size, number of classes of that size), by size.
        package var classSizes: [(size: Int, classes: Int)]
        package var largeClasses: [LargeClass]

        package static func == (a: Level, b: Level) -> Bool {
            a.level == b.level && a.applicants == b.applicants && a.nearby == b.nearby && a.admitted == b.admitted
                && a.reassigned == b.reassigned && a.unplaced == b.unplaced && a.reasons == b.reasons && a.schools == b.schools
                && a.seatGroups == b.seatGroups && a.migrants == b.migrants
                && a.classSizes.map(\.size) == b.classSizes.map(\.size) && a.classSizes.map(\.classes) == b.classSizes.map(\.classes)
                && a.largeClasses == b.largeClasses
        }
    }

    package struct QuotaShare: Sendable, Equatable {
        package var highSchoolID: String
        package var quotaSeats: Int
        /// The school's plan (capacity), when the case is known.
        package var plan: Int?
        /// quotaSeats / plan as a percentage, when the plan is known.
        package var share: String?
        /// The policy's minimum share (`quota_share`, as written), when the case is known.
        package var minimum: String?
        /// Whether the share reaches the minimum, when both are known.
        package var meetsMinimum: Bool?
    }

    package var levels: [Level]
    package var quota: [QuotaShare]
    /// The figures with thresholds, level by level, then the quota share.
    package var verdicts: [Verdict]
    /// The resource figures of each level whose schools have rows in `resources.csv`.
    var resources: [ResourceBalance]

    /// Computes the report.
    /// - Throws: `PublishingError.missingColumn` when a run file lacks a column it reads.
    /// - Complexity: O(rows of the run's files).
    init(_ results: RunResults) throws(PublishingError) {
        let schoolsByID = Dictionary((results.admissionCase?.schools ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // The levels on all cores, each its own slot: the order is the run's.
        let parts = concurrentMap(count: results.levels.count) { k in
            Result { () throws(PublishingError) in try Self.level(results.levels[k], of: results, schoolsByID: schoolsByID) }
        }
        var levels: [Level] = [], verdicts: [Verdict] = [], resources: [ResourceBalance] = []
        for part in parts {
            let (level, levelVerdicts, balance) = try part.get()
            levels.append(level)
            verdicts += levelVerdicts
            if let balance { resources.append(balance) }
        }
        self.levels = levels
        var quota: [QuotaShare] = []
        if let allocation = results.quota?.allocation {
            let (h, s) = (try allocation.index(QuotaAllocationFile.Column.highSchoolID), try allocation.index(QuotaAllocationFile.Column.seats))
            var seats: [String: Int] = [:]
            for row in allocation.rows { seats[row[h], default: 0] += Int(row[s]) ?? 0 }
            let policy = results.admissionCase?.policy
            for id in seats.keys.sorted() {
                let plan = schoolsByID[id]?.capacity, given = seats[id]!
                let meets = plan.flatMap { plan in
                    policy.flatMap { policy in
                        plan > 0 ? (try? Rational(Int128(given), Int128(plan))).map { $0 >= policy.quotaShareValue } : nil
                    }
                }
                quota.append(QuotaShare(highSchoolID: id, quotaSeats: given, plan: plan, share: plan.map { Self.percent(given, of: $0) },
                                        minimum: policy?.quotaShare, meetsMinimum: meets))
            }
        }
        self.quota = quota
        if let policy = results.admissionCase?.policy, !quota.isEmpty, quota.allSatisfy({ $0.plan != nil }) {
            let (given, plans) = (quota.reduce(0) { $0 + $1.quotaSeats }, quota.reduce(0) { $0 + $1.plan! })
            verdicts.append(Self.verdict("quota_share", nil, given, of: plans, target: "≥ \(Self.percentText(policy.quotaShareValue))") { n, d in
                (try? Rational(Int128(n), Int128(d))).map { $0 >= policy.quotaShareValue } ?? false
            })
        }
        self.verdicts = verdicts
        self.resources = resources
    }

    /// One level's part of the report: its figures, its verdicts (in the report's order) and its
    /// resource balance.
    /// - Complexity: O(rows of the level's run files).
    private static func level(_ level: LevelResults, of results: RunResults, schoolsByID: [String: School]) throws(PublishingError)
        -> (Level, [Verdict], ResourceBalance?) {
        var verdicts: [Verdict] = []
        let p = level.placements
        typealias P = PlacementsFile.Column
        let (sid, school, status, note) = (try p.index(P.studentID), try p.index(P.schoolID), try p.index(P.status), try p.index(P.note))
        // A placement's zoning row and applicant, found where the files put them in the same order.
        let zoning = level.zoning
        let zoneColumns = try zoning.map { z throws(PublishingError) in (try z.index(ZoningFile.Column.studentID), try z.index(ZoningFile.Column.schools)) }
        var zoningRow = AlignedIndex(count: zoning?.rows.count ?? 0) { zoning!.rows[$0, zoneColumns!.0] }
        let seatsColumn = p.columns.firstIndex(of: P.seats.rawValue)
        let applicants = results.admissionCase?.applicants(level.level) ?? []
        var applicantRow = AlignedIndex(count: applicants.count) { applicants[$0].id }
        let migrantTags = results.admissionCase?.policy.purchasedPlaceCategories ?? []
        var groupFill: [String: Int] = [:], groupOfCategory: [String: Int] = [:], migrantsPlaced = 0
        // The standard's nearby admission (urban and town public schools, boarding ones left
        // out), admissions outside the zone at public schools, disabled children placed.
        var standardPlaced = 0, standardNearby = 0, publicPlaced = 0, publicOutOfZone = 0, disabledPlaced = 0
        var counts: [String: Int] = [:], placed: [String: Int] = [:], reasons: [String: [String: Int]] = [:], nearby = 0
        for (k, row) in p.rows.enumerated() {
            // Each field made a string once (a row's fields are read when asked for).
            let (rowStatus, rowSchool, studentID) = (row[status], row[school], row[sid])
            counts[rowStatus, default: 0] += 1
            if rowStatus != PlacementRun.Placement.Status.admitted.rawValue {
                reasons[rowStatus, default: [:]][row[note].isEmpty ? Self.noListedSeat : row[note], default: 0] += 1
            }
            guard rowStatus != PlacementRun.Placement.Status.unplaced.rawValue, !rowSchool.isEmpty else { continue }
            placed[rowSchool, default: 0] += 1
            let applicant = applicantRow.position(of: studentID, expected: k).map { applicants[$0] }
            let inZone = zoningRow.position(of: studentID, expected: k).map { z in
                ZoningFile.schools(inField: zoning!.rows[z, zoneColumns!.1]).contains(Substring(rowSchool))
            } ?? false
            // A junior applicant's feeder school: the junior school its primary school feeds.
            let feeder = level.level == .junior ? applicant?.primarySchool.flatMap { schoolsByID[$0]?.feeds } : nil
            let isNearby = inZone || feeder == rowSchool
            let categories = applicant?.categories ?? []
            if let s = schoolsByID[rowSchool], s.sector == .public {
                publicPlaced += 1
                if !isNearby { publicOutOfZone += 1 }
                if s.locale == .urban || s.locale == .town, !s.boarding {
                    standardPlaced += 1
                    if isNearby { standardNearby += 1 }
                }
            }
            if categories.contains("disabled") { disabledPlaced += 1 }
            let seats = seatsColumn.map { row[$0] } ?? ""
            if !seats.isEmpty {
                let key = rowSchool + "\u{0}" + seats
                groupFill[key, default: 0] += 1
                if let category = SeatsLabel(code: seats)?.reservedCategory, categories.contains(category) {
                    groupOfCategory[key, default: 0] += 1
                }
            }
            if categories.contains(where: migrantTags.contains),
               SeatsLabel(code: seats) == .purchased || schoolsByID[rowSchool]?.sector == .public {
                migrantsPlaced += 1
            }
            if isNearby { nearby += 1 }
        }
        var firstChoice: [String: Int]?
        if let ranks = level.ranks {
            let (rs, rc) = (try ranks.index(RanksFile.Column.schoolID), try ranks.index(RanksFile.Column.choiceRank))
            var tally: [String: Int] = [:]
            for row in ranks.rows where row[rc] == "1" { tally[row[rs], default: 0] += 1 }
            firstChoice = tally
        }
        let c = level.cutoffs
        let (cs, cc, cg) = (try c.index(CutoffsFile.Column.schoolID), try c.index(CutoffsFile.Column.capacity),
                            c.columns.firstIndex(of: CutoffsFile.Column.seats.rawValue))
        // A school's seats are the sum of its groups' (one row each).
        var capacity: [String: Int] = [:], seatGroups: [SeatGroupFill] = []
        for row in c.rows {
            capacity[row[cs], default: 0] += Int(row[cc]) ?? 0
            guard let cg, SeatsLabel(code: row[cg]) != .all else { continue }
            let key = row[cs] + "\u{0}" + row[cg]
            seatGroups.append(SeatGroupFill(schoolID: row[cs], seats: row[cg], capacity: Int(row[cc]) ?? 0, filled: groupFill[key] ?? 0,
                                            ofCategory: SeatsLabel(code: row[cg])?.reservedCategory != nil && results.admissionCase != nil ? groupOfCategory[key] ?? 0 : nil))
        }
        let schools = capacity.keys.sorted().map { id in
            let seats = capacity[id]!, n = placed[id] ?? 0
            return SchoolFill(schoolID: id, seats: seats, placed: n, firstChoice: firstChoice.map { $0[id] ?? 0 },
                              fillRate: Self.percent(n, of: seats))
        }
        let migrantCount = results.admissionCase == nil ? nil : applicants.count { $0.categories.contains(where: migrantTags.contains) }
        let migrants = migrantCount.map { n in
            MigrantShare(children: n, inPublicOrPurchased: migrantsPlaced, rate: Self.percent(migrantsPlaced, of: n),
                         meetsTarget: migrantsPlaced * 100 >= Self.migrantTargetPercent * n)
        }
        var sizes: [Int: Int] = [:], large: [LargeClass] = []
        if let summary = level.classSummary {
            typealias S = ClassSummaryFile.Column
            let (ss, sn, sz) = (try summary.index(S.schoolID), try summary.index(S.classNumber), try summary.index(S.size))
            for row in summary.rows {
                let size = Int(row[sz]) ?? 0
                sizes[size, default: 0] += 1
                if size >= Self.largeClassSize { large.append(LargeClass(schoolID: row[ss], classNumber: row[sn], size: size)) }
            }
        }
        if results.admissionCase != nil {
            let l = level.level
            let hasLocale = schoolsByID.values.contains { $0.level == l && $0.locale != nil }
            verdicts.append(hasLocale
                ? verdict("nearby_admission", l, standardNearby, of: standardPlaced, target: l == .primary ? "100%" : "≥ 95%") { n, d in
                    l == .primary ? n == d : n * 100 >= 95 * d }
                : Verdict(indicator: "nearby_admission", level: l, count: 0, denominator: 0, value: "–",
                          target: l == .primary ? "100%" : "≥ 95%", passes: nil))
            verdicts.append(verdict("out_of_zone_public", l, publicOutOfZone, of: publicPlaced, target: "≤ 5%") { n, d in n * 100 <= 5 * d })
            if let migrants {
                verdicts.append(verdict("migrants_public_or_purchased", l, migrants.inPublicOrPurchased, of: migrants.children,
                                        target: "≥ \(Self.migrantTargetPercent)%") { n, d in n * 100 >= Self.migrantTargetPercent * d })
            }
            let disabled = applicants.count { $0.has("disabled") }
            verdicts.append(verdict("disabled_placed", l, disabledPlaced, of: disabled, target: "100%") { n, d in n == d })
        }
        let balance = results.admissionCase.flatMap { ResourceBalance(level: level.level, admissionCase: $0, placed: placed) }
        if let balance {
            let max = ResourceBalance.cvMaximum(level.level)
            verdicts.append(verdict("schools_meeting_resources", level.level, balance.schools.count { $0.passes }, of: balance.schools.count,
                                    target: "100%") { n, d in n == d })
            verdicts.append(Verdict(indicator: "resource_spread", level: level.level, count: balance.coefficients.count { $0 != nil },
                                    denominator: balance.coefficients.count, value: balance.comprehensive.map { DecimalText.format($0, places: 3) } ?? "–",
                                    target: "≤ " + DecimalText.format(max, places: 2), passes: balance.spreadPasses))
        }
        if level.classSummary != nil {
            let classes = sizes.values.reduce(0, +)
            verdicts.append(verdict("large_classes", level.level, large.count, of: classes, target: "0", percent: false) { n, _ in n == 0 })
            let middling = sizes.filter { (46...55).contains($0.key) }.values.reduce(0, +)
            verdicts.append(verdict("classes_46_to_55", level.level, middling, of: classes, target: nil, percent: false) { _, _ in true })
        }
        return (Level(
            level: level.level, applicants: p.rows.count, nearby: nearby, nearbyRate: Self.percent(nearby, of: p.rows.count),
            admitted: counts[PlacementRun.Placement.Status.admitted.rawValue] ?? 0,
            reassigned: counts[PlacementRun.Placement.Status.reassigned.rawValue] ?? 0, unplaced: counts[PlacementRun.Placement.Status.unplaced.rawValue] ?? 0,
            reasons: reasons.keys.sorted().flatMap { s in reasons[s]!.keys.sorted().map { Reason(status: s, reason: $0, count: reasons[s]![$0]!) } },
            schools: schools, seatGroups: seatGroups, migrants: migrants,
            classSizes: sizes.keys.sorted().map { ($0, sizes[$0]!) },
            largeClasses: large.sorted { ($0.schoolID, Int($0.classNumber) ?? 0) < ($1.schoolID, Int($1.classNumber) ?? 0) }), verdicts, balance)
    }

    /// A figure with its threshold (`passes` compares the integers), or without one.
    private static func verdict(_ indicator: String, _ level: SchoolLevel?, _ count: Int, of denominator: Int, target: String?,
                                percent: Bool = true, passes: (Int, Int) -> Bool) -> Verdict {
        Verdict(indicator: indicator, level: level, count: count, denominator: denominator,
                value: percent ? Self.percent(count, of: denominator) : "\(count)", target: target,
                passes: target == nil || (percent && denominator == 0) ? nil : passes(count, denominator))
    }

    /// An exact share as a percentage without trailing zeros (`1/2` is `50%`, `3/5` is `60%`).
    static func percentText(_ share: Rational) -> String {
        let tenths = (try? share * Rational(1000))?.floor ?? 0
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    /// `part / whole` as a percentage with one decimal, rounded half up (`"97.8%"`); `"–"` for a whole of 0.
    package static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let tenths = (part * 2000 + whole) / (2 * whole)
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// The report as public tables: `supervision-<level>-schools`, `supervision-<level>-seat-groups`
    /// (when a school has reserved seats or purchased places), `supervision-<level>-resources` and
    /// `-resource-spread` (with `resources.csv`), `supervision-verdicts` (every figure with a
    /// threshold), `supervision-<level>-reasons`,
    /// `supervision-<level>-class-sizes`, `supervision-summary` and, with quotas, `supervision-quota`.
    var tables: [PublicTable] {
        var tables: [PublicTable] = [PublicTable(
            name: "supervision-summary", source: nil,
            columns: ["level", "applicants", "nearby", "nearby_rate", "admitted", "reassigned", "unplaced", "classes", "large_classes",
                      "migrants", "migrants_public_or_purchased", "migrant_rate", "migrant_target_met"],
            rows: levels.map { l in
                [l.level.rawValue, "\(l.applicants)", "\(l.nearby)", l.nearbyRate, "\(l.admitted)", "\(l.reassigned)", "\(l.unplaced)",
                 "\(l.classSizes.reduce(0) { $0 + $1.classes })", "\(l.largeClasses.count)",
                 l.migrants.map { "\($0.children)" } ?? "", l.migrants.map { "\($0.inPublicOrPurchased)" } ?? "", l.migrants?.rate ?? "",
                 l.migrants.map { $0.meetsTarget ? "true" : "false" } ?? ""]
            })]
        for l in levels {
            let name = "supervision-\(l.level.rawValue)"
            tables.append(PublicTable(name: name + "-schools", source: nil, columns: ["school_id", "seats", "placed", "first_choice", "fill_rate"],
                                      rows: l.schools.map { [$0.schoolID, "\($0.seats)", "\($0.placed)", $0.firstChoice.map(String.init) ?? "", $0.fillRate] }))
            if !l.seatGroups.isEmpty {
                tables.append(PublicTable(name: name + "-seat-groups", source: nil, columns: ["school_id", "seats", "capacity", "filled", "of_category"],
                                          rows: l.seatGroups.map { [$0.schoolID, $0.seats, "\($0.capacity)", "\($0.filled)", $0.ofCategory.map(String.init) ?? ""] }))
            }
            tables.append(PublicTable(name: name + "-reasons", source: nil, columns: ["status", "reason", "count"],
                                      rows: l.reasons.map { [$0.status, $0.reason, "\($0.count)"] }))
            tables.append(PublicTable(name: name + "-class-sizes", source: nil, columns: ["size", "classes", "large"],
                                      rows: l.classSizes.map { ["\($0.size)", "\($0.classes)", $0.size >= Self.largeClassSize ? "true" : "false"] }))
        }
        for balance in resources {
            let name = "supervision-\(balance.level.rawValue)"
            let indicators = SchoolResources.Indicator.allCases.map(\.rawValue)
            tables.append(PublicTable(name: name + "-resources", source: nil, columns: ["school_id", "pupils"] + indicators + ["met", "passes"],
                                      rows: balance.schools.map { s in
                                          [s.schoolID, "\(s.pupils)"] + s.values.map { $0.map { DecimalText.format($0, places: 2) } ?? "" }
                                              + ["\(s.met)", s.passes ? "true" : "false"]
                                      }))
            tables.append(PublicTable(name: name + "-resource-spread", source: nil, columns: ["indicator", "standard", "coefficient_of_variation"],
                                      rows: zip(indicators, zip(balance.standards, balance.coefficients)).map { i, sc in
                                          [i, DecimalText.trimmed(sc.0), sc.1.map { DecimalText.format($0, places: 3) } ?? ""]
                                      } + [["comprehensive", "≤ " + DecimalText.format(ResourceBalance.cvMaximum(balance.level), places: 2),
                                            balance.comprehensive.map { DecimalText.format($0, places: 3) } ?? ""]]))
        }
        tables.append(PublicTable(name: "supervision-verdicts", source: nil,
                                  columns: ["indicator", "level", "count", "denominator", "value", "target", "passes"],
                                  rows: verdicts.map { v in
                                      [v.indicator, v.level?.rawValue ?? "", "\(v.count)", "\(v.denominator)", v.value, v.target ?? "",
                                       v.passes.map { $0 ? "true" : "false" } ?? ""]
                                  }))
        if !quota.isEmpty {
            tables.append(PublicTable(name: "supervision-quota", source: nil,
                                      columns: ["high_school_id", "quota_seats", "plan", "share", "minimum", "meets_minimum"],
                                      rows: quota.map { q in
                                          [q.highSchoolID, "\(q.quotaSeats)", q.plan.map(String.init) ?? "", q.share ?? "", q.minimum ?? "",
                                           q.meetsMinimum.map { $0 ? "true" : "false" } ?? ""]
                                      }))
        }
        return tables
    }
}
