import Testing
@testable import EnrollmentIO
@testable import EnrollmentPublishing

/// `PublicTable.csv`, written in chunks on all cores, is the file `CSVWriter` writes row by row.
@Suite struct PublicTableTests {
    @Test func theChunkedCopyIsTheRowByRowCopy() {
        let rows = (0..<40_001).map { k in ["\(k)", k % 7 == 0 ? "a, \"b\"" : "x\(k % 13)", k % 11 == 0 ? " spaced " : ""] }
        let masked = rows.map { ["张\($0[0].count)"] }
        let table = PublicTable(name: "t", source: "t.csv", columns: ["id", "text", "note"], rows: RunCSV.Rows(storage: .array(rows)),
                                masked: ["name_masked"], appended: masked)
        var writer = CSVWriter(header: ["id", "text", "note", "name_masked"])
        for (row, extra) in zip(rows, masked) { writer.append(row + extra) }
        #expect(table.csv == writer.bytes)
        #expect(PublicTable(name: "e", source: nil, columns: ["a"], rows: []).csv == CSVWriter(header: ["a"]).bytes)
    }

    /// A table read from a file is copied field by field from its bytes: the same bytes as its
    /// rows' strings written anew, quotes, spaces, Chinese and invalid UTF-8 included.
    @Test func aTableReadFromAFileIsCopiedAsItsStringsWouldBe() throws {
        var file = Array("id,text,note\n1,\"a, \"\"b\"\"\",\" x \"\n2,张三,\n3,plain,\n4,\"line\nend\",".utf8)
        file += [0xFF, 0x41, 0x0A]
        let run = try RunCSV(file: "t.csv", bytes: file)
        let masked = run.rows.indices.map { ["*\($0)"] }
        let table = PublicTable(name: "t", source: "t.csv", columns: run.columns, rows: run.rows, masked: ["name_masked"], appended: masked)
        var writer: [UInt8] = CSVWriter(header: run.columns + ["name_masked"]).bytes
        for (row, extra) in zip(run.rows, masked) { CSVWriter.appendRow(Array(row) + extra, to: &writer) }
        #expect(table.csv == writer)
        let plain = PublicTable(name: "t", source: "t.csv", columns: run.columns, rows: run.rows)
        var rowByRow: [UInt8] = CSVWriter(header: run.columns).bytes
        for row in run.rows { CSVWriter.appendRow(Array(row), to: &rowByRow) }
        #expect(plain.csv == rowByRow)
        #expect(String(decoding: plain.csv, as: UTF8.self).contains("4,\"line\nend\",\u{FFFD}A\n"))
    }
}
