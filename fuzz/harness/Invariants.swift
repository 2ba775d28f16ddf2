import Enrollment

/// Stops the run when an invariant fails: libFuzzer records the input as a crash.
public func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("invariant violated: \(message())") }
}

/// The input of one fuzz run as bytes (libFuzzer may pass a null pointer for an empty input).
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// How far a diagnostic about `bytes` may point: the last line and the largest column.
public struct Extent: Sendable {
    public var lines: Int
    public var columns: Int

    /// A CSV file: lines end with LF, CRLF or a lone CR; a column is a field number, at most
    /// one more than the fields of the widest record (commas + 1), to point past its end.
    public static func csv(_ bytes: [UInt8]) -> Extent {
        var lines = 1
        var commas = 0
        for (i, b) in bytes.enumerated() {
            if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) { lines += 1 }
            if b == UInt8(ascii: ",") { commas += 1 }
        }
        return Extent(lines: lines, columns: commas + 2)
    }

    /// A JSON or plain text file: lines end with LF; a column counts characters (bytes that are
    /// not UTF-8 continuation bytes), at most one past the end of the longest line. With
    /// `anyEncoding`, every byte counts, as a bound for text in any encoding (GB18030).
    public static func text(_ bytes: [UInt8], anyEncoding: Bool = false) -> Extent {
        var lines = 1
        var longest = 0
        var current = 0
        for b in bytes {
            if b == 0x0A {
                lines += 1
                current = 0
            } else if anyEncoding || b & 0xC0 != 0x80 {
                current += 1
                longest = max(longest, current)
            }
        }
        return Extent(lines: lines, columns: longest + 1)
    }
}

/// Checks that every diagnostic names `file`, says something, and points inside `extent`
/// (line 0 and column 0 mean the whole file and the whole line).
public func checkLocations(_ diagnostics: [Diagnostic], file: String, within extent: Extent) {
    for d in diagnostics {
        require(d.location.file == file, "diagnostic names file \(d.location.file), not \(file): \(d)")
        require(!d.message.isEmpty, "empty diagnostic message at \(d.location)")
        require((0...extent.lines).contains(d.location.line), "line outside the input (\(extent.lines) lines): \(d)")
        require((0...extent.columns).contains(d.location.column), "column outside the input (at most \(extent.columns)): \(d)")
    }
}

/// Checks that `table`, written with `CSVWriter` and read again, is the same table: no
/// diagnostics, the same header, the same rows.
package func checkWrittenAgain(_ table: CSVTable) {
    var writer = CSVWriter(header: table.header)
    for row in 0..<table.count { writer.append(table.fields(ofRow: row)) }
    let again = CSVReader.parse(writer.bytes, file: "input.csv")
    require(again.diagnostics.isEmpty, "the written table has diagnostics: \(again.diagnostics)")
    guard let reread = again.table else { return require(false, "the written table cannot be read") }
    require(reread.header == table.header, "header changed: \(table.header) → \(reread.header)")
    require(reread.count == table.count, "row count changed: \(table.count) → \(reread.count)")
    for row in 0..<table.count {
        require(reread.fields(ofRow: row) == table.fields(ofRow: row), "row \(row) changed")
    }
}

/// Checks that the rows of `table` start on strictly increasing lines after its header, none
/// past `lastLine`, and calls `check` with each row.
package func checkRows(_ table: CSVTable, lastLine: Int, _ check: (Int) -> Void) {
    var previous = table.headerLine
    for row in 0..<table.count {
        let line = table.line(ofRow: row)
        require(line > previous && line <= lastLine, "row \(row) starts on line \(line), after \(previous) (at most \(lastLine))")
        previous = line
        check(row)
    }
}

