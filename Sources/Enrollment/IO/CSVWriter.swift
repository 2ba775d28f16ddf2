/// Writes CSV the way the tool publishes it: UTF-8 with a byte-order mark (so Excel shows
/// Chinese correctly), LF line ends, a header row, and a field quoted only when it holds a
/// comma, a quote, a line end, or leading or trailing spaces. Rows are written in the order
/// given: each caller states and keeps a stable order.
package struct CSVWriter: Sendable {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
    package let columnCount: Int

    /// Starts a file with its header row.
    package init(header: [String]) {
        columnCount = header.count
        append(header)
    }

    /// Appends one row. Precondition: as many fields as the header.
    /// - Complexity: O(total length of the fields).
    package mutating func append(_ fields: [String]) {
        precondition(fields.count == columnCount, "a CSV row must have as many fields as its header")
        Self.appendRow(fields, to: &bytes)
    }

    /// Appends one row's bytes, its line end included, to `bytes` (a part of a file made apart,
    /// a chunk of rows on another core).
    /// - Complexity: O(total length of the fields).
    package static func appendRow(_ fields: [String], to bytes: inout [UInt8]) {
        for (k, field) in fields.enumerated() {
            if k > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(field, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends one field, quoted when it needs it.
    package static func appendField(_ field: String, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { appendField($0, to: &bytes) }
    }

    /// Appends one field given as its UTF-8 bytes, quoted when it needs it.
    package static func appendField(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        var needsQuotes = false
        for c in utf8 where c == UInt8(ascii: ",") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
            needsQuotes = true
            break
        }
        if let first = utf8.first, let last = utf8.last, first == UInt8(ascii: " ") || last == UInt8(ascii: " ") {
            needsQuotes = true
        }
        guard needsQuotes else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for c in utf8 {
            if c == UInt8(ascii: "\"") { bytes.append(c) }
            bytes.append(c)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
