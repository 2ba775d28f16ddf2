import Foundation
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

/// The commitment's canonical form. Expected digests computed independently with the Python
/// reference in docs/LOTTERY.md section 11.
@Suite struct CommitmentTests {
    static let table = "student_id,name,score\n2026070002,李四,85\n2026070001,张三, ９０ \n"
    static let tableDigest = "c10ec40284303eacadb87864bc38b56c80d70cf1e913239fdc89019397a54330"

    static func canonical(_ bytes: [UInt8]) throws -> CanonicalCSV {
        try CanonicalCSV(fileBytes: bytes, file: "junior-applicants.csv")
    }

    @Test func workedVector() throws {
        let c = try Self.canonical(Array(Self.table.utf8))
        #expect(String(decoding: c.bytes, as: UTF8.self)
                == "enroll-csv/1\n3\n4:name\n5:score\n10:student_id\n2\n6:张三2:9010:2026070001\n6:李四2:8510:2026070002\n")
        #expect(c.digest.hex == Self.tableDigest)
        #expect(c.rowCount == 2)
    }

    @Test func unchangedByRowOrderColumnOrderBOMAndCRLF() throws {
        let variants = [
            "student_id,name,score\n2026070001,张三,90\n2026070002,李四,85\n",
            "score,Student_ID,NAME\r\n85,2026070002,李四\r\n90,2026070001,张三\r\n",
            "\u{FEFF}name,score,student_id\r\n张三,\"90\",2026070001\r\n李四,85,2026070002\r\n,,\r\n\r\n",
            "student_id , name,score\n\"2026070002\",李四,８５\n2026070001,张三,90",
        ]
        for text in variants {
            #expect(try Self.canonical(Array(text.utf8)).digest.hex == Self.tableDigest, "\(text)")
        }
    }

    /// The canonical form as its definition reads, field by field and row by row, with no fast
    /// path: the implementation must give the same bytes on any table.
    static func reference(_ table: CSVTable) -> [UInt8] {
        func field(_ text: String) -> [UInt8] { Array("\(text.utf8.count):".utf8) + Array(text.utf8) }
        let order = table.header.indices.sorted { table.header[$0].utf8.lexicographicallyPrecedes(table.header[$1].utf8) }
        let rows = (0..<table.count).map { row in order.flatMap { field(CSVRecordReader.clean(table[row, $0])) } + [0x0A] }
            .sorted { $0.lexicographicallyPrecedes($1) }
        return Array("enroll-csv/1\n\(order.count)\n".utf8) + order.flatMap { field(table.header[$0]) + [0x0A] }
            + Array("\(rows.count)\n".utf8) + rows.flatMap { $0 }
    }

    @Test func theFastFormIsTheDefinitionsOnRandomTables() throws {
        // Fields that need folding or trimming, quoted ones, rows that are prefixes of others,
        // equal rows, empty fields, lengths of several digits.
        let pieces = ["", "a", "ab", "a b", " a", "b ", "\"x,y\"", "\"q\"\"q\"", "１２", "Ａ", "\u{3000}z", "张三", "9", "99", "999",
                      String(repeating: "w", count: 12), String(repeating: "长", count: 40)]
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<200 {
            let columns = 1 + next(4), rows = next(30)
            var text = (0..<columns).map { "c\(($0 * 7) % 5)\($0)" }.joined(separator: ",") + "\n"
            for _ in 0..<rows { text += (0..<columns).map { _ in pieces[next(pieces.count)] }.joined(separator: ",") + "\n" }
            let table = try #require(CSVReader.parse(Array(text.utf8), file: "t.csv").table)
            #expect(CanonicalCSV(table).bytes == Self.reference(table), "\(text)")
        }
    }

    @Test func unchangedByGB18030Resave() throws {
        let bytes = GB18030.encode("score,name,student_id\r\n85,李四,2026070002\r\n90,张三,2026070001\r\n")
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        #expect(try Self.canonical(bytes).digest.hex == Self.tableDigest)
    }

    @Test func changedByAnyValue() throws {
        let changed = [
            "student_id,name,score\n2026070002,李四,85\n2026070001,张三,91\n",
            "student_id,name,score\n2026070002,李四,85\n2026070003,张三,90\n",
            "student_id,name,score\n2026070002,李四,85\n2026070001,張三,90\n",
            "student_id,name,score\n2026070002,李四,85\n",
            "student_id,name,score\n2026070002,李四,85\n2026070001,张三,90\n2026070001,张三,90\n",
            "student_id,name,grade\n2026070002,李四,85\n2026070001,张三,90\n",
            "student_id,name,score\n2026070002,李四,85\n2026070001,张 三,90\n",
        ]
        for text in changed {
            #expect(try Self.canonical(Array(text.utf8)).digest.hex != Self.tableDigest, "\(text)")
        }
    }

    @Test func fieldsAreLengthPrefixedSoCommasAndLineFeedsCannotShift() throws {
        let a = try Self.canonical(Array("a,b\n\"x,1\",2\n".utf8))
        let b = try Self.canonical(Array("a,b\nx,\"1,2\"\n".utf8))
        #expect(a.digest != b.digest)
        #expect(String(decoding: a.bytes, as: UTF8.self) == "enroll-csv/1\n2\n1:a\n1:b\n1\n3:x,11:2\n")
    }

    @Test func malformedCSVIsRefusedAtItsLine() throws {
        #expect {
            try Self.canonical(Array("a,b\n1,2\n3\n".utf8))
        } throws: { error in
            (error as? Diagnostics)?.items.first?.location == SourceLocation(file: "junior-applicants.csv", line: 3, column: 2)
        }
    }

    /// A case folder with the worked example's two files.
    static func exampleCase(_ name: String = #function) throws -> URL {
        try caseFolder(["junior-applicants.csv": table, "policy.json": "{\"twins_share_lottery_number\": true}\n",
                        "notes.txt": "not committed", ".hidden.csv": "x\n1\n"], name: name)
    }

    @Test func combinedDigestVector() throws {
        let c = try Commitment(caseFolder: Self.exampleCase())
        #expect(c.files.map(\.name) == ["junior-applicants.csv", "policy.json"])
        #expect(c.files.map(\.form) == [.csv, .raw])
        #expect(c.files[1].digest.hex == "53f136ca2042d67a5c48de527c90db36623e6d6eb4a4bb3476c80391259537ac")
        #expect(c.digest.hex == "d8abf4ebdc07df075e7ef5ce7caec42754e28288d8e5ce7482876e7f00f9c485")
    }

    @Test func fileRoundTripAndTamperedDigestRefused() throws {
        let folder = try Self.exampleCase()
        let c = try Commitment(caseFolder: folder, note: "县教育局 2026-07-01")
        let url = folder.appendingPathComponent(Commitment.fileName)
        try c.write(to: url)
        let read = try Commitment(contentsOf: url)
        #expect(read == c)
        #expect(try Commitment(caseFolder: folder).digest == c.digest, "commitment.json itself is not covered")
        var text = try String(contentsOf: url, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"digest\": \"d8", with: "\"digest\": \"d9")
        #expect {
            try Commitment(json: Array(text.utf8), file: "commitment.json")
        } throws: { error in
            "\(error)".hasPrefix("commitment.json:5:13: the digest does not match the files listed")
        }
    }

    @Test func verifyPassesUnderResaveAndNamesEachChangedFile() throws {
        let folder = try Self.exampleCase()
        let c = try Commitment(caseFolder: folder)
        try Data(GB18030.encode("score,name,student_id\r\n90,张三,2026070001\r\n85,李四,2026070002\r\n"))
            .write(to: folder.appendingPathComponent("junior-applicants.csv"))
        try c.verify(caseFolder: folder)

        try Data("student_id,name,score\n2026070002,李四,86\n2026070001,张三,90\n".utf8)
            .write(to: folder.appendingPathComponent("junior-applicants.csv"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("policy.json"))
        try Data("a\n1\n".utf8).write(to: folder.appendingPathComponent("schools.csv"))
        #expect {
            try c.verify(caseFolder: folder)
        } throws: { error in
            guard case .changed(let changes) = error as? CommitmentError else { return false }
            return changes == [.changed("junior-applicants.csv"), .missing("policy.json"), .added("schools.csv")]
        }
    }
}
