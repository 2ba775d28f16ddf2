import Foundation
import Testing
@testable import EnrollmentIO
@testable import EnrollmentCase

/// A case whose roster is an .xlsx workbook (issue 29), from the command line: it validates,
/// commits to the same digest as with the CSV file, draws and verifies; the traps of a
/// workbook are refused at their cell.
@Suite struct XLSXCaseTests {
    static let sample = packageRoot.appendingPathComponent("zones/sample-county/case")

    /// The rows of a CSV file as a workbook's first sheet: every cell an inline string but
    /// those of `numbers` (numbers) and `dates` (date serials in the yyyy-mm-dd format),
    /// except where `asNumber` says a cell of another column is stored as a number. (The
    /// sample's coordinates stay text: as numbers Excel shows 113.607720 as 113.60772, other
    /// text than the CSV file's, so another commitment.)
    static func workbook(fromCSV text: String, numbers: Set<String> = ["score", "permit_months"], dates: Set<String> = ["birth_date"],
                         asNumber: (row: Int, column: String)? = nil) throws -> [UInt8] {
        let table = try #require(CSVReader.parse(Array(text.utf8), file: "t.csv").table)
        func escaped(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        func cell(_ value: String, row: Int, column k: Int) -> String {
            guard !value.isEmpty else { return "" }
            let ref = SpreadsheetColumn.letters(k + 1) + "\(row)"
            let name = table.header[k]
            if row > 1, dates.contains(name) {
                let parts = value.split(separator: "-").compactMap { Int($0) }
                var components = DateComponents()
                (components.year, components.month, components.day) = (parts[0], parts[1], parts[2])
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC")!
                let days = calendar.dateComponents([.day], from: calendar.date(from: DateComponents(year: 1899, month: 12, day: 30))!,
                                                   to: calendar.date(from: components)!).day!
                return "<c r=\"\(ref)\" s=\"1\"><v>\(days)</v></c>"
            }
            if row > 1, numbers.contains(name) || (asNumber?.row == row && asNumber?.column == name) {
                return "<c r=\"\(ref)\"><v>\(value)</v></c>"
            }
            return "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(escaped(value))</t></is></c>"
        }
        var rows = "<row r=\"1\">" + table.header.indices.map { cell(table.header[$0], row: 1, column: $0) }.joined() + "</row>"
        for r in 0..<table.count {
            let fields = table.fields(ofRow: r)
            rows += "<row r=\"\(r + 2)\">" + fields.indices.map { cell(fields[$0], row: r + 2, column: $0) }.joined() + "</row>"
        }
        return TestWorkbook(sheet: TestWorkbook.rows(rows), cellFormats: [0, 14]).bytes
    }

    /// A copy of the sample county with `primary-applicants.csv` replaced by a workbook of its rows.
    static func caseWithWorkbook(_ name: String = #function, asNumber: (row: Int, column: String)? = nil) throws -> URL {
        let folder = try temporaryFolder(name).appendingPathComponent("case")
        try FileManager.default.copyItem(at: sample, to: folder)
        let csv = folder.appendingPathComponent("primary-applicants.csv")
        let bytes = try workbook(fromCSV: String(contentsOf: csv, encoding: .utf8), asNumber: asNumber)
        try Data(bytes).write(to: folder.appendingPathComponent("primary-applicants.xlsx"))
        try FileManager.default.removeItem(at: csv)
        return folder
    }

    @Test func aWorkbookRosterValidatesCommitsAsItsCSVDrawsAndVerifies() throws {
        let folder = try Self.caseWithWorkbook()
        let validated = try runEnroll(["validate", folder.path])
        #expect(validated.status == 0, "\(validated.err)")
        let withCSV = try runEnroll(["commit", Self.sample.path, "--out", folder.deletingLastPathComponent().appendingPathComponent("csv.json").path])
        let withWorkbook = try runEnroll(["commit", folder.path])
        #expect(withWorkbook.status == 0, "\(withWorkbook.err)")
        let digest = { (out: String) in out.split(separator: "\n").last { $0.hasPrefix("commitment: ") } }
        #expect(digest(withWorkbook.out) != nil && digest(withWorkbook.out) == digest(withCSV.out))
        #expect(withWorkbook.out.contains("primary-applicants.csv  (canonical CSV of primary-applicants.xlsx, 2834 rows)"), "\(withWorkbook.out)")

        let seed = String(repeating: "ab", count: 32)
        let run = folder.deletingLastPathComponent().appendingPathComponent("run")
        let placed = try runEnroll(["place", folder.path, "--level", "primary", "--seed", seed,
                                    "--commitment", folder.appendingPathComponent("commitment.json").path, "--out", run.path])
        #expect(placed.status == 0, "\(placed.err)")
        let manifest = try String(contentsOf: run.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"file\": \"primary-applicants.xlsx\""))
        let verified = try runEnroll(["verify", run.path, "--case", folder.path])
        #expect(verified.status == 0, "\(verified.err)")
    }

    @Test func aStudentIDStoredAsANumberIsRefusedAtItsCell() throws {
        let folder = try Self.caseWithWorkbook(asNumber: (5, "student_id"))
        let validated = try runEnroll(["validate", folder.path])
        #expect(validated.status == 1)
        #expect(validated.err.contains("primary-applicants.xlsx:5:A: student_id: stored as a number, so a leading zero may be gone; "
                                       + "format the column as Text (设置单元格格式 → 文本), check the values against the source, and save"), "\(validated.err)")
        let committed = try runEnroll(["commit", folder.path])
        #expect(committed.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("commitment.json").path))
    }

    @Test func aTableGivenTwiceIsRefused() throws {
        let folder = try Self.caseWithWorkbook()
        try FileManager.default.copyItem(at: Self.sample.appendingPathComponent("primary-applicants.csv"), to: folder.appendingPathComponent("primary-applicants.csv"))
        let validated = try runEnroll(["validate", folder.path])
        #expect(validated.status == 1)
        #expect(validated.err.contains("primary-applicants.xlsx:0:0: both primary-applicants.csv and primary-applicants.xlsx hold this table: "
                                       + "keep one of them (move the other out of the case folder)"), "\(validated.err)")
        #expect {
            try Commitment(caseFolder: folder)
        } throws: { error in
            guard case .twoFiles("primary-applicants.csv", "primary-applicants.xlsx") = error as? CommitmentError else { return false }
            return true
        }
    }

    @Test func aDateStoredAsANumberIsReadAndSaidOnce() throws {
        let folder = try temporaryFolder().appendingPathComponent("case")
        try FileManager.default.copyItem(at: Self.sample, to: folder)
        let csv = folder.appendingPathComponent("primary-applicants.csv")
        var bytes = try Self.workbook(fromCSV: String(contentsOf: csv, encoding: .utf8))
        // The same workbook with its dates in the General format (style 0): plain numbers.
        let zip = try ZipArchive(bytes)
        var writer = ZipWriter()
        for entry in zip.entries {
            var part = try zip.contents(of: entry.name)
            if entry.name == "xl/worksheets/sheet1.xml" {
                part = Array(String(decoding: part, as: UTF8.self).replacingOccurrences(of: " s=\"1\"", with: "").utf8)
            }
            writer.add(entry.name, part)
        }
        bytes = writer.finish()
        try Data(bytes).write(to: folder.appendingPathComponent("primary-applicants.xlsx"))
        try FileManager.default.removeItem(at: csv)
        let validated = try runEnroll(["validate", folder.path])
        #expect(validated.status == 0, "\(validated.err)")
        #expect(validated.err == "primary-applicants.xlsx:2:D: note: birth_date: dates stored as plain numbers (Excel's serial numbers, from this cell on) "
                + "are read as dates in the workbook's 1900 date system; check a few against the source, and format the column as Date\n")
    }

    /// Hostile or damaged workbooks in place of the roster: each is one clear error naming the
    /// workbook, `validate` and `commit` exit 1, and the case folder is left byte for byte.
    @Test(arguments: ["bomb", "truncated", "crc", "outside", "xml", "strings", "full"])
    func aHostileWorkbookIsRefusedAndNothingIsWritten(_ kind: String) throws {
        let folder = try temporaryFolder("hostile-\(kind)").appendingPathComponent("case")
        try FileManager.default.copyItem(at: Self.sample, to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("primary-applicants.csv"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("second-round"))
        let header = Cell.row(1, Cell.str("A1", "student_id"), Cell.str("B1", "name"))
        var parts = TestWorkbook(sheet: TestWorkbook.rows(header + Cell.row(2, Cell.str("A2", "S1"), Cell.s("B2", 0))), strings: ["甲"]).parts
        func sheet(_ text: String) { parts = parts.map { $0.0 == "xl/worksheets/sheet1.xml" ? ($0.0, text) : $0 } }
        var deflate = false
        let expected: String
        switch kind {
        case "bomb":
            sheet(TestWorkbook.rows(header) + String(repeating: " ", count: 4 << 20))
            deflate = true
            expected = "primary-applicants.xlsx:0:0: xl/worksheets/sheet1.xml: the entry xl/worksheets/sheet1.xml would expand more than 100 times: refused as a possible ZIP bomb"
        case "outside":
            parts.append(("xl/../../evil.xml", "<x/>"))
            expected = "primary-applicants.xlsx:0:0: the archive: the archive holds an entry named outside its root (xl/../../evil.xml)"
        case "xml":
            sheet("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</is></c></row></sheetData></worksheet>")
            expected = "primary-applicants.xlsx:0:0: xl/worksheets/sheet1.xml: line 1, column 66: the element <t> is closed by </is>"
        case "strings":
            sheet(TestWorkbook.rows(header + Cell.row(2, Cell.str("A2", "S1"), Cell.s("B2", 5))))
            expected = "primary-applicants.xlsx:2:B: the cell refers to shared string 5, but the workbook has 1"
        case "full":
            sheet(TestWorkbook.rows(header + Cell.row(1_048_576, Cell.str("A1048576", "S9"))))
            expected = "primary-applicants.xlsx:1048576:0: the sheet reaches Excel's last row (1048576)"
        default:
            expected = kind == "truncated" ? "primary-applicants.xlsx:0:0: the archive: " : "primary-applicants.xlsx:0:0: xl/worksheets/sheet1.xml: the entry xl/worksheets/sheet1.xml fails its CRC-32 check"
        }
        var zip = ZipWriter()
        for (name, text) in parts { zip.add(name, Array(text.utf8), deflated: deflate) }
        var bytes = zip.finish()
        if kind == "truncated" { bytes.removeLast(bytes.count / 3) }
        if kind == "crc", let k = bytes.indices.first(where: { bytes[$0...].starts(with: Array("<sheetData>".utf8)) }) { bytes[k + 1] ^= 0x20 }
        try Data(bytes).write(to: folder.appendingPathComponent("primary-applicants.xlsx"))
        let before = try ReplacedTargetTests.fingerprint(folder)
        let validated = try runEnroll(["validate", folder.path])
        #expect(validated.status == 1)
        #expect(validated.err.contains(expected), "\(validated.err)")
        // The one problem, and for a sheet that was read the columns it lacks (its header here has two).
        #expect(validated.err.split(separator: "\n").count <= 5, "\(validated.err)")
        let committed = try runEnroll(["commit", folder.path])
        #expect(committed.status == 1)
        #expect(try ReplacedTargetTests.fingerprint(folder) == before)
    }

    /// The lists given beside the case (withdrawals, late arrivals) may be workbooks too, read
    /// by the same rules: a student_id stored as a number is refused at its cell.
    @Test func aListBesideTheCaseMayBeAWorkbook() {
        let good = TestWorkbook(sheet: TestWorkbook.rows(Cell.row(1, Cell.str("A1", "student_id")) + Cell.row(2, Cell.str("A2", "0012")))).bytes
        let read = StudentListFile.read(good, file: "withdrawn.xlsx", encoding: nil, columns: StudentListFile.withdrawals)
        #expect(read.diagnostics.isEmpty)
        #expect(read.table.map { t in (0..<t.count).map { t.fields(ofRow: $0) } } == [["0012"]])
        let number = TestWorkbook(sheet: TestWorkbook.rows(Cell.row(1, Cell.str("A1", "student_id")) + Cell.row(2, Cell.n("A2", "12")))).bytes
        #expect(StudentListFile.read(number, file: "withdrawn.xlsx", encoding: nil, columns: StudentListFile.withdrawals).diagnostics.map(\.description) == [
            "withdrawn.xlsx:2:A: student_id: stored as a number, so a leading zero may be gone; format the column as Text (设置单元格格式 → 文本), check the values against the source, and save",
        ])
    }

    /// A second round's tables may be workbooks too: the round validates, and its commitment
    /// (`enroll commit --second-round`) is the one its CSV files give.
    @Test func aSecondRoundsRosterMayBeAWorkbook() throws {
        let folder = try temporaryFolder().appendingPathComponent("case")
        try FileManager.default.copyItem(at: Self.sample, to: folder)
        let csv = folder.appendingPathComponent("second-round/primary-applicants.csv")
        try Data(try Self.workbook(fromCSV: String(contentsOf: csv, encoding: .utf8))).write(to: folder.appendingPathComponent("second-round/primary-applicants.xlsx"))
        try FileManager.default.removeItem(at: csv)
        let validated = try runEnroll(["validate", folder.path])
        #expect(validated.status == 0, "\(validated.err)")
        let withWorkbook = try runEnroll(["commit", folder.path, "--second-round", "--out", folder.deletingLastPathComponent().appendingPathComponent("w.json").path])
        let withCSV = try runEnroll(["commit", Self.sample.path, "--second-round", "--out", folder.deletingLastPathComponent().appendingPathComponent("c.json").path])
        #expect(withWorkbook.status == 0, "\(withWorkbook.err)")
        let digest = { (out: String) in out.split(separator: "\n").last { $0.hasPrefix("commitment: ") } }
        #expect(digest(withWorkbook.out) != nil && digest(withWorkbook.out) == digest(withCSV.out))
    }

    /// With the roster a workbook, the other tables are still checked against its applicants:
    /// a priority for a student who is not one is refused.
    @Test func tablesAreCheckedAgainstAWorkbookRoster() throws {
        let folder = try Self.caseWithWorkbook()
        try Data("student_id,school_id,tier\nNOBODY,P01,1\n".utf8).write(to: folder.appendingPathComponent("priorities.csv"))
        let validated = try runEnroll(["validate", folder.path])
        #expect(validated.status == 1)
        #expect(validated.err.contains("priorities.csv:2:1: student_id: 'NOBODY' is not in primary-applicants.csv or junior-applicants.csv"), "\(validated.err)")
    }
}

