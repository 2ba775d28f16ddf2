import Enrollment
import EnrollmentCommandLine
import EnrollmentSynthesis
import Foundation

/// The student lists a clerk hands in after the draw (withdrawals, late arrivals).
enum StudentList {
    /// Reads the list at `file` and checks its rows against the round's case at `level`.
    /// Prints every problem and returns nil when there is any, so the caller writes nothing.
    static func read(_ file: URL, columns: CSVColumns, level: SchoolLevel, round: AdmissionRound,
                     _ arguments: ParsedArguments) throws -> CSVTable? {
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
            Console.error("\(file.path): cannot read the file")
            return nil
        }
        let (read, problems) = StudentListFile.read(bytes, file: file.lastPathComponent, encoding: try arguments[CaseArguments.encoding], columns: columns)
        guard let table = read, problems.isEmpty else {
            for d in problems { Console.error(d.description) }
            return nil
        }
        let rowProblems = StudentListFile.problems(in: table, admissionCase: round.admissionCase, level: level)
        for d in rowProblems { Console.error(d.description) }
        return rowProblems.isEmpty ? table : nil
    }
}
