/// Where zoning put one applicant: the attendance zone of their home and, through it, the
/// school or schools they may attend (one, or several in a multi-school zone 多校划片).
public struct ZoneAssignment: Hashable, Sendable {
    /// How the zone was found.
    public enum Method: String, Hashable, Sendable {
        /// The home's coordinates fell in a zone's polygon.
        case polygon
        /// The home's address matched a published address-list rule.
        case address
        /// No zone: `note` says why (no match, unparseable address, outside every zone).
        case none
    }

    public var studentID: String
    /// The zone, or nil when the home is in none (unzoned, or an address for review).
    public var zoneID: String?
    /// The zone's schools, in the zone's order.
    public var schools: [String]
    public var method: Method
    /// The home lies within the policy's distance of a zone boundary: a person should check.
    public var nearBoundary: Bool
    /// Why there is no zone, or what a clerk should look at; empty when nothing. A review of
    /// the address quotes the part of it that could not be zoned (`人民路88号: no rule for 人民路
    /// covers this number`): this note is for the bureau (`zoning.csv`), never published.
    public var note: String
    /// What of `note` travels into published results (the placement's note, the supervision
    /// report), as codes: an address review says only `address-review`, since a home address
    /// is personal data.
    public var publicNotes: [PlacementNote]

    public init(studentID: String, zoneID: String?, schools: [String], method: Method, nearBoundary: Bool = false,
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
