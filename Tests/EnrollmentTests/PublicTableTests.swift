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
}
