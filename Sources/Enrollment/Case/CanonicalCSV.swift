import Foundation
import EnrollmentIO

/// The canonical form of a CSV file of a case (`enroll-csv/1`): the bytes its commitment
/// digest is taken of, chosen so that saving the same table again — in Excel, in another
/// encoding, with another line end, columns or rows in another order — gives the same bytes,
/// while any change to a value the readers see gives other bytes.
///
/// 1. The file is decoded as the case reader decodes it (UTF-8, a byte-order mark dropped,
///    or GB18030) and parsed by `CSVReader` (RFC 4180; CRLF, LF or CR line ends; records whose
///    fields are all empty skipped).
/// 2. Header names are trimmed and lower-cased (as `CSVReader` does); columns are put in
///    order of their names' UTF-8 bytes.
/// 3. Each field is cleaned as `CSVRecordReader` reads it: full-width forms (U+FF01–U+FF5E)
///    and the ideographic space folded to ASCII, then spaces, tabs, line ends and U+3000
///    trimmed from both ends. Nothing else is changed (no case folding, no simplification).
/// 4. The text is, with `len(x)` the number of UTF-8 bytes of x in decimal and LF = 0x0A:
///
///        "enroll-csv/1" LF
///        decimal(number of columns) LF
///        for each column, in order: len(name) ":" name LF
///        decimal(number of rows) LF
///        for each row: for each field, in column order: len(field) ":" field; then LF
///
///    where the rows are put in order of their own bytes (`len:field…` up to and including
///    the LF), compared bytewise.
///
/// Because rows are sorted, a procedure may never depend on the order of rows in a file
/// (every procedure in this package orders by ids or lottery numbers).
struct CanonicalCSV: Sendable {
    /// The first line of the canonical text; the `1` is the version of this form.
    static let form = "enroll-csv/1"

    /// The canonical bytes.
    let bytes: [UInt8]
    /// The number of data rows.
    let rowCount: Int

    /// The canonical form of a parsed table.
    ///
    /// Every row's canonical bytes are written into one buffer — a field that needs no
    /// cleaning straight from the table's bytes — and the rows are sorted by comparing their
    /// bytes where they lie.
    /// - Complexity: O(n log n) comparisons of rows for n rows, plus O(size of the table).
    init(_ table: CSVTable) {
        let order = table.header.indices.sorted { table.header[$0].utf8.lexicographicallyPrecedes(table.header[$1].utf8) }
        var rows: [UInt8] = []
        rows.reserveCapacity(table.storage.bytes.count + table.count * (order.count * 2 + 1))
        // starts[r] is where row r begins in `rows`; one extra entry at the end.
        var starts: [Int] = [0]
        starts.reserveCapacity(table.count + 1)
        for row in 0..<table.count {
            let span = table.fieldSpan(ofRow: row)
            for column in order {
                table.withFieldBytes(of: span, column: column) { bytes in
                    if CSVRecordReader.isPlain(bytes) {
                        Self.appendField(bytes, to: &rows)
                    } else {
                        var cleaned = CSVRecordReader.clean(String(decoding: bytes, as: UTF8.self))
                        cleaned.withUTF8 { Self.appendField($0, to: &rows) }
                    }
                }
            }
            rows.append(0x0A)
            starts.append(rows.count)
        }
        let sorted = rows.withUnsafeBufferPointer { buffer in
            (0..<table.count).sorted { a, b in
                let x = UnsafeBufferPointer(rebasing: buffer[starts[a]..<starts[a + 1]])
                let y = UnsafeBufferPointer(rebasing: buffer[starts[b]..<starts[b + 1]])
                let common = memcmp(x.baseAddress!, y.baseAddress!, min(x.count, y.count))
                return common != 0 ? common < 0 : x.count < y.count
            }
        }
        var out = Array("\(Self.form)\n\(order.count)\n".utf8)
        for column in order {
            var name = table.header[column]
            name.withUTF8 { Self.appendField($0, to: &out) }
            out.append(0x0A)
        }
        out += Array("\(table.count)\n".utf8)
        out.reserveCapacity(out.count + rows.count)
        for row in sorted { out += rows[starts[row]..<starts[row + 1]] }
        bytes = out
        rowCount = table.count
    }

    /// Reads `fileBytes` (the raw file) and makes its canonical form.
    /// - Throws: `Diagnostics` when the bytes cannot be decoded or the CSV is malformed
    ///   (ragged rows, duplicate or empty column names, stray quotes), each at file:line:column.
    init(fileBytes: [UInt8], file: String, encoding: TextEncoding? = nil) throws(Diagnostics) {
        let parsed: CSVReader.Result
        do {
            parsed = try CSVReader.parse(fileBytes: fileBytes, declared: encoding, file: file)
        } catch {
            throw Diagnostics([error.diagnostic(file: file)])
        }
        guard parsed.diagnostics.isEmpty, let table = parsed.table else { throw Diagnostics(parsed.diagnostics) }
        self.init(table)
    }

    /// The SHA-256 of the canonical bytes.
    var digest: SHA256Digest { SHA256.hash(bytes) }

    /// Appends `len(field) ":" field`.
    private static func appendField(_ field: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var n = field.count, digits = 1
        while n >= 10 { n /= 10; digits *= 10 }
        n = field.count
        while digits > 0 {
            out.append(UInt8(ascii: "0") + UInt8(n / digits))
            n %= digits
            digits /= 10
        }
        out.append(UInt8(ascii: ":"))
        out.append(contentsOf: field)
    }
}
