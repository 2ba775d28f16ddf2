import Testing
@testable import Enrollment

/// Parsing in pieces on several cores gives the result of one pass, wherever the cuts fall.
@Suite struct CSVPiecesTests {
    /// Everything a parse result holds, for comparing.
    struct Snapshot: Equatable {
        var header: [String]?
        var headerLine = 0
        var ends: [UInt32] = []
        var marks: [UInt32] = []
        var lines: [UInt32] = []
        var diagnostics: [String]

        init(_ result: CSVReader.Result) {
            header = result.table?.header
            if let s = result.table?.storage {
                (headerLine, ends, marks, lines) = (s.headerLine, s.ends, s.marks, s.lines)
            }
            diagnostics = result.diagnostics.map(\.description)
        }
    }

    static func parse(_ text: String, pieces: Int) -> Snapshot {
        Snapshot(CSVReader.parse(Array(text.utf8), file: "t.csv", pieces: pieces))
    }

    @Test func cutsInsideQuotedFieldsWithLineEnds() {
        let text = "id,note\n" + (1...30).map { i in
            i % 3 == 0 ? "S\(i),\"two\nlines \(i)\"\n" : (i % 5 == 0 ? "S\(i),\"a\r\nb\rc\n\n\"\r\n" : "S\(i),plain \(i)\n")
        }.joined()
        let one = Self.parse(text, pieces: 1)
        #expect(one.lines.count == 30)
        #expect(one.lines.last == 56, "row 30 starts on line 56: the line ends inside quotes count")
        for pieces in 2...12 {
            #expect(Self.parse(text, pieces: pieces) == one, "\(pieces) pieces")
        }
    }

    @Test func problemsKeepTheirLinesAndOrder() {
        let text = "\u{FEFF}a,b,c\n\n1,2\n\"x\"y,2,3\n,,\nq\"q,2,3\n4,5,6,7\n\"open,2,3\n8,9,10\n"
        let one = Self.parse(text, pieces: 1)
        #expect(one.diagnostics == [
            "t.csv:4:1: text after the closing quote of a field: a quote inside a quoted field must be written twice (\"\")",
            "t.csv:6:1: a quote (\") inside an unquoted field: quote the whole field and write the quote twice (\"\")",
            "t.csv:8:1: a quoted field is never closed: the file ends inside it (a missing \" after this point)",
            "t.csv:3:3: this row has 2 fields but the header has 3: check for a missing or extra comma, or an unquoted comma inside a field",
            "t.csv:7:4: this row has 4 fields but the header has 3: check for a missing or extra comma, or an unquoted comma inside a field",
            "t.csv:8:2: this row has 1 fields but the header has 3: check for a missing or extra comma, or an unquoted comma inside a field",
        ])
        for pieces in 2...12 {
            #expect(Self.parse(text, pieces: pieces) == one, "\(pieces) pieces")
        }
    }

    /// Random texts of quotes, commas, line ends of every kind, blank records and multi-byte
    /// characters, in up to 9 pieces.
    @Test func randomTextsInAnyNumberOfPieces() {
        var generator = SplitMix64(seed: 3)
        let tokens = ["a", "b", ",", ",", "\"", "\"\"", "\n", "\n", "\r\n", "\r", "\"x\ny\"", "\"p,q\"", " ", "学", ",,\n"]
        for trial in 0..<400 {
            var text = trial % 4 == 0 ? "" : "h1,h2,h3\n"
            for _ in 0..<Int(generator.next() % 60) { text += tokens[Int(generator.next() % UInt64(tokens.count))] }
            let one = Self.parse(text, pieces: 1)
            for pieces in 2...9 {
                #expect(Self.parse(text, pieces: pieces) == one, "\(text.debugDescription) in \(pieces) pieces")
            }
        }
    }

    @Test func emptyAndHeaderOnlyInPieces() {
        for text in ["", "\n\n", "a,b\n", "a,b", "\n,,\na\n"] {
            let one = Self.parse(text, pieces: 1)
            for pieces in 2...4 {
                #expect(Self.parse(text, pieces: pieces) == one, "\(text.debugDescription) in \(pieces) pieces")
            }
        }
    }
}
