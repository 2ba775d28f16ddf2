import EnrollmentIO
import EnrollmentVocabulary
import EnrollmentZones

/// Everything one admission round is decided from: the files of a case folder, parsed.
///
/// A case is a folder holding `schools.csv`, `policy.json`, attendance zones
/// (`zones.geojson` and/or `zone-rules.csv`), `primary-applicants.csv`,
/// `junior-applicants.csv` and `graduates.csv` (see docs/FORMATS.md). Only `schools.csv`
/// is required; a round may concern one level.
package struct AdmissionCase: Sendable {
    package var schools: [School]
    package var policy: Policy
    package var primaryApplicants: [Applicant]
    package var juniorApplicants: [Applicant]
    package var graduates: [Graduate]
    /// Zones drawn on a map (`zones.geojson`), if any.
    package var zoneMap: ZoneMap?
    /// Zones published as address lists (`zone-rules.csv`), rule by rule.
    package var zoneRules: [ZoneRule] = []
    /// Zones declared in `zones.csv` (the address-list zones' levels and schools).
    package var zoneDeclarations: [ZoneTable.Declaration] = []
    /// The zone ids of `zones.csv` rows that were reported and left out: address rules naming
    /// them are not reported a second time as naming an unknown zone.
    package var rejectedZoneIDs: Set<String> = []
    /// Explicit priority tiers (`priorities.csv`), by student then school.
    package var explicitTiers: [String: [String: Int]] = [:]
    /// Each primary and junior school's resources (`resources.csv`), by school id; empty without the file.
    package var resources: [String: SchoolResources] = [:]
    /// The inputs of a second round (`second-round/`), when the case folder has them.
    package var secondRound: SecondRound?
    /// Head-teacher candidates (`teachers.csv`), by school id; nil when the case has none.
    package var teachers: [String: [HeadTeacher]]?
    /// The files present, by name, in case-file order.
    package var files: [String]
    /// Every school id declared in `schools.csv`, with its level when readable (rows with
    /// problems included), for checking references.
    package var declaredSchools: [String: SchoolLevel?] = [:]
    /// The header of each CSV file read, by file name (to point messages at a column).
    package var headers: [String: [String]] = [:]
    /// The workbook each table read from one came from, by the table's CSV name
    /// (`schools.csv` → `schools.xlsx`); a table read from its CSV file is not listed.
    package var sourceFiles: [String: String] = [:]

    package init(schools: [School], policy: Policy = Policy(), primaryApplicants: [Applicant] = [],
                juniorApplicants: [Applicant] = [], graduates: [Graduate] = [], files: [String] = []) {
        self.schools = schools
        self.policy = policy
        self.primaryApplicants = primaryApplicants
        self.juniorApplicants = juniorApplicants
        self.graduates = graduates
        self.files = files
    }

    /// The applicants of `level` (none for high schools: see `graduates`).
    package func applicants(_ level: SchoolLevel) -> [Applicant] {
        switch level {
        case .primary: return primaryApplicants
        case .junior: return juniorApplicants
        case .high: return []
        }
    }

    /// The schools of `level`, in file order.
    package func schools(_ level: SchoolLevel) -> [School] {
        schools.filter { $0.level == level }
    }

    /// Whether the table `name` (its CSV name) was read from a file, its CSV file or its workbook.
    package func gives(_ name: String) -> Bool {
        files.contains(sourceFiles[name] ?? name)
    }

    /// Where column `column` of the row on `line` of the table `file` (its CSV name) is, for
    /// messages: in the workbook it was read from, if it was.
    package func location(_ file: String, line: Int, column: String) -> SourceLocation {
        let k = headers[file]?.firstIndex(of: column).map { $0 + 1 } ?? 0
        return SourceLocation(file: sourceFiles[file] ?? file, line: line, column: k)
    }

    /// Every attendance zone of `level` with its schools: the drawn ones, then the declared
    /// ones not drawn, each group in file order.
    package func zones(_ level: SchoolLevel) -> [(id: String, schools: [String])] {
        let drawn = (zoneMap?.zones ?? []).filter { $0.level == level }.map { (id: $0.id, schools: $0.schools) }
        let ids = Set(drawn.map(\.id))
        return drawn + zoneDeclarations.filter { $0.level == level && !ids.contains($0.id) }.map { (id: $0.id, schools: $0.schools) }
    }

    /// A one-line summary, as `validate` prints it.
    package var summary: String {
        let levels = SchoolLevel.allCases.map { level in "\(schools(level).count) \(level.rawValue)" }.joined(separator: ", ")
        let zoneCount = zones(.primary).count + zones(.junior).count
        let exceptions = primaryApplicants.count { $0.ageException != nil } + juniorApplicants.count { $0.ageException != nil }
        let ages = policy.ageWindow.cutoffDate.map { "ages checked on \($0) (\(exceptions) approved exception\(exceptions == 1 ? "" : "s"))" }
            ?? "ages not checked (policy.json has no intake_year)"
        let second = secondRound.map { round in
            "; second round: " + [SchoolLevel.primary, .junior].filter(round.concerns).map { level in
                "\(round.applicants[level]?.count ?? 0) \(level.rawValue) applicants, \(round.declined[level]?.count ?? 0) declining"
            }.joined(separator: ", ")
        } ?? ""
        return "\(schools.count) schools (\(levels)), \(zoneCount) zones, \(primaryApplicants.count) primary applicants, \(juniorApplicants.count) junior applicants, \(graduates.count) graduates; \(ages)\(second)"
    }
}
