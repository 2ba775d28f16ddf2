/// Excel's date serial numbers: a date is stored as a number of days, with the time of day as
/// its fraction, counted in one of a workbook's two date systems.
///
/// - The 1900 system (Excel's default on Windows): 1 is 1900-01-01. Excel counts 1900 as a
///   leap year (the bug it kept from Lotus 1-2-3), so 60 is 1900-02-29, a day that never was,
///   and from 61 (1900-03-01) on a serial is the number of days since 1899-12-30.
/// - The 1904 system (`<workbookPr date1904="1"/>`, old Mac workbooks): 0 is 1904-01-01.
package enum ExcelDate {
    /// A workbook's date system.
    package enum System: Sendable {
        case from1900
        case from1904
    }

    /// A date and time as text: `YYYY-MM-DD`, or `YYYY-MM-DD HH:MM:SS` when the serial has a
    /// time of day (rounded to the second).
    package struct Text: Equatable, Sendable {
        package var text: String
    }

    /// Why a serial number is not a date.
    package enum Problem: Error, Equatable, Sendable {
        /// 60 in the 1900 system: 1900-02-29, which Excel counts but which never was.
        case nonexistentLeapDay
        /// Before the system's first day, or after 9999-12-31.
        case outOfRange
    }

    /// The date `serial` stands for in `system`.
    /// - Complexity: O(1).
    package static func text(serial: Double, system: System) -> Result<Text, Problem> {
        guard serial.isFinite, serial >= (system == .from1900 ? 1 : 0), serial < 2_958_466 else { return .failure(.outOfRange) }
        var day = serial.rounded(.down)
        var seconds = ((serial - day) * 86_400).rounded()
        if seconds >= 86_400 {
            day += 1
            seconds = 0
        }
        let days: Int
        switch system {
        case .from1900:
            if day == 60 { return .failure(.nonexistentLeapDay) }
            // Days since 1970-01-01: 1899-12-30 is day −25,569; before 1900-03-01 Excel's
            // count is one day ahead of the calendar.
            days = Int(day) - 25_569 + (day < 60 ? 1 : 0)
        case .from1904:
            // 1904-01-01 is day −24,107.
            days = Int(day) - 24_107
        }
        let (y, m, d) = GregorianDay.date(days)
        guard y <= 9999 else { return .failure(.outOfRange) }
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        if seconds > 0 {
            let s = Int(seconds)
            text += " " + pad(s / 3600, 2) + ":" + pad(s / 60 % 60, 2) + ":" + pad(s % 60, 2)
        }
        return .success(Text(text: text))
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
