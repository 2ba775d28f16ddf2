/// A seat group of a school, or the seats an applicant holds, as the recorded files write it
/// (the `seats` column of `placements.csv`, `cutoffs.csv`, `waitlists.csv`, the `from_seats` and
/// `to_seats` of `vacancies-<n>.csv`): `all` (the one group of a school without reserved
/// seats), `open`, `reserved:<category>`, `open-except:<category>` (open seats a capped category
/// may not take) or `purchased` (a place the government bought at a private school). Categories
/// are the case's keys, which hold no `:`.
package enum SeatsLabel: Hashable, Sendable {
    case all, open, purchased
    case reserved(category: String)
    case openExcept(category: String)

    /// The label as the files write it.
    package var code: String {
        switch self {
        case .all: "all"
        case .open: "open"
        case .purchased: "purchased"
        case .reserved(let category): "reserved:" + category
        case .openExcept(let category): "open-except:" + category
        }
    }

    /// The category of a reserved group; nil for any other.
    package var reservedCategory: String? {
        if case .reserved(let category) = self { category } else { nil }
    }

    /// The label written as `code`; nil for anything else (an empty field among them).
    package init?(code: some StringProtocol) {
        let parts = String(code).split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        switch (parts[0], parts.count) {
        case ("all", 1): self = .all
        case ("open", 1): self = .open
        case ("purchased", 1): self = .purchased
        case ("reserved", 2) where !parts[1].isEmpty: self = .reserved(category: parts[1])
        case ("open-except", 2) where !parts[1].isEmpty: self = .openExcept(category: parts[1])
        default: return nil
        }
    }
}
