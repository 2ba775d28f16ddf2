import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// The `lottery` step: the lottery numbers of every applicant of one level in the draw
/// `<level>-placement`, as a bureau publishes them before or with the placement.
///
/// Output `lottery-numbers.csv` (UTF-8 with a byte-order mark,
/// LF line ends), columns `student_id,draw,lottery_number,twin_group`, one row per applicant,
/// rows ordered by lottery number then student_id. `twin_group` is filled only where the
/// number is the twin group's (policy `twins_share_lottery_number`); the number is then
/// SHA-256("enroll-lottery/1" LF seed LF draw LF twin_group), else of the student_id
/// (docs/LOTTERY.md, section 1).
package enum LotteryNumbersStep {
    /// The output file.
    package static let fileName = "lottery-numbers.csv"
    /// The columns of `lottery-numbers.csv`.
    package static let header = ["student_id", "draw", "lottery_number", "twin_group"]

    /// The draw whose numbers the placement of `level` uses.
    package static func drawName(_ level: SchoolLevel) -> String { "\(level.rawValue)-placement" }

    /// One published row.
    package struct Row: Equatable, Sendable {
        package var studentID: String
        package var number: LotteryNumber
        /// The twin group whose number the student carries, if the policy shares numbers.
        package var twinGroup: String?
    }

    /// The numbers of `applicants` in `draw`, ordered by number then student_id.
    /// - Complexity: O(n log n) in the number of applicants.
    package static func rows(_ applicants: [Applicant], seed: String, draw: String, twinsShare: Bool) -> [Row] {
        let lottery = LotteryNumber.Draw(seed: seed, name: draw)
        return applicants.map { a in
            let group = twinsShare ? a.twinGroup.flatMap { $0.isEmpty ? nil : $0 } : nil
            return Row(studentID: a.id, number: lottery.number(studentID: a.id, twinGroup: group), twinGroup: group)
        }.sorted { LotteryOrder(number: $0.number, studentID: $0.studentID) < LotteryOrder(number: $1.number, studentID: $1.studentID) }
    }

    /// The step: every applicant's number, as `lottery-numbers.csv`.
    package static func perform(level: SchoolLevel, in context: StepContext) -> StepOutcome<LotterySummary> {
        let c = context.admissionCase
        let draw = drawName(level)
        let rows = rows(c.applicants(level), seed: context.seed, draw: draw, twinsShare: c.policy.twinsShareLotteryNumber)
        var writer = CSVWriter(header: header)
        for row in rows { writer.append([row.studentID, draw, row.number.hex, row.twinGroup ?? ""]) }
        let bytes = writer.bytes
        return StepOutcome(outputs: [(fileName, bytes)], draws: [draw],
                           summary: LotterySummary(numbers: rows.count, numberedByTwinGroup: rows.filter { $0.twinGroup != nil }.count),
                           invariants: { invariants(bytes, level: level, c, seed: context.seed) })
    }

    /// Reads the published file back and checks: the header; one row per applicant of the
    /// level and no other; each number recomputed from the seed; rows in order.
    package static func invariants(_ bytes: [UInt8], level: SchoolLevel, _ admissionCase: AdmissionCase, seed: String) -> [String] {
        let parsed = CSVReader.parse(bytes, file: fileName)
        guard let table = parsed.table, parsed.diagnostics.isEmpty else { return parsed.diagnostics.map(\.description) }
        guard table.header == header else { return ["\(fileName): the header is not \(header.joined(separator: ","))"] }
        var expected = Set(admissionCase.applicants(level).map(\.id))
        let lottery = LotteryNumber.Draw(seed: seed, name: drawName(level))
        var problems: [String] = []
        var previous: LotteryOrder?
        for row in 0..<table.count {
            let (id, draw, hex, group) = (table[row, 0], table[row, 1], table[row, 2], table[row, 3])
            let at = "\(fileName):\(table.line(ofRow: row))"
            if expected.remove(id) == nil { problems.append("\(at): \(id) is not an applicant of the level, or is listed twice") }
            if draw != drawName(level) { problems.append("\(at): the draw is \(draw), not \(drawName(level))") }
            let number = lottery.number(studentID: id, twinGroup: group.isEmpty ? nil : group)
            if hex != number.hex { problems.append("\(at): the lottery number of \(id) is not the one the seed gives") }
            if let previous, !(previous < LotteryOrder(number: number, studentID: id)) {
                problems.append("\(at): rows are not in order of lottery number, then student_id")
            }
            previous = LotteryOrder(number: number, studentID: id)
        }
        for id in expected.sorted() { problems.append("\(fileName): the applicant \(id) has no lottery number") }
        return problems
    }
}

/// The figures of the lottery step.
public struct LotterySummary: StepSummary {
    public var numbers: Int
    /// Applicants whose number is their twin group's.
    public var numberedByTwinGroup: Int

    public var counts: [(name: String, value: Int)] { [("numbered_by_twin_group", numberedByTwinGroup), ("numbers", numbers)] }
}
