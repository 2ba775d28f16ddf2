import EnrollmentCase
import EnrollmentVocabulary
import EnrollmentZones

/// Zoning by residence (划片) for one level of a case: each applicant's home to its
/// attendance zone and, through it, the zone's school or schools.
///
/// The rule, for each applicant:
/// 1. An `address` that matches the level's address-list rules (`zone-rules.csv`) gives
///    the zone (method `address`): a published list names the address exactly, which a map
///    drawn from it can only approximate.
/// 2. Otherwise the home's `lon`/`lat` is located among the level's map zones
///    (`zones.geojson`) by the exact boundary rule of docs/ZONING.md (method `polygon`),
///    flagging homes within the policy's `near_boundary_metres` of a boundary. An address
///    that could not be matched is still noted for a clerk's review.
/// 3. A home in no zone is `unzoned` (method `none`) with its nearest zone and the distance
///    in the note; an applicant with neither a usable address nor coordinates likewise.
/// 4. A home inside an overlap the policy accepts (`overlap_tolerance_metres`) goes to the
///    zone whose interior it lies deeper in (farther from that zone's boundary; the zone first
///    in the file on a tie), with a note saying so.
///
/// The result depends on each applicant alone, never on the order of rows.
package struct ZoneAssigner: Sendable {
    package let level: SchoolLevel
    package let zones: [String: [String]]
    package let mapZones: [ZoneMap.Zone]
    package let index: ZoneIndex?
    package let addresses: AddressZoneTable?
    /// The accepted overlaps of the level, by the indices of their zones in `mapZones`.
    package let overlaps: [(first: Int, second: Int, overlap: ZoneOverlap)]
    /// The map zones as rings, for the depth test in accepted overlaps (nil when there are none).
    package let rings: ZoneRings?

    /// Prepares the zoning of `level` for the case's zones and policy.
    /// - Complexity: O(edges) to build the grid index, O(rules) for the address table.
    package init(admissionCase c: AdmissionCase, level: SchoolLevel) {
        self.level = level
        var zones: [String: [String]] = [:]
        for zone in c.zones(level) { zones[zone.id] = zone.schools }
        self.zones = zones
        mapZones = (c.zoneMap?.zones ?? []).filter { $0.level == level }
        index = mapZones.isEmpty ? nil : ZoneIndex(zones: mapZones, nearBoundaryMetres: c.policy.nearBoundaryMetres)
        var position: [String: Int] = [:]
        for (i, zone) in mapZones.enumerated() { position[zone.id] = i }
        overlaps = (c.zoneMap?.acceptedOverlaps ?? []).filter { $0.level == level }.compactMap { overlap in
            guard let first = position[overlap.first], let second = position[overlap.second] else { return nil }
            return (first, second, overlap)
        }
        rings = overlaps.isEmpty ? nil : ZoneRings(zones: mapZones)
        let rules = c.zoneRules.filter { zones[$0.zoneID] != nil }
        addresses = rules.isEmpty ? nil : AddressZoneTable(rules: rules)
    }

    /// The zone assignment of every applicant, in the order given.
    /// - Complexity: O(n) address look-ups and point locations, the latter split across cores.
    package func assign(_ applicants: [Applicant]) -> [ZoneAssignment] {
        var result: [ZoneAssignment?] = Array(repeating: nil, count: applicants.count)
        var notes = Array(repeating: "", count: applicants.count)
        var reviewed = Array(repeating: false, count: applicants.count)
        /// The public notes: the address review without its detail, which quotes the address, then `rest`.
        func publicNotes(_ i: Int, _ rest: PlacementNote?...) -> [PlacementNote] {
            (reviewed[i] ? [.addressReview] : []) + rest.compactMap { $0 }
        }
        var pending: [Int] = []
        for (i, a) in applicants.enumerated() {
            if let address = a.address, let addresses {
                switch addresses.match(address: address) {
                case let .zone(id, _):
                    result[i] = ZoneAssignment(studentID: a.id, zoneID: id, schools: zones[id] ?? [], method: .address)
                    continue
                case let .review(reason):
                    notes[i] = "\(Self.addressReview): \(reason)"
                    reviewed[i] = true
                }
            }
            if a.longitude != nil, a.latitude != nil, index != nil {
                pending.append(i)
            } else {
                let why = notes[i].isEmpty ? "no home coordinates or zoned address" : notes[i]
                result[i] = ZoneAssignment(studentID: a.id, zoneID: nil, schools: [], method: .none, note: why,
                                           publicNotes: notes[i].isEmpty ? [.noHome] : publicNotes(i))
            }
        }
        if let index {
            let hits = index.locate(pending.map { GridPoint(longitude: applicants[$0].longitude!, latitude: applicants[$0].latitude!) })
            for (k, i) in pending.enumerated() {
                var hit = hits[k]
                let a = applicants[i]
                var overlap: (note: String, code: PlacementNote)?
                if let rings, let z = hit.zone {
                    (hit, overlap) = resolveOverlap(hit, zone: z, at: GridPoint(longitude: a.longitude!, latitude: a.latitude!), rings)
                }
                if let z = hit.zone {
                    let zone = mapZones[z]
                    result[i] = ZoneAssignment(studentID: a.id, zoneID: zone.id, schools: zone.schools, method: .polygon,
                                               nearBoundary: hit.nearBoundary,
                                               note: [notes[i], overlap?.note ?? ""].filter { !$0.isEmpty }.joined(separator: "; "),
                                               publicNotes: publicNotes(i, overlap?.code))
                } else {
                    let metres = Int((hit.distanceMetres ?? 0).rounded())
                    let nearest = hit.nearestZone.map { "unzoned: nearest zone \(mapZones[$0].id), \(metres) m away" } ?? "unzoned"
                    result[i] = ZoneAssignment(studentID: a.id, zoneID: nil, schools: [], method: .none,
                                               note: [notes[i], nearest].filter { !$0.isEmpty }.joined(separator: "; "),
                                               publicNotes: publicNotes(i, .unzoned(nearest: hit.nearestZone.map { mapZones[$0].id },
                                                                                    metres: hit.nearestZone.map { _ in metres })))
                }
            }
        }
        return result.map { $0! }
    }

    /// The hit of a home located in zone z, moved to the zone it lies deeper in when it is also
    /// inside another zone through an accepted overlap, with the note for the clerk and its code
    /// (nil when the home is in no accepted overlap).
    /// - Complexity: O(accepted overlaps of z) for most homes; O(edges of the zones) for a
    ///   home inside an overlap's box.
    private func resolveOverlap(_ hit: ZoneHit, zone z: Int, at p: GridPoint, _ rings: ZoneRings) -> (ZoneHit, (note: String, code: PlacementNote)?) {
        var inside = [z]
        var accepted: [ZoneOverlap] = []
        for (first, second, overlap) in overlaps where first == z || second == z {
            guard overlap.southWest.x <= p.x && p.x <= overlap.northEast.x && overlap.southWest.y <= p.y && p.y <= overlap.northEast.y else { continue }
            let other = first == z ? second : first
            if rings.contains(zone: other, doubled: GridPoint(x: 2 * p.x, y: 2 * p.y)) {
                inside.append(other)
                accepted.append(overlap)
            }
        }
        guard inside.count > 1 else { return (hit, nil) }
        let metric = LocalMetric(at: p)
        let depths = inside.map { rings.distanceMetres(zone: $0, from: metric) }
        var best = 0
        for k in inside.indices.dropFirst() where depths[k] > depths[best] || (depths[k] == depths[best] && inside[k] < inside[best]) {
            best = k
        }
        let chosen = inside[best]
        let others = inside.indices.filter { $0 != best }.map { "\(mapZones[inside[$0]].id) (\(ZoneOverlap.metres(depths[$0])) m inside)" }
        let widths = accepted.map { "\($0.first)/\($0.second) \(ZoneOverlap.metres($0.widthMetres)) m wide" }
        let note = "in an overlap of zones accepted as digitising noise (overlap_tolerance_metres; \(widths.joined(separator: ", "))): "
            + "placed in \(mapZones[chosen].id), \(ZoneOverlap.metres(depths[best])) m inside it, rather than \(others.joined(separator: " or "))"
        let code = PlacementNote.overlap(zone: mapZones[chosen].id, metres: ZoneOverlap.metres(depths[best]),
                                         others: inside.indices.filter { $0 != best }.map { mapZones[inside[$0]].id })
        return (ZoneHit(zone: chosen, nearBoundary: depths[best] <= index!.nearBoundaryMetres), (note, code))
    }

    /// How a note starts when the address could not be zoned and a person must look at it.
    package static let addressReview = "address for review"
}
