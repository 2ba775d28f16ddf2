import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

enum VacanciesCommand: EnrollCommand {
    static let withdrawn = Argument<URL>.option("withdrawn", valueName: "file", help: "CSV file with a student_id column: those who decline.", as: .path)

    static let spec = CommandSpec(
        name: "vacancies",
        abstract: "Free the seats of applicants who decline them and promote down the waitlists (候补递补).",
        discussion: """
            FILE is a CSV with a student_id column: the applicants who decline their seat. Each run of the command is \
            a new round recorded in RUN/manifest.json, writing RUN/<level>/vacancies-<n>.csv from the level's recorded \
            placement and every withdrawal so far; the first result is never rewritten.
            """,
        arguments: [CaseArguments.folder.spec, CaseArguments.level.spec, withdrawn.spec] + Drawing.arguments
    )

    static func run(_ arguments: ParsedArguments) throws -> Int32 {
        let level = try arguments[CaseArguments.level]
        let round = try Drawing.openRound(arguments)
        guard let table = try StudentList.read(try arguments[withdrawn], columns: StudentListFile.withdrawals, level: level,
                                               round: round, arguments) else { return 1 }
        let column = table.index(of: "student_id")!
        let record = try round.fillVacancies(withdrawn: (0..<table.count).map { table[$0, column] }.filter { !$0.isEmpty }, level: level)
        let s = record.summary
        print("vacancies \(level.rawValue), round \(record.step.step.round!): \(s.withdrawn) withdrawn in all, "
              + "\(s.promotions) promotions, \(s.seatsLeftEmpty) seats left empty")
        print(Drawing.wrote(record.step, in: round))
        return 0
    }
}
