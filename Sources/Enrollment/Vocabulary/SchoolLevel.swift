/// The stage a school teaches, and so which applicants it admits.
public enum SchoolLevel: String, CaseIterable, Sendable, Comparable {
    /// 小学: admits `primary-applicants.csv` by zone.
    case primary
    /// 初中: admits `junior-applicants.csv` by feeder pairing and lottery.
    case junior
    /// 高中: admits `graduates.csv`; quality ones share their places out as quotas.
    case high

    /// The levels admitted by attendance zone (primary and junior): the only levels a zone,
    /// drawn or listed, may be for.
    package static let zoned: [SchoolLevel] = [.primary, .junior]

    public static func < (a: SchoolLevel, b: SchoolLevel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// Parses `primary`, `junior`, `high` (any case) or 小学, 初中, 高中.
    package init?(parsing text: String) {
        switch text.lowercased() {
        case "primary", "小学": self = .primary
        case "junior", "初中": self = .junior
        case "high", "高中": self = .high
        default: return nil
        }
    }
}

/// Who runs a school: 公办 (public) or 民办 (private). Private schools admit in the same run
/// (公民同招) and by lottery when oversubscribed.
package enum SchoolSector: String, CaseIterable, Sendable {
    case `public`
    case `private`

    /// Parses `public`, `private` (any case) or 公办, 民办.
    package init?(parsing text: String) {
        switch text.lowercased() {
        case "public", "公办": self = .public
        case "private", "民办": self = .private
        default: return nil
        }
    }
}
