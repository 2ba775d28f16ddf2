import EnrollmentIO
import EnrollmentVocabulary

/// Reading and writing `policy.json`: one JSON object whose keys are the policy's rules,
/// every one optional (see `Policy` and docs/FORMATS.md for meanings and defaults).
///
/// A key the tool does not know is an error, with the nearest known key suggested, so a
/// misspelt rule is never silently left at its default; so is a value of the wrong type
/// or out of its range. Every message names `policy.json:line:column` of the value.
package enum PolicyFile {
    package static let fileName = "policy.json"

    /// Every key, in the order `render` writes them.
    package static let keys = [
        "coordinate_system", "intake_year", "age_cutoff_date", "entry_age", "residence_order", "months_required", "priority_categories", "sibling_priority", "feeder_priority",
        "mechanism", "reserved_seats", "reserve_order", "purchased_place_categories",
        "reassignment_reach_metres", "class_size_cap", "care_groups", "disabled_per_class", "disabled_weight", "twins",
        "twins_share_lottery_number", "ring_draw_levels", "ring_draw_schools", "near_boundary_metres", "overlap_tolerance_metres", "quota_share", "quota_share_local",
        "quota_rounding", "quota_min_per_school", "quota_basis", "quota_tie_break", "quota_mechanism",
        "quota_tie_at_last_seat", "quota_min_score", "quota_min_score_below_cutoff", "quota_order", "quota_unfilled", "resource_standards",
    ]

    package static let coordinateSystems = ["WGS-84", "GCJ-02", "CGCS2000"]

    /// Reads a policy; on problems, returns the defaults for the keys in error, and every problem.
    package static func read(_ bytes: [UInt8], file: String = fileName) -> (policy: Policy, diagnostics: [Diagnostic]) {
        let root: JSONValue
        do {
            root = try JSONReader.parse(bytes, file: file)
        } catch {
            return (Policy(), [error])
        }
        guard case .object(let members) = root.kind else {
            return (Policy(), [Diagnostic(root.location(in: file), "the policy must be a JSON object of rules, like {\"mechanism\": \"deferred-acceptance\"}")])
        }
        var reader = Reader(file: file)
        var policy = Policy()
        var seen: [String: Int] = [:]
        for m in members {
            if let first = seen[m.key] {
                reader.problem(JSONValue(.null, line: m.line, column: m.column), "the key \"\(m.key)\" is given twice (also on line \(first))")
                continue
            }
            seen[m.key] = m.line
            reader.apply(m, to: &policy)
        }
        if policy.quotaShareValue < Rational(parsing: "0.5")!, !policy.quotaShareLocal, let share = root["quota_share"] {
            reader.problem(share, "quota_share is below 0.5, the minimum the provincial documents set; if a local rule allows it, also set \"quota_share_local\": true")
        }
        return (policy, reader.diagnostics)
    }

    /// The policy's references to the other files of the case, checked once they are read: a
    /// `quota_min_score` line for a school that is not a quality high school, and a
    /// `quota_tie_break` subject no graduate has a score in (each would stop `enroll quota`),
    /// at the key or the list item; a `reserved_seats` entry naming no primary or junior school,
    /// holding a school for one category twice, reserving more seats than the school has, a cap
    /// above the school's seats, or a second capped category at one school; a `ring_draw_schools`
    /// entry naming no primary or junior school, a school of a level `ring_draw_levels` places
    /// whole, or a school with reserved seats.
    /// Reports nothing when the policy or `schools.csv` has
    /// problems of its own.
    /// - Complexity: O(size of the policy + graduates × subjects + reserves × schools).
    package static func referenceProblems(_ bytes: [UInt8], file: String = fileName, in c: AdmissionCase) -> [Diagnostic] {
        guard !c.schools.isEmpty, let root = try? JSONReader.parse(bytes, file: file) else { return [] }
        var problems: [Diagnostic] = []
        let quality = Set(c.schools(.high).filter(\.quality).map(\.id))
        for m in root["quota_min_score"]?.members ?? [] where !quality.contains(m.key) {
            problems.append(Diagnostic(SourceLocation(file: file, line: m.line, column: m.column),
                                       "quota_min_score: '\(m.key)' is not a quality high school in \(SchoolTable.fileName); lines are set for quality high schools only"))
        }
        var reservedAt: [String: Int] = [:]
        var held = Set<[String]>(), capped = Set<String>()
        for (item, reserve) in zip(root["reserved_seats"]?.elements ?? [], c.policy.reservedSeats) {
            let location = item.location(in: file)
            guard let school = c.schools.first(where: { $0.id == reserve.school }), school.level != .high else {
                problems.append(Diagnostic(location, "reserved_seats: '\(reserve.school)' is not a primary or junior school in \(SchoolTable.fileName)"))
                continue
            }
            guard held.insert([reserve.school, reserve.category]).inserted else {
                problems.append(Diagnostic(location, "reserved_seats: \(reserve.school) holds seats for \(reserve.category) twice; give one entry with the sum"))
                continue
            }
            if let cap = reserve.cap {
                guard capped.insert(school.id).inserted else {
                    problems.append(Diagnostic(location, "reserved_seats: \(school.id) caps a second category; a school may cap one"))
                    continue
                }
                if cap > school.capacity {
                    problems.append(Diagnostic(location, "reserved_seats: a cap of \(cap) at \(school.id), which has \(school.capacity) seats in \(SchoolTable.fileName); "
                                               + "leave the cap out, or give one the school can reach"))
                }
            }
            reservedAt[school.id, default: 0] += reserve.seats
            if reservedAt[school.id]! > school.capacity {
                problems.append(Diagnostic(location, "reserved_seats: \(school.id) would hold \(reservedAt[school.id]!) reserved seats "
                                           + "but has \(school.capacity) in \(SchoolTable.fileName); reserve fewer"))
            }
        }
        for (item, id) in zip(root["ring_draw_schools"]?.elements ?? [], c.policy.ringDrawSchools) {
            let location = item.location(in: file)
            guard let school = c.schools.first(where: { $0.id == id }), school.level != .high else {
                problems.append(Diagnostic(location, "ring_draw_schools: '\(id)' is not a primary or junior school in \(SchoolTable.fileName)"))
                continue
            }
            if c.policy.ringDrawLevels.contains(school.level) {
                problems.append(Diagnostic(location, "ring_draw_schools: \(id) is a \(school.level.rawValue) school, and ring_draw_levels already places the whole "
                                           + "\(school.level.rawValue) level by one ring draw; name the level or its schools, not both"))
            }
            if c.policy.reservedSeats.contains(where: { $0.school == id }) {
                problems.append(Diagnostic(location, "ring_draw_schools: \(id) reserves seats (reserved_seats); a school drawn by a ring orders all its "
                                           + "applicants in one list, so it cannot hold seats for a category first: remove one of the two"))
            }
        }
        for item in root["quota_tie_break"]?.elements ?? [] where !c.graduates.isEmpty {
            guard let key = item.string, key.hasPrefix("score_") else { continue }
            // Scanned only as far as the first graduate with that score (the first, as a rule).
            let subject = String(key.dropFirst("score_".count))
            guard !c.graduates.contains(where: { $0.subjectScores.contains { $0.subject == subject } }) else { continue }
            problems.append(Diagnostic(item.location(in: file),
                                       "quota_tie_break: no graduate in \(GraduateTable.fileName) has a \(key) score; check the column name"))
        }
        return problems
    }

    /// The policy as JSON, every key written (defaults included) but `ring_draw_levels` and
    /// `ring_draw_schools`, which are written only when they name something (the policies
    /// written before they were keys keep their bytes), in `keys` order.
    package static func render(_ p: Policy) -> [UInt8] {
        let strings: ([String]) -> JSONValue = { .array($0.map(JSONValue.string)) }
        var members: [(String, JSONValue)] = [
            ("coordinate_system", .string(p.coordinateSystem)),
            ("intake_year", p.ageWindow.intakeYear.map(JSONValue.integer) ?? .null),
            ("age_cutoff_date", .string(p.ageWindow.cutoffText)),
            ("entry_age", .object(SchoolLevel.allCases.compactMap { level in
                p.ageWindow.entryAges[level].map { ages in
                    (level.rawValue, ages.count == 1 ? .integer(ages.lowerBound) : .array([.integer(ages.lowerBound), .integer(ages.upperBound)]))
                }
            })),
            ("residence_order", strings(p.residenceOrder.map(\.rawValue))),
            ("months_required", .object(ResidenceTie.allCases.compactMap { tie in
                p.monthsRequired[tie].map { (tie.rawValue, .object($0.columns.map { ($0.column, .integer($0.months)) })) }
            })),
            ("priority_categories", strings(p.priorityCategories)),
            ("sibling_priority", .bool(p.siblingPriority)),
            ("feeder_priority", .bool(p.feederPriority)),
            ("mechanism", .string(p.mechanism.rawValue)),
            ("reserved_seats", .array(p.reservedSeats.map { r in
                .object([("school", .string(r.school)), ("category", .string(r.category)), ("seats", .integer(r.seats))]
                        + (r.cap.map { [("cap", JSONValue.integer($0))] } ?? []))
            })),
            ("reserve_order", .string(p.reserveOrder.rawValue)),
            ("purchased_place_categories", strings(p.purchasedPlaceCategories)),
            ("reassignment_reach_metres", p.reassignmentReachMetres.map { JSONValue.decimal(exactText($0)) ?? .integer(0) } ?? .null),
            ("class_size_cap", .object(SchoolLevel.allCases.compactMap { level in p.classSizeCap[level].map { (level.rawValue, .integer($0)) } })),
            ("care_groups", strings(p.careGroups)),
            ("disabled_per_class", .integer(p.disabledPerClass)),
            ("disabled_weight", .integer(p.disabledWeight)),
            ("twins", .string(p.twins.rawValue)),
            ("twins_share_lottery_number", .bool(p.twinsShareLotteryNumber)),
            ("near_boundary_metres", JSONValue.decimal(exactText(p.nearBoundaryMetres)) ?? .integer(20)),
            ("overlap_tolerance_metres", JSONValue.decimal(exactText(p.overlapToleranceMetres)) ?? .integer(0)),
            ("quota_share", JSONValue.decimal(p.quotaShare) ?? .string(p.quotaShare)),
            ("quota_share_local", .bool(p.quotaShareLocal)),
            ("quota_rounding", .string(p.quotaRounding.rawValue)),
            ("quota_min_per_school", .integer(p.quotaMinPerSchool)),
            ("quota_basis", .string(p.quotaBasis.rawValue)),
            ("quota_tie_break", strings(p.quotaTieBreak)),
            ("quota_mechanism", .string(p.quotaMechanism.rawValue)),
            ("quota_tie_at_last_seat", .string(p.quotaTieAtLastSeat.rawValue)),
            ("quota_min_score", scoreLine(p.quotaMinScore)),
            ("quota_min_score_below_cutoff", p.quotaMinScoreBelowCutoff.map(score) ?? .null),
            ("quota_order", .string(p.quotaOrder.rawValue)),
            ("quota_unfilled", .string(p.quotaUnfilled.rawValue)),
            ("resource_standards", resourceStandards(p)),
        ]
        let after = members.firstIndex { $0.0 == "twins_share_lottery_number" }! + 1
        if !p.ringDrawSchools.isEmpty { members.insert(("ring_draw_schools", strings(p.ringDrawSchools)), at: after) }
        if !p.ringDrawLevels.isEmpty { members.insert(("ring_draw_levels", strings(p.ringDrawLevels.map(\.rawValue))), at: after) }
        return JSONWriter.render(.object(members))
    }

    /// `x` as a JSON number that reads back as exactly `x`: six decimals at most where that is
    /// exact (`20`, `12.5`), else the shortest round-trip form (`0.0000001` is `1e-07`).
    private static func exactText(_ x: Double) -> String {
        let fixed = DecimalText.trimmed(x)
        return Double(fixed) == x ? fixed : "\(x)"
    }

    /// `resource_standards`: per level, the indicators the policy sets, in the indicators' order.
    private static func resourceStandards(_ p: Policy) -> JSONValue {
        var levels: [(String, JSONValue)] = []
        for level in [SchoolLevel.primary, .junior] {
            guard let standards = p.resourceStandards[level] else { continue }
            var items: [(String, JSONValue)] = []
            for indicator in SchoolResources.Indicator.allCases {
                if let x = standards[indicator] { items.append((indicator.rawValue, JSONValue.decimal(exactText(x)) ?? .integer(0))) }
            }
            levels.append((level.rawValue, .object(items)))
        }
        return .object(levels)
    }

    private static func score(_ s: Score) -> JSONValue {
        JSONValue.decimal(s.description) ?? .integer(s.hundredths / 100)
    }

    private static func scoreLine(_ line: QuotaScoreLine) -> JSONValue {
        switch line {
        case .none: return .null
        case .everySchool(let s): return score(s)
        case .bySchool(let lines): return .object(lines.sorted { $0.key < $1.key }.map { ($0.key, score($0.value)) })
        }
    }

    /// Applies members to a policy, collecting problems.
    package struct Reader {
        package let file: String
        package var diagnostics: [Diagnostic] = []

        package mutating func problem(_ value: JSONValue, _ message: String) {
            diagnostics.append(Diagnostic(value.location(in: file), message))
        }

        package mutating func apply(_ m: JSONValue.Member, to p: inout Policy) {
            let v = m.value
            switch m.key {
            case "coordinate_system":
                if let s = oneOf(v, PolicyFile.coordinateSystems, m.key) { p.coordinateSystem = s }
            case "residence_order":
                if let names = strings(v, m.key) {
                    let ties = names.compactMap(ResidenceTie.init(parsing:))
                    if ties.count == names.count, Set(ties).count == ResidenceTie.allCases.count, ties.count == ResidenceTie.allCases.count {
                        p.residenceOrder = ties
                    } else {
                        problem(v, "residence_order must list each of \(ResidenceTie.allCases.map(\.rawValue).joined(separator: ", ")) exactly once")
                    }
                }
            case "intake_year":
                if case .null = v.kind { p.ageWindow.intakeYear = nil } else if let y = integer(v, m.key, in: 2000...2100) { p.ageWindow.intakeYear = y }
            case "age_cutoff_date":
                guard case .string(let text) = v.kind, let day = Self.monthAndDay(text) else {
                    return problem(v, "age_cutoff_date must be a month and day written MM-DD, such as \"08-31\" (not 02-29, which most years lack)")
                }
                (p.ageWindow.cutoffMonth, p.ageWindow.cutoffDay) = day
            case "entry_age":
                guard case .object(let levels) = v.kind else {
                    return problem(v, "entry_age must be an object such as {\"primary\": 6, \"junior\": [12, 13]}: per level, an age or the youngest and oldest")
                }
                for level in levels {
                    guard let l = SchoolLevel(rawValue: level.key), l != .high else {
                        problem(level.value, "entry_age has ages for primary and junior only, not \"\(level.key)\"")
                        continue
                    }
                    if let ages = ageRange(level.value, "entry_age.\(level.key)") { p.ageWindow.entryAges[l] = ages }
                }
            case "months_required":
                guard case .object(let ties) = v.kind else {
                    return problem(v, "months_required must be an object such as {\"residence_permit\": {\"permit_months\": 12, \"insurance_months\": 6}}")
                }
                for tie in ties {
                    guard let t = ResidenceTie(rawValue: tie.key) else {
                        problem(tie.value, "months_required: \"\(tie.key)\" is not a residence type (\(ResidenceTie.allCases.map(\.rawValue).joined(separator: ", ")))")
                        continue
                    }
                    if let months = monthsRequired(tie.value, "months_required.\(tie.key)") { p.monthsRequired[t] = months }
                }
            case "priority_categories": if let s = strings(v, m.key) { p.priorityCategories = s }
            case "care_groups": if let s = strings(v, m.key) { p.careGroups = s }
            case "purchased_place_categories": if let s = strings(v, m.key) { p.purchasedPlaceCategories = s }
            case "reassignment_reach_metres":
                if case .null = v.kind { p.reassignmentReachMetres = nil; return }
                guard case .number(let x, _) = v.kind, x >= 0, x <= 1_000_000 else {
                    return problem(v, "reassignment_reach_metres must be a number of metres from 0 to 1000000, or null for the whole level")
                }
                p.reassignmentReachMetres = x
            case "sibling_priority": if let b = bool(v, m.key) { p.siblingPriority = b }
            case "feeder_priority": if let b = bool(v, m.key) { p.feederPriority = b }
            case "twins_share_lottery_number": if let b = bool(v, m.key) { p.twinsShareLotteryNumber = b }
            case "ring_draw_levels":
                guard let levels = strings(v, m.key) else { return }
                var chosen: [SchoolLevel] = []
                for text in levels {
                    guard let level = SchoolLevel(rawValue: text), level != .high else {
                        return problem(v, "ring_draw_levels lists levels placed by a ring draw: \"primary\", \"junior\", not \"\(text)\"")
                    }
                    guard !chosen.contains(level) else { return problem(v, "ring_draw_levels lists \"\(text)\" twice") }
                    chosen.append(level)
                }
                p.ringDrawLevels = chosen
            case "ring_draw_schools":
                guard let schools = strings(v, m.key) else { return }
                var seen = Set<String>()
                for (item, id) in zip(v.elements ?? [], schools) where !seen.insert(id).inserted {
                    return problem(item, "ring_draw_schools lists \"\(id)\" twice")
                }
                p.ringDrawSchools = schools
            case "quota_share_local": if let b = bool(v, m.key) { p.quotaShareLocal = b }
            case "mechanism":
                if let s = oneOf(v, Mechanism.allCases.map(\.rawValue), m.key) { p.mechanism = Mechanism(rawValue: s)! }
            case "reserve_order":
                if let s = oneOf(v, ReserveOrder.allCases.map(\.rawValue), m.key) { p.reserveOrder = ReserveOrder(rawValue: s)! }
            case "reserved_seats":
                guard case .array(let items) = v.kind else {
                    return problem(v, "reserved_seats must be an array such as [{\"school\": \"P05\", \"category\": \"left_behind\", \"seats\": 20}]")
                }
                p.reservedSeats = items.compactMap { reserve($0) }
            case "twins":
                if let s = oneOf(v, Policy.TwinRule.allCases.map(\.rawValue), m.key) { p.twins = Policy.TwinRule(rawValue: s)! }
            case "quota_rounding":
                if let s = oneOf(v, ApportionmentMethod.allCases.map(\.rawValue), m.key) { p.quotaRounding = ApportionmentMethod(rawValue: s)! }
            case "class_size_cap":
                guard case .object(let levels) = v.kind else { return problem(v, "class_size_cap must be an object such as {\"primary\": 45, \"junior\": 50}") }
                for level in levels {
                    guard let l = SchoolLevel(rawValue: level.key), l != .high else {
                        problem(level.value, "class_size_cap has caps for primary and junior only, not \"\(level.key)\"")
                        continue
                    }
                    if let n = integer(level.value, "class_size_cap.\(level.key)", in: 1...55) { p.classSizeCap[l] = n }
                }
            case "disabled_per_class": if let n = integer(v, m.key, in: 0...55) { p.disabledPerClass = n }
            case "disabled_weight": if let n = integer(v, m.key, in: 1...10) { p.disabledWeight = n }
            case "quota_min_per_school": if let n = integer(v, m.key, in: 0...10_000) { p.quotaMinPerSchool = n }
            case "quota_basis":
                if let s = oneOf(v, QuotaBasis.allCases.map(\.rawValue), m.key) { p.quotaBasis = QuotaBasis(rawValue: s)! }
            case "quota_mechanism":
                if let s = oneOf(v, Mechanism.allCases.map(\.rawValue), m.key) { p.quotaMechanism = Mechanism(rawValue: s)! }
            case "quota_tie_at_last_seat":
                if let s = oneOf(v, LastSeatTieRule.allCases.map(\.rawValue), m.key) { p.quotaTieAtLastSeat = LastSeatTieRule(rawValue: s)! }
            case "quota_order":
                if let s = oneOf(v, QuotaOrder.allCases.map(\.rawValue), m.key) { p.quotaOrder = QuotaOrder(rawValue: s)! }
            case "quota_unfilled":
                if let s = oneOf(v, QuotaUnfilledRule.allCases.map(\.rawValue), m.key) { p.quotaUnfilled = QuotaUnfilledRule(rawValue: s)! }
            case "resource_standards":
                guard case .object(let levels) = v.kind else {
                    return problem(v, "resource_standards must be an object such as {\"primary\": {\"teaching_area_m2\": 5}}")
                }
                for level in levels {
                    guard let l = SchoolLevel(rawValue: level.key), l != .high, case .object(let items) = level.value.kind else {
                        problem(level.value, "resource_standards has objects for primary and junior only, not \"\(level.key)\"")
                        continue
                    }
                    for item in items {
                        guard let indicator = SchoolResources.Indicator(rawValue: item.key) else {
                            problem(item.value, "resource_standards.\(level.key): \"\(item.key)\" is not an indicator (\(SchoolResources.Indicator.allCases.map(\.rawValue).joined(separator: ", ")))")
                            continue
                        }
                        guard case .number(let x, _) = item.value.kind, x >= 0, x <= 1e9 else {
                            problem(item.value, "resource_standards.\(level.key).\(item.key) must be a number of at least 0")
                            continue
                        }
                        p.resourceStandards[l, default: [:]][indicator] = x
                    }
                }
            case "quota_tie_break":
                guard let keys = strings(v, m.key) else { return }
                if let bad = keys.first(where: { $0.isEmpty || $0 == "score_" || $0 == "score" }) {
                    return problem(v, "quota_tie_break lists category tags or score_<subject> columns, not \"\(bad)\"")
                }
                if Set(keys).count != keys.count { return problem(v, "quota_tie_break lists a tie-break twice") }
                p.quotaTieBreak = keys
            case "quota_min_score":
                switch v.kind {
                case .null: p.quotaMinScore = .none
                case .object(let schools):
                    var lines: [String: Score] = [:]
                    for school in schools {
                        if let s = score(school.value, "quota_min_score.\(school.key)") { lines[school.key] = s }
                    }
                    p.quotaMinScore = .bySchool(lines)
                default:
                    if let s = score(v, m.key, object: true) { p.quotaMinScore = .everySchool(s) }
                }
            case "quota_min_score_below_cutoff":
                if case .null = v.kind { p.quotaMinScoreBelowCutoff = nil } else if let s = score(v, m.key) { p.quotaMinScoreBelowCutoff = s }
            case "near_boundary_metres":
                guard case .number(let x, _) = v.kind, x >= 0, x <= 10_000 else { return problem(v, "near_boundary_metres must be a number of metres from 0 to 10000") }
                p.nearBoundaryMetres = x
            case "overlap_tolerance_metres":
                guard case .number(let x, _) = v.kind, x >= 0, x <= 100 else { return problem(v, "overlap_tolerance_metres must be a number of metres from 0 to 100") }
                p.overlapToleranceMetres = x
            case "quota_share":
                guard case .number(_, let text) = v.kind, let share = Rational(parsing: text), share > Rational.zero, share <= Rational(1) else {
                    return problem(v, "quota_share must be a number above 0 and at most 1, such as 0.5 or 0.6")
                }
                p.quotaShare = text
            default:
                let hint = NearestName.nearest(to: m.key, among: PolicyFile.keys).map { "; did you mean \"\($0)\"?" } ?? ""
                diagnostics.append(Diagnostic(SourceLocation(file: file, line: m.line, column: m.column),
                                              "unknown key \"\(m.key)\"\(hint) (the keys are listed in docs/FORMATS.md)"))
            }
        }

        /// `MM-DD` of a day every year has.
        static func monthAndDay(_ text: String) -> (month: Int, day: Int)? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
                  let month = Int(parts[0]), let day = Int(parts[1]), (1...12).contains(month),
                  day >= 1, day <= CalendarDate.days(inMonth: month, year: 2001) else { return nil }
            return (month, day)
        }

        /// An age (`6`) or the youngest and oldest (`[12, 13]`), from 3 to 20.
        mutating func ageRange(_ v: JSONValue, _ key: String) -> ClosedRange<Int>? {
            let message = "\(key) must be an age from 3 to 20, or the youngest and oldest such as [12, 13]"
            switch v.kind {
            case .number:
                return integer(v, key, in: 3...20).map { $0...$0 }
            case .array(let items) where items.count == 2:
                guard let young = integer(items[0], key, in: 3...20), let old = integer(items[1], key, in: 3...20) else { return nil }
                guard young <= old else { problem(v, message); return nil }
                return young...old
            default:
                problem(v, message)
                return nil
            }
        }

        /// `{"school": "P05", "category": "left_behind", "seats": 20}`, every key required, and an
        /// optional `"cap"`.
        /// A school held twice for one category is reported at the second.
        mutating func reserve(_ v: JSONValue) -> ReservedSeats? {
            let example = "such as {\"school\": \"P05\", \"category\": \"left_behind\", \"seats\": 20}"
            guard case .object(let members) = v.kind else { problem(v, "reserved_seats holds objects \(example)"); return nil }
            var school: String?, category: String?, seats: Int?, cap: Int?
            let given = Set(members.map(\.key))
            for m in members {
                switch m.key {
                case "school", "category":
                    guard case .string(let text) = m.value.kind, !text.isEmpty else {
                        problem(m.value, "reserved_seats: \(m.key) must be a non-empty string")
                        continue
                    }
                    if m.key == "school" { school = text } else { category = text }
                case "seats":
                    seats = integer(m.value, "reserved_seats: seats", in: 1...1_000_000)
                case "cap":
                    cap = integer(m.value, "reserved_seats: cap", in: 1...1_000_000)
                default:
                    problem(m.value, "reserved_seats: an entry has school, category, seats and cap only, not \"\(m.key)\"")
                }
            }
            guard let school, let category, let seats else {
                if !given.isSuperset(of: ["school", "category", "seats"]) {
                    problem(v, "reserved_seats: each entry needs school, category and seats, \(example)")
                }
                return nil
            }
            if let cap, cap < seats {
                problem(v, "reserved_seats: a cap of \(cap) is below the \(seats) seats reserved; the cap counts the category's seats in all, the reserved ones included")
                return nil
            }
            return ReservedSeats(school: school, category: category, seats: seats, cap: cap)
        }

        /// `{"permit_months": 12, "insurance_months": 6}`, either key optional.
        mutating func monthsRequired(_ v: JSONValue, _ key: String) -> MonthsRequired? {
            guard case .object(let members) = v.kind else {
                problem(v, "\(key) must be an object such as {\"permit_months\": 12, \"insurance_months\": 6}")
                return nil
            }
            var result = MonthsRequired()
            for m in members {
                switch m.key {
                case "permit_months": if let n = integer(m.value, "\(key).permit_months", in: 0...600) { result.permit = n }
                case "insurance_months": if let n = integer(m.value, "\(key).insurance_months", in: 0...600) { result.insurance = n }
                default: problem(m.value, "\(key) has permit_months and insurance_months only, not \"\(m.key)\"")
                }
            }
            return result
        }

        package mutating func bool(_ v: JSONValue, _ key: String) -> Bool? {
            guard case .bool(let b) = v.kind else { problem(v, "\(key) must be true or false, not \(v.kindName)"); return nil }
            return b
        }

        package mutating func integer(_ v: JSONValue, _ key: String, in range: ClosedRange<Int>) -> Int? {
            guard case .number(let x, _) = v.kind, x == x.rounded(), let n = Int(exactly: x), range.contains(n) else {
                problem(v, "\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
                return nil
            }
            return n
        }

        /// A non-negative score with at most two decimals.
        package mutating func score(_ v: JSONValue, _ key: String, object: Bool = false) -> Score? {
            guard case .number(_, let text) = v.kind, let s = Score(parsing: text), s.hundredths >= 0 else {
                let alternative = object ? ", or an object of such numbers by high-school id such as {\"H01\": 520}" : ""
                problem(v, "\(key) must be a score of at least 0 with at most two decimals, such as 450 or 452.5\(alternative)")
                return nil
            }
            return s
        }

        package mutating func strings(_ v: JSONValue, _ key: String) -> [String]? {
            guard case .array(let items) = v.kind else { problem(v, "\(key) must be an array of strings, not \(v.kindName)"); return nil }
            var result: [String] = []
            for item in items {
                guard case .string(let s) = item.kind else { problem(item, "\(key) must hold strings only, not \(item.kindName)"); return nil }
                result.append(s)
            }
            return result
        }

        package mutating func oneOf(_ v: JSONValue, _ allowed: [String], _ key: String) -> String? {
            guard case .string(let s) = v.kind, allowed.contains(s) else {
                problem(v, "\(key) must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
                return nil
            }
            return s
        }
    }
}
