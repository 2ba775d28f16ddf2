import Enrollment

/// The workbook readers: the input as a worksheet part inside a workbook written around it
/// (shared strings and a date style given), as a shared-strings part, and as a whole archive.
/// Invariants: an XML error points inside its part; every cell diagnostic is at a row of the
/// sheet (at most Excel's last) and a column Excel has; a table without diagnostics, written as
/// CSV and read again, is the same table (`checkWrittenAgain`), its rows on increasing sheet rows.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSX(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    checkWorkbook(workbook(sheet: bytes, strings: Array("<sst><si><t>student_id</t></si><si><t>S1</t></si></sst>".utf8)))
    checkWorkbook(workbook(sheet: Array("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>".utf8),
                           strings: bytes))
    checkWorkbook(bytes)
    var scanned = XMLEvents()
    do {
        try XMLScanner.scan(bytes, into: &scanned)
    } catch {
        let extent = Extent.text(bytes)
        require((1...extent.lines).contains(error.line) && (1...extent.columns).contains(error.column), "XML error outside the input: \(error)")
    }
    return 0
}

/// Counts what the scanner reports, checking that tags balance.
struct XMLEvents: XMLHandler {
    var depth = 0

    mutating func start(_ tag: XMLStartTag) throws(XMLError) { depth += 1 }

    mutating func end(_ name: UnsafeBufferPointer<UInt8>) throws(XMLError) {
        depth -= 1
        require(depth >= 0, "more end tags than start tags")
    }

    mutating func text(_ text: UnsafeBufferPointer<UInt8>) throws(XMLError) {
        require(depth > 0, "text reported outside the root element")
    }
}

/// A workbook of the given sheet and shared-strings parts, with a date style (cell format 1).
func workbook(sheet: [UInt8], strings: [UInt8]) -> [UInt8] {
    var zip = ZipWriter()
    zip.add("xl/workbook.xml", Array("<workbook><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8))
    zip.add("xl/_rels/workbook.xml.rels", Array(("<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>").utf8))
    zip.add("xl/styles.xml", Array("<styleSheet><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>".utf8))
    zip.add("xl/sharedStrings.xml", strings)
    zip.add("xl/worksheets/sheet1.xml", sheet)
    return zip.finish()
}

func checkWorkbook(_ bytes: [UInt8]) {
    let result = XLSXReader.read(bytes, file: "input.xlsx", columns: CaseFolder.workbookColumns)
    let all = result.diagnostics + result.notes
    checkLocations(all, file: "input.xlsx", within: Extent(lines: XLSXReader.lastRow, columns: SpreadsheetColumn.maximum))
    guard let table = result.table else {
        require(!result.diagnostics.isEmpty, "no table and no diagnostic")
        return
    }
    checkRows(table, lastLine: XLSXReader.lastRow - 1) { row in
        require(table.fieldCount(ofRow: row) == table.header.count, "row \(row) has \(table.fieldCount(ofRow: row)) fields, the header \(table.header.count)")
    }
    guard result.diagnostics.isEmpty else { return }
    checkWrittenAgain(table)
}
