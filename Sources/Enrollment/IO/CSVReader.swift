import Dispatch
import Foundation

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

    /// Parses UTF-8 bytes (already decoded from the file's encoding). The table keeps `bytes`
    /// (shared, not copied) and about 4 bytes per field besides.
    ///
    /// A large input is split after its header into one piece per core, each cut just after a
    /// line feed, and the pieces are parsed concurrently, each as if a record started at its cut.
    /// They are then joined in order; a piece whose cut turns out not to start a record (it fell
    /// inside a quoted field) is parsed again, continuing from the piece before. The result —
    /// rows, lines, diagnostics and their order — is that of one pass.
    /// - Complexity: O(n) in the number of bytes, in one pass (spread over all cores).
    public static func parse(_ bytes: [UInt8], file: String) -> Result {
        parse(bytes, file: file, pieces: bytes.count >= parallelThreshold ? ProcessInfo.processInfo.activeProcessorCount : 1)
    }

    /// Inputs at least this long are parsed in pieces on all cores.
    static let parallelThreshold = 1 << 22

    /// `parse(_:file:)` in `pieces` pieces (tests vary it to check that it does not matter).
    static func parse(_ bytes: [UInt8], file: String, pieces: Int) -> Result {
        bytes.withUnsafeBufferPointer { input in
            guard input.count <= maximumSize else {
                return Result(table: nil, diagnostics: [Diagnostic(SourceLocation(file: file, line: 0, column: 0),
                    "the file is larger than 4 GiB: split it into several cases")])
            }
            var parsers = [Parser(input: input, file: file, from: 0)]
            if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { parsers[0].i = 3 }
            guard let (header, headerLine) = parsers[0].readHeader() else {
                return Result(table: nil, diagnostics: parsers[0].diagnostics + [Diagnostic(SourceLocation(file: file, line: 1, column: 0),
                    "the file is empty: it needs a header row naming its columns")])
            }
            let cuts = Self.cuts(input, from: parsers[0].i, pieces: pieces)
            parsers += cuts.dropFirst().dropLast().map { Parser(input: input, file: file, from: $0) }
            parsers.withUnsafeMutableBufferPointer { parsers in
                let shared = Pieces(parsers: parsers, cuts: cuts, count: input.count)
                DispatchQueue.concurrentPerform(iterations: parsers.count) { k in
                    // A local copy, which the optimizer keeps in registers.
                    var parser = shared.parsers[k]
                    parser.readRecords(until: shared.cuts[k + 1], sizedFor: k == 0 ? shared.count : shared.cuts[k + 1])
                    shared.parsers[k] = parser
                }
            }
            var whole = parsers[0]
            for k in 1..<parsers.count {
                if whole.i == cuts[k] {
                    whole.append(parsers[k])
                } else {
                    whole.readRecords(until: cuts[k + 1], sizedFor: input.count)
                }
            }
            return whole.result(header: header, headerLine: headerLine, keeping: bytes)
        }
    }

    /// Where to cut the records from `start` into `pieces` pieces: `start`, then for each piece
    /// after the first the offset just after the first line feed at or after its share of the
    /// bytes (or the end), then the end.
    static func cuts(_ input: UnsafeBufferPointer<UInt8>, from start: Int, pieces: Int) -> [Int] {
        var cuts = [start]
        for k in 1..<max(pieces, 1) {
            var cut = max(start + (input.count - start) * k / pieces, cuts[cuts.count - 1])
            while cut < input.count, input[cut] != Parser.lf { cut += 1 }
            cuts.append(min(cut + 1, input.count))
        }
        cuts.append(input.count)
        return cuts
    }

    /// The parsers of the pieces and where the pieces end, shared by the threads that run them;
    /// each thread uses only its own parser.
    private struct Pieces: @unchecked Sendable {
        let parsers: UnsafeMutableBufferPointer<Parser>
        let cuts: [Int]
        let count: Int
    }

    /// Decodes a file's bytes (by `decodeUTF8`: detected, or as `declared`) and parses them.
    /// A UTF-8 file is parsed from its own bytes, which the table keeps: nothing is copied.
    /// - Throws: `TextEncodingError` when the bytes are not text in the encoding.
    /// - Complexity: O(n) in the number of bytes.
    public static func parse(fileBytes: [UInt8], declared: TextEncoding?, file: String) throws(TextEncodingError) -> Result {
        parse(try decodeUTF8(fileBytes, declared: declared).utf8, file: file)
    }

    /// Parses UTF-8 bytes (already decoded from the file's encoding), copying them into the table.
    public static func parse(_ input: UnsafeBufferPointer<UInt8>, file: String) -> Result {
        parse(Array(input), file: file)
    }

    /// Offsets into the input are kept as `UInt32`, so a file may hold at most 4 GiB − 2 bytes.
    static let maximumSize = Int(UInt32.max) - 1

    /// Parses records from `i`, counting lines from `line`.
    private struct Parser {
        let input: UnsafeBufferPointer<UInt8>
        let file: String
        var i: Int
        /// Where this parser started: the records of a piece are sampled from here to size its arrays.
        let start: Int
        var line = 1
        /// See `CSVTable.Storage.ends`: a mark per record, then each field's end offset.
        var ends: [UInt32] = []
        var marks: [UInt32] = []
        var lines: [UInt32] = []
        var diagnostics: [Diagnostic] = []

        /// A parser at `start`, which must start a record, counting that line as line 1.
        init(input: UnsafeBufferPointer<UInt8>, file: String, from start: Int) {
            self.input = input
            self.file = file
            self.i = start
            self.start = start
        }

        static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        /// Reads the first record with a value as the header (trimmed, lower-cased names),
        /// reporting empty and repeated names; returns it with the line it ends on, or nil when
        /// the input holds no such record.
        mutating func readHeader() -> (header: [String], line: Int)? {
            while i < input.count {
                let startLine = line
                let mark = ends.count
                ends.append(UInt32(truncatingIfNeeded: i) &- 1)
                let hasValue = readRecord()
                defer { ends.removeSubrange(mark...) }
                // Every field empty: a blank line or a row of bare commas.
                guard hasValue else { continue }
                let header = (mark + 1..<ends.count).map { k in
                    input.withField(from: Int(ends[k - 1] &+ 1), to: Int(ends[k])) { String(decoding: $0, as: UTF8.self) }
                        .trimmingWhitespace().lowercased()
                }
                reportHeaderProblems(header, line: startLine)
                return (header, line - 1)
            }
            return nil
        }

        /// Reads records until `i` reaches `end` (or passes it, when a record runs on over it),
        /// sizing the arrays, after the first few records, for records up to `sizedFor`.
        mutating func readRecords(until end: Int, sizedFor: Int) {
            while i < end {
                let startLine = line
                let mark = ends.count
                ends.append(UInt32(truncatingIfNeeded: i) &- 1)
                if !readRecord() {
                    // Every field empty: a blank line or a row of bare commas.
                    ends.removeSubrange(mark...)
                    continue
                }
                marks.append(UInt32(truncatingIfNeeded: mark))
                lines.append(UInt32(truncatingIfNeeded: startLine))
                if lines.count == Self.sampleRows { reserveForRest(upTo: sizedFor) }
            }
        }

        /// Appends the records of `piece`, parsed from where this parser stands (`i`): its
        /// lines move down by the lines before, its marks by the entries before.
        mutating func append(_ piece: Parser) {
            let lineShift = UInt32(line - 1), entryShift = UInt32(ends.count)
            ends.append(contentsOf: piece.ends)
            marks += piece.marks.map { $0 + entryShift }
            lines += piece.lines.map { $0 + lineShift }
            diagnostics += piece.diagnostics.map { d in
                Diagnostic(SourceLocation(file: d.location.file, line: d.location.line + line - 1, column: d.location.column), d.message)
            }
            i = piece.i
            line += piece.line - 1
        }

        /// The table of the records read, and every problem: those found while reading, then
        /// each row whose field count differs from the header's.
        consuming func result(header: [String], headerLine: Int, keeping bytes: [UInt8]) -> Result {
            marks.append(UInt32(truncatingIfNeeded: ends.count))
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

        /// After this many records, the arrays are sized for the rest of their piece from what they hold so far.
        static let sampleRows = 1024

        /// Reserves room for the records up to `end`, estimated from those read since `start`
        /// plus an eighth, so that big files neither copy their arrays as they grow nor touch
        /// pages they do not use.
        mutating func reserveForRest(upTo end: Int) {
            let scale = Double(end - start) / Double(max(i - start, 1)) * 1.125
            ends.reserveCapacity(Int(Double(ends.count) * scale) + 64)
            marks.reserveCapacity(Int(Double(marks.count) * scale) + 64)
            lines.reserveCapacity(Int(Double(lines.count) * scale) + 64)
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

        /// Reads one record, appending the end of each field; leaves `i` after the record's
        /// line end. Returns whether any field has a non-empty value.
        @inline(__always)
        mutating func readRecord() -> Bool {
            var column = 1
            var hasValue = false
            while true {
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
        @inline(__always)
        mutating func endLine() {
            if input[i] == Self.cr, i + 1 < input.count, input[i + 1] == Self.lf { i += 1 }
            i += 1
            line += 1
        }

        /// Moves `i` to the comma or line end after an unquoted field, reporting any quote in it.
        @inline(__always)
        mutating func readPlainField(column: Int) {
            var k = i
            let n = input.count
            while true {
                k = Self.nextSpecialCandidate(in: input, from: k)
                guard k < n else { break }
                let c = input[k]
                if c == Self.comma || c == Self.lf || c == Self.cr { break }
                if c == Self.quote {
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
        static func nextSpecialCandidate(in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
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
        mutating func readQuotedField(column: Int) {
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
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{3000}" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
