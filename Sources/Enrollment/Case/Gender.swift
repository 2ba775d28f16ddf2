/// An applicant's gender as recorded in the student registration (学籍).
public enum Gender: String, Sendable, CaseIterable {
    case male = "M"
    case female = "F"

    /// Parses M/F, male/female (any case) and 男/女.
    public init?(parsing text: String) {
        switch text.lowercased() {
        case "m", "male", "男": self = .male
        case "f", "female", "女": self = .female
        default: return nil
        }
    }
}
