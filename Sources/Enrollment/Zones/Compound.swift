import EnrollmentIO

/// A residential compound (小区) named in a zone table, with the other names it goes by.
///
/// Names are kept normalised (``TextNormalization/normalizedAddress(_:)``). A name and the
/// same name with `小区` appended are always the same compound: `阳光花园` also answers to
/// `阳光花园小区` and the other way round. Other forms (`阳光花园一期`, `阳光苑`) must be
/// listed as aliases.
package struct Compound: Hashable, Sendable {
    /// The compound's name as the zone table gives it, normalised.
    package let name: String
    /// Further names as the zone table gives them, normalised, without duplicates.
    package let aliases: [String]

    /// A compound with its name and aliases as written; both are normalised, empty aliases
    /// and repeats of the name are dropped.
    package init(name: String, aliases: [String] = []) {
        self.name = TextNormalization.normalizedAddress(name)
        var seen: Set<String> = [self.name]
        self.aliases = aliases.map(TextNormalization.normalizedAddress).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Every name an address may use for the compound: name and aliases, each with and
    /// without a trailing `小区`, without duplicates, in that order.
    package var names: [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for given in [name] + aliases {
            let bare = given.hasSuffix("小区") && given.count > 2 ? String(given.dropLast(2)) : given
            for form in [given, bare, bare + "小区"] where seen.insert(form).inserted {
                out.append(form)
            }
        }
        return out
    }
}
