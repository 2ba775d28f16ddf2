import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRunFolder
import EnrollmentVocabulary

/// The second round of a level (`enroll second-round`, 补录 / 二次派位): the applicants of the
/// case's `second-round/` files are placed over the seats the first round left — every school's
/// seats less those its first-round applicants hold, after the level's recorded vacancy rounds,
/// and have not declined (per seat group:
/// reserved seats and purchased places keep what is left of them) — by the same zoning, tiers,
/// mechanism and reassignment, numbered in a draw of their own, `<level>-second-round`, under
/// the round's own seed (a second ceremony, after the subfolder's commitment is published).
///
/// It writes `<level>/second-round/` (`zoning.csv`, `placements.csv`, `ranks.csv`,
/// `cutoffs.csv`, `waitlists.csv`) and never rewrites a first-round file. The manifest records
/// the round's seed and commitment (`RoundStep.secondRound`), so `verify` repeats it from the
/// case, the manifest and the recorded first round alone.
enum SecondRoundStep {
    /// The run folder's subfolder the round of `level` writes.
    static func folder(_ level: SchoolLevel) -> String { "\(level.rawValue)/\(SecondRound.folder)" }

    /// The draw that numbers the round's applicants.
    static func drawName(_ level: SchoolLevel) -> String { "\(level.rawValue)-second-round" }

    /// The step: the round's applicants placed over the seats that remain.
    /// - Throws: `RoundError.noSecondRound` without second-round files for the level,
    ///   `.secondRoundChanged` when they no longer hash to `commitment`, `.stepNotRecorded`
    ///   without the level's first round, `.seatStillHeld` for an applicant who holds a
    ///   first-round seat not declined; `PlacementError`.
    static func perform(level: SchoolLevel, seed: String, commitment: SHA256Digest, vacancies: [[String]],
                                 in context: StepContext) throws -> StepOutcome<PlacementSummary> {
        let c = context.admissionCase
        guard let round = c.secondRound, round.concerns(level) else { throw RoundError.noSecondRound(level: level.rawValue) }
        guard round.commitment?.digest == commitment else { throw RoundError.secondRoundChanged(commitment.hex) }
        let first = RoundStep.placement(level: level, ring: nil)
        let record = try PlacementRecord(placements: context.recordedOutput("\(level.rawValue)/\(PlacementsFile.name)", first),
                                         ranks: context.recordedOutput("\(level.rawValue)/\(RanksFile.name)", first),
                                         admissionCase: c, level: level,
                                         ringSchools: RingDrawFile.ringSchools(of: level, in: c), namingLevel: true)
        var seats = record.seatsHeld
        if !vacancies.isEmpty {
            // The vacancy rounds as recorded (the step that wrote the last round's file), replayed.
            _ = try context.recordedOutput(VacancyStep.fileName(level, round: vacancies.count), .vacancies(level: level, rounds: vacancies))
            seats = VacancyStep.seatsHeld(record, after: VacancyStep.promote(record, withdrawn: Set(vacancies.joined()).sorted()),
                                          withdrawn: Set(vacancies.joined()))
        }
        let amended = try remainingSeats(held: seats, of: c, level: level, round: round)
        let (run, zoning, files) = try PlacementStep.run(amended, level: level, seed: seed, folder: folder(level), draw: drawName(level))
        let outputs = files.map { (name: $0.path, bytes: $0.bytes) }
        return StepOutcome(outputs: outputs, draws: [run.draw], summary: PlacementSummary(run, zoning: zoning),
                           invariants: { PlacementStep.invariants(level: level, amended, outputs: outputs, folder: folder(level)) })
    }

    /// The case the round is placed on: `c` with the level's applicants those of the round, each
    /// school's capacity the seats the first round's applicants leave (`held`: each seat still
    /// held, with its seat group; the declined ones' seats are freed), its purchased places and
    /// the policy's reserved seats cut to what is left of them, in that order of claim, and a
    /// cap less the seats the category keeps (never below its reserve).
    /// - Complexity: O(n + m + reserves) for n seats held and m schools.
    static func remainingSeats(held seats: [(studentID: String, schoolID: String, seats: String)], of c: AdmissionCase,
                                       level: SchoolLevel, round: SecondRound) throws -> AdmissionCase {
        let declined = Set(round.declined[level] ?? [])
        var held: [String: Int] = [:], heldPurchased: [String: Int] = [:], heldReserved: [String: Int] = [:]
        var holding = Set<String>()
        let seatsHeld = seats.filter { !declined.contains($0.studentID) }
        for (id, school, label) in seatsHeld {
            holding.insert(id)
            held[school, default: 0] += 1
            switch SeatsLabel(code: label) {
            case .purchased?: heldPurchased[school, default: 0] += 1
            case .reserved(let category)?: heldReserved[school + "\u{0}" + category, default: 0] += 1
            default: break
            }
        }
        let applicants = round.applicants[level] ?? []
        if let holder = applicants.first(where: { holding.contains($0.id) }) {
            throw RoundError.seatStillHeld(studentID: holder.id, file: SecondRound.declinedFile(level))
        }
        var amended = c
        var open: [String: Int] = [:]
        amended.schools = c.schools.map { school in
            guard school.level == level else { return school }
            var s = school
            s.capacity = max(0, school.capacity - held[school.id, default: 0])
            s.purchasedPlaces = min(s.capacity, max(0, school.purchasedPlaces - heldPurchased[school.id, default: 0]))
            open[s.id] = s.capacity - s.purchasedPlaces
            return s
        }
        // A cap counts the category's seats in all: those its members keep come off it.
        var kept: [String: Int] = [:]
        // The capped category of each school (a school caps one at most).
        var cappedAt: [String: String] = [:]
        for r in c.policy.reservedSeats where r.cap != nil { cappedAt[r.school] = r.category }
        if !cappedAt.isEmpty {
            var categories: [String: [String]] = [:]
            for a in c.applicants(level) where holding.contains(a.id) && !a.categories.isEmpty { categories[a.id] = a.categories }
            for seat in seatsHeld {
                guard let category = cappedAt[seat.schoolID], categories[seat.studentID]?.contains(category) == true else { continue }
                kept[seat.schoolID + "\u{0}" + category, default: 0] += 1
            }
        }
        amended.policy.reservedSeats = c.policy.reservedSeats.compactMap { r in
            guard let left = open[r.school] else { return r }
            let seats = min(left, max(0, r.seats - heldReserved[r.school + "\u{0}" + r.category, default: 0]))
            open[r.school] = left - seats
            let cap = r.cap.map { max(seats, $0 - kept[r.school + "\u{0}" + r.category, default: 0]) }
            return seats > 0 || cap != nil ? ReservedSeats(school: r.school, category: r.category, seats: seats, cap: cap) : nil
        }
        if level == .primary { amended.primaryApplicants = applicants } else { amended.juniorApplicants = applicants }
        return amended
    }
}
