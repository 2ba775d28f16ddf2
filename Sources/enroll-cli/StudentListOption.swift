import Enrollment
import Foundation

extension ParsedArguments {
    /// Reads the student list named by the option `option` (withdrawals, late arrivals) and
    /// checks its rows against the case at `level`. Prints every problem and returns nil when
    /// there is any, so the caller writes nothing.
    func studentList(_ option: String, columns: CSVColumns, level: SchoolLevel) throws -> CSVTable? {
        let file = URL(fileURLWithPath: value(option)!)
        guard let bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
            Console.error("\(file.path): cannot read the file")
            return nil
        }
        let (read, problems) = StudentListFile.read(bytes, file: file.lastPathComponent, encoding: try encoding(), columns: columns)
        guard let table = read, problems.isEmpty else {
            for d in problems { Console.error(d.description) }
            return nil
        }
        guard let c = try loadCase(self) else { return nil }
        let rowProblems = StudentListFile.problems(in: table, admissionCase: c, level: level)
        for d in rowProblems { Console.error(d.description) }
        return rowProblems.isEmpty ? table : nil
    }
}
