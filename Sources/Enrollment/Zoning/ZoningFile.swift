/// The schema of `zoning.csv`, the zone of every applicant of a level: its columns, and the
/// `schools` list, written as the zone's school ids joined by `;` (ids hold no `;`).
package enum ZoningFile {
    package static let name = "zoning.csv"

    package enum Column: String, CaseIterable, Sendable {
        case studentID = "student_id", zoneID = "zone_id", schools, method, nearBoundary = "near_boundary", note
    }

    package static var header: [String] { Column.allCases.map(\.rawValue) }

    /// The row of `a`.
    package static func row(_ a: ZoneAssignment) -> [String] {
        [a.studentID, a.zoneID ?? "", schools(a.schools), a.method.rawValue, String(a.nearBoundary), a.note]
    }

    /// The `schools` field of `ids`.
    package static func schools(_ ids: [String]) -> String { ids.joined(separator: ";") }

    /// The school ids of a `schools` field (none for an empty one).
    package static func schools(inField field: some StringProtocol) -> [Substring] {
        field.isEmpty ? [] : Substring(field).split(separator: ";", omittingEmptySubsequences: false)
    }

    /// The assignment a row gives back; nil when a field does not read as its column's type.
    /// (The public notes are not in this file: `placements.csv` carries them.)
    package static func assignment(_ fields: [String]) -> ZoneAssignment? {
        guard fields.count == Column.allCases.count, let method = ZoneAssignment.Method(rawValue: fields[3]),
              let near = Bool(fields[4]) else { return nil }
        return ZoneAssignment(studentID: fields[0], zoneID: fields[1].isEmpty ? nil : fields[1], schools: schools(inField: fields[2]).map(String.init),
                              method: method, nearBoundary: near, note: fields[5])
    }
}
