import Testing
@testable import Enrollment
@testable import EnrollmentIO
@testable import EnrollmentVocabulary
@testable import EnrollmentZones
@testable import EnrollmentCase
@testable import EnrollmentEngines
@testable import EnrollmentRound
@testable import EnrollmentRunFolder
@testable import EnrollmentAudit
@testable import EnrollmentPublishing
@testable import EnrollmentCommandLine
@testable import EnrollmentSynthesis

@Suite struct CSVReaderTests {
    func parse(_ text: String) -> CSVReader.Result {
        CSVReader.parse(Array(text.utf8), file: "t.csv")
    }

    func rows(_ result: CSVReader.Result) -> [[String]] {
        guard let t = result.table else { return [] }
        return (0..<t.count).map { t.fields(ofRow: $0) }
    }

    @Test func quotedFieldsHoldCommasQuotesAndNewlines() throws {
        let r = parse("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\n1,2,3\n")
        #expect(r.diagnostics.isEmpty)
        #expect(rows(r) == [["x, y", "say \"hi\"", "line1\nline2"], ["1", "2", "3"]])
        let t = try #require(r.table)
        #expect(t.line(ofRow: 0) == 2)
        #expect(t.line(ofRow: 1) == 4, "the quoted newline moves the next record to line 4")
    }

    @Test func crlfAndLoneCRAndNoFinalNewline() {
        #expect(rows(parse("a,b\r\n1,2\r\n3,4")) == [["1", "2"], ["3", "4"]])
        #expect(rows(parse("a,b\r1,2\r")) == [["1", "2"]])
        #expect(rows(parse("a,b\r\n\"x\r\ny\",2\r\n")) == [["x\r\ny", "2"]])
    }

    @Test func byteOrderMarkIsSkippedAndHeaderNormalised() throws {
        let t = try #require(parse("\u{FEFF} Student_ID ,NAME\n1,张三\n").table)
        #expect(t.header == ["student_id", "name"])
        #expect(t.column("name") == 2)
        #expect(t[0, 1] == "张三")
    }

    @Test func aSecondByteOrderMarkIsReportedAndTheFirstColumnStillFound() throws {
        let r = parse("\u{FEFF}\u{FEFF}student_id,name\n1,张三\n")
        #expect(r.diagnostics.map(\.description) == [
            "t.csv:1:1: the file starts with a byte-order mark more than once: save it again as UTF-8 (the columns are read as if it did not)",
        ])
        let t = try #require(r.table)
        #expect(t.header == ["student_id", "name"])
        #expect(t[0, 0] == "1")
    }

    @Test func emptyFileAndHeaderOnly() throws {
        let empty = parse("")
        #expect(empty.table == nil)
        #expect(empty.diagnostics.map(\.description) == ["t.csv:1:0: the file is empty: it needs a header row naming its columns"])
        let headerOnly = parse("a,b\n")
        #expect(headerOnly.diagnostics.isEmpty)
        #expect(try #require(headerOnly.table).count == 0)
    }

    @Test func blankLinesAndRowsOfCommasAreSkipped() {
        let r = parse("a,b\n\n1,2\n,\n\n3,4\n,,\n")
        #expect(r.diagnostics.isEmpty)
        #expect(rows(r) == [["1", "2"], ["3", "4"]])
    }

    @Test func raggedRowsAreReportedAtTheFirstMissingOrExtraField() {
        let r = parse("a,b,c\n1,2\n1,2,3,4\n1,2,3\n")
        #expect(r.diagnostics.map(\.location) == [
            SourceLocation(file: "t.csv", line: 2, column: 3),
            SourceLocation(file: "t.csv", line: 3, column: 4),
        ])
        #expect(r.diagnostics[0].message.hasPrefix("this row has 2 fields but the header has 3"))
        #expect(rows(r)[0] == ["1", "2"])
    }

    @Test func brokenQuotesAreReportedWithLineAndColumn() {
        let unclosed = parse("a,b\n1,2\n3,\"never closed\n4,5\n")
        #expect(unclosed.diagnostics.first?.location == SourceLocation(file: "t.csv", line: 3, column: 2))
        #expect(unclosed.diagnostics.first?.message.contains("never closed") == true)

        let stray = parse("a,b\n1,x\"y\n")
        #expect(stray.diagnostics.map(\.location) == [SourceLocation(file: "t.csv", line: 2, column: 2)])
        // However many quotes an unquoted field holds, it is one problem.
        let strays = parse("a,b\n1,5\"10\"x\"\n")
        #expect(strays.diagnostics.map(\.location) == [SourceLocation(file: "t.csv", line: 2, column: 2)])

        let trailing = parse("a,b\n\"x\"y,2\n")
        #expect(trailing.diagnostics.map(\.location) == [SourceLocation(file: "t.csv", line: 2, column: 1)])
        #expect(rows(trailing) == [["xy", "2"]])
    }

    @Test func duplicateAndEmptyHeaderNames() {
        let r = parse("id,name,ID,\n1,2,3,4\n")
        #expect(r.diagnostics.map(\.description) == [
            "t.csv:1:3: duplicate column 'id' (also column 1): each column name may appear once",
            "t.csv:1:4: the header has an empty column name",
        ])
    }

    @Test func writerRoundTrip() throws {
        let rows = [["1", "张三", "a,b"], ["2", "say \"hi\"", "two\nlines"], ["3", " padded ", ""]]
        var w = CSVWriter(header: ["id", "name", "note"])
        for row in rows { w.append(row) }
        #expect(Array(w.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: w.bytes.dropFirst(3), as: UTF8.self)
            == "id,name,note\n1,张三,\"a,b\"\n2,\"say \"\"hi\"\"\",\"two\nlines\"\n3,\" padded \",\n")
        let back = CSVReader.parse(w.bytes, file: "w.csv")
        #expect(back.diagnostics.isEmpty)
        #expect(self.rows(back) == rows)
    }

    /// The reader (which skims plain fields 8 bytes at a time) agrees with a byte-by-byte
    /// model of the format on made-up texts of commas, quotes, line ends and other bytes.
    @Test func agreesWithAByteByByteModel() throws {
        let pieces = ["a", "b7", " ", ",", ",", ",", "\"", "\"\"", "\n", "\r", "\r\n", "中", "!", "xyz12345", "0123456789"]
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<3000 {
            var text = "a,b,c\n"
            for _ in 0..<generator.nextInt(below: 40) { text += pieces[generator.nextInt(below: pieces.count)] }
            let bytes = Array(text.utf8)
            let expected = Self.model(bytes)
            let result = CSVReader.parse(bytes, file: "t.csv")
            let table = try #require(result.table)
            #expect(rows(result) == expected.rows.map { $0.fields }, "\(text.debugDescription)")
            #expect((0..<table.count).map { table.line(ofRow: $0) } == expected.rows.map { $0.line }, "\(text.debugDescription)")
            #expect(result.diagnostics.map { [$0.location.line, $0.location.column] } == expected.problems, "\(text.debugDescription)")
        }
    }

    /// The records after the header of `bytes` (each with its first line), and where each
    /// problem is reported ([line, column]), read one byte at a time as `CSVReader` documents.
    static func model(_ b: [UInt8]) -> (rows: [(line: Int, fields: [String])], problems: [[Int]]) {
        let (comma, quote, cr, lf) = (UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n"))
        var i = 0, line = 1
        var records: [(line: Int, fields: [String])] = []
        var problems: [[Int]] = []
        func isEnd(_ k: Int) -> Bool { b[k] == comma || b[k] == cr || b[k] == lf }
        while i < b.count {
            let startLine = line
            var fields: [String] = []
            var column = 1, hasValue = false
            while true {
                let start = i
                var value: [UInt8] = []
                func readPlain() {
                    var reported = false
                    while i < b.count, !isEnd(i) {
                        // A quote in an unquoted field: one problem, however many it holds.
                        if b[i] == quote && !reported {
                            problems.append([line, column])
                            reported = true
                        }
                        value.append(b[i])
                        i += 1
                    }
                }
                if i < b.count, b[i] == quote {
                    let openLine = line
                    i += 1
                    while true {
                        while i < b.count, b[i] != quote {
                            if b[i] == lf || (b[i] == cr && (i + 1 == b.count || b[i + 1] != lf)) { line += 1 }
                            value.append(b[i])
                            i += 1
                        }
                        if i == b.count {
                            problems.append([openLine, column])
                            break
                        }
                        i += 1
                        guard i < b.count, b[i] == quote else { break }
                        value.append(quote)
                        i += 1
                    }
                    if i < b.count, !isEnd(i) { problems.append([line, column]) }
                    readPlain()
                    if i - start > 2 || (i - start == 2 && b[start + 1] != quote) { hasValue = true }
                } else {
                    readPlain()
                    if i > start { hasValue = true }
                }
                fields.append(String(decoding: value, as: UTF8.self))
                guard i < b.count else { break }
                if b[i] == comma {
                    i += 1
                    column += 1
                    continue
                }
                if b[i] == cr, i + 1 < b.count, b[i + 1] == lf { i += 1 }
                i += 1
                line += 1
                break
            }
            if hasValue { records.append((startLine, fields)) }
        }
        let rows = Array(records.dropFirst())
        for row in rows where row.fields.count != 3 { problems.append([row.line, min(row.fields.count, 3) + 1]) }
        return (rows, problems)
    }
}
