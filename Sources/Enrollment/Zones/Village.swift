import EnrollmentIO

/// A village or community (村 / 社区) named in a zone table, whole or by its groups (组,
/// 村民小组).
package struct Village: Hashable, Sendable {
    /// The village's name as the zone table gives it (`李家村`, `幸福社区`), normalised.
    package let name: String
    /// Further names, normalised, without duplicates.
    package let aliases: [String]
    /// The groups the rule covers, as sorted, non-overlapping ranges; empty for the whole
    /// village.
    package let groups: [ClosedRange<Int>]

    /// - Parameter groups: ranges of group numbers; they are sorted and merged.
    package init(name: String, aliases: [String] = [], groups: [ClosedRange<Int>] = []) {
        self.name = TextNormalization.normalizedAddress(name)
        var seen: Set<String> = [self.name]
        self.aliases = aliases.map(TextNormalization.normalizedAddress).filter { !$0.isEmpty && seen.insert($0).inserted }
        var merged: [ClosedRange<Int>] = []
        for range in groups.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.groups = merged
    }

    /// Name and aliases.
    package var names: [String] { [name] + aliases }

    /// Whether the rule covers the whole village rather than some groups.
    package var isWhole: Bool { groups.isEmpty }

    /// Whether group `group` is among the rule's groups (false for a whole-village rule,
    /// which names no group).
    package func containsGroup(_ group: Int) -> Bool {
        groups.contains { $0.contains(group) }
    }

    /// The smallest group number both rules name, if any.
    package func firstCommonGroup(with other: Village) -> Int? {
        var best: Int?
        for a in groups {
            for b in other.groups where a.overlaps(b) {
                let first = max(a.lowerBound, b.lowerBound)
                best = min(best ?? first, first)
            }
        }
        return best
    }

    /// Parses a `groups` field: ranges and single groups separated by `;`, `、` or `,`, each
    /// `1-4`, `1至4`, `1-4组`, `一至四组`, `3`, `3组`, `第3组`. Empty text is the whole
    /// village (`[]`); `nil` if any part is not of that form or a range ends before it starts.
    package static func parseGroups(_ text: String) -> [ClosedRange<Int>]? {
        var ranges: [ClosedRange<Int>] = []
        for part in ZoneRule.splitList(text) {
            var scanner = AddressScanner(TextNormalization.normalizedAddressScalars(part))
            guard let first = scanGroup(&scanner, requireMarker: false) else { return nil }
            var last = first
            if scanner.skip("-") {
                guard let value = scanGroup(&scanner, requireMarker: false) else { return nil }
                last = value
            }
            guard scanner.isAtEnd, first >= 1, first <= last else { return nil }
            ranges.append(first...last)
        }
        return ranges
    }

    /// `3组`, `第三组`, `3村民小组`, `3小组`, `3队` (a former production team), and a bare
    /// `3` unless `requireMarker` (in an address, `李家村12号` names no group).
    static func scanGroup(_ scanner: inout AddressScanner, requireMarker: Bool) -> Int? {
        let start = scanner.position
        _ = scanner.skip("第")
        guard let value = scanner.numeral(),
              scanner.skip(anyOf: ["组", "村民小组", "小组", "队"]) || !requireMarker
        else {
            scanner.position = start
            return nil
        }
        return value
    }
}
