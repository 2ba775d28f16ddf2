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

/// Lazily unquoted fields, and chunked reading of applicants giving the sequential result.
@Suite struct CSVIngestTests {
    func table(_ text: String) throws -> CSVTable {
        try #require(CSVReader.parse(Array(text.utf8), file: "t.csv").table)
    }

    /// Whether the bytes `body` sees for a field lie inside the table's own input (not a copy).
    func isSliceOfInput(_ t: CSVTable, row: Int, column: Int) -> Bool {
        let base = t.storage.bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        return t.withFieldBytes(row: row, column: column) { bytes in
            let start = UInt(bitPattern: bytes.baseAddress)
            return start >= base && start < base + UInt(t.storage.bytes.count)
        }
    }

    @Test func quotedFieldsAreUnquotedAndCopiedOnlyWhenTheyHoldDoubledQuotes() throws {
        let t = try table("a,b,c,d\n\"plain\",\"say \"\"hi\"\"\",\"\",x\n\"a,b\",\"\"\"\",\"tail\"ed,\"multi\nline\"\n")
        #expect(t.fields(ofRow: 0) == ["plain", "say \"hi\"", "", "x"])
        #expect(t.fields(ofRow: 1) == ["a,b", "\"", "tailed", "multi\nline"])
        #expect(isSliceOfInput(t, row: 0, column: 0), "no \"\": the bytes between the quotes")
        #expect(isSliceOfInput(t, row: 1, column: 0))
        #expect(isSliceOfInput(t, row: 1, column: 3))
        #expect(!isSliceOfInput(t, row: 0, column: 1), "\"\" is unescaped in a copy")
        #expect(!isSliceOfInput(t, row: 1, column: 2), "text after the closing quote is joined in a copy")
    }

    @Test func unclosedQuotedFieldRunsToTheEnd() throws {
        #expect(try table("a,b\n1,\"x\"\"y\n").fields(ofRow: 0) == ["1", "x\"y\n"])
        #expect(try table("a,b\n1,\"xy").fields(ofRow: 0) == ["1", "xy"])
        #expect(try table("a,b\n1,\"").fields(ofRow: 0) == ["1", ""])
    }

    @Test func rowsOfEmptyQuotedFieldsAreSkipped() throws {
        let t = try table("a,b\n\"\",\"\"\n1,2\n\"\",\n")
        #expect(t.count == 1)
        #expect(t.fields(ofRow: 0) == ["1", "2"])
        #expect(t.line(ofRow: 0) == 3)
    }

    @Test func writerRoundTripOfAwkwardFields() throws {
        // Deterministic awkward values: quotes, commas, CR, LF, CRLF, spaces, non-ASCII.
        let pieces = ["\"", "\"\"", ",", "\n", "\r", "\r\n", " ", "a", "张", "x\"y", ""]
        var rows: [[String]] = []
        for i in 0..<300 {
            rows.append((0..<4).map { k in
                let n = (i * 7 + k * 3) % 5
                return (0..<n).map { pieces[(i * 13 + k * 5 + $0 * 11) % pieces.count] }.joined()
            })
            rows[i][0] = "r\(i)"
        }
        var w = CSVWriter(header: ["id", "b", "c", "d"])
        for row in rows { w.append(row) }
        let back = CSVReader.parse(w.bytes, file: "w.csv")
        #expect(back.diagnostics.isEmpty)
        let t = try #require(back.table)
        #expect((0..<t.count).map { t.fields(ofRow: $0) } == rows)
    }

    @Test func valuesWithLineEndsAtTheirEdgesAreTrimmed() throws {
        let t = try table("id,n\n\"S1\n\",\"\r\nx\"\n")
        let r = CSVRecordReader(table: t, row: 0)
        #expect(r.text(t.column(named: "id")) == "S1")
        #expect(r.text(t.column(named: "n")) == "x")
    }

    @Test func listsSplitAndTrimTheSameAsBytesOrCharacters() throws {
        let t = try table("c\nJ1 ; ;J2;;J3\n\" J1 ; ;J2;\"\nＪ1；J2\n")
        let c = t.column(named: "c")
        #expect(CSVRecordReader(table: t, row: 0).list(c) == ["J1", "J2", "J3"], "plain ASCII: split as bytes")
        #expect(CSVRecordReader(table: t, row: 1).list(c) == ["J1", "J2"], "leading space: trimmed, then split")
        #expect(CSVRecordReader(table: t, row: 2).list(c) == ["J1", "J2"], "full-width forms are folded")
    }

    /// An applicant file with problems in many rows, duplicates far apart, and requests
    /// naming applicants who are missing or rejected.
    static let applicantFile: String = {
        var lines = ["student_id,name,gender,birth_date,lon,lat,residence,choices,together_with,apart_from"]
        for i in 1...40 {
            let id = i % 9 == 0 ? "S\(i - 8)" : "S\(i)"           // S1 again on line 10, S10 on 19, …
            let gender = i % 7 == 0 ? "X" : (i % 2 == 0 ? "M" : "F") // S7, S14, … rejected
            let choices = i % 11 == 0 ? "J1;J1" : "J1;J2"
            let together = i % 5 == 0 ? "S\(i + 2)" : (i % 13 == 0 ? "S7" : "")
            let apart = i % 6 == 0 ? "S\(i)" : ""
            lines.append("\(id),名\(i),\(gender),2019-09-01,113.6,34.7,hukou,\(choices),\(together),\(apart)")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func chunkedReadingEqualsSequentialReading() throws {
        let t = try table(Self.applicantFile)
        let sequential = ApplicantTable.read(t, rowsPerChunk: t.count)
        #expect(sequential.diagnostics.contains { $0.description == "t.csv:10:1: student_id: duplicate id 'S1' (first on line 2)" })
        #expect(sequential.diagnostics.contains { $0.description == "t.csv:14:9: together_with: names 'S7', who is not in this file" },
                "S7 has a bad gender, so is not an applicant")
        #expect(sequential.applicants.count == 40 - 4 - 5 - 3)
        for size in [1, 2, 3, 7, 8, 16] {
            for bits in [0, 2] {
                let chunked = ApplicantTable.read(t, rowsPerChunk: size, partitionBits: bits)
                #expect(chunked.applicants == sequential.applicants, "\(size) rows a chunk, \(bits) partition bits")
                #expect(chunked.diagnostics == sequential.diagnostics, "\(size) rows a chunk, \(bits) partition bits")
            }
        }
        let byDefault = ApplicantTable.read(t)
        #expect(byDefault.applicants == sequential.applicants)
        #expect(byDefault.diagnostics == sequential.diagnostics)
    }

    /// Graduates are read on all cores as applicants are: a repeated id is reported on the later
    /// row after that row's own problems, the row dropped; chunks change nothing.
    @Test func graduatesReadInChunksAsOneByOne() throws {
        var lines = ["student_id,name,junior_school,score,choices"]
        for i in 1...30 {
            let id = i % 8 == 0 ? "G\(i - 7)" : "G\(i)"             // G1 again on line 9, G9 on 17, …
            let score = i % 5 == 0 ? "high" : "\(600 + i).5"
            lines.append("\(id),名\(i),J1,\(score),H1;H2")
        }
        let t = try table(lines.joined(separator: "\n") + "\n")
        let sequential = GraduateTable.read(t, rowsPerChunk: t.count)
        let problems = sequential.diagnostics.map(\.description)
        #expect(problems.filter { $0.contains("duplicate id") } == [
            "t.csv:9:1: student_id: duplicate id 'G1' (first on line 2)", "t.csv:17:1: student_id: duplicate id 'G9' (first on line 10)",
            "t.csv:25:1: student_id: duplicate id 'G17' (first on line 18)",
        ])
        #expect(problems.count == 3 + 6)
        #expect(sequential.graduates.map(\.id) == (1...30).filter { $0 % 8 != 0 && $0 % 5 != 0 }.map { "G\($0)" })
        #expect(sequential.graduates.first?.score == Score(hundredths: 60_150))
        for size in [1, 2, 3, 7, 16] {
            let chunked = GraduateTable.read(t, rowsPerChunk: size)
            #expect(chunked.graduates == sequential.graduates, "\(size) rows a chunk")
            #expect(chunked.diagnostics == sequential.diagnostics, "\(size) rows a chunk")
        }
    }

    /// The byte reading of decimals takes the simple forms (sign, at most 15 digits, one
    /// point) and reads them as `Double(String)` does; anything else it leaves to that parse.
    @Test func decimalsReadFromBytesAgreeWithDouble() {
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("0123456789..-+x")
        for _ in 0..<20_000 {
            let text = String((0..<1 + generator.nextInt(below: 18)).map { _ in alphabet[generator.nextInt(below: alphabet.count)] })
            var body = Substring(text)
            if let sign = body.first, sign == "-" || sign == "+" { body = body.dropFirst() }
            let digits = body.filter(\.isASCIIDigit).count
            let simple = (1...15).contains(digits) && body.filter { $0 == "." }.count <= 1 && body.allSatisfy { $0.isASCIIDigit || $0 == "." }
            let read = Array(text.utf8).withUnsafeBufferPointer { ASCIINumber.decimal($0) }
            #expect(read == (simple ? Double(text) : nil), "\(text)")
        }
    }
}
