import EnrollmentIO
import EnrollmentVocabulary

/// The inputs of a second round (补录 / 二次派位) of a level: after the first round, new
/// applicants, and first-round applicants without a seat or giving theirs up, apply over the
/// seats that remain, in a draw of its own (docs/PLACEMENT.md, Second round).
///
/// They are the files of the case folder's `second-round/` subfolder, which the case's own
/// commitment (made before the first draw) does not cover: `<level>-applicants.csv`, with the
/// columns of the level's applicant file, and `<level>-declined.csv`, a `student_id` column of
/// first-round applicants who give up their seat. The subfolder has a commitment of its own
/// (`enroll commit CASE --second-round`), published before the second round's seed is made.
package struct SecondRound: Sendable {
    /// The subfolder of the case folder.
    package static let folder = "second-round"

    /// The name, in the case folder, of the second round's applicants of `level`.
    package static func applicantsFile(_ level: SchoolLevel) -> String { "\(folder)/\(level.rawValue)-applicants.csv" }

    /// The name, in the case folder, of the first-round applicants of `level` who decline their seat.
    package static func declinedFile(_ level: SchoolLevel) -> String { "\(folder)/\(level.rawValue)-declined.csv" }

    /// The applicants of each level's second round, in file order.
    package var applicants: [SchoolLevel: [Applicant]] = [:]
    /// Per level, the first-round applicants who give up their seat, in file order.
    package var declined: [SchoolLevel: [String]] = [:]
    /// The commitment to the subfolder's files, as they are now; nil when one cannot be made
    /// canonical (its problems are reported).
    package var commitment: Commitment?

    package init() {}

    /// Whether the subfolder holds anything for `level`.
    package func concerns(_ level: SchoolLevel) -> Bool { applicants[level] != nil || declined[level] != nil }
}

extension CaseValidator {
    /// The second round's problems: its applicants are checked as the first round's are (school
    /// references, eligibility, one application per child among them), and against the first
    /// round: a resident id number of a first-round applicant under another `student_id`, or a
    /// `student_id` of the other level's first round, is refused; a first-round applicant of
    /// the same level may apply again (the round itself refuses one who still holds a seat).
    /// A declined `student_id` must be a first-round applicant of the level, listed once.
    /// - Complexity: O(n) for n applicants of both rounds.
    static func secondRoundProblems(in c: AdmissionCase, declinedTables: [SchoolLevel: CSVTable]) -> [Diagnostic] {
        guard let round = c.secondRound else { return [] }
        var amended = c
        amended.primaryApplicants = round.applicants[.primary] ?? []
        amended.juniorApplicants = round.applicants[.junior] ?? []
        var renamed: [String: String] = [:]
        for level in [SchoolLevel.primary, .junior] {
            let (first, second) = (ApplicantTable.fileName(for: level), SecondRound.applicantsFile(level))
            amended.headers[first] = c.headers[second]
            amended.sourceFiles[first] = nil
            renamed[first] = c.sourceFiles[second] ?? second
        }
        var problems = problems(in: amended, applicantsOnly: true).compactMap { d -> Diagnostic? in
            guard let file = renamed[d.location.file] else { return nil }
            var moved = d
            moved.location.file = file
            return moved
        }
        var firstRound: [String: (level: SchoolLevel, idNumber: String?, line: Int)] = [:]
        for level in [SchoolLevel.primary, .junior] {
            for a in c.applicants(level) { firstRound[a.id] = (level, a.idNumber.map(ResidentIDNumber.comparisonKey), a.line) }
        }
        var byIDNumber: [String: (id: String, file: String, line: Int)] = [:]
        for level in [SchoolLevel.primary, .junior] {
            for a in c.applicants(level) {
                if let number = a.idNumber.map(ResidentIDNumber.comparisonKey) { byIDNumber[number] = (a.id, ApplicantTable.fileName(for: level), a.line) }
            }
        }
        for level in [SchoolLevel.primary, .junior] {
            let file = SecondRound.applicantsFile(level)
            for a in round.applicants[level] ?? [] {
                if let earlier = firstRound[a.id], earlier.level != level {
                    problems.append(Diagnostic(c.location(file, line: a.line, column: "student_id"),
                                               "student_id: \(CSVRecordReader.quotedIdentifier(a.id)) applied to \(earlier.level.rawValue) school in the first round "
                                               + "(\(ApplicantTable.fileName(for: earlier.level)) line \(earlier.line)); one child, one application"))
                }
                if let number = a.idNumber.map(ResidentIDNumber.comparisonKey), let first = byIDNumber[number], first.id != a.id {
                    problems.append(Diagnostic(c.location(file, line: a.line, column: "id_number"),
                                               "id_number: the same resident id number as \(first.file) line \(first.line) of the first round, "
                                               + "under another student_id; one child, one application: a first-round applicant applies again "
                                               + "under their own student_id"))
                }
            }
        }
        // A first-round applicant file that was given but gave no applicant has problems of its
        // own; every declined id would only be reported again as unknown.
        for (level, table) in declinedTables.sorted(by: { $0.key.rawValue < $1.key.rawValue })
            where !(c.applicants(level).isEmpty && c.gives(ApplicantTable.fileName(for: level))) {
            problems += StudentListFile.problems(in: table, admissionCase: c, level: level)
        }
        return problems
    }
}
