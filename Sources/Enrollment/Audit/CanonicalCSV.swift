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
public struct CanonicalCSV: Sendable {
    /// The first line of the canonical text; the `1` is the version of this form.
    public static let form = "enroll-csv/1"

    /// The canonical bytes.
    public let bytes: [UInt8]
    /// The number of data rows.
    public let rowCount: Int

    /// The canonical form of a parsed table.
    /// - Complexity: O(n log n) in the number of rows, plus O(size of the table).
    public init(_ table: CSVTable) {
        let order = table.header.indices.sorted { table.header[$0].utf8.lexicographicallyPrecedes(table.header[$1].utf8) }
        var rows: [[UInt8]] = []
        rows.reserveCapacity(table.count)
        for row in 0..<table.count {
            var bytes: [UInt8] = []
            for column in order {
                Self.appendField(CSVRecordReader.clean(table[row, column]), to: &bytes)
            }
            bytes.append(0x0A)
            rows.append(bytes)
        }
        rows.sort { $0.lexicographicallyPrecedes($1) }
        var out = Array("\(Self.form)\n\(order.count)\n".utf8)
        for column in order {
            Self.appendField(table.header[column], to: &out)
            out.append(0x0A)
        }
        out += Array("\(rows.count)\n".utf8)
        for row in rows { out += row }
        bytes = out
        rowCount = rows.count
    }

    /// Reads `fileBytes` (the raw file) and makes its canonical form.
    /// - Throws: `Diagnostics` when the bytes cannot be decoded or the CSV is malformed
    ///   (ragged rows, duplicate or empty column names, stray quotes), each at file:line:column.
    public init(fileBytes: [UInt8], file: String, encoding: TextEncoding? = nil) throws(Diagnostics) {
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
    public var digest: SHA256Digest { SHA256.hash(bytes) }

    private static func appendField(_ text: String, to out: inout [UInt8]) {
        out += Array("\(text.utf8.count):".utf8)
        out += Array(text.utf8)
    }
}
