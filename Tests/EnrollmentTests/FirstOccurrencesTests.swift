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

/// The parallel index of first rows against a dictionary filled row by row.
@Suite struct FirstOccurrencesTests {
    /// For each row, the earlier row holding its value, as a dictionary filled in row order says.
    static func expectedEarlier(_ values: [String?]) -> [Int?] {
        var first: [String: Int] = [:]
        return values.enumerated().map { row, value in
            guard let value else { return nil }
            if let earlier = first[value] { return earlier }
            first[value] = row
            return nil
        }
    }

    @Test func agreesWithADictionaryInEveryPartitioning() {
        var generator = SplitMix64(seed: 11)
        let values: [String?] = (0..<5000).map { _ in
            let n = generator.next() % 1500
            return n < 100 ? nil : "S\(n)"
        }
        let expected = Self.expectedEarlier(values)
        #expect(expected.contains { $0 != nil } && expected.contains { $0 == nil })
        for bits in [0, 1, 3, 5] {
            let index = FirstOccurrences(values, partitionBits: bits)
            #expect(values.indices.map { index.earlier(than: $0) } == expected, "\(bits) partition bits")
            for n in [100, 777, 1499] {
                #expect(index.firstRow(of: "S\(n)") == values.firstIndex(of: "S\(n)"), "S\(n), \(bits) bits")
            }
            #expect(index.firstRow(of: "S5") == nil, "only nils below 100")
            #expect(index.firstRow(of: "absent") == nil)
        }
    }

    /// Values equal as `String`s (canonically equivalent) are the same value, as in a dictionary.
    @Test func canonicallyEquivalentStringsAreOneValue() {
        let values: [String?] = ["K1", nil, "\u{212A}1", "e\u{301}", "\u{E9}", "x"]
        let index = FirstOccurrences(values, partitionBits: 1)
        #expect(values.indices.map { index.earlier(than: $0) } == [nil, nil, 0, nil, 3, nil])
        #expect(index.firstRow(of: "\u{212A}1") == 0)
    }

    @Test func emptyInput() {
        let index = FirstOccurrences([String?](), partitionBits: 2)
        #expect(index.firstRow(of: "S1") == nil)
    }
}
