/// A parsed CSV file (RFC 4180): a header row and records, kept as the file's own bytes.
///
/// Parsing copies no field: the table keeps the input bytes and, per field, where its raw
/// text ends (4 bytes a field), so that a million-row file costs a few allocations rather than
/// tens of millions. A field is unquoted when it is read: a plain field is its raw bytes, a
/// quoted one the bytes between its quotes, and only a quoted field holding `""` (or text
/// after its closing quote) is copied to be unescaped. A field becomes a `String` only when
/// asked for.
///
/// Rows are numbered from 0 (the first record after the header). Each row remembers the
/// physical line it starts on, so messages can say `file:line:column` even when quoted
/// fields hold newlines. Header names are trimmed and compared case-insensitively (they
/// are stored lower-cased).
package struct CSVTable: Sendable {
    package let storage: Storage

    package init(file: String, header: [String], headerLine: Int, bytes: [UInt8], ends: [UInt32], marks: [UInt32], lines: [UInt32]) {
        storage = Storage(file: file, header: header, headerLine: headerLine, bytes: bytes, ends: ends, marks: marks, lines: lines)
    }

    /// Everything a table holds, behind one reference, so that copying a table (into each
    /// `CSVRecordReader`) costs one reference count.
    package final class Storage: Sendable {
        package let file: String
        package let header: [String]
        package let headerLine: Int
        package let columnIndex: [String: Int]
        /// The input, as given to the reader.
        package let bytes: [UInt8]
        /// Where fields end in `bytes`. Each row contributes a mark, one less than the offset of
        /// its first byte, then the end offset (exclusive) of each of its fields: every field
        /// thus starts one byte after the entry before it (after the mark, or after the comma
        /// that ends the field before). Offsets wrap (`&+ 1`) only for a row at offset 0.
        package let ends: [UInt32]
        /// `marks[r]` is the index in `ends` of row r's mark; one extra entry (`ends.count`) at the end.
        package let marks: [UInt32]
        /// `lines[r]` is the physical line on which row r starts.
        package let lines: [UInt32]

        package init(file: String, header: [String], headerLine: Int, bytes: [UInt8], ends: [UInt32], marks: [UInt32], lines: [UInt32]) {
            self.file = file
            self.header = header
            self.headerLine = headerLine
            self.bytes = bytes
            self.ends = ends
            self.marks = marks
            self.lines = lines
            var index: [String: Int] = [:]
            for (i, name) in header.enumerated() where index[name] == nil {
                index[name] = i
            }
            columnIndex = index
        }
    }

    /// The file's name as shown in messages.
    package var file: String { storage.file }
    /// Column names, trimmed and lower-cased, in file order.
    package var header: [String] { storage.header }
    /// The physical line (1-based) where the header ends; records start after it.
    package var headerLine: Int { storage.headerLine }

    /// The number of records (rows after the header).
    package var count: Int { storage.lines.count }

    /// The 1-based index of `name` in the header (the column a spreadsheet shows), or nil.
    package func column(_ name: String) -> Int? {
        storage.columnIndex[name].map { $0 + 1 }
    }

    /// The 0-based position of column `name`, or nil.
    package func index(of name: String) -> Int? {
        storage.columnIndex[name]
    }

    /// The physical line on which row `row` starts.
    package func line(ofRow row: Int) -> Int { Int(storage.lines[row]) }

    /// The number of fields in row `row` (equal to the header's count in a valid file).
    package func fieldCount(ofRow row: Int) -> Int { fieldSpan(ofRow: row).count }

    /// The location of a cell, for messages.
    package func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line(ofRow: row), column: column + 1)
    }

    /// The UTF-8 bytes of field `column` (0-based) of row `row`, unquoted; empty when the row is short.
    /// - Complexity: O(1) for a plain field, or a quoted one without `""`; O(field length) otherwise.
    @inline(__always)
    package func withFieldBytes<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withFieldBytes(of: fieldSpan(ofRow: row), column: column, body)
    }

    /// Where row `row`'s fields are in `Storage.ends`: its mark's index, and its field count.
    @inline(__always)
    package func fieldSpan(ofRow row: Int) -> (mark: Int, count: Int) {
        let mark = Int(storage.marks[row])
        return (mark, Int(storage.marks[row + 1]) - mark - 1)
    }

    /// `withFieldBytes(row:column:_:)` for a row whose `fieldSpan(ofRow:)` is known (as a
    /// `CSVRecordReader` keeps it, to look it up once per row rather than once per field).
    @inline(__always)
    package func withFieldBytes<R>(of span: (mark: Int, count: Int), column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        guard column < span.count else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let s = storage
        let lower = Int(s.ends[span.mark + column] &+ 1)
        let upper = Int(s.ends[span.mark + column + 1])
        return try s.bytes.withUnsafeBufferPointer { try $0.withField(from: lower, to: upper, body) }
    }

    /// Field `column` (0-based) of row `row` as a string; "" when the row is short.
    package subscript(row: Int, column: Int) -> String {
        withFieldBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends row `row`'s fields to `bytes` as `CSVWriter.appendRow` writes the row's strings
    /// (separated by commas, without the line end), without making the strings: an ASCII field
    /// is copied from the table's bytes, any other goes through its `String` (which repairs
    /// invalid UTF-8 as the strings would).
    /// - Complexity: O(size of the row).
    package func appendCSVFields(ofRow row: Int, to bytes: inout [UInt8]) {
        let span = fieldSpan(ofRow: row)
        for column in 0..<span.count {
            if column > 0 { bytes.append(UInt8(ascii: ",")) }
            withFieldBytes(of: span, column: column) { field in
                if field.allSatisfy({ $0 < 0x80 }) {
                    CSVWriter.appendField(field, to: &bytes)
                } else {
                    CSVWriter.appendField(String(decoding: field, as: UTF8.self), to: &bytes)
                }
            }
        }
    }

    /// All fields of row `row`.
    package func fields(ofRow row: Int) -> [String] {
        (0..<fieldCount(ofRow: row)).map { self[row, $0] }
    }

    package static let quote = UInt8(ascii: "\"")

    /// The problems of a header row (names trimmed and lower-cased) on line `line`: an empty
    /// name, or a name given twice. Every table, CSV file or sheet of a workbook, is checked so.
    package static func headerProblems(_ names: [String], file: String, line: Int) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (k, name) in names.enumerated() {
            if name.isEmpty {
                problems.append(Diagnostic(SourceLocation(file: file, line: line, column: k + 1), "the header has an empty column name"))
            } else if let first = seen[name] {
                problems.append(Diagnostic(SourceLocation(file: file, line: line, column: k + 1), "duplicate column '\(name)' (also column \(SourceLocation(file: file, line: line, column: first + 1).columnName)): each column name may appear once"))
            } else {
                seen[name] = k
            }
        }
        return problems
    }

    /// Calls `body` with the value of a quoted field given its raw bytes (starting with `"`):
    /// the text between the quotes with each `""` made one `"`, followed by any text after the
    /// closing quote (which the reader reports); to the end of the bytes when never closed.
    /// Only a field holding `""` or text after its closing quote is copied.
    package static func withUnquoted<R>(_ raw: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var q = 1
        while q < raw.count, raw[q] != quote { q += 1 }
        if q >= raw.count - 1 {
            // Never closed (q == count), or closed by the last byte.
            return try body(UnsafeBufferPointer(rebasing: raw[1..<q]))
        }
        var value: [UInt8] = []
        value.reserveCapacity(raw.count)
        value.append(contentsOf: raw[1..<q])
        var i = q
        // raw[i] is a quote: the first of a pair, or the closing one.
        while i < raw.count {
            guard i + 1 < raw.count, raw[i + 1] == quote else {
                value.append(contentsOf: raw[(i + 1)...])
                break
            }
            value.append(quote)
            i += 2
            let start = i
            while i < raw.count, raw[i] != quote { i += 1 }
            value.append(contentsOf: raw[start..<i])
        }
        return try value.withUnsafeBufferPointer(body)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Calls `body` with the value of the field whose raw text is `self[from..<to]`: those
    /// bytes, or for a quoted field its unquoted value (see `CSVTable.withUnquoted`).
    @inline(__always)
    package func withField<R>(from: Int, to: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let raw = UnsafeBufferPointer(rebasing: self[from..<to])
        return raw.first == CSVTable.quote ? try CSVTable.withUnquoted(raw, body) : try body(raw)
    }
}
