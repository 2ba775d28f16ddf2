/// Where zoning put one applicant: the attendance zone of their home and, through it, the
/// school or schools they may attend (one, or several in a multi-school zone 多校划片).
package struct ZoneAssignment: Hashable, Sendable {
    /// How the zone was found.
    package enum Method: String, Hashable, Sendable {
        /// The home's coordinates fell in a zone's polygon.
        case polygon
        /// The home's address matched a published address-list rule.
        case address
        /// No zone: `note` says why (no match, unparseable address, outside every zone).
        case none
    }

    package var studentID: String
    /// The zone, or nil when the home is in none (unzoned, or an address for review).
    package var zoneID: String?
    /// The zone's schools, in the zone's order.
    package var schools: [String]
    package var method: Method
    /// The home lies within the policy's distance of a zone boundary: a person should check.
    package var nearBoundary: Bool
    /// Why there is no zone, or what a clerk should look at; empty when nothing. A review of
    /// the address quotes the part of it that could not be zoned (`人民路88号: no rule for 人民路
    /// covers this number`): this note is for the bureau (`zoning.csv`), never published.
    package var note: String
    /// What of `note` travels into published results (the placement's note, the supervision
    /// report), as codes: an address review says only `address-review`, since a home address
    /// is personal data.
    package var publicNotes: [PlacementNote]

    package init(studentID: String, zoneID: String?, schools: [String], method: Method, nearBoundary: Bool = false,
                note: String = "", publicNotes: [PlacementNote] = []) {
        self.studentID = studentID
        self.zoneID = zoneID
        self.schools = schools
        self.method = method
        self.nearBoundary = nearBoundary
        self.note = note
        self.publicNotes = publicNotes
    }
}
