import Foundation
import Testing
@testable import EnrollmentIO
@testable import EnrollmentEngines

/// Writing .xlsx workbooks (issue 29): DEFLATE compression read back by `Inflate`, and
/// workbooks read back by the reader (openpyxl reads them in `.ci/run`).
@Suite struct XLSXWriterTests {
    @Test func deflatedBytesInflateToTheInput() throws {
        var stream = LotteryStream(seed: "29", draw: "deflate")
        var inputs: [[UInt8]] = [[], [0x41], Array(repeating: 0, count: 100_000),
                                 Array(String(repeating: "<c r=\"A1\" t=\"inlineStr\"><is><t>王小明</t></is></c>", count: 5_000).utf8)]
        for length in [1, 2, 3, 4, 257, 258, 259, 1_000, 40_000] {
            inputs.append((0..<length).map { _ in UInt8(truncatingIfNeeded: stream.nextUInt64() % 4) })
            inputs.append((0..<length).map { _ in UInt8(truncatingIfNeeded: stream.nextUInt64()) })
        }
        for input in inputs {
            let compressed = Deflate.compress(input)
            #expect(try Inflate.decompress(compressed, limit: input.count) == input, "\(input.count) bytes")
        }
        let xml = inputs[3]
        #expect(Deflate.compress(xml).count * 20 < xml.count, "sheet XML is at least 20 times smaller")
        #expect(Deflate.compress(xml) == Deflate.compress(xml))
    }

    @Test func aWorkbookReadsBackAsWritten() throws {
        let rows = [["2026070008", "王 小明", "F"], ["0012", "A&B <\"x\"> _x0041_ \u{1}", ""], ["", "", "M"]]
        let bytes = XLSXWriter.workbook([
            XLSXWriter.Sheet(name: "J01 1班", header: ["student_id", "name", "gender"], rows: rows),
            XLSXWriter.Sheet(name: "J01/2班[a]", header: ["x"], rows: []),
            XLSXWriter.Sheet(name: "j01 1班", header: ["y"], rows: [["1"]]),
        ])
        let read = XLSXReader.read(bytes, file: "w.xlsx", columns: XLSXReader.ColumnRules(text: ["student_id"]))
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics)")
        let table = try #require(read.table)
        #expect(table.header == ["student_id", "name", "gender"])
        #expect((0..<table.count).map { table.fields(ofRow: $0) } == rows)
        #expect((0..<table.count).map(table.line(ofRow:)) == [2, 3, 4])
        let zip = try ZipArchive(bytes)
        #expect(zip.entries.allSatisfy { $0.method == 8 })
        let workbook = String(decoding: try zip.contents(of: "xl/workbook.xml"), as: UTF8.self)
        #expect(workbook.contains("<sheet name=\"J01 1班\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"J01_2班_a_\" sheetId=\"2\" r:id=\"rId2\"/><sheet name=\"j01 1班 (2)\" sheetId=\"3\" r:id=\"rId3\"/>"))
        let sheet = String(decoding: try zip.contents(of: "xl/worksheets/sheet1.xml"), as: UTF8.self)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"12\" customWidth=\"1\"/><col min=\"2\" max=\"2\" width=\"21\" customWidth=\"1\"/>"))
        #expect(bytes == XLSXWriter.workbook([XLSXWriter.Sheet(name: "J01 1班", header: ["student_id", "name", "gender"], rows: rows),
                                              XLSXWriter.Sheet(name: "J01/2班[a]", header: ["x"], rows: []),
                                              XLSXWriter.Sheet(name: "j01 1班", header: ["y"], rows: [["1"]])]), "the same sheets, the same bytes")
    }

    @Test func sheetNamesAreMadeValidAndDistinct() {
        #expect(XLSXWriter.sheetNames(["a", "A", "a", String(repeating: "长", count: 40), String(repeating: "长", count: 40), "", "x:y"])
                == ["a", "A (2)", "a (3)", String(repeating: "长", count: 31), String(repeating: "长", count: 27) + " (2)", "Sheet", "x_y"])
    }
}
