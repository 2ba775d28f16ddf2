import EnrollmentCase
import EnrollmentEngines
import EnrollmentVocabulary

/// The words every kind of published site gives the case's codes: levels, keys of the case
/// files, the tool's notes, a tier's parts.
extension SitePage {
    /// 小学, 初中, 高中 (Primary, Junior, High school).
    func levelName(_ level: SchoolLevel) -> String { t(level == .primary ? .primary : level == .junior ? .junior : .high) }

    /// A seat group's `SeatsLabel` code in words (as written when it is not one).
    func seatsText(_ seats: String) -> String {
        switch SeatsLabel(code: seats) {
        case .all?: t(.seatsAll)
        case .open?: t(.seatsOpen)
        case .purchased?: t(.seatsPurchased)
        case .reserved(let category)?: t(.seatsReserved, keyText(category))
        case .openExcept(let category)?: t(.seatsOpenExcept, keyText(category))
        case nil: seats
        }
    }

    /// A care group, category, residence or subject key in words (as written when the table lacks it).
    func keyText(_ key: String) -> String { language.word(forKey: key) ?? key }

    /// A `note` column of `placements.csv` (`PlacementNote` codes joined by `;`) or a reason of the
    /// supervision report in words; text that is neither is shown as written.
    func noteText(_ column: String) -> String {
        if column == SupervisionReport.noListedSeat { return t(.noListedSeat) }
        guard let notes = PlacementNote.notes(inColumn: column) else { return column }
        return notes.map(noteWords).joined(separator: "; ")
    }

    /// One note in words.
    func noteWords(_ note: PlacementNote) -> String {
        switch note {
        case .addressReview: t(.addressReview)
        case .noHome: t(.noHome)
        case let .unzoned(nearest?, metres?): t(.unzonedNearest, nearest, "\(metres)")
        case .unzoned: t(.unzoned)
        case let .overlap(zone, metres, others): t(.overlapNote, zone, metres, others.joined(separator: ", "))
        case .allPublicFull: t(.unplacedReason)
        }
    }

    /// The words for `tier` at `school` for `student` under `c`'s policy: the claim, category,
    /// residence and sibling it stands for; nil for a number the policy's formula does not give.
    func tierWords(_ tier: Int, at school: School, student: String, in c: AdmissionCase) -> String? {
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
