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

@Suite struct OutputDifferenceTests {
    static func first(_ published: String, _ expected: String, file: String = "out.csv") -> String? {
        OutputDifference.first(published: Array(published.utf8), expected: Array(expected.utf8), file: file)
    }

    @Test func sameBytesHaveNoDifference() {
        #expect(Self.first("a,b\n1,2\n", "a,b\n1,2\n") == nil)
    }

    @Test func csvDifferencesAreNamedByLineColumnAndName() {
        #expect(Self.first("a,b\n1,2\n3,4\n", "a,b\n1,2\n3,5\n") == "out.csv:3:2: row 2, b: published \"4\", expected \"5\"")
        #expect(Self.first("a,c\n1,2\n", "a,b\n1,2\n") == "out.csv:1: the header is a,c, expected a,b")
        #expect(Self.first("a,b\n1,2\n3,4\n", "a,b\n1,2\n") == "out.csv: 2 rows published, 1 expected (first extra row on line 3)")
        #expect(Self.first("a,b\n1,2\n", "a,b\n1,2\n3,4\n") == "out.csv: 1 row published, 2 expected")
    }

    @Test func sameTableInOtherBytesIsNamedByByte() {
        #expect(Self.first("a,b\r\n1,2\r\n", "a,b\n1,2\n") == "out.csv:1: byte 3 differs")
        #expect(Self.first("{\"a\": 1}\n", "{\"a\": 1}\n\n", file: "m.json") == "m.json:2: the file ends at byte 9, where more is expected")
        #expect(Self.first("{\"a\": 2}\n", "{\"a\": 1}\n", file: "m.json") == "m.json:1: byte 6 differs")
    }
}
