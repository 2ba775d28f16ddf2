/// The outcome of looking an address up in an ``AddressZoneTable``: a zone with the rule that
/// placed the address there, or a reason why a person must look at it. An address is never
/// dropped.
package enum AddressMatch: Hashable, Sendable {
    /// The address belongs to zone `id` by `rule`, the most specific rule covering it.
    case zone(id: String, rule: ZoneRule)
    /// The address could not be parsed or matched, or two rules of equal specificity give it
    /// to different zones; `reason` says which, naming rule lines but never a person.
    case review(reason: String)

    /// The zone, or `nil` for an address left for review.
    package var zoneID: String? {
        if case let .zone(id, _) = self { return id }
        return nil
    }
}
