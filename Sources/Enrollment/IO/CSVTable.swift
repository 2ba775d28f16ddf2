/// A parsed CSV file (RFC 4180): a header row and records, stored compactly.
///
/// Field contents are kept unescaped in one contiguous UTF-8 buffer with an offset per
/// field, so that a million-row file costs a few allocations rather than tens of millions;
/// a field becomes a `String` only when asked for.
///
/// Rows are numbered from 0 (the first record after the header). Each row remembers the
/// physical line it starts on, so messages can say `file:line:column` even when quoted
/// fields hold newlines. Header names are trimmed and compared case-insensitively (they
/// are stored lower-cased).
public struct CSVTable: Sendable {
    /// The file's name as shown in messages.
    public let file: String
    /// Column names, trimmed and lower-cased, in file order.
    public let header: [String]
    /// The physical line (1-based) where the header ends; records start after it.
    public let headerLine: Int

    var storage: [UInt8]
    /// `fieldEnds[k]` is the end offset in `storage` of field k (its start is the previous end).
    var fieldEnds: [UInt32]
    /// `rowStarts[r]` is the index in `fieldEnds` of row r's first field; one extra entry at the end.
    var rowStarts: [Int]
    var rowLines: [Int32]
    var columnIndex: [String: Int]

    init(file: String, header: [String], headerLine: Int, storage: [UInt8], fieldEnds: [UInt32], rowStarts: [Int], rowLines: [Int32]) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.storage = storage
        self.fieldEnds = fieldEnds
        self.rowStarts = rowStarts
        self.rowLines = rowLines
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() where index[name] == nil {
            index[name] = i
        }
        self.columnIndex = index
    }

    /// The number of records (rows after the header).
    public var count: Int { rowLines.count }

    /// The 1-based index of `name` in the header (the column a spreadsheet shows), or nil.
    public func column(_ name: String) -> Int? {
        columnIndex[name].map { $0 + 1 }
    }

    /// The 0-based position of column `name`, or nil.
    public func index(of name: String) -> Int? {
        columnIndex[name]
    }

    /// The physical line on which row `row` starts.
    public func line(ofRow row: Int) -> Int { Int(rowLines[row]) }

    /// The number of fields in row `row` (equal to the header's count in a valid file).
    public func fieldCount(ofRow row: Int) -> Int { rowStarts[row + 1] - rowStarts[row] }

    /// The location of a cell, for messages.
    public func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line(ofRow: row), column: column + 1)
    }

    /// The raw UTF-8 bytes of field `column` (0-based) of row `row`; empty when the row is short.
    /// - Complexity: O(1).
    @inline(__always)
    public func withFieldBytes<R>(row: Int, column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = rowStarts[row]
        guard column < rowStarts[row + 1] - start else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let k = start + column
        let lower = k == 0 ? 0 : Int(fieldEnds[k - 1])
        let upper = Int(fieldEnds[k])
        return try storage.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[lower..<upper]))
        }
    }

    /// Field `column` (0-based) of row `row` as a string; "" when the row is short.
    public subscript(row: Int, column: Int) -> String {
        withFieldBytes(row: row, column: column) { String(decoding: $0, as: UTF8.self) }
    }

    /// All fields of row `row`.
    public func fields(ofRow row: Int) -> [String] {
        (0..<fieldCount(ofRow: row)).map { self[row, $0] }
    }
}
