import Foundation
import EnrollmentIO
import EnrollmentVocabulary
import EnrollmentCase
import EnrollmentEngines
import EnrollmentRound

/// The workbooks the school offices and the bureau print from (issue 29): each school's class
/// lists as one .xlsx per school — a sheet per class, named for the school and the class
/// (`城关小学 1班`), its rows the class's pupils by `student_id` with their number, name,
/// gender and head teacher — and each level's placements as one .xlsx (the columns of
/// `placements.csv`, then the name and the id number).
///
/// Names and id numbers are masked as on the published site (`Masking`), or given whole when
/// the caller asks; either way the workbooks are written only into a folder the caller names,
/// outside the run, the case and the site (`write`), never into a published site.
package enum SchoolWorkbooks {
    /// A workbook: its file name and bytes.
    struct Workbook: Sendable {
        var name: String
        var bytes: [UInt8]
    }

    /// The workbooks of `results`, in order: per level its placements, then its schools'
    /// class lists (schools in order of their ids). The case must be known (for the names).
    /// - Throws: `PublishingError.caseNeeded` without the case; `.missingColumn` for a run file
    ///   without a column it reads.
    /// - Complexity: O(rows of the placement and class files), plus compressing the workbooks.
    static func workbooks(_ results: RunResults, masked: Bool, language: SiteLanguage) throws(PublishingError) -> [Workbook] {
        guard let c = results.admissionCase else { throw .caseNeeded }
        let page = SitePage(language: language, notice: nil)
        let schoolNames = Dictionary(c.schools.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var workbooks: [Workbook] = []
        for level in results.levels {
            let applicants = c.applicants(level.level)
            var index: [String: Int] = [:]
            index.reserveCapacity(applicants.count)
            for (k, a) in applicants.enumerated() where index[a.id] == nil { index[a.id] = k }
            func name(_ id: String) -> String {
                let whole = index[id].map { applicants[$0].name } ?? ""
                return masked ? Masking.name(whole) : whole
            }
            let p = level.placements
            let sid = try p.index("student_id")
            let placementRows = p.rows.map { row in
                let number = index[row[sid]].flatMap { applicants[$0].idNumber } ?? ""
                return row + [name(row[sid]), masked ? Masking.idNumber(number) : number]
            }
            let levelName = page.levelName(level.level)
            workbooks.append(Workbook(name: "\(level.level.rawValue)-placements.xlsx", bytes: XLSXWriter.workbook([
                XLSXWriter.Sheet(name: page.t(.placementsSheet, levelName),
                                 header: p.columns + [page.t(masked ? .name : .fullName), page.t(masked ? .idNumber : .fullIDNumber)],
                                 rows: placementRows),
            ])))
            guard let classes = level.classes else { continue }
            let (cs, cn, csc) = (try classes.index(ClassesFile.Column.studentID), try classes.index(ClassesFile.Column.classNumber),
                                 try classes.index(ClassesFile.Column.schoolID))
            var heads: [String: String] = [:]
            if let h = level.headTeachers {
                let (hs, hc, ht) = (try h.index("school_id"), try h.index("class_no"), try h.index("teacher_id"))
                for row in h.rows { heads[row[hs] + "\n" + row[hc]] = row[ht] }
            }
            // Per school, per class number, the pupils' ids.
            var bySchool: [String: [Int: [String]]] = [:]
            for row in classes.rows {
                bySchool[row[csc], default: [:]][Int(row[cn]) ?? 0, default: []].append(row[cs])
            }
            let header = [page.t(.rowNumber), page.t(.studentID), page.t(masked ? .name : .fullName), page.t(.gender), page.t(.headTeacher)]
            for school in bySchool.keys.sorted() {
                let label = schoolNames[school] ?? school
                let sheets = bySchool[school]!.sorted { $0.key < $1.key }.map { number, ids in
                    let head = heads[school + "\n" + String(number)] ?? ""
                    let rows = ids.sorted().enumerated().map { k, id -> [String] in
                        let gender = index[id].map { applicants[$0].gender == .male ? page.t(.male) : page.t(.female) } ?? ""
                        return [String(k + 1), id, name(id), gender, head]
                    }
                    return XLSXWriter.Sheet(name: page.t(.classSheet, label, String(number)), header: header, rows: rows)
                }
                workbooks.append(Workbook(name: "\(level.level.rawValue)-\(HTMLText.fileNamePart(school))-classes.xlsx",
                                          bytes: XLSXWriter.workbook(sheets)))
            }
        }
        return workbooks
    }

    /// Checks, before anything is written, that `folder` may take the workbooks.
    /// - Throws: `PublishingError.workbooksInside` when `folder` is one of `outside` or inside
    ///   one; `.notAWorkbookFolder` when it holds other files than workbooks.
    package static func check(_ folder: URL, outside: [URL]) throws {
        for source in outside { try SiteFolder.check(folder, outside: source, as: PublishingError.workbooksInside) }
        if let error = refusal(folder, existing: (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []) { throw error }
    }

    /// The error for a `folder` holding `existing` files that are not all workbooks.
    static func refusal(_ folder: URL, existing: [String]) -> PublishingError? {
        existing.allSatisfy { $0.hasSuffix(".xlsx") } ? nil : .notAWorkbookFolder(folder.standardizedFileURL.path)
    }

    /// Writes the workbooks of `results` into `folder`, which is replaced as a whole
    /// (`FolderReplacement`: a kill leaves the old folder or the new one).
    /// - Parameters:
    ///   - outside: the folders `folder` may not be or be inside: the run, the case, the site.
    /// - Throws: `PublishingError.workbooksInside` for a folder inside one of `outside`;
    ///   `.notAWorkbookFolder` for an existing folder holding other files than workbooks;
    ///   `FolderLockError.busy`; what `workbooks` throws; file errors.
    /// - Returns: the names of the files written.
    @discardableResult
    package static func write(_ results: RunResults, masked: Bool, language: SiteLanguage, to folder: URL, outside: [URL],
                              wait: Bool = false, waiting: (String) -> Void = { _ in }) throws -> [String] {
        try check(folder, outside: outside)
        let books = try workbooks(results, masked: masked, language: language)
        return try FolderReplacement.replace(folder, wait: wait, waiting: waiting, refusal: { refusal(folder, existing: $0) }) { staging in
            for book in books { try AtomicFile.write(book.bytes, to: staging.appendingPathComponent(book.name)) }
            return books.map(\.name)
        }
    }
}
