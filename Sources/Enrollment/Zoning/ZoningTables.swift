import EnrollmentIO
import EnrollmentCase
import EnrollmentVocabulary

/// The files `enroll zone` writes, as CSV bytes (UTF-8 with a byte-order mark).
package enum ZoningTables {
    /// `zoning.csv` (`ZoningFile`): one row per applicant, in `student_id` order: student_id,
    /// zone_id, schools, method (polygon | address | none), near_boundary, note.
    package static func assignments(_ assignments: [ZoneAssignment]) -> [UInt8] {
        var w = CSVWriter(header: ZoningFile.header)
        for a in assignments.sorted(by: { $0.studentID < $1.studentID }) { w.append(ZoningFile.row(a)) }
        return w.bytes
    }

    /// One row per zone of the level, in the case's zone order, then a row `(unzoned)`:
    /// zone_id, schools, applicants, seats (the capacity of its schools), balance (seats minus
    /// applicants: negative when oversubscribed), near_boundary (homes to review).
    package static func summary(_ assignments: [ZoneAssignment], admissionCase c: AdmissionCase, level: SchoolLevel) -> [UInt8] {
        var applicants: [String: Int] = [:], near: [String: Int] = [:]
        var unzoned = 0
        for a in assignments {
            guard let zone = a.zoneID else { unzoned += 1; continue }
            applicants[zone, default: 0] += 1
            if a.nearBoundary { near[zone, default: 0] += 1 }
        }
        var capacity: [String: Int] = [:]
        for s in c.schools { capacity[s.id] = s.capacity }
        var w = CSVWriter(header: ["zone_id", "schools", "applicants", "seats", "balance", "near_boundary"])
        for zone in c.zones(level) {
            let seats = zone.schools.reduce(0) { $0 + (capacity[$1] ?? 0) }
            let n = applicants[zone.id] ?? 0
            w.append([zone.id, ZoningFile.schools(zone.schools), String(n), String(seats), String(seats - n), String(near[zone.id] ?? 0)])
        }
        w.append(["(unzoned)", "", String(unzoned), "", "", ""])
        return w.bytes
    }
}
