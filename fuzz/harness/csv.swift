import Enrollment

/// The CSV reader, on the raw bytes and on the text `decodeText` makes of them (UTF-8 or
/// GB18030), the way `CaseFolder` reads a table. Invariants: diagnostics point inside the
/// input; rows start on increasing lines after the header; a table without diagnostics,
/// written with `CSVWriter` and read again, is the same table; decoded text survives a
/// GB18030 round trip.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = inputBytes(data, size)
    checkTable(bytes)
    for declared in [nil, TextEncoding.gb18030] {
        do {
            let (text, _) = try decodeText(bytes, declared: declared)
            let again = try? GB18030.decode(GB18030.encode(text))
            require(again == text, "GB18030 round trip changed the text")
            checkTable(Array(text.utf8))
        } catch {
            checkLocations([error.diagnostic(file: "input.csv")], file: "input.csv", within: .text(bytes, anyEncoding: true))
        }
    }
    return 0
}

func checkTable(_ bytes: [UInt8]) {
    let result = CSVReader.parse(bytes, file: "input.csv")
    let extent = Extent.csv(bytes)
    checkLocations(result.diagnostics, file: "input.csv", within: extent)
    guard let table = result.table else {
        require(!result.diagnostics.isEmpty, "no table and no diagnostic")
        return
    }
    checkRows(table, lastLine: extent.lines) { row in
        require(table.fields(ofRow: row).count == table.fieldCount(ofRow: row), "field count of row \(row)")
    }
    guard result.diagnostics.isEmpty else { return }
    checkWrittenAgain(table)
}
