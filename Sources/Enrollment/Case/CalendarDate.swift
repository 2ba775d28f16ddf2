import EnrollmentIO

/// A day in the Gregorian calendar, with no time and no time zone.
///
/// Stored in 6 bytes (a 32-bit year, then month and day as bytes) rather than three `Int`s,
/// which keeps a million applicants' rows small.
package struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    private let storedYear: Int32
    private let storedMonth: UInt8
    private let storedDay: UInt8

    package var year: Int { Int(storedYear) }
    package var month: Int { Int(storedMonth) }
    package var day: Int { Int(storedDay) }

    /// A date, or nil when the day does not exist (month 13, 30 February, 29 February 2023)
    /// or the year is outside `Int32`.
    package init?(year: Int, month: Int, day: Int) {
        guard let storedYear = Int32(exactly: year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        self.storedYear = storedYear
        self.storedMonth = UInt8(month)
        self.storedDay = UInt8(day)
    }

    /// Parses `YYYY-MM-DD`, `YYYY/M/D` (as Excel re-saves dates) and `YYYYMMDD`.
    package init?(parsing text: String) {
        let parts: [Substring]
        if text.utf8.contains(UInt8(ascii: "-")) {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
        } else if text.utf8.contains(UInt8(ascii: "/")) {
            parts = text.split(separator: "/", omittingEmptySubsequences: false)
        } else if text.count == 8, text.allSatisfy(\.isASCIIDigit) {
            let chars = Array(text)
            parts = [Substring(String(chars[0..<4])), Substring(String(chars[4..<6])), Substring(String(chars[6..<8]))]
        } else {
            return nil
        }
        guard parts.count == 3, parts[0].count == 4,
              parts.allSatisfy({ (1...4).contains($0.count) && $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    package var dayNumber: Int {
        GregorianDay.number(year: year, month: month, day: day)
    }

    /// The date `dayNumber` days after 1970-01-01.
    /// - Precondition: its year fits in `Int32` (about ±784 billion days).
    package init(dayNumber: Int) {
        let (y, m, d) = GregorianDay.date(dayNumber)
        self.init(year: y, month: m, day: d)!
    }

    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    package static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    package static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.storedYear, a.storedMonth, a.storedDay) < (b.storedYear, b.storedMonth, b.storedDay)
    }
}

extension CalendarDate {
    /// Reads `YYYY-MM-DD` from a field's bytes; nil for any other form or a day that does not exist.
    package init?(isoBytes b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = Int(b[i]) &- 48
                guard d >= 0, d <= 9 else { return nil }
                n = n * 10 + d
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}
