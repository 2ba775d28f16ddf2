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

@Suite struct ResidentIDNumberTests {
    @Test(arguments: ["11010519491231002X", "440524188001010014", "11010519491231002x"])
    func validNumbers(_ text: String) throws {
        let n = try ResidentIDNumber(validating: text)
        #expect(n.text == text.uppercased())
    }

    @Test func birthDateIsRead() throws {
        #expect(try ResidentIDNumber(validating: "11010519491231002X").birthDate == CalendarDate(year: 1949, month: 12, day: 31))
        #expect(try ResidentIDNumber(validating: "110105491231002").birthDate == CalendarDate(year: 1949, month: 12, day: 31))
    }

    @Test func wrongCheckCharacter() {
        #expect(throws: ResidentIDNumber.Problem.wrongCheckCharacter(expected: "X")) {
            try ResidentIDNumber(validating: "110105194912310021")
        }
        #expect(throws: ResidentIDNumber.Problem.wrongCheckCharacter(expected: "4")) {
            try ResidentIDNumber(validating: "440524188001010015")
        }
    }

    @Test func malformedNumbers() {
        #expect(throws: ResidentIDNumber.Problem.wrongLength(17)) { try ResidentIDNumber(validating: "11010519491231002") }
        #expect(throws: ResidentIDNumber.Problem.notDigits) { try ResidentIDNumber(validating: "1101051949123100AX") }
        #expect(throws: ResidentIDNumber.Problem.impossibleBirthDate) { try ResidentIDNumber(validating: "110105194902300023") }
    }

    @Test func checkCharacterOfEveryRemainder() {
        // The MOD 11-2 table: remainder r of the weighted sum maps to "10X98765432"[r].
        #expect(ResidentIDNumber.checkCharacter(for: Array(repeating: 0, count: 17)) == "1")
        #expect(ResidentIDNumber.checkCharacter(for: [1] + Array(repeating: 0, count: 16)) == "5")  // 7 mod 11 = 7 → "5"
    }
}

@Suite struct CalendarDateTests {
    @Test func parsesTheFormsExcelWrites() {
        #expect(CalendarDate(parsing: "2019-09-01") == CalendarDate(year: 2019, month: 9, day: 1))
        #expect(CalendarDate(parsing: "2019/9/1") == CalendarDate(year: 2019, month: 9, day: 1))
        #expect(CalendarDate(parsing: "20190901") == CalendarDate(year: 2019, month: 9, day: 1))
    }

    @Test func dayNumbersRoundTrip() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
        #expect(CalendarDate(year: 1969, month: 12, day: 31)!.dayNumber == -1)
        var date = CalendarDate(year: 1899, month: 12, day: 25)!
        for n in date.dayNumber..<(date.dayNumber + 80_000) {
            #expect(CalendarDate(dayNumber: n) == date)
            let next = CalendarDate(year: date.year, month: date.month, day: date.day + 1)
                ?? CalendarDate(year: date.year, month: date.month + 1, day: 1) ?? CalendarDate(year: date.year + 1, month: 1, day: 1)!
            date = next
        }
    }

    @Test func rejectsImpossibleDates() {
        for text in ["2019-02-29", "2020-02-30", "2019-13-01", "2019-00-10", "2019-04-31", "19-01-01", "2019-1-1-1", "abcd-01-01", ""] {
            #expect(CalendarDate(parsing: text) == nil, "\(text)")
        }
        #expect(CalendarDate(parsing: "2020-02-29") != nil)
        #expect(CalendarDate(parsing: "2000-02-29") != nil)
        #expect(CalendarDate(parsing: "1900-02-29") == nil)
    }

    /// Dates are stored in 6 bytes (a 32-bit year) and months in 3, which keeps an applicant's row at 240 bytes.
    @Test func compactStorageAndItsYearRange() throws {
        #expect(MemoryLayout<CalendarDate>.size == 6)
        #expect(MemoryLayout<Applicant>.stride == 240)
        let last = try #require(CalendarDate(year: Int(Int32.max), month: 12, day: 31))
        #expect((last.year, last.month, last.day) == (Int(Int32.max), 12, 31))
        #expect(CalendarDate(year: Int(Int32.max) + 1, month: 1, day: 1) == nil)
        #expect(CalendarDate(year: Int(Int32.min) - 1, month: 1, day: 1) == nil)
        #expect(try #require(CalendarDate(year: -1, month: 3, day: 1)) < CalendarDate(year: 0, month: 1, day: 1)!)
    }
}
