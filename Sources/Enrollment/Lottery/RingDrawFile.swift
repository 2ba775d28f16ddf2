import EnrollmentIO
import EnrollmentCase
import EnrollmentVocabulary

/// The small file a clerk writes in the hall when schools of a level are drawn by rings of
/// their own (`enroll place --rings FILE`): one row per school the policy names in
/// `ring_draw_schools`, with the start number and interval drawn for it.
///
///     school_id,start,interval
///     J03,17,5
///
/// Read by the same rules as the case's CSV files (encodings, quoting, columns by name).
package enum RingDrawFile {
    package enum Column: String, CaseIterable {
        case schoolID = "school_id", start, interval
    }

    package static let columns = CSVColumns(required: Column.allCases.map(\.rawValue), optional: [])

    /// The draws of `bytes` (the file called `file` in messages), by `school_id`.
    /// - Throws: `Diagnostics` naming the file, line and column of every problem: a missing
    ///   column, a school that is not one of `level` the policy draws by a ring, a school listed
    ///   twice, a start or interval that is not a whole number — and, at the file, each ring
    ///   school of the level without a row. Whether s and k fit the school's list is the
    ///   placement's to check (`PlacementError.schoolRingDraw`), once the list is known.
    /// - Complexity: O(rows + schools).
    package static func read(_ bytes: [UInt8], file: String, encoding: TextEncoding?, admissionCase c: AdmissionCase,
                             level: SchoolLevel) throws(Diagnostics) -> [SchoolRingDraw] {
        let parsed = TableFile.read(bytes, file: file, encoding: encoding)
        guard let table = parsed.table else { throw Diagnostics(parsed.diagnostics) }
        var problems = parsed.diagnostics + columns.missing(in: table)
        guard problems.isEmpty else { throw Diagnostics(problems) }
        let ringSchools = ringSchools(of: level, in: c)
        let (school, start, interval) = (table.column(named: Column.schoolID.rawValue), table.column(named: Column.start.rawValue),
                                         table.column(named: Column.interval.rawValue))
        var seen: [String: Int] = [:], draws: [SchoolRingDraw] = []
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let id = r.required(school)
            if let id, !ringSchools.contains(id) {
                r.report(school, "'\(id)' is not a \(level.rawValue) school that policy.json draws by a ring (ring_draw_schools: "
                         + (ringSchools.isEmpty ? "none of this level" : ringSchools.sorted().joined(separator: ", ")) + ")")
            }
            r.checkUnique(school, id, seen: &seen)
            let s = r.integer(start, required: true, in: -1_000_000_000...1_000_000_000)
            let k = r.integer(interval, required: true, in: -1_000_000_000...1_000_000_000)
            if let id, let s, let k, r.diagnostics.isEmpty { draws.append(SchoolRingDraw(schoolID: id, draw: RingDraw(start: s, interval: k))) }
            problems += r.diagnostics
        }
        for id in ringSchools.sorted() where seen[id] == nil {
            problems.append(Diagnostic(SourceLocation(file: file, line: 0, column: 0),
                                       "\(id) is drawn by a ring (ring_draw_schools) but has no row: add \(id),<start>,<interval> as drawn in the hall"))
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        return draws.sorted { $0.schoolID < $1.schoolID }
    }

    /// The schools of `level` the policy draws by rings of their own.
    package static func ringSchools(of level: SchoolLevel, in c: AdmissionCase) -> Set<String> {
        Set(c.schools(level).map(\.id)).intersection(c.policy.ringDrawSchools)
    }
}
