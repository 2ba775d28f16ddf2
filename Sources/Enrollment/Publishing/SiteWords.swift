import EnrollmentIO
import EnrollmentCase
import EnrollmentEngines

/// The words every kind of published site gives the case's codes: levels, keys of the case
/// files, the tool's notes, a tier's parts.
extension SitePage {
    /// 小学, 初中, 高中 (Primary, Junior, High school).
    package func levelName(_ level: SchoolLevel) -> String { t(level == .primary ? .primary : level == .junior ? .junior : .high) }

    /// A care group, category, residence or subject key in words (as written when the table lacks it).
    package func keyText(_ key: String) -> String { language.word(forKey: key) ?? key }

    /// A placement or zoning note in words: the tool's own notes from the table, any other text as written.
    package func noteText(_ note: String) -> String {
        note.components(separatedBy: "; ").map { part in
            switch part {
            case PlacementRun.unplacedReason: t(.unplacedReason)
            case ZoneAssigner.addressReview: t(.addressReview)
            case SupervisionReport.noListedSeat: t(.noListedSeat)
            case "no home coordinates or zoned address": t(.noHome)
            case _ where part.hasPrefix("unzoned"): t(.unzoned)
            default: part
            }
        }.joined(separator: "; ")
    }

    /// The words for `tier` at `school` for `student` under `c`'s policy: the claim, category,
    /// residence and sibling it stands for; nil for a number the policy's formula does not give.
    package func tierWords(_ tier: Int, at school: School, student: String, in c: AdmissionCase) -> String? {
        if c.explicitTiers[student]?[school.id] != nil { return t(.explicitTier) }
        if school.sector == .private { return t(.privateTier) }
        guard let parts = PriorityTier(policy: c.policy).parts(of: tier) else { return nil }
        var words = [t(parts.claim == .feeder ? .claimFeeder : parts.claim == .zone ? .claimZone : .claimNone)]
        if let category = parts.category { words.append(keyText(c.policy.priorityCategories[category])) }
        if let residence = parts.residence { words.append(keyText(residence.rawValue)) }
        if parts.sibling { words.append(t(.withSibling)) }
        return words.joined(separator: " · ")
    }
}
