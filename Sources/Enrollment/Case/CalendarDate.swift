/// A day in the Gregorian calendar, with no time and no time zone.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A date, or nil when the day does not exist (month 13, 30 February, 29 February 2023).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.days(inMonth: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, `YYYY/M/D` (as Excel re-saves dates) and `YYYYMMDD`.
    public init?(parsing text: String) {
        let parts: [Substring]
        if text.contains("-") {
            parts = text.split(separator: "-", omittingEmptySubsequences: false)
        } else if text.contains("/") {
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

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
