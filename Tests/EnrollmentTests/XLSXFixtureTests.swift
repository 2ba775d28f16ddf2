import Foundation
import Testing
@testable import EnrollmentIO
@testable import EnrollmentCase

/// Workbooks other programs wrote (openpyxl 3.1.5, by `Workbooks/make.py`, from the sample
/// county's rows, and the same saved again by LibreOffice Calc 7.4.7) read into the same rows
/// as the CSV files they were made from.
@Suite struct XLSXFixtureTests {
    static let folder = packageRoot.appendingPathComponent("Tests/EnrollmentTests/Workbooks")

    static func csv(_ table: String) throws -> CSVTable {
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent("\(table).csv")))
        return try #require(CSVReader.parse(bytes, file: "\(table).csv").table)
    }

    /// The workbook of `table` as `writer` saved it: openpyxl, or LibreOffice.
    static func xlsx(_ table: String, _ writer: String = "openpyxl") throws -> CSVTable {
        let name = writer == "openpyxl" ? "\(table).xlsx" : "\(table).\(writer).xlsx"
        let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
        let result = XLSXReader.read(bytes, file: name, columns: XLSXReader.ColumnRules(text: ["student_id", "id_number"], dates: ["birth_date"]))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.notes.isEmpty, "\(result.notes)")
        return try #require(result.table)
    }

    @Test(arguments: ["primary-applicants", "schools", "graduates"], ["openpyxl", "libreoffice"])
    func eachFieldIsTheCSVFilesField(_ table: String, _ writer: String) throws {
        let (csv, xlsx) = (try Self.csv(table), try Self.xlsx(table, writer))
        #expect(xlsx.header == csv.header)
        #expect(xlsx.count == csv.count && csv.count == (table == "schools" ? 24 : 40))
        for row in 0..<csv.count {
            #expect(xlsx.line(ofRow: row) == csv.line(ofRow: row))
            #expect(xlsx.fields(ofRow: row) == csv.fields(ofRow: row), "row \(row)")
        }
        #expect(CanonicalCSV(xlsx).digest == CanonicalCSV(csv).digest, "the same canonical form, so the same commitment")
    }

    @Test(arguments: ["openpyxl", "libreoffice"])
    func theTypedRowsAreTheCSVFilesRows(_ writer: String) throws {
        let applicants = (ApplicantTable.read(try Self.csv("primary-applicants")), ApplicantTable.read(try Self.xlsx("primary-applicants", writer)))
        #expect(applicants.0.diagnostics.isEmpty && applicants.1.diagnostics.isEmpty)
        #expect(applicants.1.applicants == applicants.0.applicants)
        let graduates = (GraduateTable.read(try Self.csv("graduates")), GraduateTable.read(try Self.xlsx("graduates", writer)))
        #expect(graduates.0.diagnostics.isEmpty && graduates.1.diagnostics.isEmpty)
        #expect(graduates.1.graduates == graduates.0.graduates)
        #expect(graduates.0.graduates.count == 40)
        let schools = (SchoolTable.read(try Self.csv("schools")), SchoolTable.read(try Self.xlsx("schools", writer)))
        #expect(schools.1.schools == schools.0.schools)
    }
}
