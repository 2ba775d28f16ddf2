import EnrollmentIO

/// One line of a 划片 table: which addresses belong to which attendance zone.
///
/// A rule names a street (with numbers), a compound or a village, and a `zone_id`. When
/// several rules cover one address the most specific wins (``Specificity``); two rules of
/// equal specificity giving one address to different zones are a conflict
/// (``AddressZoneTable/conflicts()``).
package struct ZoneRule: Hashable, Sendable, CustomStringConvertible {
    /// The attendance zone the rule's addresses belong to.
    package let zoneID: String
    /// What the rule covers.
    package let scope: Scope
    /// Where the rule was read (file and line; column 0), for messages.
    package let location: SourceLocation

    /// A rule from its parts; names in `scope` are expected normalised
    /// (``TextNormalization/normalizedAddress(_:)``), as ``init(fields:file:line:column:)`` makes them.
    package init(zoneID: String, scope: Scope, location: SourceLocation) {
        self.zoneID = zoneID
        self.scope = scope
        self.location = location
    }

    /// What a rule covers.
    package enum Scope: Hashable, Sendable {
        /// Numbers on a street, normalised (`人民路`), or in a lane of it (`延安路955弄`:
        /// a separate street whose numbers are not those of 延安路).
        case street(String, StreetNumbers)
        /// A residential compound, by any of its names.
        case compound(Compound)
        /// A village or community, whole or some of its groups.
        case village(Village)
    }

    /// The numbers of a street a rule covers.
    package enum StreetNumbers: Hashable, Sendable {
        /// Exactly these numbers (`12;14;12A`); `12` does not cover `12A`.
        case exact([HouseNumber])
        /// The numbers of `range` on side `parity`, except `except`. An exception without
        /// suffix (`65`) also excludes its suffixed numbers (`65A`, `65号之一`); a suffixed
        /// exception (`65A`) excludes just itself. The whole street is
        /// `.range(.all, .all, except: [])`.
        case range(HouseNumberRange, Parity, except: [HouseNumber])

        /// Whether the rule covers `number`; with no number (`人民路` alone) only a rule
        /// for the whole street without exceptions does.
        /// - Complexity: O(e) in the number of explicit numbers or exceptions.
        package func covers(_ number: HouseNumber?) -> Bool {
            switch self {
            case let .exact(numbers):
                guard let number else { return false }
                return numbers.contains(number)
            case let .range(range, parity, except):
                guard let number else { return range.isUnbounded && parity == .all && except.isEmpty }
                return range.contains(number) && parity.contains(number.base) && !Self.isExcepted(number, by: except)
            }
        }

        package static func isExcepted(_ number: HouseNumber, by except: [HouseNumber]) -> Bool {
            except.contains { $0 == number || (!$0.isSuffixed && $0.base == number.base) }
        }
    }

    /// How specific a rule is; the more specific (greater) rule wins:
    /// exact number > range on one side > range of both sides > whole street > compound >
    /// village groups > whole village.
    ///
    /// A range of both sides (`1-99号`) ranks below a range on one side (`1-99号单号`)
    /// and above the whole street: a one-sided rule is the narrower statement, and tables
    /// commonly carve one side out of a two-sided stretch. One side of the whole street
    /// (`人民路单号`) counts as a range on one side.
    package enum Specificity: Int, Hashable, Comparable, Sendable, CustomStringConvertible {
        /// A village or community with no group named.
        case wholeVillage
        /// Some groups of a village.
        case villageGroups
        /// A compound.
        case compound
        /// All numbers of a street (possibly with exceptions).
        case wholeStreet
        /// A range of numbers on both sides (`1-99号`).
        case numberRange
        /// A range of numbers on one side (`1-99号单号`), or one side of the whole street.
        case numberRangeWithSide
        /// Numbers listed one by one.
        case exactNumber

        package static func < (a: Specificity, b: Specificity) -> Bool { a.rawValue < b.rawValue }

        /// The rank in words, as conflict messages print it (`exact number`, `whole street`, …).
        package var description: String {
            switch self {
            case .wholeVillage: "whole village"
            case .villageGroups: "village groups"
            case .compound: "compound"
            case .wholeStreet: "whole street"
            case .numberRange: "number range"
            case .numberRangeWithSide: "number range on one side"
            case .exactNumber: "exact number"
            }
        }
    }

    /// The rule's specificity, from its scope.
    package var specificity: Specificity {
        switch scope {
        case .street(_, .exact): .exactNumber
        case let .street(_, .range(range, parity, _)):
            parity != .all ? .numberRangeWithSide : range.isUnbounded ? .wholeStreet : .numberRange
        case .compound: .compound
        case let .village(village): village.isWhole ? .wholeVillage : .villageGroups
        }
    }

    /// The rule in words, for messages: `line 7 (zone Z2: 人民路 1-63号 单号)`.
    package var description: String {
        "line \(location.line) (zone \(zoneID): \(scopeDescription))"
    }

    package var scopeDescription: String {
        switch scope {
        case let .street(street, .exact(numbers)):
            return "\(street) " + numbers.map(\.description).joined(separator: ";")
        case let .street(street, .range(range, parity, except)):
            var text = "\(street) \(range)"
            if parity != .all { text += " \(parity)" }
            if !except.isEmpty { text += " except " + except.map(\.description).joined(separator: ";") }
            return text
        case let .compound(compound):
            return "compound \(compound.name)"
        case let .village(village):
            return village.isWhole
                ? village.name
                : village.name + " " + village.groups.map { $0.count == 1 ? "\($0.lowerBound)组" : "\($0.lowerBound)-\($0.upperBound)组" }.joined(separator: ";")
        }
    }
}
