import Foundation
import Testing
@testable import EnrollmentIO
@testable import EnrollmentCase
@testable import EnrollmentPublishing

/// `enroll publish --workbooks` (issue 29): each school's class lists as one workbook (a sheet
/// per class) and each level's placements, masked or whole, only into a folder outside the
/// run, the case and the site.
@Suite struct SchoolWorkbookTests {
    static let sample = packageRoot.appendingPathComponent("zones/sample-county/case")

    /// Sheet `number` (1-based) of a workbook this tool wrote, as its header and rows.
    static func sheet(_ bytes: [UInt8], _ number: Int) throws -> (name: String, rows: [[String]]) {
        let zip = try ZipArchive(bytes)
        var reader = SheetReader(file: "w.xlsx", columns: XLSXReader.ColumnRules(), strings: SharedStrings(), dateStyles: [], system: .from1900)
        try XMLScanner.scan(try zip.contents(of: "xl/worksheets/sheet\(number).xml"), into: &reader)
        let table = try #require(reader.finish().table)
        var workbook = WorkbookSheets()
        try XMLScanner.scan(try zip.contents(of: "xl/workbook.xml"), into: &workbook)
        return (workbook.names[number - 1], [table.header] + (0..<table.count).map { table.fields(ofRow: $0) })
    }

    /// The sheet names of a workbook.
    struct WorkbookSheets: XMLHandler {
        var names: [String] = []
        mutating func start(_ tag: XMLStartTag) throws(XMLError) { if tag.is("sheet") { names.append(tag.attribute("name") ?? "") } }
        mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError) {}
        mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError) {}
    }

    static func rows(_ url: URL) throws -> [[String]] {
        let t = try #require(CSVReader.parse([UInt8](try Data(contentsOf: url)), file: url.lastPathComponent).table)
        return [t.header] + (0..<t.count).map { t.fields(ofRow: $0) }
    }

    @Test func classListsAndPlacementsAreWrittenMaskedOrWhole() throws {
        let folder = try temporaryFolder()
        #expect(try runEnroll(["demo", "--out", folder.appendingPathComponent("demo").path]).status == 0)
        let run = folder.appendingPathComponent("demo/run"), site = folder.appendingPathComponent("site")
        let books = folder.appendingPathComponent("workbooks")
        let published = try runEnroll(["publish", run.path, "--out", site.path, "--case", Self.sample.path, "--workbooks", books.path])
        #expect(published.status == 0, "\(published.err)")
        let c = try CaseFolder(url: Self.sample).load().admissionCase
        let junior = Dictionary(c.juniorApplicants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

        // Junior classes of J01: a sheet per class, pupils by student_id, masked names, the drawn head teacher.
        let classes = try Self.rows(run.appendingPathComponent("junior/classes.csv")).dropFirst()
        let heads = try Self.rows(run.appendingPathComponent("junior/head-teachers.csv")).dropFirst()
        let j01 = classes.filter { $0[1] == "J01" }
        let classCount = Set(j01.map { $0[2] }).count
        let bytes = [UInt8](try Data(contentsOf: books.appendingPathComponent("junior-J01-classes.xlsx")))
        let first = try Self.sheet(bytes, 1)
        #expect(first.name == "城关一中 1班" || first.name.hasSuffix(" 1班"), "\(first.name)")
        let pupils = j01.filter { $0[2] == "1" }.map { $0[0] }.sorted()
        let head = heads.first { $0[0] == "J01" && $0[1] == "1" }?[2] ?? ""
        #expect(first.rows == [["序号", "学籍号", "姓名(脱敏)", "性别", "班主任"]] + pupils.enumerated().map { k, id in
            [String(k + 1), id, Masking.name(junior[id]!.name), junior[id]!.gender == .male ? "男" : "女", head]
        })
        #expect(try Self.sheet(bytes, classCount).name.hasSuffix(" \(classCount)班"))
        #expect(throws: ZipError.missing("xl/worksheets/sheet\(classCount + 1).xml")) { try Self.sheet(bytes, classCount + 1) }

        let names = try FileManager.default.contentsOfDirectory(atPath: books.path).sorted()
        let schools = { (level: String) in Set(try Self.rows(run.appendingPathComponent("\(level)/classes.csv")).dropFirst().map { $0[1] }) }
        #expect(names == (["junior-placements.xlsx", "primary-placements.xlsx"] + (try schools("junior")).map { "junior-\($0)-classes.xlsx" }
                          + (try schools("primary")).map { "primary-\($0)-classes.xlsx" }).sorted())
        // The placements: the run's rows, then the masked name and id number.
        let placements = try Self.rows(run.appendingPathComponent("junior/placements.csv"))
        let sheet = try Self.sheet([UInt8](try Data(contentsOf: books.appendingPathComponent("junior-placements.xlsx"))), 1)
        #expect(sheet.name == "初中录取名单")
        #expect(sheet.rows == [placements[0] + ["姓名(脱敏)", "身份证号(脱敏)"]] + placements.dropFirst().map { row in
            row + [Masking.name(junior[row[0]]!.name), Masking.idNumber(junior[row[0]]!.idNumber ?? "")]
        })

        // Whole names only when asked, into the folder named.
        let whole = try runEnroll(["publish", run.path, "--out", site.path, "--case", Self.sample.path, "--workbooks", books.path, "--unmasked"])
        #expect(whole.status == 0, "\(whole.err)")
        #expect(whole.out.contains("workbooks written to \(books.path) (names and id numbers whole: for the schools' own use, not for publication)"))
        let unmasked = try Self.sheet([UInt8](try Data(contentsOf: books.appendingPathComponent("junior-J01-classes.xlsx"))), 1)
        #expect(unmasked.rows[0] == ["序号", "学籍号", "姓名", "性别", "班主任"])
        #expect(unmasked.rows.dropFirst().map { $0[2] } == pupils.map { junior[$0]!.name })
    }

    @Test func wholeNamesNeedAFolderAndNoFolderInsideTheSiteRunOrCase() throws {
        let folder = try temporaryFolder()
        #expect(try runEnroll(["demo", "--out", folder.appendingPathComponent("demo").path]).status == 0)
        let run = folder.appendingPathComponent("demo/run"), site = folder.appendingPathComponent("site")
        let unmaskedAlone = try runEnroll(["publish", run.path, "--out", site.path, "--case", Self.sample.path, "--unmasked"])
        #expect(unmaskedAlone.status == 2)
        #expect(unmaskedAlone.err.contains("whole names are written only into a --workbooks folder you name, never into the site: give --workbooks"))
        #expect(!FileManager.default.fileExists(atPath: site.path))
        for inside in [site.appendingPathComponent("books"), run.appendingPathComponent("books")] {
            let refused = try runEnroll(["publish", run.path, "--out", site.path, "--case", Self.sample.path, "--workbooks", inside.path])
            #expect(refused.status == 1)
            #expect(refused.err.contains("\(inside.path): the workbooks must be written outside the run folder, the case folder and the site"), "\(refused.err)")
            #expect(!FileManager.default.fileExists(atPath: site.path) && !FileManager.default.fileExists(atPath: inside.path))
        }
        let other = folder.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: other.appendingPathComponent("notes.txt"))
        let refused = try runEnroll(["publish", run.path, "--out", site.path, "--case", Self.sample.path, "--workbooks", other.path])
        #expect(refused.status == 1)
        #expect(refused.err.contains("the folder holds other files than .xlsx workbooks; the workbooks replace the whole folder, so give a new or empty folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["notes.txt"])
        #expect(!FileManager.default.fileExists(atPath: site.path), "refused before anything is written")
    }
}
