import EnrollmentVocabulary
/// Who is of age for a level's intake (适龄): the ages, in whole years on a cut-off day of the
/// intake year, admitted without an exception (`policy.json` keys `intake_year`,
/// `age_cutoff_date` and `entry_age`; docs/FORMATS.md).
///
/// Primary entry is for children six years old by 31 August of the intake year (义务教育法
/// 第十一条; local rules move the day); junior entry for that year's primary leavers, twelve
/// or thirteen on the same day. A child outside the window is admitted only with an exception
/// the bureau approved (deferred or early entry), given in the applicant's `age_exception`.
package struct AgeWindow: Hashable, Sendable {
    /// The year of the intake (招生年度); nil leaves ages unchecked.
    package var intakeYear: Int?
    /// The month and day of the intake year on which ages are counted; never 29 February, so
    /// that the day exists every year.
    package var cutoffMonth: Int = 8
    package var cutoffDay: Int = 31
    /// Per level, the youngest and oldest age admitted without an exception.
    package var entryAges: [SchoolLevel: ClosedRange<Int>] = [.primary: 6...6, .junior: 12...13]

    package init(intakeYear: Int? = nil) {
        self.intakeYear = intakeYear
    }

    /// The day ages are counted on, or nil without an intake year.
    package var cutoffDate: CalendarDate? {
        intakeYear.flatMap { CalendarDate(year: $0, month: cutoffMonth, day: cutoffDay) }
    }

    /// Whole years of age on `day` of a child born on `birth` (周岁): a child born on the very
    /// day, so many years before, has reached that age.
    package static func age(bornOn birth: CalendarDate, on day: CalendarDate) -> Int {
        day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day) ? 1 : 0)
    }

    /// The age of a child born on `birth` when it is outside the window of `level`; nil when it
    /// is inside, or when there is no intake year or no window for the level.
    /// - Complexity: O(1).
    package func ageOutsideWindow(bornOn birth: CalendarDate, level: SchoolLevel) -> Int? {
        guard let day = cutoffDate, let window = entryAges[level] else { return nil }
        let age = Self.age(bornOn: birth, on: day)
        return window.contains(age) ? nil : age
    }

    /// The cut-off day as written in `policy.json`: `MM-DD`.
    package var cutoffText: String {
        (cutoffMonth < 10 ? "0" : "") + "\(cutoffMonth)-" + (cutoffDay < 10 ? "0" : "") + "\(cutoffDay)"
    }
}
