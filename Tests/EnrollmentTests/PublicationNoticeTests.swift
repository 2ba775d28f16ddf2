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

/// `notice.json` (docs/FORMATS.md): every promise of the format has a test that feeds the bad
/// value and expects the message at its line and column.
@Suite struct PublicationNoticeTests {
    static let good = """
        {
          "round": "2026年城关县义务教育学校招生",
          "publication_start": "2026-07-20",
          "publication_end": "2026-07-26",
          "office": "城关县教育局招生监督室",
          "telephone": "0371-6880 1234",
          "appeal": "在公示期内到教育局招生办公室提交书面申诉。"
        }
        """

    /// The problems of `text` as `notice.json:line:column: message` lines.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try PublicationNotice(parsing: Array(text.utf8))
            return []
        } catch {
            return error.items.map(\.description)
        }
    }

    static func replacing(_ old: String, with new: String) -> String {
        precondition(good.contains(old))
        return good.replacingOccurrences(of: old, with: new)
    }

    @Test func readsTheSampleCountysNotice() throws {
        let bytes = try [UInt8](Data(contentsOf: packageRoot.appendingPathComponent("zones/sample-county/notice.json")))
        let notice = try PublicationNotice(parsing: bytes)
        #expect(notice.start == CalendarDate(year: 2026, month: 7, day: 20) && notice.end == CalendarDate(year: 2026, month: 7, day: 26))
        #expect(notice.days == 7 && notice.telephone == "0371-6880 1234")
        let parsed = try PublicationNotice(parsing: Array(Self.good.utf8))
        #expect(parsed == PublicationNotice(round: "2026年城关县义务教育学校招生", start: notice.start, end: notice.end,
                                            office: "城关县教育局招生监督室", telephone: "0371-6880 1234", appeal: "在公示期内到教育局招生办公室提交书面申诉。"))
    }

    @Test func aOneDayPeriodIsPossible() throws {
        let notice = try PublicationNotice(parsing: Array(Self.replacing("2026-07-26", with: "2026-07-20").utf8))
        #expect(notice.days == 1)
    }

    @Test func aPeriodThatEndsBeforeItStartsIsRefused() {
        #expect(Self.problems(Self.replacing("2026-07-26", with: "2026-07-19"))
                == ["notice.json:4:22: publication_end: the period would end on 2026-07-19, before it starts on 2026-07-20"])
    }

    @Test func aDayThatIsNotInTheCalendarIsRefused() {
        #expect(Self.problems(Self.replacing("2026-07-20", with: "2026-02-30"))
                == ["notice.json:3:24: publication_start: '2026-02-30' is not a day of the calendar; write it as YYYY-MM-DD, e.g. 2026-07-20"])
        #expect(Self.problems(Self.replacing("2026-07-26", with: "7月26日"))
                == ["notice.json:4:22: publication_end: '7月26日' is not a day of the calendar; write it as YYYY-MM-DD, e.g. 2026-07-20"])
    }

    @Test func everyKeyIsRequired() {
        #expect(Self.problems(Self.replacing("  \"telephone\": \"0371-6880 1234\",\n", with: ""))
                == ["notice.json:1:1: the key \"telephone\" is missing"])
    }

    @Test func anUnknownKeyIsRefused() {
        #expect(Self.problems(Self.replacing("\"office\"", with: "\"ofice\""))
                == ["notice.json:1:1: the key \"office\" is missing",
                    "notice.json:5:3: \"ofice\" is not a key of the notice; the keys are round, publication_start, publication_end, office, telephone, appeal"])
    }

    @Test func aKeyGivenTwiceIsRefused() {
        #expect(Self.problems(Self.replacing("  \"appeal\"", with: "  \"round\": \"again\",\n  \"appeal\""))
                == ["notice.json:7:3: the key \"round\" is given twice (also on line 2)"])
    }

    @Test func valuesAreNonEmptyText() {
        #expect(Self.problems(Self.replacing("\"0371-6880 1234\"", with: "3716880"))
                == ["notice.json:6:16: telephone: give text in quotes, not a number"])
        #expect(Self.problems(Self.replacing("\"城关县教育局招生监督室\"", with: "\"  \""))
                == ["notice.json:5:13: office: the text is empty"])
    }

    @Test func aTelephoneNeedsDigits() {
        #expect(Self.problems(Self.replacing("0371-6880 1234", with: "教育局"))
                == ["notice.json:6:16: telephone: '教育局' holds no digit; give the number families can call"])
    }

    @Test func notJSONOrNotAnObjectIsRefused() {
        #expect(Self.problems("[1]") == ["notice.json:1:1: the notice must be a JSON object with the keys round, publication_start, publication_end, office, telephone, appeal"])
        #expect(Self.problems("{\"round\": \"x\",}").count == 1)
    }
}
