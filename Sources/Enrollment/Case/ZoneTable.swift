import EnrollmentIO
import EnrollmentVocabulary

/// Reading `zones.csv`: the zones published as address lists (`zone-rules.csv`) have no
/// polygon to carry their level and schools, so this table declares them. A zone may also
/// be declared here and drawn in `zones.geojson`; its level and schools must then agree.
package enum ZoneTable {
    package static let fileName = "zones.csv"
    package static let columns = CSVColumns(required: ["zone_id", "level", "schools"], optional: ["name"])

    /// One declared zone.
    package struct Declaration: Hashable, Sendable {
        package var id: String
        package var level: SchoolLevel
        package var schools: [String]
        package var name: String?
        package var line: Int

        package init(id: String, level: SchoolLevel, schools: [String], name: String? = nil, line: Int = 0) {
            self.id = id
            self.level = level
            self.schools = schools
            self.name = name
            self.line = line
        }
    }

    /// Reads every declaration, reporting malformed values and duplicate zone ids per level.
    /// `rejected` holds the zone ids of the rows left out for a problem.
    package static func read(_ table: CSVTable) -> (zones: [Declaration], rejected: Set<String>, diagnostics: [Diagnostic]) {
        var diagnostics = columns.missing(in: table)
        guard diagnostics.isEmpty else { return ([], [], diagnostics) }
        let (idColumn, levelColumn, schoolsColumn, nameColumn) = (table.column(named: "zone_id"), table.column(named: "level"),
                                                                  table.column(named: "schools"), table.column(named: "name"))
        var zones: [Declaration] = []
        var rejected: Set<String> = []
        var seen: [String: Int] = [:]
        for row in 0..<table.count {
            var r = CSVRecordReader(table: table, row: row)
            let written = r.required(idColumn)
            let id = written.flatMap { r.checkedIdentifier(idColumn, $0) }
            let level = r.parsed(levelColumn, required: true, expected: "a zone level (primary or junior)") { text in
                SchoolLevel(parsing: text).flatMap { SchoolLevel.zoned.contains($0) ? $0 : nil }
            }
            let schools = r.list(schoolsColumn)
            if schools.isEmpty { r.report(schoolsColumn, "required, but empty: list the zone's school ids separated by ';'") }
            if let id, let level { r.checkUnique(idColumn, "\(level.rawValue) zone \(id)", seen: &seen) }
            diagnostics += r.diagnostics
            if let id, let level, !schools.isEmpty, r.diagnostics.isEmpty {
                zones.append(Declaration(id: id, level: level, schools: schools, name: r.optional(nameColumn), line: r.line))
            } else if let written {
                rejected.insert(written)
            }
        }
        return (zones, rejected, diagnostics)
    }
}
