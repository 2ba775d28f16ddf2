/// Why a row of `placements.csv` says what it says, as a code: the file's `note` column holds
/// an applicant's notes as codes joined by `;` (`PlacementsFile`), and the published site gives
/// each code its words in its language table — so rewording a note never leaves the site
/// showing a sentence it cannot translate.
///
/// | code | meaning |
/// |---|---|
/// | `address-review` | the address matched no list; a clerk reviews it (`zoning.csv` quotes it, this file does not) |
/// | `no-home` | neither home coordinates nor an address the lists zone |
/// | `unzoned` or `unzoned:<zone>:<metres>` | the home lies in no zone (the nearest zone and how far, when known) |
/// | `overlap:<zone>:<metres>:<other>+<other>…` | the home lies in an overlap accepted as digitising noise: placed in `<zone>`, `<metres>` inside it, rather than the others |
/// | `all-public-full` | unplaced: every public school of the level is full (private schools admit only applicants who chose them) |
///
/// Zone ids hold no `:`, `+` or `;` (`Identifier`), so the codes split back unambiguously.
package enum PlacementNote: Hashable, Sendable {
    case addressReview
    case noHome
    case unzoned(nearest: String?, metres: Int?)
    case overlap(zone: String, metres: String, others: [String])
    case allPublicFull

    /// The note as `placements.csv` writes it.
    package var code: String {
        switch self {
        case .addressReview: "address-review"
        case .noHome: "no-home"
        case let .unzoned(nearest?, metres?): "unzoned:\(nearest):\(metres)"
        case .unzoned: "unzoned"
        case let .overlap(zone, metres, others): "overlap:\(zone):\(metres):\(others.joined(separator: "+"))"
        case .allPublicFull: "all-public-full"
        }
    }

    /// The note written as `code`; nil for text that is not a note's code.
    package init?(code: some StringProtocol) {
        let parts = String(code).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first, parts.count) {
        case ("address-review", 1): self = .addressReview
        case ("no-home", 1): self = .noHome
        case ("all-public-full", 1): self = .allPublicFull
        case ("unzoned", 1): self = .unzoned(nearest: nil, metres: nil)
        case ("unzoned", 3):
            guard !parts[1].isEmpty, let metres = Int(parts[2]) else { return nil }
            self = .unzoned(nearest: parts[1], metres: metres)
        case ("overlap", 4):
            let others = parts[3].split(separator: "+").map(String.init)
            guard !parts[1].isEmpty, Double(parts[2]) != nil, !others.isEmpty else { return nil }
            self = .overlap(zone: parts[1], metres: parts[2], others: others)
        default: return nil
        }
    }

    /// The notes as the `note` column writes them: their codes joined by `;`.
    package static func column(_ notes: [PlacementNote]) -> String {
        notes.map(\.code).joined(separator: ";")
    }

    /// The notes of a `note` column (empty for an empty column); nil when a part is not a code.
    package static func notes(inColumn text: some StringProtocol) -> [PlacementNote]? {
        guard !text.isEmpty else { return [] }
        var notes: [PlacementNote] = []
        for part in String(text).split(separator: ";", omittingEmptySubsequences: false) {
            guard let note = PlacementNote(code: part) else { return nil }
            notes.append(note)
        }
        return notes
    }
}
