import Foundation
import Testing
@testable import EnrollmentIO

/// Reading .xlsx workbooks (issue 29): the XML scanner, Excel's dates and numbers, and the
/// first sheet read into the table a CSV file with the same rows gives, with every trap and
/// every damaged part refused at its place.
@Suite struct XLSXReaderTests {
    /// The events a scanner reports, as text.
    struct Recorder: XMLHandler {
        var events: [String] = []

        mutating func start(_ tag: XMLStartTag) throws(XMLError) {
            let name = String(decoding: tag.name, as: UTF8.self)
            let a = tag.attribute("a").map { " a=\($0)" } ?? ""
            events.append("<\(name)\(a)>")
        }

        mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError) {
            events.append("</\(String(decoding: name, as: UTF8.self))>")
        }

        mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError) {
            events.append(String(decoding: text, as: UTF8.self))
        }
    }

    static func scan(_ xml: String) -> Result<[String], XMLError> {
        var recorder = Recorder()
        do {
            try XMLScanner.scan(Array(xml.utf8), into: &recorder)
            return .success(recorder.events)
        } catch {
            return .failure(error)
        }
    }

    @Test func theScannerReportsTagsTextAndReferences() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <!-- a comment --><x:root xmlns:x="urn:x"><x:c a='1 &amp; 2'/><t>A&lt;B &#x4E2D;&#25991;</t><![CDATA[<raw>]]></x:root>
            """
        #expect(Self.scan(xml) == .success(["<root>", "<c a=1 & 2>", "</c>", "<t>", "A<B 中文", "</t>", "<raw>", "</root>"]))
    }

    @Test(arguments: [
        ("<a><b></a>", "line 1, column 7: the element <b> is closed by </a>"),
        ("<!DOCTYPE a [<!ENTITY x \"y\">]><a/>", "line 1, column 1: a document type declaration, which no workbook part has (refused: it could define entities without bound)"),
        ("<a>&bomb;</a>", "line 1, column 4: an entity reference other than &lt; &gt; &amp; &quot; &apos; or a character number"),
        ("<a>\n  <b", "line 2, column 3: a tag, comment or section is cut short"),
        ("<a/>\n<b/>", "line 2, column 1: a second root element"),
        ("text<a/>", "line 1, column 1: text outside the document's root element"),
        ("<a b=1/>", "line 1, column 6: the value of the attribute b is not in quotes"),
        ("<a b='1' b='2'/>", "line 1, column 10: the attribute b is given twice"),
        ("<a b='<'/>", "line 1, column 7: a '<' inside an attribute value"),
        ("<a>", "line 1, column 4: the element <a> is never closed"),
        ("</a>", "line 1, column 1: </a> closes no open element"),
        ("", "line 1, column 1: no root element"),
        ("<a>&#1;</a>", "line 1, column 4: an entity reference other than &lt; &gt; &amp; &quot; &apos; or a character number"),
    ])
    func theScannerRefusesMalformedXMLAtItsPlace(_ xml: String, _ message: String) {
        guard case .failure(let error) = Self.scan(xml) else {
            Issue.record("\(xml) was read")
            return
        }
        #expect(error.description == message)
    }

    @Test func theScannerRefusesBytesThatAreNotUTF8AndDeepNesting() {
        var recorder = Recorder()
        #expect(throws: XMLError(line: 1, column: 4, reason: .invalidUTF8)) {
            try XMLScanner.scan(Array("<a>".utf8) + [0xC3, 0x28] + Array("</a>".utf8), into: &recorder)
        }
        let deep = String(repeating: "<a>", count: XMLScanner.maximumDepth + 1) + String(repeating: "</a>", count: XMLScanner.maximumDepth + 1)
        guard case .failure(let error) = Self.scan(deep) else {
            Issue.record("nested \(XMLScanner.maximumDepth + 1) deep was read")
            return
        }
        #expect(error.reason == .tooDeep)
    }

    @Test func columnLettersAndCellReferences() {
        #expect([1, 2, 26, 27, 52, 53, 702, 703, 16_384].map(SpreadsheetColumn.letters) == ["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"])
        func cell(_ text: String) -> [Int]? {
            Array(text.utf8).withUnsafeBufferPointer(SpreadsheetColumn.cell).map { [$0.column, $0.row] }
        }
        #expect(cell("B12") == [2, 12])
        #expect(cell("xfd1048576") == [16_384, 1_048_576])
        #expect(cell("XFE1") == nil)
        #expect(cell("12") == nil)
        #expect(cell("A") == nil)
        #expect(cell("A1B") == nil)
        for n in 1...20_000 {
            #expect(cell(SpreadsheetColumn.letters(n) + "1")?.first == (n <= 16_384 ? n : nil))
        }
    }

    /// Serial numbers against Python's `date(1899, 12, 30) + timedelta(n)` (from 1900-03-01 on)
    /// and the rules of the two systems.
    @Test func excelDatesInBothSystems() {
        func date(_ serial: Double, _ system: ExcelDate.System = .from1900) -> String? {
            try? ExcelDate.text(serial: serial, system: system).get().text
        }
        #expect(date(1) == "1900-01-01")
        #expect(date(59) == "1900-02-28")
        #expect(ExcelDate.text(serial: 60, system: .from1900) == .failure(.nonexistentLeapDay))
        #expect(date(61) == "1900-03-01")
        #expect(date(45_123) == "2023-07-16")
        #expect(date(44_197) == "2021-01-01")
        #expect(date(2_958_465) == "9999-12-31")
        #expect(date(45_123.5) == "2023-07-16 12:00:00")
        #expect(date(45_123.999_999_9) == "2023-07-17")
        #expect(date(0, .from1904) == "1904-01-01")
        #expect(date(43_735, .from1904) == "2023-09-28")
        #expect(ExcelDate.text(serial: 0, system: .from1900) == .failure(.outOfRange))
        #expect(ExcelDate.text(serial: -1, system: .from1904) == .failure(.outOfRange))
        #expect(ExcelDate.text(serial: 2_958_466, system: .from1900) == .failure(.outOfRange))
    }

    @Test(arguments: [
        ("600", "600"), ("87.5", "87.5"), ("-12.50", "-12.5"), ("0.30000000000000004", "0.3"), ("1E+3", "1000"),
        ("4.1010219900101E+17", "4.1010219900101E+17"), ("410102199001011234", "4.10102199001011E+17"), ("2.5E-7", "2.5E-07"),
        ("0.000123", "0.000123"), (".5", "0.5"), ("007", "7"), ("123456789012345", "123456789012345"),
        ("1234567890123456", "1.23456789012346E+15"), ("87.499999999999986", "87.5"), ("-0", "0"),
    ])
    func numbersAsExcelShowsThem(_ written: String, _ shown: String) {
        #expect(ExcelNumber.text(Array(written.utf8)).map { String(decoding: $0, as: UTF8.self) } == shown)
    }

    @Test func textThatIsNotANumberIsNone() {
        #expect(ExcelNumber.text(Array("12a".utf8)) == nil)
        #expect(ExcelNumber.text(Array("inf".utf8)) == nil)
    }

    @Test func dateFormatsAreRecognised() {
        for code in ["yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "[$-804]yyyy/m/d", "m/d/yy h:mm", "[h]:mm:ss", "dd-mmm"] {
            #expect(StylesPart.showsDate(code), "\(code)")
        }
        for code in ["General", "0.00", "#,##0_);[Red](#,##0)", "\"day\"0", "@", "0.00E+00", "[Red]0"] {
            #expect(!StylesPart.showsDate(code), "\(code)")
        }
    }
}

/// Workbooks written here, part by part, to carry what the reader must read or refuse.
struct TestWorkbook {
    var sheet: String
    var strings: [String]? = nil
    /// The number format of each cell format (`<cellXfs>`), in order.
    var cellFormats: [Int] = [0]
    var customFormats: [(id: Int, code: String)] = []
    var date1904 = false

    static func rows(_ rows: String, merged: [String] = []) -> String {
        let cells = merged.isEmpty ? "" : "<mergeCells count=\"\(merged.count)\">" + merged.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        return "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData>\(cells)</worksheet>"
    }

    var parts: [(String, String)] {
        var relationships = "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        var parts = [
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets><sheet name=\"名单\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/worksheets/sheet1.xml", sheet),
            ("xl/styles.xml", "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts>"
                + customFormats.map { "<numFmt numFmtId=\"\($0.id)\" formatCode=\"\($0.code.replacingOccurrences(of: "\"", with: "&quot;"))\"/>" }.joined()
                + "</numFmts><cellXfs>" + cellFormats.map { "<xf numFmtId=\"\($0)\"/>" }.joined() + "</cellXfs></styleSheet>"),
        ]
        if let strings {
            relationships += "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                + strings.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined() + "</sst>"))
        }
        parts.append(("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(relationships)</Relationships>"))
        return parts
    }

    var bytes: [UInt8] {
        var zip = ZipWriter()
        for (name, text) in parts { zip.add(name, Array(text.utf8)) }
        return zip.finish()
    }

    func read(_ columns: XLSXReader.ColumnRules = XLSXReader.ColumnRules(), limits: ZipLimits = .workbook) -> XLSXReader.Result {
        XLSXReader.read(bytes, file: "t.xlsx", columns: columns, limits: limits)
    }
}

/// Cells as a test writes them: `s("A1", 0)`, `n("B1", "12")`, `str("C1", "text")`.
enum Cell {
    static func s(_ ref: String, _ index: Int) -> String { "<c r=\"\(ref)\" t=\"s\"><v>\(index)</v></c>" }
    static func n(_ ref: String, _ value: String, style: Int = 0) -> String { "<c r=\"\(ref)\" s=\"\(style)\"><v>\(value)</v></c>" }
    static func str(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
    static func row(_ r: Int, _ cells: String...) -> String { "<row r=\"\(r)\">" + cells.joined() + "</row>" }
}

extension XLSXReaderTests {
    static func fields(_ result: XLSXReader.Result) -> [[String]] {
        guard let t = result.table else { return [] }
        return [t.header] + (0..<t.count).map { t.fields(ofRow: $0) }
    }

    @Test func aSheetReadsIntoTheTableItsCSVGives() throws {
        let workbook = TestWorkbook(
            sheet: TestWorkbook.rows(
                Cell.row(2, Cell.s("A2", 0), Cell.s("B2", 1), Cell.str("C2", " Score "), Cell.str("D2", "birth_date"), Cell.str("E2", "ok"))
                + Cell.row(3, Cell.s("A3", 2), Cell.str("B3", "\"王\" 五"), Cell.n("C3", "87.5"), Cell.n("D3", "45123", style: 1),
                           "<c r=\"E3\" t=\"b\"><v>1</v></c>")
                + Cell.row(4)
                + Cell.row(6, Cell.str("A6", "S2"), "<c r=\"C6\"><f>1+1</f><v>2</v></c>", "<c r=\"E6\" t=\"b\"><v>0</v></c>")
                + Cell.row(7, Cell.str("A7", "S3"), Cell.str("B7", "李_x000D_四"), "<c r=\"C7\" t=\"str\"><f>\"9\"&amp;\"1\"</f><v>91</v></c>")),
            strings: ["Student_ID", "name", "S1"], cellFormats: [0, 14])
        let result = workbook.read()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(Self.fields(result) == [
            ["student_id", "name", "score", "birth_date", "ok"],
            ["S1", "\"王\" 五", "87.5", "2023-07-16", "TRUE"],
            ["S2", "", "2", "", "FALSE"],
            ["S3", "李\r四", "91", "", ""],
        ])
        let table = try #require(result.table)
        #expect(table.headerLine == 2)
        #expect((0..<table.count).map(table.line(ofRow:)) == [3, 6, 7])
        #expect(table.location(row: 1, column: 2).description == "t.xlsx:6:C")
    }

    @Test func anIDStoredAsANumberIsRefusedAndADateStoredAsANumberIsReadAndSaidOnce() {
        let workbook = TestWorkbook(sheet: TestWorkbook.rows(
            Cell.row(1, Cell.str("A1", "student_id"), Cell.str("B1", "id_number"), Cell.str("C1", "birth_date"))
            + Cell.row(2, Cell.n("A2", "2026010001"), Cell.n("B2", "4.1010219900101E+17"), Cell.n("C2", "45123"))
            + Cell.row(3, Cell.str("A3", "2026010002"), Cell.str("B3", "410102199001011234"), Cell.n("C3", "45124"))))
        let result = workbook.read(XLSXReader.ColumnRules(text: ["student_id", "id_number"], dates: ["birth_date"]))
        #expect(result.diagnostics.map(\.description) == [
            "t.xlsx:2:A: student_id: stored as a number, so a leading zero may be gone; format the column as Text (设置单元格格式 → 文本), check the values against the source, and save",
            "t.xlsx:2:B: id_number: a number of more than 15 digits stored as a number: Excel keeps only 15 digits, so its last digits are lost; format the column as Text (设置单元格格式 → 文本), enter the values again from the source, and save",
        ])
        #expect(result.notes.map(\.description) == [
            "t.xlsx:2:C: birth_date: dates stored as plain numbers (Excel's serial numbers, from this cell on) are read as dates in the workbook's 1900 date system; check a few against the source, and format the column as Date",
        ])
        #expect(Self.fields(result).map { $0[2] } == ["birth_date", "2023-07-16", "2023-07-17"])
        #expect(!result.diagnostics.description.contains("4101"), "an id number is never echoed")
    }

    @Test func theDateSystemOf1904AndCustomDateFormats() {
        let workbook = TestWorkbook(sheet: TestWorkbook.rows(
            Cell.row(1, Cell.str("A1", "d"), Cell.str("B1", "n"))
            + Cell.row(2, Cell.n("A2", "43735", style: 1), Cell.n("B2", "43735"))),
            cellFormats: [0, 180], customFormats: [(180, "yyyy\"年\"m\"月\"d\"日\"")], date1904: true)
        #expect(Self.fields(workbook.read()) == [["d", "n"], ["2023-09-28", "43735"]])
    }

    @Test(arguments: [
        (Cell.row(2, "<c r=\"A2\"><f>A1</f></c>"), "t.xlsx:2:A: the cell holds a formula without a saved value: open the workbook in Excel and save it again, or paste the column as values"),
        (Cell.row(2, "<c r=\"A2\" t=\"str\"><f>A1&amp;\"x\"</f></c>"), "t.xlsx:2:A: the cell holds a formula without a saved value: open the workbook in Excel and save it again, or paste the column as values"),
        (Cell.row(2, "<c r=\"A2\" t=\"e\"><v>#N/A</v></c>"), "t.xlsx:2:A: the cell holds Excel's error value #N/A: correct its formula, or type the value"),
        (Cell.row(2, Cell.s("A2", 7)), "t.xlsx:2:A: the cell refers to shared string 7, but the workbook has 1: the workbook is damaged; save it again in Excel"),
        (Cell.row(2, Cell.str("A2", "x"), Cell.str("C2", "y")), "t.xlsx:2:C: a value right of the header's last column (B): name its column in the header row, or clear the cell"),
        (Cell.row(2, Cell.str("B2", "x"), Cell.str("A2", "y")), "t.xlsx:2:A: the cell is given twice, or out of order: the workbook is damaged; save it again in Excel"),
        (Cell.row(2, Cell.n("A2", "60", style: 1)), "t.xlsx:2:A: the date is 1900-02-29, a day Excel counts but the calendar never had: correct it"),
        (Cell.row(1_048_576, Cell.str("A1048576", "x")), "t.xlsx:1048576:0: the sheet reaches Excel's last row (1048576): a longer list was cut off when it was saved; split it into files of fewer rows, or save it as CSV"),
    ])
    func everyCellTrapIsRefusedAtItsCell(_ row: String, _ message: String) {
        let workbook = TestWorkbook(sheet: TestWorkbook.rows(Cell.row(1, Cell.str("A1", "a"), Cell.str("B1", "b")) + row),
                                    strings: ["only"], cellFormats: [0, 14])
        #expect(workbook.read().diagnostics.map(\.description) == [message])
    }

    @Test func mergedCellsFromTheHeaderDownAreRefused() {
        let workbook = TestWorkbook(sheet: TestWorkbook.rows(
            Cell.row(2, Cell.str("A2", "a"), Cell.str("B2", "b")) + Cell.row(3, Cell.str("A3", "x")), merged: ["A1:B1", "A3:B4"]))
        #expect(workbook.read().diagnostics.map(\.description) == [
            "t.xlsx:3:A: cells A3:B4 are merged: unmerge them (取消单元格合并) and fill every cell of each row with its own value",
        ])
    }

    @Test func headerProblemsAreThoseOfACSVFile() {
        let workbook = TestWorkbook(sheet: TestWorkbook.rows(Cell.row(1, Cell.str("A1", "a"), Cell.str("C1", "A"))))
        #expect(workbook.read().diagnostics.map(\.description) == [
            "t.xlsx:1:B: the header has an empty column name",
            "t.xlsx:1:C: duplicate column 'a' (also column A): each column name may appear once",
        ])
        #expect(TestWorkbook(sheet: TestWorkbook.rows("")).read().diagnostics.map(\.description) == [
            "t.xlsx:1:0: the sheet is empty: it needs a header row naming its columns",
        ])
    }

    @Test func aDamagedWorkbookIsOneProblemNamingThePart() {
        func problem(_ workbook: TestWorkbook, limits: ZipLimits = .workbook) -> String? {
            let result = workbook.read(limits: limits)
            #expect(result.table == nil)
            return result.diagnostics.count == 1 ? result.diagnostics[0].description : "\(result.diagnostics)"
        }
        #expect(problem(TestWorkbook(sheet: "<worksheet><sheetData><row r=\"1\"></sheetData></worksheet>"))
                == "t.xlsx:0:0: xl/worksheets/sheet1.xml: line 1, column 34: the element <row> is closed by </sheetData>; the workbook cannot be read: save it again in Excel (or as CSV)")
        #expect(problem(TestWorkbook(sheet: TestWorkbook.rows(Cell.row(2) + Cell.row(1))))
                == "t.xlsx:0:0: xl/worksheets/sheet1.xml: line 1, column 106: row 1 comes after row 2: the rows are out of order; the workbook cannot be read: save it again in Excel (or as CSV)")
        #expect(problem(TestWorkbook(sheet: TestWorkbook.rows(Cell.row(1, Cell.str("A1", "a"))), strings: ["x"]), limits: ZipLimits(entryBytes: 1 << 20, expansion: 100, smallEntryBytes: 1 << 20, totalBytes: 300))
                == "t.xlsx:0:0: xl/worksheets/sheet1.xml: the parts of the workbook decompress to more than 300 bytes together, the limit for a workbook: refused as a possible ZIP bomb; the workbook cannot be read: save it again in Excel (or as CSV)")
        let notAZip = XLSXReader.read(Array("student_id,name\n".utf8), file: "t.xlsx")
        #expect(notAZip.diagnostics.map(\.description) == [
            "t.xlsx:0:0: the archive: this is not a ZIP archive (an .xlsx workbook is one): save the file again as an Excel workbook (.xlsx); the workbook cannot be read: save it again in Excel (or as CSV)",
        ])
        var bytes = TestWorkbook(sheet: TestWorkbook.rows(Cell.row(1, Cell.str("A1", "a")))).bytes
        bytes.removeLast(40)
        #expect(XLSXReader.read(bytes, file: "t.xlsx").diagnostics.first?.description.hasPrefix("t.xlsx:0:0: the archive: ") == true)
    }
}
