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
public enum CSVReader {
    /// The result of reading: the table (nil when there is no header at all) and every problem.
    public struct Result: Sendable {
        public var table: CSVTable?
        public var diagnostics: [Diagnostic]
    }

    /// Parses UTF-8 bytes (already decoded from the file's encoding).
    /// - Complexity: O(n) in the number of bytes, with one pass and amortised O(1) storage per byte.
    public static func parse(_ bytes: [UInt8], file: String) -> Result {
        bytes.withUnsafeBufferPointer { parse($0, file: file) }
    }

    /// Parses UTF-8 bytes (already decoded from the file's encoding).
    public static func parse(_ input: UnsafeBufferPointer<UInt8>, file: String) -> Result {
        var parser = Parser(input: input, file: file)
        return parser.run()
    }

    private struct Parser {
        let input: UnsafeBufferPointer<UInt8>
        let file: String
        var i = 0
        var line = 1
        var storage: [UInt8] = []
        var fieldEnds: [UInt32] = []
        var rowStarts: [Int] = [0]
        var rowLines: [Int32] = []
        var diagnostics: [Diagnostic] = []

        init(input: UnsafeBufferPointer<UInt8>, file: String) {
            self.input = input
            self.file = file
            storage.reserveCapacity(input.count)
            fieldEnds.reserveCapacity(input.count / 8 + 16)
        }

        static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        mutating func run() -> Result {
            if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { i = 3 }
            var header: [String]?
            var headerLine = 0
            while i < input.count {
                let startLine = line
                let firstField = fieldEnds.count
                let recordStart = storage.count
                readRecord(startLine: startLine)
                if storage.count == recordStart {
                    // Every field empty: a blank line or a row of bare commas.
                    fieldEnds.removeSubrange(firstField...)
                    continue
                }
                if header == nil {
                    var names: [String] = []
                    var previous = recordStart
                    for k in firstField..<fieldEnds.count {
                        let end = Int(fieldEnds[k])
                        let raw = String(decoding: storage[previous..<end], as: UTF8.self)
                        names.append(raw.trimmingWhitespace().lowercased())
                        previous = end
                    }
                    storage.removeSubrange(recordStart...)
                    fieldEnds.removeSubrange(firstField...)
                    header = names
                    headerLine = line - 1
                    reportHeaderProblems(names, line: startLine)
                } else {
                    rowStarts.append(fieldEnds.count)
                    rowLines.append(Int32(truncatingIfNeeded: startLine))
                }
            }
            guard let header else {
                diagnostics.append(Diagnostic(SourceLocation(file: file, line: 1, column: 0), "the file is empty: it needs a header row naming its columns"))
                return Result(table: nil, diagnostics: diagnostics)
            }
            let table = CSVTable(file: file, header: header, headerLine: headerLine, storage: storage, fieldEnds: fieldEnds, rowStarts: rowStarts, rowLines: rowLines)
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

        mutating func reportHeaderProblems(_ names: [String], line: Int) {
            var seen: [String: Int] = [:]
            for (k, name) in names.enumerated() {
                if name.isEmpty {
                    diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: k + 1), "the header has an empty column name"))
                } else if let first = seen[name] {
                    diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: k + 1), "duplicate column '\(name)' (also column \(first + 1)): each column name may appear once"))
                } else {
                    seen[name] = k
                }
            }
        }

        /// Reads one record, appending its fields; leaves `i` after the record's line end.
        mutating func readRecord(startLine: Int) {
            var column = 1
            while true {
                if i < input.count, input[i] == Self.quote {
                    readQuotedField(column: column)
                } else {
                    readPlainField(column: column)
                }
                fieldEnds.append(UInt32(truncatingIfNeeded: storage.count))
                guard i < input.count else { return }
                let c = input[i]
                if c == Self.comma {
                    i += 1
                    column += 1
                    continue
                }
                endLine()
                return
            }
        }

        /// Consumes a line end (CRLF, LF or CR) at `i`.
        mutating func endLine() {
            if input[i] == Self.cr, i + 1 < input.count, input[i + 1] == Self.lf { i += 1 }
            i += 1
            line += 1
        }

        mutating func readPlainField(column: Int) {
            let start = i
            while i < input.count {
                let c = input[i]
                if c == Self.comma || c == Self.lf || c == Self.cr { break }
                if c == Self.quote {
                    diagnostics.append(Diagnostic(SourceLocation(file: file, line: line, column: column),
                        "a quote (\") inside an unquoted field: quote the whole field and write the quote twice (\"\")"))
                }
                i += 1
            }
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<i]))
        }

        mutating func readQuotedField(column: Int) {
            let openLine = line
            i += 1
            while true {
                let start = i
                while i < input.count, input[i] != Self.quote {
                    if input[i] == Self.lf || (input[i] == Self.cr && (i + 1 == input.count || input[i + 1] != Self.lf)) { line += 1 }
                    i += 1
                }
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: input[start..<i]))
                guard i < input.count else {
                    diagnostics.append(Diagnostic(SourceLocation(file: file, line: openLine, column: column),
                        "a quoted field is never closed: the file ends inside it (a missing \" after this point)"))
                    return
                }
                i += 1
                if i < input.count, input[i] == Self.quote {
                    storage.append(Self.quote)
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
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{3000}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
