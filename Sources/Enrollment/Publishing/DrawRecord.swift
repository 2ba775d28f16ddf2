import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRound
import EnrollmentRunFolder
import EnrollmentVocabulary

/// What is signed after a level's draw (派位结果确认书): the commitment to the inputs, the seed
/// and the contributions that made it, per school and seat group the seats, the applicants who
/// held it, the admitted and the last admitted applicant's tier and lottery number, and the
/// SHA-256 of the placement file — every figure read from the run's recorded files, so that
/// what the notary signs is what `enroll verify` re-derives.
struct DrawRecord: Equatable, Sendable {
    /// One seat group of a school (a school without reserved seats is one group, `all`).
    struct Group: Equatable, Sendable {
        var schoolID: String
        /// The group's `SeatsLabel` code, as `cutoffs.csv` has it.
        var seats: String
        var capacity: String
        /// Applicants who held the school on their list (`ranks.csv`); nil without that file.
        var applicants: Int?
        var admitted: String
        /// The last admitted applicant's tier and lottery number; empty when the group did not fill.
        var cutoffTier: String
        var cutoffLotteryNumber: String
    }

    var level: SchoolLevel
    /// True for the level's second round (`<level>/second-round/`), which has a seed and commitment of its own.
    var secondRound: Bool
    /// The draw's name in the lottery text (`<level>-placement`, `<level>-second-round`).
    var draw: String
    var seed: String?
    var commitment: String?
    /// The contributions that gave `seed`, in the order announced; nil when not recorded.
    var contributions: [SeedContribution]?
    /// The path of the placement file in the run folder and its SHA-256 as the manifest records it.
    var placementsFile: String
    var placementsDigest: String?
    var groups: [Group]

    /// The page's file name in a site or ceremony folder.
    var fileName: String { "record-\(level.rawValue)\(secondRound ? "-second-round" : "").html" }

    /// One record per placed level of `results`, first rounds then second rounds.
    /// - Throws: `PublishingError.missingColumn` when a file lacks a column the record reads.
    /// - Complexity: O(rows of the levels' `cutoffs.csv` and `ranks.csv`).
    static func records(_ results: RunResults) throws(PublishingError) -> [DrawRecord] {
        var records: [DrawRecord] = []
        for (level, second) in results.levels.map({ ($0, false) }) + results.secondRounds.map({ ($0, true) }) {
            let folder = level.level.rawValue + "/" + (second ? SecondRound.folder + "/" : "")
            let steps = results.manifest?.steps ?? []
            let step = steps.last { step in
                switch step.step {
                case .placement(let l, _, _): !second && l == level.level
                case .secondRound(let l, _, _, _): second && l == level.level
                default: false
                }
            }
            var seed = results.manifest?.seed, commitment = results.manifest?.commitment.hex
            var contributions = results.ceremony?.contributions
            if case let .secondRound(_, roundSeed, roundCommitment, _)? = step?.step {
                (seed, commitment, contributions) = (roundSeed, roundCommitment.hex, nil)
            }
            let placements = folder + PlacementsFile.name
            records.append(DrawRecord(
                level: level.level, secondRound: second,
                draw: second ? "\(level.level.rawValue)-second-round" : LotteryNumbersStep.drawName(level.level),
                seed: seed, commitment: commitment, contributions: contributions,
                placementsFile: placements, placementsDigest: step?.outputs.first { $0.name == placements }?.digest.hex,
                groups: try groups(level)))
        }
        return records
    }

    /// The seat groups of a level's `cutoffs.csv`, with the applicants of each school from `ranks.csv`.
    static func groups(_ level: LevelResults) throws(PublishingError) -> [Group] {
        var applicants: [String: Int]?
        if let ranks = level.ranks {
            let school = try ranks.index(RanksFile.Column.schoolID)
            var counts: [String: Int] = [:]
            for row in ranks.rows { counts[row[school], default: 0] += 1 }
            applicants = counts
        }
        typealias C = CutoffsFile.Column
        let c = level.cutoffs
        let (school, capacity, admitted, tier, number) = (try c.index(C.schoolID), try c.index(C.capacity), try c.index(C.admitted),
                                                          try c.index(C.cutoffTier), try c.index(C.cutoffLotteryNumber))
        // Runs made before reserved seats have no `seats` column: every school is one group.
        let seats = c.columns.firstIndex(of: C.seats.rawValue)
        return c.rows.map { row in
            Group(schoolID: row[school], seats: seats.map { row[$0] } ?? SeatsLabel.all.code, capacity: row[capacity], applicants: applicants.map { $0[row[school]] ?? 0 },
                  admitted: row[admitted], cutoffTier: row[tier], cutoffLotteryNumber: row[number])
        }
    }
}
