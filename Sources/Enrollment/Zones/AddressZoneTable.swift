import EnrollmentIO

/// A 划片 table ready for lookups: which attendance zone an address belongs to.
///
/// Matching an address:
/// 1. The address is normalised (``TextNormalization/normalizedAddress(_:)``) and scanned
///    once for every street, compound and village name of the table (a prefix such as
///    `某市某区` before the name is skipped; a name must start the address or follow a
///    boundary such as 市, 区, 镇, 路 or 号, so `人民路` is not found in `新人民路`).
/// 2. Street: the longest street name followed by a house number (else the longest street
///    name) is taken; the number after it is read (``HouseNumber``). `延安路955弄3号` is
///    number 3 of the street `延安路955弄`, never number 955 of `延安路`. The most specific
///    street rule covering the number wins.
/// 3. Otherwise compound: the longest compound name in the address, followed by an end,
///    a number, a building word or `小区`/`期` (so `阳光花园3栋`, `阳光花园小区`, `阳光花园二期`
///    match `阳光花园` unless a longer alias such as `阳光花园二期` is listed).
/// 4. Otherwise village: the longest village name, then its group (`3组`, `第三组`,
///    `3村民小组`); a group rule covering the group, else a whole-village rule.
/// 5. Otherwise, or if two rules of equal specificity name different zones: review, with
///    the reason.
///
/// This order is the specificity order (``ZoneRule/Specificity``): a street rule of any
/// kind beats a compound rule, which beats a village rule.
package struct AddressZoneTable: Sendable {
    /// The rules, in the order given.
    package let rules: [ZoneRule]

    private var names = AddressNameIndex()
    /// Rule indexes by the trie node of their street, compound or village name.
    private var streets: [Int: StreetRules] = [:]
    private var compounds: [Int: [Int]] = [:]
    private var villages: [Int: [Int]] = [:]

    /// The rules of one street: exact-number rules by number, range rules in a list.
    private struct StreetRules: Sendable {
        package var exact: [HouseNumber: [Int]] = [:]
        package var ranges: [Int] = []
    }

    /// Indexes `rules` by normalised street, compound and village name.
    /// - Complexity: O(total length of all names and numbers).
    package init(rules: [ZoneRule]) {
        self.rules = rules
        for (index, rule) in rules.enumerated() {
            switch rule.scope {
            case let .street(street, numbers):
                let node = names.insert(street, as: .street)
                switch numbers {
                case let .exact(list):
                    for number in Set(list) { streets[node, default: StreetRules()].exact[number, default: []].append(index) }
                case .range:
                    streets[node, default: StreetRules()].ranges.append(index)
                }
            case let .compound(compound):
                for name in compound.names {
                    compounds[names.insert(name, as: .compound), default: []].append(index)
                }
            case let .village(village):
                for name in village.names {
                    villages[names.insert(name, as: .village), default: []].append(index)
                }
            }
        }
    }

    /// The zone of an applicant's address (see the type's notes for the procedure).
    ///
    /// - Complexity: O(L × N + r) where L is the length of the address, N the length of the
    ///   longest name in the table and r the number of rules of the one street, compound and
    ///   village found; independent of the size of the table otherwise.
    package func match(address: String) -> AddressMatch {
        let scalars = TextNormalization.normalizedAddressScalars(address)
        guard !scalars.isEmpty else { return .review(reason: "the address is empty") }
        let found = names.occurrences(in: scalars)
        var reasons: [String] = []

        let streetsFound = found.filter { $0.kinds.contains(.street) }
        if let street = streetsFound.max(by: { Self.streetRank($0, scalars) < Self.streetRank($1, scalars) }) {
            switch matchStreet(street, in: scalars) {
            case let .success(match): return match
            case let .failure(miss): reasons.append(miss.reason)
            }
        }
        if let compound = Self.longest(found.filter { $0.kinds.contains(.compound) && Self.endsCompound(at: $0.end, scalars) }) {
            let what = { Self.text(scalars, compound) }
            if let match = decide(compounds[compound.node]!, what: what) { return match }
        }
        if let village = Self.longest(found.filter { $0.kinds.contains(.village) && Self.endsVillage(at: $0.end, scalars) }) {
            switch matchVillage(village, in: scalars) {
            case let .success(match): return match
            case let .failure(miss): reasons.append(miss.reason)
            }
        }
        if reasons.isEmpty {
            reasons.append("no street, compound or village of the zone table is named in the address")
        }
        return .review(reason: reasons.joined(separator: "; "))
    }

    // MARK: - Parts

    private struct Miss: Error {
        package let reason: String
    }

    private func matchStreet(_ found: AddressNameIndex.Occurrence, in scalars: [Unicode.Scalar]) -> Result<AddressMatch, Miss> {
        let entry = streets[found.node] ?? StreetRules()
        var scanner = AddressScanner(scalars, at: found.end)
        if let lane = scanner.digits(), let marker = scanner.peek(), marker == "弄" || marker == "巷" || marker == "里" {
            let street = Self.text(scalars, found)
            return .failure(Miss(reason: "\(street)\(lane)\(marker) is a lane not in the zone table (its numbers are not those of \(street))"))
        }
        scanner.position = found.end
        let number = HouseNumber.scan(&scanner)
        var candidates = number.flatMap { entry.exact[$0] } ?? []
        candidates += entry.ranges.filter {
            if case let .street(_, numbers) = rules[$0].scope { return numbers.covers(number) }
            return false
        }
        let what = { Self.text(scalars, found) + (number?.description ?? "") }
        if let match = decide(candidates.sorted(), what: what) { return .success(match) }
        let street = Self.text(scalars, found)
        guard let number else {
            return .failure(Miss(reason: "\(street): the address has no house number and no rule covers all of \(street)"))
        }
        for index in entry.ranges {
            if case let .street(_, .range(range, parity, _)) = rules[index].scope, range.hasAtEnd(number), parity.contains(number.base) {
                return .failure(Miss(reason: "\(what()): \(number) is at an end of \(rules[index]); a suffixed number is inside a range only when its base is strictly inside"))
            }
        }
        return .failure(Miss(reason: "\(what()): no rule for \(street) covers this number"))
    }

    private func matchVillage(_ found: AddressNameIndex.Occurrence, in scalars: [Unicode.Scalar]) -> Result<AddressMatch, Miss> {
        var scanner = AddressScanner(scalars, at: found.end)
        let group = Village.scanGroup(&scanner, requireMarker: true)
        let candidates = villages[found.node]!.filter {
            guard case let .village(village) = rules[$0].scope else { return false }
            return village.isWhole || group.map(village.containsGroup) == true
        }
        let what = { Self.text(scalars, found) + (group.map { "\($0)组" } ?? "") }
        if let match = decide(candidates, what: what) { return .success(match) }
        let name = Self.text(scalars, found)
        guard group != nil else {
            return .failure(Miss(reason: "\(name): the address names no group and the zone table zones \(name) by group"))
        }
        return .failure(Miss(reason: "\(what()): no rule for \(name) covers this group"))
    }

    /// The most specific of `candidates` (indexes into `rules`, ascending); a review if the
    /// most specific ones name different zones; `nil` if there are none. `what` names the
    /// address part for the review reason (built only when needed).
    private func decide(_ candidates: [Int], what: () -> String) -> AddressMatch? {
        guard let top = candidates.map({ rules[$0].specificity }).max() else { return nil }
        let best = candidates.filter { rules[$0].specificity == top }
        let first = rules[best[0]]
        if let other = best.first(where: { rules[$0].zoneID != first.zoneID }) {
            return .review(reason: "\(what()): conflicting rules \(first) and \(rules[other]) (both \(top))")
        }
        return .zone(id: first.zoneID, rule: first)
    }

    private static func text(_ scalars: [Unicode.Scalar], _ found: AddressNameIndex.Occurrence) -> String {
        String(String.UnicodeScalarView(scalars[found.start..<found.end]))
    }

    // MARK: - Choosing among names found

    /// Prefers a street followed by a number, then the longer name, then the earlier one.
    private static func streetRank(_ found: AddressNameIndex.Occurrence, _ scalars: [Unicode.Scalar]) -> (Int, Int, Int) {
        let numbered = found.end < scalars.count && AddressScanner.isDigit(scalars[found.end])
        return (numbered ? 1 : 0, found.length, -found.start)
    }

    private static func longest(_ found: [AddressNameIndex.Occurrence]) -> AddressNameIndex.Occurrence? {
        found.max { ($0.length, -$0.start) < ($1.length, -$1.start) }
    }

    /// A compound name must be followed by the end, a number, a building or part word, or
    /// `小区`, so that `阳光花园` is not found in `阳光花园城`.
    private static func endsCompound(at end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard end < scalars.count else { return true }
        let next = scalars[end]
        return next.isASCII || ChineseNumeral.isNumeral(next) || compoundFollowers.contains(next)
    }

    /// A village name must be followed by the end, a number, or a group or house word.
    private static func endsVillage(at end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        guard end < scalars.count else { return true }
        let next = scalars[end]
        return next.isASCII || ChineseNumeral.isNumeral(next) || villageFollowers.contains(next)
    }

    private static let compoundFollowers: Set<Unicode.Scalar> = [
        "号", "栋", "幢", "座", "楼", "单", "室", "小", "期", "区", "东", "西", "南", "北", "第", "、", "，",
    ]
    private static let villageFollowers: Set<Unicode.Scalar> = ["第", "组", "村", "小", "号", "、", "，"]
}
