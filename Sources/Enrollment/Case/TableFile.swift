import EnrollmentIO

/// A table from a file a clerk gives: a CSV file (decoded from its encoding, docs/FORMATS.md)
/// or, when its name ends in `.xlsx`, an Excel workbook's first sheet (`XLSXReader`, with the
/// id and date columns of every table of a case: `CaseFolder.workbookColumns`). Either way the
/// same `CSVTable`, and every problem at `file:line:column`.
package enum TableFile {
    /// What reading gives: the table (nil when nothing could be read), every problem, and what
    /// was read but is worth saying (a workbook's dates stored as plain numbers).
    package struct Read: Sendable {
        package var table: CSVTable?
        package var diagnostics: [Diagnostic]
        package var notes: [Diagnostic] = []
    }

    /// Reads `bytes`, the file called `file` in messages; `encoding` applies to a CSV file.
    /// - Complexity: O(size of the file).
    package static func read(_ bytes: [UInt8], file: String, encoding: TextEncoding?) -> Read {
        if file.hasSuffix(".xlsx") {
            let read = XLSXReader.read(bytes, file: file, columns: CaseFolder.workbookColumns)
            return Read(table: read.table, diagnostics: read.diagnostics, notes: read.notes)
        }
        do {
            let parsed = try CSVReader.parse(fileBytes: bytes, declared: encoding, file: file)
            return Read(table: parsed.table, diagnostics: parsed.diagnostics)
        } catch {
            return Read(table: nil, diagnostics: [error.diagnostic(file: file)])
        }
    }
}
