import EnrollmentCase
import EnrollmentEngines

/// Realistic personal data for synthetic applicants: names, birth dates and resident id
/// numbers with valid check characters. Everything is fictional: the address codes of the
/// id numbers begin with 9, which no real region's code does.
enum SyntheticPeople {
    static let surnames: [String] = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈").map(String.init)
        + ["欧阳", "司马", "诸葛", "上官"]
    static let givenCharacters: [String] = Array("子梓浩宇轩涵欣怡雨博文思佳一诺晨泽俊嘉铭悦雅可昊然睿梦琪瑶天宸若芷安知书明乐航逸辰语彤沐阳昕妍锦程嘉懿").map(String.init)

    static func name<R: RandomDraw>(surname: String, random: inout R) -> String {
        let compound = surname.count > 1
        let length = compound || random.chance(0.35) ? 1 : 2
        return surname + (0..<length).map { _ in random.pick(givenCharacters) }.joined()
    }

    /// A date uniformly between `first` and `first` + `days` − 1.
    static func date(from first: CalendarDate, plusUpTo days: Int, random: inout some RandomDraw) -> CalendarDate {
        CalendarDate(dayNumber: first.dayNumber + random.nextInt(below: days))
    }

    /// An 18-digit resident id number: region, birth date, a 3-digit order code (odd for
    /// boys, even for girls) and the GB 11643 check character. Applicants of one level have
    /// distinct serials, and the serial gives the region (`9` and the serial ÷ 499) and the
    /// order code (the serial mod 499), so no two of them share an id number (one child, one
    /// application: `enroll validate` refuses a repeated id number).
    static func idNumber(birth: CalendarDate, gender: Gender, serial: Int) -> String {
        var order = (serial % 499) * 2 + 1
        if gender == .female { order += 1 }
        let region = "9" + String(100_000 + serial / 499).dropFirst()
        let digits = region + birth.description.filter(\.isASCIIDigit) + String(1000 + order).dropFirst()
        let check = ResidentIDNumber.checkCharacter(for: digits.map { Int(String($0))! })
        return digits + String(check)
    }
}

