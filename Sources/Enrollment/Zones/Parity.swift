import EnrollmentIO

/// Which side of a street a rule covers: odd numbers (单号), even numbers (双号) or both.
/// A suffixed number (12A, 12号之一) has the side of its base number.
package enum Parity: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case odd
    case even
    case all

    /// Parses a `parity` field: `odd`/`单`/`单号`/`单数`, `even`/`双`/`双号`/`双数`,
    /// `all`/`全`/`全部`/`单双号`, or empty (= `all`). Traditional characters and full-width
    /// letters are accepted (the field is normalised first).
    package init?(field: String) {
        switch TextNormalization.normalizedAddress(field) {
        case "", "ALL", "全", "全部", "单双号", "单双": self = .all
        case "ODD", "单", "单号", "单数": self = .odd
        case "EVEN", "双", "双号", "双数": self = .even
        default: return nil
        }
    }

    /// Whether a house number with base `base` lies on this side.
    package func contains(_ base: Int) -> Bool {
        switch self {
        case .odd: base % 2 != 0
        case .even: base % 2 == 0
        case .all: true
        }
    }

    /// Whether some number lies on both sides.
    package func overlaps(_ other: Parity) -> Bool {
        self == .all || other == .all || self == other
    }

    /// `单号`, `双号` or `单双号`.
    package var description: String {
        switch self {
        case .odd: "单号"
        case .even: "双号"
        case .all: "单双号"
        }
    }
}
