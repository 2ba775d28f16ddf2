/// Reads CSV text per RFC 4180, the way users' files really are.
///
/// - Fields are separated by commas; records end with CRLF, LF or a lone CR.
/// - A field that starts with `"` is quoted: it may hold commas, newlines and quotes
///   (written as `""`); after the closing quote only a comma or the end of the record may follow.
/// - A UTF-8 byte-order mark at the start is skipped.
/// - Records whose fields are all empty (blank lines, or Excel's trailing `,,,,`) are skipped.
/// - Header names are trimmed and lower-cased; duplicate names are an error.
/// - A record with more or fewer fields than the header is reported (short rows read as empty).
///
/// Every problem is reported as a `Diagnostic` at `file:line:column`, where line is the
/// physical line and column the field number, and reading goes on where it can, so one pass
/// shows every problem of the file.
package enum CSVReader {
    /// The result of reading: the table (nil when there is no header at all) and every problem.
    package struct Result: Sendable {
        package var table: CSVTable?
        package var diagnostics: [Diagnostic]
    }

    /// Parses UTF-8 bytes (already decoded from the file's encoding). The table keeps `bytes`
    /// (shared, not copied) and about 4 bytes per field besides.
    /// - Complexity: O(n) in the number of bytes, in one pass.
    package static func parse(_ bytes: [UInt8], file: String) -> Result {
        bytes.withUnsafeBufferPointer { Parser(input: $0, file: file).run(keeping: bytes) }
    }

    /// Decodes a file's bytes (by `decodeUTF8`: detected, or as `declared`) and parses them.
    /// A UTF-8 file is parsed from its own bytes, which the table keeps: nothing is copied.
    /// - Throws: `TextEncodingError` when the bytes are not text in the encoding.
    /// - Complexity: O(n) in the number of bytes.
    package static func parse(fileBytes: [UInt8], declared: TextEncoding?, file: String) throws(TextEncodingError) -> Result {
        parse(try decodeUTF8(fileBytes, declared: declared).utf8, file: file)
    }

    /// Parses UTF-8 bytes (already decoded from the file's encoding), copying them into the table.
    package static func parse(_ input: UnsafeBufferPointer<UInt8>, file: String) -> Result {
        parse(Array(input), file: file)
    }

    /// Offsets into the input are kept as `UInt32`, so a file may hold at most 4 GiB − 2 bytes.
    package static let maximumSize = Int(UInt32.max) - 1

    private struct Parser {
        package let input: UnsafeBufferPointer<UInt8>
        package let file: String
        package var i = 0
        package var line = 1
        /// See `CSVTable.Storage.ends`: a mark per record, then each field's end offset.
        package var ends: [UInt32] = []
        package var marks: [UInt32] = []
        package var lines: [UInt32] = []
        package var diagnostics: [Diagnostic] = []

        package init(input: UnsafeBufferPointer<UInt8>, file: String) {
            self.input = input
            self.file = file
        }

        package static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        consuming func run(keeping bytes: [UInt8]) -> Result {
            guard input.count <= CSVReader.maximumSize else {
                diagnostics.append(Diagnostic(SourceLocation(file: file, line: 0, column: 0),
                    "the file is larger than 4 GiB: split it into several cases"))
                return Result(table: nil, diagnostics: diagnostics)
            }
            if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { i = 3 }
            var header: [String]?
            var headerLine = 0
            var dataStart = 0
            while i < input.count {
                let startLine = line
                let mark = ends.count
                ends.append(UInt32(truncatingIfNeeded: i) &- 1)
                if !readRecord() {
                    // Every field empty: a blank line or a row of bare commas.
                    ends.removeSubrange(mark...)
                    continue
                }
                if header == nil {
                    header = (mark + 1..<ends.count).map { k in
                        input.withField(from: Int(ends[k - 1] &+ 1), to: Int(ends[k])) { String(decoding: $0, as: UTF8.self) }
                            .trimmingWhitespace().lowercased()
                    }
                    header![0] = withoutExtraByteOrderMarks(header![0], line: startLine)
                    ends.removeSubrange(mark...)
                    headerLine = line - 1
                    dataStart = i
                    reportHeaderProblems(header!, line: startLine)
                } else {
                    marks.append(UInt32(truncatingIfNeeded: mark))
                    lines.append(UInt32(truncatingIfNeeded: startLine))
                    if lines.count == Self.sampleRows { reserveForRest(sampledFrom: dataStart) }
                }
            }
            marks.append(UInt32(truncatingIfNeeded: ends.count))
            guard let header else {
                diagnostics.append(Diagnostic(SourceLocation(file: file, line: 1, column: 0), "the file is empty: it needs a header row naming its columns"))
                return Result(table: nil, diagnostics: diagnostics)
            }
            let table = CSVTable(file: file, header: header, headerLine: headerLine, bytes: bytes, ends: ends, marks: marks, lines: lines)
            for row in 0..<table.count {
                let n = table.fieldCount(ofRow: row)
                if n != header.count {
                    let column = min(n, header.count) + 1
                    diagnostics.append(Diagnostic(SourceLocation(file: file, line: table.line(ofRow: row), column: column),
                        "this row has \(n) fields but the header has \(header.count): check for a missing or extra comma, or an unquoted comma inside a field"))
                }
            }
            return Result(table: table, diagnostics: diagnostics)
        }

        /// After this many records, the arrays are sized for the whole file from what they hold so far.
        package static let sampleRows = 1024

        /// Reserves room for the rest of the file, estimated from the records read since
        /// `dataStart` plus an eighth, so that big files neither copy their arrays as they
        /// grow nor touch pages they do not use.
        package mutating func reserveForRest(sampledFrom dataStart: Int) {
            let scale = Double(input.count - dataStart) / Double(max(i - dataStart, 1)) * 1.125
            ends.reserveCapacity(Int(Double(ends.count) * scale) + 64)
            marks.reserveCapacity(Int(Double(marks.count) * scale) + 64)
            lines.reserveCapacity(Int(Double(lines.count) * scale) + 64)
        }

        /// The first column name without the byte-order marks (U+FEFF) before it: a file saved
        /// with a mark twice over keeps one after the first is skipped, which would hide the
        /// first column. Reported, so the clerk saves the file again.
        package mutating func withoutExtraByteOrderMarks(_ name: String, line: Int) -> String {
            guard name.hasPrefix("\u{FEFF}") else { return name }
            diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: 1),
                "the file starts with a byte-order mark more than once: save it again as UTF-8 (the columns are read as if it did not)"))
            return String(name.drop { $0 == "\u{FEFF}" }).trimmingWhitespace().lowercased()
        }

        package mutating func reportHeaderProblems(_ names: [String], line: Int) {
            diagnostics += CSVTable.headerProblems(names, file: file, line: line)
        }

        /// Reads one record, appending the end of each field; leaves `i` after the record's
        /// line end. Returns whether any field has a non-empty value.
        package mutating func readRecord() -> Bool {
            var column = 1
            var hasValue = false
            while true {
                if i < input.count, input[i] != Self.quote { skimPlainFields(column: &column, hasValue: &hasValue) }
                let start = i
                if i < input.count, input[i] == Self.quote {
                    readQuotedField(column: column)
                    // Empty only as `"` (at the end of the file) or `""`.
                    let length = i - start
                    if length > 2 || (length == 2 && input[start + 1] != Self.quote) { hasValue = true }
                } else {
                    readPlainField(column: column)
                    if i > start { hasValue = true }
                }
                ends.append(UInt32(truncatingIfNeeded: i))
                guard i < input.count else { return hasValue }
                if input[i] == Self.comma {
                    i += 1
                    column += 1
                    continue
                }
                endLine()
                return hasValue
            }
        }

        /// Consumes a line end (CRLF, LF or CR) at `i`.
        package mutating func endLine() {
            if input[i] == Self.cr, i + 1 < input.count, input[i + 1] == Self.lf { i += 1 }
            i += 1
            line += 1
        }

        /// Reads, 8 bytes at a time, the unquoted fields from `i` (not a quote) that end in a
        /// comma, as the field-by-field path would, and leaves `i` at the start of the first
        /// field it leaves to that path: one that holds a quote, or ends the record, or runs
        /// into the last 7 bytes of the input.
        package mutating func skimPlainFields(column: inout Int, hasValue: inout Bool) {
            var fieldStart = i
            var k = i
            let n = input.count
            guard let base = input.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            while k + 8 <= n {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                // The high bit of each byte below 0x2D, exactly (no carry crosses bytes): comma,
                // quote, CR, LF and a few others such as space, which are skipped.
                var below = ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x5353_5353_5353_5353) | word) & 0x8080_8080_8080_8080
                while below != 0 {
                    let p = k + below.trailingZeroBitCount / 8
                    let c = input[p]
                    if c == Self.comma {
                        ends.append(UInt32(truncatingIfNeeded: p))
                        if p > fieldStart { hasValue = true }
                        column += 1
                        fieldStart = p + 1
                    } else if c == Self.quote || c == Self.lf || c == Self.cr {
                        i = fieldStart
                        return
                    }
                    below &= below - 1
                }
                k += 8
            }
            i = fieldStart
        }

        /// Moves `i` to the comma or line end after an unquoted field, reporting a quote in it
        /// (once per field, however many it holds).
        package mutating func readPlainField(column: Int) {
            var k = i
            let n = input.count
            var reported = false
            while true {
                k = Self.nextSpecialCandidate(in: input, from: k)
                guard k < n else { break }
                let c = input[k]
                if c == Self.comma || c == Self.lf || c == Self.cr { break }
                if c == Self.quote && !reported {
                    reported = true
                    diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: column),
                        "a quote (\") inside an unquoted field: quote the whole field and write the quote twice (\"\")"))
                }
                k += 1
            }
            i = k
        }

        /// The offset of the first byte at or after `k` that is at most `,` (0x2C), or the
        /// input's count if none. Comma, quote, CR and LF are the only special bytes, and all
        /// are at most `,`; so are a few others (space, `!`, `#` …), which the caller skips.
        /// Reads 8 bytes at a time.
        @inline(__always)
        package static func nextSpecialCandidate(in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var k = start
            let n = input.count
            if let base = input.baseAddress {
                let raw = UnsafeRawPointer(base)
                while k + 8 <= n {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
                    // The high bit of each byte below 0x2D (exact for the lowest such byte; bytes
                    // of 0x80 and above, in multi-byte characters, never count).
                    let below = (word &- 0x2D2D_2D2D_2D2D_2D2D) & ~word & 0x8080_8080_8080_8080
                    if below != 0 { return k + below.trailingZeroBitCount / 8 }
                    k += 8
                }
            }
            while k < n, input[k] > Self.comma { k += 1 }
            return k
        }

        /// Moves `i` past a quoted field (and any text after its closing quote, which it reports),
        /// counting the line ends inside it.
        package mutating func readQuotedField(column: Int) {
            let openLine = line
            i += 1
            while true {
                while i < input.count, input[i] != Self.quote {
                    if input[i] == Self.lf || (input[i] == Self.cr && (i + 1 == input.count || input[i + 1] != Self.lf)) { line += 1 }
                    i += 1
                }
                guard i < input.count else {
                    diagnostics.append(Diagnostic(SourceLocation(file: file, line: openLine, column: column),
                        "a quoted field is never closed: the file ends inside it (a missing \" after this point)"))
                    return
                }
                i += 1
                if i < input.count, input[i] == Self.quote {
                    i += 1
                    continue
                }
                break
            }
            if i < input.count, input[i] != Self.comma, input[i] != Self.lf, input[i] != Self.cr {
                diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: column),
                    "text after the closing quote of a field: a quote inside a quoted field must be written twice (\"\")"))
                readPlainField(column: column)
            }
        }
    }
}

extension String {
    /// The string without leading and trailing spaces (ASCII and the ideographic space U+3000), tabs and line ends.
    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{3000}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
