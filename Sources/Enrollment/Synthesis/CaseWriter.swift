import Foundation
import EnrollmentIO
import EnrollmentCase
import EnrollmentVocabulary
import EnrollmentZones

/// Renders the files of a case (as `enroll synth` writes them), each as the bytes of a
/// UTF-8 CSV with a byte-order mark, rows in file order.
package enum CaseWriter {
    /// `schools.csv`, ordered by level then id.
    package static func schools(_ schools: [School]) -> [UInt8] {
        var w = CSVWriter(header: ["school_id", "name", "level", "sector", "capacity", "classes", "lon", "lat", "feeds", "quality",
                                   "boarding", "locale", "purchased_places"])
        for s in schools.sorted(by: { ($0.level, $0.id) < ($1.level, $1.id) }) {
            w.append([s.id, s.name, s.level.rawValue, s.sector.rawValue, String(s.capacity), s.classes.map(String.init) ?? "",
                      s.longitude.map { DecimalText.format($0) } ?? "", s.latitude.map { DecimalText.format($0) } ?? "", s.feeds ?? "",
                      s.level == .high ? String(s.quality) : "", s.boarding ? "true" : "", s.locale?.rawValue ?? "", s.purchasedPlaces > 0 ? String(s.purchasedPlaces) : ""])
        }
        return w.bytes
    }

    /// `primary-applicants.csv` or `junior-applicants.csv`, in the order given.
    package static func applicants(_ applicants: [Applicant], level: SchoolLevel) -> [UInt8] {
        let subjects = orderedSubjects(applicants.map(\.subjectScores))
        var header = ["student_id", "name", "gender", "birth_date", "id_number", "lon", "lat", "address", "residence",
                      "categories", "sibling_school"]
        if level == .junior { header.append("primary_school") }
        header += ["choices", "score"] + subjects.map { "score_" + $0 } + ["together_with", "apart_from", "twin_group", "permit_months", "age_exception"]
        var w = CSVWriter(header: header)
        for a in applicants {
            var row = [a.id, a.name, a.gender.rawValue, a.birthDate.description, a.idNumber ?? "",
                       a.longitude.map { DecimalText.format($0) } ?? "", a.latitude.map { DecimalText.format($0) } ?? "", a.address ?? "",
                       a.residence.rawValue, a.categories.joined(separator: ";"), a.siblingSchool ?? ""]
            if level == .junior { row.append(a.primarySchool ?? "") }
            row += [a.choices.joined(separator: ";"), a.score?.description ?? ""]
            row += subjects.map { s in a.subjectScores.first { $0.subject == s }?.score.description ?? "" }
            row += [a.togetherWith.joined(separator: ";"), a.apartFrom.joined(separator: ";"), a.twinGroup ?? "", a.permitMonths.map(String.init) ?? "", a.ageException ?? ""]
            w.append(row)
        }
        return w.bytes
    }

    /// `graduates.csv`, in the order given.
    package static func graduates(_ graduates: [Graduate]) -> [UInt8] {
        let subjects = orderedSubjects(graduates.map(\.subjectScores))
        var w = CSVWriter(header: ["student_id", "name", "junior_school", "score"] + subjects.map { "score_" + $0 }
                          + ["choices", "eligible", "categories"])
        for g in graduates {
            w.append([g.id, g.name, g.juniorSchool, g.score.description]
                     + subjects.map { s in g.subjectScores.first { $0.subject == s }?.score.description ?? "" }
                     + [g.choices.joined(separator: ";"), String(g.eligible), g.categories.joined(separator: ";")])
        }
        return w.bytes
    }

    /// `zone-rules.csv`: address-list rules, one row each, in `ZoneRule.columns` order.
    package static func zoneRules(_ rows: [[String]]) -> [UInt8] {
        var w = CSVWriter(header: ZoneRule.columns)
        for row in rows { w.append(row) }
        return w.bytes
    }

    /// `zones.csv`: declared zones, in the order given.
    package static func zoneDeclarations(_ zones: [ZoneTable.Declaration]) -> [UInt8] {
        var w = CSVWriter(header: ["zone_id", "level", "schools", "name"])
        for z in zones { w.append([z.id, z.level.rawValue, z.schools.joined(separator: ";"), z.name ?? ""]) }
        return w.bytes
    }

    /// `teachers.csv`: school_id, teacher_id, children (`;`-separated student ids).
    package static func teachers(_ rows: [(school: String, teacher: String, children: [String])]) -> [UInt8] {
        var w = CSVWriter(header: ["school_id", "teacher_id", "children"])
        for r in rows { w.append([r.school, r.teacher, r.children.joined(separator: ";")]) }
        return w.bytes
    }

    /// The subjects in order of first appearance.
    package static func orderedSubjects(_ lists: [[SubjectScore]]) -> [String] {
        var seen: [String] = []
        for list in lists {
            for s in list where !seen.contains(s.subject) { seen.append(s.subject) }
        }
        return seen
    }
}

extension CaseWriter {
    /// `zones.geojson`: a FeatureCollection with the `coordinate_system` member, one feature
    /// per line, ordered by level then zone id; a zone in several parts is a MultiPolygon.
    package static func zones(_ zones: [SyntheticCounty.Zone], coordinateSystem: String) -> [UInt8] {
        func ring(_ points: [(lon: Double, lat: Double)]) -> String {
            "[" + points.map { "[\(DecimalText.format($0.lon)),\(DecimalText.format($0.lat))]" }.joined(separator: ",") + "]"
        }
        func polygon(_ rings: [[(lon: Double, lat: Double)]]) -> String {
            "[" + rings.map(ring).joined(separator: ",") + "]"
        }
        var lines = ["{\"type\":\"FeatureCollection\",\"coordinate_system\":\"\(coordinateSystem)\",\"features\":["]
        let sorted = zones.sorted { ($0.level, $0.id) < ($1.level, $1.id) }
        for (k, z) in sorted.enumerated() {
            let geometry = z.polygons.count == 1
                ? "{\"type\":\"Polygon\",\"coordinates\":\(polygon(z.polygons[0]))}"
                : "{\"type\":\"MultiPolygon\",\"coordinates\":[\(z.polygons.map(polygon).joined(separator: ","))]}"
            let schools = z.schools.map { "\"\($0)\"" }.joined(separator: ",")
            lines.append("{\"type\":\"Feature\",\"properties\":{\"zone_id\":\"\(z.id)\",\"level\":\"\(z.level.rawValue)\",\"schools\":[\(schools)]},\"geometry\":\(geometry)}"
                         + (k == sorted.count - 1 ? "" : ","))
        }
        lines.append("]}")
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// Writes every file of a synthetic county as the folder `folder`, replacing it as a whole
    /// (`FolderReplacement`): a kill leaves the old case or the new one, never a mix of the two,
    /// and another command replacing the same folder waits (`wait`) or is refused naming it.
    /// Returns the names written, in order.
    /// - Throws: `FolderLockError.busy`; `CaseWriterError.notACase` when `folder` holds files and
    ///   no `schools.csv` (it would be replaced); file errors.
    package static func replace(_ folder: URL, with county: SyntheticCounty, wait: Bool = false,
                                waiting: (String) -> Void = { _ in }) throws -> [String] {
        try FolderReplacement.replace(folder, wait: wait, waiting: waiting, refusal: { existing in
            existing.contains(SchoolTable.fileName) ? nil : CaseWriterError.notACase(folder.standardizedFileURL.path)
        }) { staging in
            try write(county, to: staging)
        }
    }

    /// Writes every file of a synthetic county into `folder` (each atomically) and returns
    /// their names in the order written.
    package static func write(_ county: SyntheticCounty, to folder: URL) throws -> [String] {
        let c = county.admissionCase
        var files: [(String, [UInt8])] = [
            (SchoolTable.fileName, schools(c.schools)),
            (PolicyFile.fileName, PolicyFile.render(c.policy)),
            ("zones.geojson", zones(county.zones, coordinateSystem: c.policy.coordinateSystem)),
            (ZoneRuleFile.fileName, zoneRules(county.addressRules)),
            (ZoneTable.fileName, zoneDeclarations(county.zoneDeclarations)),
            (ApplicantTable.fileName(for: .primary), applicants(c.primaryApplicants, level: .primary)),
            (ApplicantTable.fileName(for: .junior), applicants(c.juniorApplicants, level: .junior)),
            (GraduateTable.fileName, graduates(c.graduates)),
            (TeacherTable.fileName, teachers(county.teachers)),
        ]
        if !c.resources.isEmpty {
            var w = CSVWriter(header: ["school_id", "pupils"] + SchoolResources.Indicator.allCases.map(\.rawValue))
            for id in c.resources.keys.sorted() {
                let r = c.resources[id]!
                w.append([id, r.pupils.map(String.init) ?? ""] + SchoolResources.Indicator.allCases.map { r.amounts[$0].map { DecimalText.trimmed($0) } ?? "" })
            }
            files.append((ResourceTable.fileName, w.bytes))
        }
        if let round = c.secondRound {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(SecondRound.folder), withIntermediateDirectories: true)
            for level in [SchoolLevel.primary, .junior] {
                if let applicants = round.applicants[level] {
                    files.append((SecondRound.applicantsFile(level), Self.applicants(applicants, level: level)))
                }
                if let declined = round.declined[level] {
                    var w = CSVWriter(header: ["student_id"])
                    for id in declined { w.append([id]) }
                    files.append((SecondRound.declinedFile(level), w.bytes))
                }
            }
        }
        for (name, bytes) in files {
            try AtomicFile.write(bytes, to: folder.appendingPathComponent(name))
        }
        return files.map(\.0)
    }
}

/// Why a synthetic case was not written.
package enum CaseWriterError: Error, Equatable, CustomStringConvertible {
    /// The folder holds files and is not a case: writing the case would replace them.
    case notACase(String)

    package var description: String {
        switch self {
        case .notACase(let path):
            "\(path): the folder holds files and no \(SchoolTable.fileName), so it is not a case folder; "
                + "enroll synth replaces its --out folder as a whole: give a new or empty folder, or a case folder to replace"
        }
    }
}
