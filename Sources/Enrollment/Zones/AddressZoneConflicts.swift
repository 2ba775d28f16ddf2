import EnrollmentIO

extension AddressZoneTable {
    /// Pairs of rules of equal specificity that give some address to different zones:
    /// overlapping ranges on a common side, the same exact number twice, two whole-street
    /// rules, the same compound name (or alias) twice, overlapping groups of a village.
    ///
    /// Each conflict is reported once, at the later rule's line, and names the earlier
    /// rule's line and an address both cover, e.g.
    /// `zone-rules.csv:7:0: conflicts with line 3: 人民路63号 is in zone A there and in zone B here (both number range)`.
    /// Rules of different specificity never conflict: the more specific one wins.
    ///
    /// - Complexity: O(Σ r²) over the rules r of each street, compound name and village,
    ///   plus the numbers and exceptions they list.
    package func conflicts() -> [Diagnostic] {
        let (streets, compounds, villages) = rulesByName()
        var out: [Diagnostic] = []
        for street in streets.keys.sorted() {
            forEachCompetingPair(streets[street]!) { a, b in
                commonNumber(a, b).map { "\(street)\($0)" }
            } report: { out.append($0) }
        }
        var reported: Set<[Int]> = []
        for name in compounds.keys.sorted() {
            forEachCompetingPair(compounds[name]!) { a, b in
                reported.insert([a, b]).inserted ? "compound \(name)" : nil
            } report: { out.append($0) }
        }
        for name in villages.keys.sorted() {
            forEachCompetingPair(villages[name]!) { a, b in
                guard case let .village(first) = rules[a].scope, case let .village(second) = rules[b].scope,
                      reported.insert([a, b]).inserted
                else { return nil }
                if first.isWhole { return name }
                return first.firstCommonGroup(with: second).map { "\(name)\($0)组" }
            } report: { out.append($0) }
        }
        return out.sorted()
    }

    /// Exceptions no other rule takes: a number excepted from a street rule (it "belongs to
    /// another zone") that no other rule of the street covers. Addresses with that number go
    /// to review, which is rarely what the table meant. Reported at the excepting rule's
    /// line, e.g. `zone-rules.csv:3:0: except: 人民路50号 is covered by no other rule; addresses there will go to review`.
    ///
    /// A plain exception is checked as the plain number (`50`, not `50A`).
    /// - Complexity: O(Σ e × r) over the exceptions e and rules r of each street.
    package func unassignedExceptions() -> [Diagnostic] {
        let streets = rulesByName().streets
        var out: [Diagnostic] = []
        for (index, rule) in rules.enumerated() {
            guard case let .street(street, .range(_, _, except)) = rule.scope else { continue }
            for number in except {
                let taken = streets[street]!.contains { other in
                    guard other != index, case let .street(_, numbers) = rules[other].scope else { return false }
                    return numbers.covers(number)
                }
                if !taken {
                    out.append(Diagnostic(rule.location, "except: \(street)\(number) is covered by no other rule; addresses there will go to review"))
                }
            }
        }
        return out.sorted()
    }

    /// Rule indexes by normalised street name, by every compound name and by every village
    /// name.
    private func rulesByName() -> (streets: [String: [Int]], compounds: [String: [Int]], villages: [String: [Int]]) {
        var streets: [String: [Int]] = [:]
        var compounds: [String: [Int]] = [:]
        var villages: [String: [Int]] = [:]
        for (index, rule) in rules.enumerated() {
            switch rule.scope {
            case let .street(street, _): streets[street, default: []].append(index)
            case let .compound(compound): for name in compound.names { compounds[name, default: []].append(index) }
            case let .village(village): for name in village.names { villages[name, default: []].append(index) }
            }
        }
        return (streets, compounds, villages)
    }

    /// Calls `common` for each pair of rules (indexes ascending) with equal specificity and
    /// different zones; where it names an address both cover, reports the conflict.
    private func forEachCompetingPair(
        _ indexes: [Int], common: (Int, Int) -> String?, report: (Diagnostic) -> Void
    ) {
        let indexes = indexes.sorted()
        for (position, a) in indexes.enumerated() {
            for b in indexes[(position + 1)...] {
                let (first, second) = rules[a].location <= rules[b].location ? (rules[a], rules[b]) : (rules[b], rules[a])
                guard first.zoneID != second.zoneID, first.specificity == second.specificity,
                      let what = common(a, b)
                else { continue }
                let place = first.location.file == second.location.file ? "line \(first.location.line)" : "\(first.location.file):\(first.location.line)"
                report(Diagnostic(second.location, "conflicts with \(place): \(what) is in zone \(first.zoneID) there and in zone \(second.zoneID) here (both \(first.specificity))"))
            }
        }
    }

    /// The smallest house number two street rules both cover, if any. A plain number is
    /// enough: a suffixed number covered by both ranges has its base covered by both too.
    private func commonNumber(_ a: Int, _ b: Int) -> HouseNumber? {
        guard case let .street(_, first) = rules[a].scope, case let .street(_, second) = rules[b].scope else { return nil }
        switch (first, second) {
        case let (.exact(x), .exact(y)):
            return Set(x).intersection(y).min()
        case let (.range(r, p, e), .range(s, q, f)):
            guard p.overlaps(q) else { return nil }
            let low = max(r.lower ?? 1, s.lower ?? 1)
            let high = [r.upper, s.upper].compactMap { $0 }.min()
            let limit = low + 2 * (e.count + f.count) + 2
            var base = low
            while base <= limit, high.map({ base <= $0 }) ?? true {
                let number = HouseNumber(base: base)
                if first.covers(number), second.covers(number) { return number }
                base += 1
            }
            return nil
        default:
            return nil
        }
    }
}
