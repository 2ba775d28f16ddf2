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

/// The id rule (docs/FORMATS.md, "Ids"): what passes and what each refusal says.
@Suite struct IdentifierTests {
    @Test func acceptsCodesOfLettersDigitsAndPunctuation() {
        for id in ["2026070001", "P01", "J01-T03", "T2026070078", "G110105201001011234", "zone_7.b", String(repeating: "9", count: 64)] {
            #expect(Identifier.problem(id) == nil, "\(id)")
        }
    }

    @Test func namesWhatIsWrong() {
        let rule = "an id holds only 1 to 64 characters, each an ASCII letter or digit, '-', '_' or '.'; this one holds "
        #expect(Identifier.problem("") == "an id cannot be empty")
        #expect(Identifier.problem(String(repeating: "1", count: 65)) == "an id has at most 64 characters; this one has 65")
        #expect(Identifier.problem("2026\n0001") == rule + "a line break")
        #expect(Identifier.problem("2026\r0001") == rule + "a line break")
        #expect(Identifier.problem("P 01") == rule + "a space")
        #expect(Identifier.problem("P01;P02") == rule + "';', which separates the items of a list")
        #expect(Identifier.problem("a@b") == rule + "'@'")
        #expect(Identifier.problem("a|b") == rule + "'|'")
        #expect(Identifier.problem("a\u{7}b") == rule + "a control character")
        #expect(Identifier.problem("城关一片") == rule + "a character outside ASCII")
        #expect(Identifier.problem("ＰＯ１") == rule + "a character outside ASCII")
    }
}
