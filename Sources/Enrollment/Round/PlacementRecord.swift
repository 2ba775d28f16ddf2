import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// A level's placement as its recorded files give it back: `placements.csv` (every applicant,
/// in `student_id` order, with school, status and lottery number) and `ranks.csv` (every
/// effective list with its tiers). From them alone it rebuilds the matching instance the
/// mechanism ran on and the final matching, exactly as `PlacementRun` made them — so the steps
/// after a placement (vacancies, the checks of `verify`) start from what was published. With
/// reserved seats, the seat groups come from the case's policy and the applicants' categories,
/// and each admitted applicant's group from the `seats` column.
struct PlacementRecord {
    /// The schools of the level, in `school_id` order (school k of the instance).
    let schools: [School]
    /// The applicants, in the order of `placements.csv` (student i of the instance).
    let studentIDs: [String]
    /// The `school_id` of each applicant's seat, nil for none.
    let schoolIDs: [String?]
    /// The applicants the mechanism admitted (status `admitted`), in increasing index.
    let admitted: [Int]
    /// Each applicant's seats as `placements.csv` gives them (`all`, `open`, `reserved:<category>`,
    /// `purchased`; empty for none or an older file without the column).
    let seatLabels: [String]
    let instance: MatchingInstance
    /// The final matching, reassignments included.
    let matching: Matching
    /// The seats of each school in the groups they are filled in (`SeatGroups`).
    let groups: SeatGroups
    /// `instance` expanded into `groups`: the instance the mechanism ran on.
    let groupInstance: MatchingInstance
    /// The admitted applicants on `groupInstance` (the reassigned and unplaced hold no group).
    let groupMatching: Matching

    /// - Parameters:
    ///   - admissionCase: the case (the level's schools, the policy's reserved seats, the
    ///     applicants' categories).
    ///   - ringSchools: the schools the placement drew by rings of their own (`ring_draw_schools`;
    ///     none in a second round): their `ranks.csv` rows give the ring position as the lottery
    ///     number, which orders the school's applicants (`SchoolRings`).
    ///   - namingLevel: messages name the files with the level's folder (`junior/placements.csv`).
    /// - Throws: `RoundError.unreadableOutput` at the first row that does not fit.
    /// - Complexity: O((n + c) log n) for n applicants and c list entries.
    init(placements: [UInt8], ranks: [UInt8], admissionCase c: AdmissionCase, level: SchoolLevel,
         ringSchools: Set<String> = [], namingLevel: Bool = false) throws(RoundError) {
        let prefix = namingLevel ? "\(level.rawValue)/" : ""
        typealias P = PlacementsFile.Column
        let placementsTable = try Self.table(placements, file: prefix + PlacementsFile.name,
                                             columns: [P.studentID, P.schoolID, P.status, P.lotteryNumber].map(\.rawValue))
        let ranksTable = try Self.table(ranks, file: prefix + RanksFile.name,
                                        columns: [RanksFile.Column.studentID, .schoolID, .tier, .lotteryNumber].map(\.rawValue))
        let schools = c.schools(level).sorted { $0.id < $1.id }
        var schoolIndex: [String: Int] = [:]
        for (k, s) in schools.enumerated() { schoolIndex[s.id] = k }
        let (p, r) = (placementsTable.table, ranksTable.table)
        let (pStudent, pSchool, pStatus, pNumber) = (placementsTable.columns[0], placementsTable.columns[1], placementsTable.columns[2], placementsTable.columns[3])
        func fail(_ table: CSVTable, _ row: Int, _ message: String) -> RoundError {
            .unreadableOutput("\(table.file):\(table.line(ofRow: row))", message)
        }
        var studentIndex: [String: Int] = [:]
        var studentIDs: [String] = [], schoolIDs: [String?] = [], seats: [Int?] = [], admitted: [Int] = [], labels: [String] = []
        var seatLabels: [String] = []
        let pSeats = p.index(of: P.seats.rawValue)
        var keys: [LotteryOrder] = []
        for row in 0..<p.count {
            let id = p[row, pStudent], school = p[row, pSchool]
            guard studentIndex.updateValue(row, forKey: id) == nil else { throw fail(p, row, "\(id) appears twice") }
            guard let number = LotteryNumber(hex: p[row, pNumber]) else { throw fail(p, row, "the lottery number is not 64 hex digits") }
            let seat = school.isEmpty ? nil : schoolIndex[school]
            if !school.isEmpty, seat == nil { throw fail(p, row, "\(school) is not a school of the level") }
            studentIDs.append(id)
            schoolIDs.append(school.isEmpty ? nil : school)
            seats.append(seat)
            seatLabels.append(pSeats.map { p[row, $0] } ?? "")
            if p[row, pStatus] == PlacementRun.Placement.Status.admitted.rawValue {
                admitted.append(row)
                labels.append(pSeats.map { p[row, $0] } ?? SeatsLabel.all.code)
            }
            keys.append(LotteryOrder(number: number, studentID: id))
        }
        var preferences = [[Int]](repeating: [], count: p.count), tiers = preferences
        let (rStudent, rSchool, rTier, rNumber) = (ranksTable.columns[0], ranksTable.columns[1], ranksTable.columns[2], ranksTable.columns[3])
        let ringIndex = Set(ringSchools.compactMap { schoolIndex[$0] })
        var ringEntries: [Int: [(student: Int32, position: Int32)]] = [:]
        for row in 0..<r.count {
            guard let student = studentIndex[r[row, rStudent]], let school = schoolIndex[r[row, rSchool]], let tier = Int(r[row, rTier]) else {
                throw fail(r, row, "the row names an applicant or a school the placement does not have, or a tier that is not a whole number")
            }
            preferences[student].append(school)
            tiers[student].append(tier)
            if ringIndex.contains(school) {
                guard let position = LotteryNumber(hex: r[row, rNumber])?.ringPosition else {
                    throw fail(r, row, "\(schools[school].id) is drawn by a ring: the lottery number must be a ring position")
                }
                ringEntries[school, default: []].append((Int32(student), position))
            }
        }
        let instance: MatchingInstance
        do {
            instance = try MatchingInstance(capacities: schools.map(\.capacity), preferences: preferences, tiers: tiers,
                                            tieRanks: MatchingInstance.tieRanks(sortedBy: keys).map(Int.init))
        } catch {
            throw .unreadableOutput(r.file, "the effective lists do not form a valid instance: \(error)")
        }
        let groups = SeatGroups(schools: schools, policy: c.policy)
        var categories: [String: [String]] = [:]
        if !groups.isTrivial {
            for a in c.applicants(level) where !a.categories.isEmpty { categories[a.id] = a.categories }
        }
        let groupInstance: MatchingInstance
        do {
            let rings = try SchoolRings(recorded: ringIndex.sorted().map { ($0, ringEntries[$0] ?? []) })
            groupInstance = try rings.applied(to: groups.expand(instance) { categories[studentIDs[$0]]?.contains($1) ?? false }, groups: groups)
        } catch {
            throw .unreadableOutput(r.file, "the ring positions do not form the rings of \(ringSchools.sorted().joined(separator: ", ")): \(error)")
        }
        var groupSeats = [Int?](repeating: nil, count: studentIDs.count)
        for (student, label) in zip(admitted, labels) {
            guard let group = groups.group(of: seats[student]!, label: label) else {
                throw fail(p, student, "the seats '\(label)' are not seats of \(schoolIDs[student]!) under the policy's reserved seats")
            }
            groupSeats[student] = group
        }
        self.seatLabels = seatLabels
        self.groups = groups
        self.groupInstance = groupInstance
        self.groupMatching = Matching(schools: groupSeats, in: groupInstance)
        self.schools = schools
        self.studentIDs = studentIDs
        self.schoolIDs = schoolIDs
        self.admitted = admitted
        self.instance = instance
        self.matching = Matching(schools: seats, in: instance)
    }

    /// Each seat the placement gives: the applicant, the school and the seat group (`seatLabels`).
    var seatsHeld: [(studentID: String, schoolID: String, seats: String)] {
        studentIDs.indices.compactMap { i in schoolIDs[i].map { (studentIDs[i], $0, seatLabels[i]) } }
    }

    /// Parses `bytes` and finds `columns` in it.
    private static func table(_ bytes: [UInt8], file: String, columns: [String]) throws(RoundError) -> (table: CSVTable, columns: [Int]) {
        let parsed = CSVReader.parse(bytes, file: file)
        guard let table = parsed.table, parsed.diagnostics.isEmpty else {
            throw .unreadableOutput(file, parsed.diagnostics.first?.description ?? "the file has no header")
        }
        var indices: [Int] = []
        for name in columns {
            guard let k = table.index(of: name) else { throw .unreadableOutput(file, "the column \(name) is missing") }
            indices.append(k)
        }
        return (table, indices)
    }
}
