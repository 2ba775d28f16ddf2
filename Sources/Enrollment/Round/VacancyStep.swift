import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRunFolder
import EnrollmentVocabulary

/// The `vacancies` step (`enroll vacancies`): applicants who decline their seat free it, and
/// the seats go down the published waitlists (候补递补) — each promotion frees a seat further
/// down, until the chain ends (`VacancyChain`). It never rewrites the first result: round n
/// writes `<level>/vacancies-<n>.csv`, computed from the level's recorded placement
/// (`placements.csv` and `ranks.csv`, read back by `PlacementRecord`) and every withdrawal of
/// rounds 1…n, which the manifest records (`RoundStep.vacancies`), so `verify` repeats it from
/// the manifest and the recorded files alone.
enum VacancyStep {
    static func fileName(_ level: SchoolLevel, round: Int) -> String { "\(level.rawValue)/\(VacanciesFile.name(round: round))" }

    /// The step: every withdrawal of `rounds`, promoted down the recorded placement's waitlists.
    static func perform(level: SchoolLevel, rounds: [[String]], in context: StepContext) throws -> StepOutcome<VacanciesSummary> {
        let step = RoundStep.placement(level: level, ring: nil)
        let record = try PlacementRecord(placements: context.recordedOutput("\(level.rawValue)/\(PlacementsFile.name)", step),
                                         ranks: context.recordedOutput("\(level.rawValue)/\(RanksFile.name)", step),
                                         admissionCase: context.admissionCase, level: level,
                                         ringSchools: RingDrawFile.ringSchools(of: level, in: context.admissionCase), namingLevel: true)
        let withdrawn = Set(rounds.joined()).sorted()
        let result = promote(record, withdrawn: withdrawn)
        let outputs = [(name: fileName(level, round: rounds.count), bytes: table(record, result, withdrawn: withdrawn))]
        return StepOutcome(outputs: outputs, draws: ["\(level.rawValue)-placement"],
                           summary: VacanciesSummary(withdrawn: withdrawn.count, promotions: result.moves.count,
                                                     seatsLeftEmpty: result.emptySeats.reduce(0, +) + reassignedSeats(record, withdrawn)),
                           invariants: { invariants(outputs[0].bytes, record) })
    }

    /// Frees the withdrawn applicants' seats and promotes down the waitlists, seat group by seat
    /// group (`SeatGroups`): a freed reserved seat goes first to its category, a freed purchased
    /// place to nobody (no list names it). The reassigned hold no group: their seat had no
    /// waitlist (nobody was refused at a school that still had seats), and they wait at every
    /// group they listed.
    static func promote(_ record: PlacementRecord, withdrawn: [String]) -> VacancyChainResult {
        var index: [String: Int] = [:]
        for (i, id) in record.studentIDs.enumerated() { index[id] = i }
        return VacancyChain.promote(withdrawn: withdrawn.compactMap { index[$0] }, from: record.groupMatching,
                                    waitlists: Waitlist.waitlists(record.groupMatching, in: record.groupInstance), in: record.groupInstance)
    }

    /// Each seat held after the vacancy chains of `result`: the seat groups of its matching, and
    /// the seats outside every group (reassigned, purchased places) of those not `withdrawn`.
    /// - Complexity: O(n).
    static func seatsHeld(_ record: PlacementRecord, after result: VacancyChainResult,
                                  withdrawn: Set<String>) -> [(studentID: String, schoolID: String, seats: String)] {
        record.studentIDs.indices.compactMap { i in
            let id = record.studentIDs[i]
            if let g = result.matching.school(of: i) {
                return (id, record.schools[record.groups.groups[g].school].id, record.groups.label(of: g))
            }
            guard !withdrawn.contains(id), record.groupMatching.school(of: i) == nil, let school = record.schoolIDs[i] else { return nil }
            return (id, school, record.seatLabels[i])
        }
    }

    /// The seats the withdrawn reassigned applicants free: outside every seat group's chain,
    /// they stay empty.
    static func reassignedSeats(_ record: PlacementRecord, _ withdrawn: [String]) -> Int {
        var index: [String: Int] = [:]
        for (i, id) in record.studentIDs.enumerated() { index[id] = i }
        return withdrawn.count { id in index[id].map { record.schoolIDs[$0] != nil && record.groupMatching.school(of: $0) == nil } ?? false }
    }

    /// `vacancies-<n>.csv`: step (the order of the chain: withdrawals first, then promotions as
    /// made), student_id, change (withdrawn | promoted), from_school, from_seats, to_school,
    /// to_seats (the seat groups, as in `placements.csv`; a promotion may move an applicant
    /// between two groups of one school, freeing the seat the next one needs).
    static func table(_ record: PlacementRecord, _ result: VacancyChainResult, withdrawn: [String]) -> [UInt8] {
        var index: [String: Int] = [:]
        for (i, id) in record.studentIDs.enumerated() { index[id] = i }
        let groups = record.groups
        func school(_ group: Int) -> String { record.schools[groups.groups[group].school].id }
        var w = CSVWriter(header: VacanciesFile.header)
        var step = 0
        for id in withdrawn {
            step += 1
            let group = index[id].flatMap { record.groupMatching.school(of: $0) }
            w.append([String(step), id, VacanciesFile.Change.withdrawn.rawValue, index[id].flatMap { record.schoolIDs[$0] } ?? "", group.map(groups.label(of:)) ?? "", "", ""])
        }
        for move in result.moves {
            step += 1
            w.append([String(step), record.studentIDs[move.student], VacanciesFile.Change.promoted.rawValue, move.from.map(school) ?? record.schoolIDs[move.student] ?? "",
                      move.from.map(groups.label(of:)) ?? "", school(move.to), groups.label(of: move.to)])
        }
        return w.bytes
    }

    /// Every promotion in the file moves its applicant strictly up their own list of seat
    /// groups: to a group they ranked above the one they held (any listed group, when they held
    /// none, or a seat they did not list).
    static func invariants(_ bytes: [UInt8], _ record: PlacementRecord) -> [String] {
        guard let table = CSVReader.parse(bytes, file: "vacancies.csv").table else { return ["the vacancies file cannot be read"] }
        var index: [String: Int] = [:]
        for (i, id) in record.studentIDs.enumerated() { index[id] = i }
        var school: [String: Int] = [:]
        for (k, s) in record.schools.enumerated() { school[s.id] = k }
        let group = { (id: String, label: String) in school[id].flatMap { record.groups.group(of: $0, label: label) } }
        var problems: [String] = []
        typealias V = VacanciesFile
        for row in 0..<table.count where table[row, V.index(.change)] == V.Change.promoted.rawValue {
            let id = table[row, V.index(.studentID)]
            guard let student = index[id], let to = group(table[row, V.index(.toSchool)], table[row, V.index(.toSeats)]) else {
                problems.append("vacancies.csv:\(table.line(ofRow: row)): the row names an applicant or a seat group the placement does not have")
                continue
            }
            let rank = { (g: Int) in record.groupInstance.choiceRank(of: student, for: g) ?? Int.max }
            let from = group(table[row, V.index(.fromSchool)], table[row, V.index(.fromSeats)]).map(rank) ?? Int.max
            if rank(to) == Int.max || rank(to) >= from { problems.append("\(id) was moved to a school they do not prefer") }
        }
        return problems
    }
}

/// The figures of a round of vacancies.
public struct VacanciesSummary: StepSummary {
    /// Applicants withdrawn in every round so far.
    public var withdrawn: Int
    public var promotions: Int
    public var seatsLeftEmpty: Int

    public var counts: [(name: String, value: Int)] {
        [("withdrawn", withdrawn), ("promotions", promotions), ("seats_left_empty", seatsLeftEmpty)]
    }
}
